"""Typed use of the whole public API, checked by ``mypy --strict`` against the stubs.

Run by pytest like any test; its real job is to fail type-checking if a stub is wrong or
missing (``mypy --strict bindings/python/tests/typed_usage.py``, run by ``make mypy``). ``reveal_type`` is not
used: every result is bound to an annotated name instead, so that a wrong stub is an error.
"""

from __future__ import annotations

import pickle
import threading
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Optional

import rakt
from rakt import (
    Abo,
    ASubgroup,
    BloodGroup,
    BloodUnit,
    Compatibility,
    Component,
    Condition,
    Confidence,
    DeferralEvent,
    DeferralKind,
    DiscardReason,
    DonationKind,
    DonationType,
    Donor,
    DonorAssessment,
    DonorChecks,
    DonorOption,
    DonorReferral,
    DonorState,
    Expiry,
    Grouping,
    LookbackEntry,
    Modification,
    PlateletSource,
    Policy,
    Preservative,
    PreviousDonation,
    Product,
    Rank,
    ReactiveOutcome,
    Reason,
    Recipient,
    ReleaseVerdict,
    Reservation,
    RhD,
    Screening,
    Severity,
    Sex,
    Source,
    Storage,
    TemperatureRange,
    TestResult,
    TtiMarker,
    UnitEvent,
    UnitStatus,
)

IST = timezone(timedelta(hours=5, minutes=30))


def test_typed_blood_groups_and_enums() -> None:
    g: BloodGroup = BloodGroup.parse("A2B+")
    parts: BloodGroup = BloodGroup(Abo.AB, RhD.POSITIVE, ASubgroup.A2, weak_d=False)
    by_code: BloodGroup = BloodGroup("AB", "positive", "A2")
    assert g == parts == by_code
    abo: Abo = g.abo
    rhd: Optional[RhD] = g.rhd
    sub: Optional[ASubgroup] = g.a_subgroup
    weak: bool = g.weak_d
    notation: str = g.notation
    basic: BloodGroup = g.basic()
    standard: list[BloodGroup] = BloodGroup.standard()
    assert (abo, rhd, sub, weak, notation, str(basic)) == (
        Abo.AB, RhD.POSITIVE, ASubgroup.A2, False, "A2B+", "AB+"
    )
    assert len(standard) == 10
    code: str = Component.RED_CELLS.code
    ffp: Component = Component.parse("FFP")
    members: list[Storage] = Storage.members()
    ordered: bool = Rank.IDENTICAL < Rank.INCOMPATIBLE and Severity.INFO <= Severity.STOP
    assert code == "red_cells" and ffp == Component.FRESH_FROZEN_PLASMA and ordered
    assert [m.code for m in members] == ["refrigerated", "room_temperature", "frozen"]
    counted: dict[Component, int] = {Component.PLATELETS: 1}
    assert counted[Component.parse("platelets")] == 1


def test_typed_compatibility() -> None:
    patient: Recipient = Recipient("O-", sex=Sex.FEMALE, age_years=28)
    group: Optional[BloodGroup] = patient.group
    sex: Optional[Sex] = patient.sex
    age: Optional[int] = patient.age_years
    assert group is not None and sex == Sex.FEMALE and age == 28
    assert patient.anti_d is False and patient.chronically_transfused is False
    v: Compatibility = rakt.compatibility(Component.RED_CELLS, "O+", patient, Policy.india())
    assert v.compatible is False
    assert v.rank is not None and v.emergency is False
    assert v.component == Component.RED_CELLS and str(v.donor) == "O+"
    codes: list[str] = v.codes
    reasons: list[Reason] = v.reasons
    first: Reason = reasons[0]
    facts: dict[str, str] = first.facts
    severity: Severity = first.severity
    source: Optional[str] = first.source
    confidence: Optional[Confidence] = first.confidence
    en: str = first.message()
    hi: str = first.message("hi")
    assert codes[0] == first.code == "RHD_NEGATIVE_REQUIRED"
    assert facts["protection"] == "female_child_bearing_potential"
    assert severity == Severity.STOP and source and confidence == Confidence.UNVERIFIED
    assert en != hi
    options: list[DonorOption] = rakt.donor_preference("red_cells", patient)
    assert [str(o.group) for o in options] == ["O-", "Oh-"]
    rank: Rank = options[0].rank
    option_codes: list[str] = options[0].codes
    option_reasons: list[Reason] = options[0].reasons
    assert rank == Rank.IDENTICAL and option_codes == [r.code for r in option_reasons]
    again: Compatibility = Compatibility.from_json(v.to_json())
    assert again == v and Reason.from_json(first.to_json()) == first
    assert DonorOption.from_json(options[0].to_json()) == options[0]
    assert Recipient.from_json(patient.to_json()) == patient


def test_typed_expiry() -> None:
    product: Product = Product(
        Component.RED_CELLS, Preservative.CPDA1, None, [Modification.LEUCOREDUCED]
    )
    mods: list[Modification] = product.modifications
    assert mods == [Modification.LEUCOREDUCED] and product.has("leucoreduced")
    assert product.preservative == Preservative.CPDA1 and product.platelet_source is None
    assert product.component == Component.RED_CELLS
    e: Expiry = rakt.expiry(product, datetime(2026, 1, 1, 10, tzinfo=IST))
    expires: datetime = e.expires_at
    collected: datetime = e.collected_at
    assert expires > collected and e.product == product and e.codes == ["SHELF_LIFE"]
    as_of = datetime(2026, 1, 2, tzinfo=IST)
    left: timedelta = e.remaining(as_of)
    soon: bool = e.expires_within(timedelta(days=1), as_of)
    expired: bool = e.is_expired(as_of)
    assert left > timedelta(0) and not soon and not expired
    irradiated: Expiry = e.redate(rakt.Irradiated(as_of), Policy.india())
    opened: Expiry = irradiated.redate(rakt.Opened(datetime(2026, 1, 3, tzinfo=IST)))
    assert opened.expires_at <= irradiated.expires_at
    assert Expiry.from_json(opened.to_json()) == opened
    ffp: Expiry = rakt.expiry(Product("fresh_frozen_plasma"), collected)
    thawed_event = rakt.Thawed(as_of, Storage.REFRIGERATED)
    storage: Storage = thawed_event.storage
    at: datetime = thawed_event.at
    modification: Modification = thawed_event.modification
    assert storage == Storage.REFRIGERATED and at == as_of
    assert modification == Modification.THAWED
    assert ffp.redate(thawed_event).expires_at == datetime(2026, 1, 3, tzinfo=IST)
    assert rakt.Washed(as_of).at == rakt.Irradiated(as_of).at
    rdp = Product("platelets", platelet_source=PlateletSource.RANDOM_DONOR)
    units: list[Expiry] = [rakt.expiry(rdp, collected), rakt.expiry(rdp, collected)]
    pooled: Expiry = rakt.pool(units, datetime(2026, 1, 2, tzinfo=IST))
    assert pooled.product.has(Modification.POOLED)
    parsed: datetime = rakt.parse_timestamp("2026-01-01T10:00+05:30")
    assert parsed == collected
    assert Product.from_json(product.to_json()) == product


def test_typed_policy_and_errors() -> None:
    p: Policy = Policy.from_toml('name = "l"\nextends = "india"\n')
    name: str = p.name
    description: str = p.description
    offset: timezone = p.utc_offset
    paths: list[str] = p.parameter_paths()
    src: Optional[Source] = p.source("shelf_life.red_cells_cpda1")
    assert name == "l" and description and offset == IST and paths and src is not None
    citation: str = src.citation
    note: Optional[str] = src.note
    alternatives: list[tuple[str, str]] = src.alternatives
    level: Confidence = src.confidence
    assert citation and (note is None or note) and isinstance(alternatives, list) and level
    assert Source.from_json(src.to_json()) == src
    fridge: TemperatureRange = p.storage_range(Storage.REFRIGERATED)
    low: Optional[Decimal] = fridge.min_celsius
    high: Optional[Decimal] = fridge.max_celsius
    assert low is not None and high is not None and fridge.contains(Decimal("4.5"))
    assert TemperatureRange(low, high) == fridge
    for other in (Policy.us(), Policy.uk(), Policy.builtin("india"), Policy.from_json(p.to_json())):
        assert other.to_toml()
    try:
        Policy.from_toml('name = "x"\nextends = "india"\n[shelf_life.platelets_random_donor]\ndays = 0')
    except rakt.InvalidPolicy as e:
        path: str = e.path
        kind: str = e.kind
        reason: str = e.reason
        assert (path, kind, reason) == (
            "shelf_life.platelets_random_donor.days", "InvalidPolicy", "must be > 0"
        )
    else:
        raise AssertionError("expected InvalidPolicy")
    try:
        rakt.expiry(Product("whole_blood", "cpd"), datetime(2026, 1, 1, tzinfo=IST), Policy.uk())
    except rakt.PolicyValueMissing as missing:
        policy_name: str = missing.policy
        assert policy_name == "uk" and missing.path == "shelf_life.whole_blood_cpd"
    errors: list[type[rakt.RaktError]] = [
        rakt.InvalidBloodGroup, rakt.InvalidInput, rakt.NotApplicable, rakt.PolicyValueMissing
    ]
    assert all(issubclass(cls, rakt.RaktError) for cls in errors)
    err = rakt.InvalidBloodGroup("invalid blood group")
    assert pickle.loads(pickle.dumps(err)).args == err.args
    field_name: str = rakt.InvalidInput("x").field
    code: str = rakt.NotApplicable("x").code
    given: str = rakt.InvalidBloodGroup("x").input
    assert (field_name, code, given) == ("", "", "")


def test_typed_threads_share_policies() -> None:
    """The functions are safe to call from many threads at once (the GIL is released around
    donor_preference and pool)."""
    policy = Policy.india()
    patients = [Recipient(str(g), sex="male", age_years=40) for g in BloodGroup.standard()]
    expected = {str(r.group): [str(o.group) for o in rakt.donor_preference("red_cells", r, policy)] for r in patients}
    results: dict[str, list[str]] = {}
    lock = threading.Lock()

    def work(r: Recipient) -> None:
        for _ in range(200):
            got = [str(o.group) for o in rakt.donor_preference("red_cells", r, policy)]
            with lock:
                results[str(r.group)] = got

    threads = [threading.Thread(target=work, args=(r,)) for r in patients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_typed_donors() -> None:
    history: list[PreviousDonation] = [
        PreviousDonation(date(2026, 1, 10), DonationKind.WHOLE_BLOOD_450),
        PreviousDonation(date(2025, 6, 1), "plateletpheresis", red_cells_returned=False),
    ]
    events: list[DeferralEvent] = [
        DeferralEvent(DeferralKind.TATTOO, date(2025, 2, 10)),
        DeferralEvent("tti_reactive", date(2020, 1, 1), marker=TtiMarker.MALARIA),
    ]
    donor: Donor = Donor(
        date(1990, 5, 17), Sex.MALE, first_time=False, previous_donations=history,
        deferral_events=events, conditions=(), id="D-17",
    )
    checks: DonorChecks = DonorChecks(
        Decimal("70"), Decimal("14.1"), 120, 80, 72, Decimal("36.8"), states=()
    )
    a: DonorAssessment = rakt.assess_donor(donor, checks, DonationKind.WHOLE_BLOOD_450, date(2026, 3, 1))
    eligible: bool = a.eligible
    until: Optional[date] = a.deferred_until
    next_day: Optional[date] = a.next_eligible
    permanent: bool = a.permanent
    referred: bool = a.referred
    kind: DonationKind = a.kind
    as_of: date = a.as_of
    reasons: list[Reason] = a.reasons
    codes: list[str] = a.codes
    assert not eligible and until == next_day == date(2026, 4, 10)
    assert not permanent and not referred and kind == DonationKind.WHOLE_BLOOD_450
    assert as_of == date(2026, 3, 1) and codes == [r.code for r in reasons]
    dob: date = donor.date_of_birth
    donor_id: Optional[str] = donor.id
    first: Optional[bool] = donor.first_time
    sex: Sex = donor.sex
    conditions: list[Condition] = donor.conditions
    marker: Optional[TtiMarker] = donor.deferral_events[1].marker
    weight: Decimal = checks.weight_kg
    pulse: int = checks.pulse_bpm
    states: list[DonorState] = checks.states
    assert (dob, donor_id, first, sex, conditions, marker, weight, pulse, states) == (
        date(1990, 5, 17), "D-17", False, Sex.MALE, [], TtiMarker.MALARIA, Decimal("70"), 72, []
    )
    assert pickle.loads(pickle.dumps(a)) == a and DonorAssessment.from_json(a.to_json()) == a


def test_typed_units() -> None:
    at = datetime(2026, 11, 1, 9, tzinfo=IST)
    policy = Policy.india()
    unit: BloodUnit = BloodUnit.collect(
        "DIN-1", Product("red_cells", "additive_solution"), "O+", 280, DonationType.VOLUNTARY, at,
        actor="tech", donor_id="D-1", policy=policy,
    )
    steps: list[UnitEvent] = [rakt.Quarantine(at + timedelta(minutes=30), "tech")]
    steps += [
        rakt.RecordTest(at + timedelta(hours=1), "tech", m, TestResult.NON_REACTIVE)
        for m in (TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
    ]
    steps.append(rakt.RecordGrouping(at + timedelta(hours=1), "tech", forward="O+", reverse=Abo.O))
    for step in steps:
        unit = unit.apply(step, policy)
    verdict: ReleaseVerdict = rakt.screening_release(unit, at + timedelta(hours=2), policy)
    same: ReleaseVerdict = unit.release_verdict(at + timedelta(hours=2))
    assert verdict == same and verdict.releasable and verdict.codes == ["RELEASE_ALLOWED"]
    unit = unit.apply(rakt.Release(at + timedelta(hours=2), "tech"))
    unit = unit.apply(rakt.Reserve(at + timedelta(hours=3), "tech", "P-1", at + timedelta(days=1)))
    status: UnitStatus = unit.status
    hl7: Optional[str] = status.hl7
    reservation: Optional[Reservation] = unit.reservation
    assert status == UnitStatus.from_hl7("RS") and hl7 == "RS" and reservation is not None
    patient: str = reservation.patient
    hold_until: Optional[datetime] = reservation.until
    assert patient == "P-1" and hold_until == at + timedelta(days=1)
    unit = unit.apply(rakt.Issue(at + timedelta(hours=4), "tech", "P-1"))
    last: UnitEvent = unit.history[-1]
    assert isinstance(last, rakt.Issue) and last.patient == "P-1" and last.kind == "issue"
    screening: Screening = unit.screening
    results: dict[TtiMarker, TestResult] = screening.results
    grouping: Grouping = unit.grouping
    forward: Optional[BloodGroup] = grouping.forward
    expiry: Expiry = unit.expiry
    uid: str = unit.id
    division: Optional[str] = unit.division
    parents: list[str] = unit.parents
    assert len(results) == 5 and forward is not None and expiry.expires_at > at
    assert uid == "DIN-1" and division is None and parents == []
    back: BloodUnit = unit.apply(rakt.Return(at + timedelta(hours=4, minutes=10), "tech", 10, True))
    assert back.status == UnitStatus.RETURNED
    reason: Optional[DiscardReason] = back.apply(
        rakt.Discard(at + timedelta(hours=5), "tech", DiscardReason.other("bag torn"))
    ).discard_reason
    assert reason is not None and reason.text == "bag torn"
    try:
        unit.apply(rakt.Release(at + timedelta(hours=5), "tech"))
    except rakt.NotApplicable as refused:
        assert refused.code == "INVALID_TRANSITION"
    parent, children = rakt.BloodUnit.collect(
        "DIN-2", Product("fresh_frozen_plasma"), "A+", 250, "voluntary", at, actor="tech"
    ).split([125, 125], at + timedelta(hours=1), "tech")
    child_ids: list[str] = [c.id for c in children]
    assert parent.status == UnitStatus.PROCESSED and child_ids == ["DIN-2/A0", "DIN-2/B0"]
    reactive = rakt.BloodUnit.collect("DIN-3", Product("fresh_frozen_plasma"), "B+", 250, "voluntary", at, actor="t")
    reactive = reactive.apply(rakt.RecordTest(at, "t", "hcv", "initially_reactive"))
    reactive = reactive.apply(rakt.RecordRepeat(at, "t", "hcv", "repeat_reactive", "non_reactive"))
    outcome: ReactiveOutcome = rakt.handle_reactive(reactive, [unit], at + timedelta(hours=1), "t")
    referral: DonorReferral = outcome.referral
    lookback: list[LookbackEntry] = outcome.lookback
    discarded: list[BloodUnit] = outcome.discarded
    deferrals: list[DeferralEvent] = referral.deferral_events
    day: date = referral.date
    assert [u.id for u in discarded] == ["DIN-3"] and lookback == [] and day == date(2026, 11, 1)
    assert [d.marker for d in deferrals] == [TtiMarker.HCV]
    try:
        pooled: tuple[list[BloodUnit], BloodUnit] = BloodUnit.pool(children, "POOL-1", at, "t")
    except rakt.NotApplicable as not_released:
        assert not_released.code == "INVALID_TRANSITION"
    else:
        raise AssertionError(f"collected units were pooled: {pooled}")
    other_states: list[DonorState] = DonorState.members()
    other_conditions: list[Condition] = [Condition.parse("asthma")]
    assert len(other_states) == 4 and other_conditions == [Condition.ASTHMA]


def test_typed_isbt128() -> None:
    from rakt import isbt128

    group: isbt128.BloodGroupCode = isbt128.decode_blood_group("=%5100")
    basic: Optional[rakt.BloodGroup] = group.blood_group
    status: Optional[rakt.UnitStatus] = isbt128.decode_blood_group("=%Mq00").implied_status
    assert basic is not None and str(basic) == "O+" and status == rakt.UnitStatus.QUARANTINED
    assert isbt128.encode_blood_group("O+", "directed_only", "0").encode() == "=%4700"
    product: isbt128.ProductCode = isbt128.parse_product_code("=<E4306V00")
    division: Optional[str] = product.division
    expiry: isbt128.IsbtDate = isbt128.decode_datetime("&>0183652359")
    local: datetime = expiry.datetime
    ist = timezone(timedelta(hours=5, minutes=30))
    instant: datetime = expiry.at_offset(ist)
    assert division == "00" and local.tzinfo is None and instant.tzinfo is not None
    assert isbt128.encode_date("expiration", date(2018, 12, 31)).encode() == "=>018365"
    items: list[isbt128.Scanned] = isbt128.parse_scan("=%5100&>0183652359")
    assert [s.offset for s in items] == [1, 7]
    table = isbt128.ProductTable.from_toml(
        '[[product]]\ncode = "E4306"\nproduct = { component = "red_cells", preservative = "cpd" }\n'
    )
    label = isbt128.Label.from_scan("=A99992112345600=%5100=<E4306V00&>0263652359&*0263500900")
    unit: BloodUnit = label.to_unit(table, offset=ist, volume_ml=250, actor="t")
    back: isbt128.Label = isbt128.Label.from_unit(unit, table)
    assert back == label


def test_typed_inventory() -> None:
    ist = timezone(timedelta(hours=5, minutes=30))
    at = datetime(2026, 11, 20, 9, tzinfo=ist)
    product = rakt.Product("red_cells", preservative="additive_solution")
    unit = BloodUnit.collect("INV-1", product, "O+", 280, "voluntary", at, actor="tech")
    inventory = rakt.Inventory("FRU-1")
    inventory.add(unit)
    request = rakt.AllocationRequest(
        "P1", rakt.Recipient("A+"), "red_cells", 1, requirements=[], needed_by=None
    )
    allocation: rakt.Allocation = inventory.allocate(request, at)
    ids: list[str] = allocation.ids
    skipped: list[rakt.SkippedClass] = allocation.skipped
    codes: list[str] = skipped[0].codes
    assert ids == [] and allocation.shortfall == 1 and codes == ["NO_STOCK"]
    summary: rakt.InventorySummary = inventory.stock_summary(at)
    row: rakt.StockRow = summary.rows[0]
    assert row.not_released == 1 and summary.eraktkosh.components == []
    days: list[rakt.DaysOfStock] = inventory.days_of_stock(at, 7)
    cover: Optional[Decimal] = days[0].days if days else None
    check: rakt.StockCheck = inventory.check_levels([rakt.StockLevel("O+", ["red_cells"], 1)], at)
    gaps: list[rakt.StockGap] = check.gaps
    assert cover is None and gaps[0].missing == 1 and len(inventory) == 1
    flagged: Optional[rakt.EmergencyIssue] = unit.emergency_release
    assert flagged is None and inventory.get(unit.id) == unit


def test_typed_tariff() -> None:
    from rakt import tariff

    schedule: tariff.CeilingSchedule = tariff.schedule_on(date(2026, 11, 23))
    ceiling: Optional[tariff.Ceiling] = schedule.ceiling(tariff.TariffItem.PACKED_RED_CELLS, "private")
    assert ceiling is not None and ceiling.amount == Decimal("1550")
    prices: dict[str, Decimal] = {"packed_red_cells": Decimal("1100")}
    donor = tariff.CentreExemption("donor_card", "a third off", ["packed_red_cells"], percent=Decimal("33.33"))
    centre = tariff.CentreTariff("C", tariff.Sector.GOVERNMENT, date(2024, 4, 1), prices, [donor])
    check: tariff.TariffCheck = centre.validate()
    assert check.schedule == "nbtc-2022"
    bill: tariff.Bill = tariff.bill(centre, [("packed_red_cells", 1)], centre_exemptions=["donor_card"],
                                    date=date(2026, 11, 23))
    net: Decimal = bill.lines[0].net
    exemption: Optional[str] = bill.lines[0].exemption
    assert net == Decimal("733.37") and exemption == "donor_card" and bill.total == net


def test_typed_pregnancy() -> None:
    record = rakt.AncRecord(id="M-1", hb_g_dl=Decimal("6.5"), blood_group="O+", bp=(150, 100))
    a: rakt.PregnancyAssessment = rakt.assess_pregnancy(record, date(2026, 11, 23))
    level: str = a.referral.level
    first: rakt.PregnancyFlag = a.flags[0]
    hindi: str = first.message("hi")
    plan: rakt.BloodPlan = a.blood_plan
    assert level == "l3" and first.code == "RAISED_BP_UNCONFIRMED" and hindi and plan.units == 0
    hb: Optional[Decimal] = record.hb_g_dl
    assert hb == Decimal("6.5")
    inv = rakt.Inventory("FRU")
    r: rakt.BloodReadiness = rakt.blood_readiness(
        rakt.Mother.from_record(record), rakt.BloodPlan.crossmatch(1), inv, date(2026, 12, 1),
        datetime(2026, 11, 23, 9, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    )
    assert r.missing == 1 and r.suggested_reservation is None


def test_typed_early_warning() -> None:
    w: rakt.EarlyWarning = rakt.early_warning(rakt.Vitals(heart_rate=121, temperature_c=Decimal("37.0")))
    bands: dict[str, str] = w.bands
    si: rakt.ShockIndex = rakt.shock_index(121, 118)
    c: rakt.PphClass = rakt.classify_pph(1200, "vaginal", hours_after_birth=1)
    flags: list[rakt.PphRedFlag] = rakt.pph_red_flags(rakt.Vitals(heart_rate=121))
    assert w.triggered and bands["heart_rate"] == "red" and si.alert and c.major and flags[0].code == "tachycardia"
