"""BloodUnit and its events: every event class applied, refusals that change nothing, the release
verdict, reactive results, split and pool, HL7 codes, values and pickling."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Optional

import pytest

import rakt
from conftest import ist
from rakt import (
    BloodUnit,
    DiscardReason,
    Modification,
    Product,
    TtiMarker,
    UnitEvent,
    UnitStatus,
)

SAGM = Product("red_cells", preservative="additive_solution")
FFP = Product("fresh_frozen_plasma")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]


def collect(
    din: str = "DIN-1",
    product: Product = SAGM,
    group: str = "O+",
    donor_id: Optional[str] = "D-1",
    collected_at: Optional[datetime] = None,
    **kw: object,
) -> BloodUnit:
    return BloodUnit.collect(
        din, product, group, 280, "voluntary", collected_at or ist(2026, 11, 1, 9),
        actor="tech", donor_id=donor_id, **kw,  # type: ignore[arg-type]
    )


def screened(unit: BloodUnit, group: str = "O+", skip: tuple[str, ...] = ()) -> BloodUnit:
    """Quarantined, the mandatory markers non-reactive (except ``skip``), grouping confirmed."""
    unit = unit.apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    for marker in MANDATORY:
        if marker not in skip:
            unit = unit.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", marker, "non_reactive"))
    g = rakt.BloodGroup.parse(group)
    return unit.apply(rakt.RecordGrouping(ist(2026, 11, 1, 10, 10), "tech", forward=g, reverse=g.abo))


def released(unit: Optional[BloodUnit] = None, group: str = "O+") -> BloodUnit:
    return screened(unit or collect(group=group), group).apply(
        rakt.Release(ist(2026, 11, 1, 11), "tech")
    )


def test_collect_gives_a_collected_unit_with_its_expiry() -> None:
    u = collect(first_donation=True)
    assert u.id == u.din == "DIN-1" and u.division is None and u.donor_id == "D-1"
    assert str(u.group) == "O+" and u.volume_ml == 280
    assert u.donation_type == rakt.DonationType.VOLUNTARY
    assert u.product == SAGM and u.collected_at == ist(2026, 11, 1, 9)
    assert u.expiry.expires_at == ist(2026, 12, 13, 23, 59)
    assert u.status == UnitStatus.COLLECTED and u.status.hl7 is None
    assert u.reservation is None and u.discard_reason is None and u.parents == []
    assert u.screening.results == {} and u.screening.first_donation is True
    assert u.screening.result(TtiMarker.HIV) == rakt.TestResult.NOT_TESTED
    assert u.grouping.forward is None and u.grouping.reverse is None
    (first,) = u.history
    assert isinstance(first, rakt.Collected) and isinstance(first, UnitEvent)
    assert first.kind == "collected" and first.actor == "tech" and first.codes == ["SHELF_LIFE"]
    divided = collect(division="A0")
    assert divided.id == "DIN-1/A0" and divided.division == "A0"


def test_collect_refuses_bad_input() -> None:
    with pytest.raises(rakt.InvalidInput) as e:
        collect(din=" DIN")
    assert e.value.field == "din"
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.collect("D", SAGM, "O+", 0, "voluntary", ist(2026, 1, 1), actor="tech")
    assert e.value.field == "volume_ml"
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.collect("D", SAGM, "O+", -5, "voluntary", ist(2026, 1, 1), actor="tech")
    assert e.value.field == "volume_ml"
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.collect("D", SAGM, "O+", 280, "voluntary", datetime(2026, 1, 1), actor="tech")
    assert e.value.field == "collected_at"
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.collect("D", SAGM, "O+", 280, "paid", ist(2026, 1, 1), actor="tech")
    assert e.value.field == "donation_type"
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.collect("D", SAGM, "O+", 280, "voluntary", ist(2026, 1, 1), actor=" ")
    assert e.value.field == "actor"
    with pytest.raises(TypeError):
        BloodUnit.collect("D", SAGM, "O+", 280, "voluntary", ist(2026, 1, 1))  # type: ignore[call-arg]


def test_from_collection_to_transfusion_with_every_step() -> None:
    u = collect().apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    assert u.status == UnitStatus.QUARANTINED
    for marker in ["hiv", "hbsag", "hcv", "syphilis"]:
        u = u.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", marker, rakt.TestResult.NON_REACTIVE))
    u = u.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", TtiMarker.MALARIA, "initially_reactive"))
    assert u.screening.result("malaria") == rakt.TestResult.INITIALLY_REACTIVE
    repeat = rakt.RecordRepeat(ist(2026, 11, 1, 10, 20), "tech", "malaria", "non_reactive", "non_reactive")
    assert (repeat.marker, repeat.first, repeat.second) == (
        TtiMarker.MALARIA, rakt.TestResult.NON_REACTIVE, rakt.TestResult.NON_REACTIVE
    )
    u = u.apply(repeat)
    assert u.screening.result("malaria") == rakt.TestResult.NON_REACTIVE
    grouping = rakt.RecordGrouping(ist(2026, 11, 1, 10, 30), "tech", forward="O+", reverse="O", historical="O+")
    assert str(grouping.forward) == "O+" and grouping.reverse == rakt.Abo.O
    u = u.apply(grouping)
    assert str(u.grouping.historical) == "O+"
    u = u.apply(rakt.Release(ist(2026, 11, 1, 11), "tech"))
    assert u.status == UnitStatus.RELEASED and u.history[-1].codes == ["RELEASE_ALLOWED"]
    reserve = rakt.Reserve(ist(2026, 11, 1, 12), "nurse", "P-1", ist(2026, 11, 2, 12))
    assert (reserve.patient, reserve.until) == ("P-1", ist(2026, 11, 2, 12))
    u = u.apply(reserve)
    assert u.status == UnitStatus.RESERVED and u.status.hl7 == "RS"
    reservation = u.reservation
    assert reservation is not None
    assert (reservation.patient, reservation.until) == ("P-1", ist(2026, 11, 2, 12))
    u = u.apply(rakt.Crossmatch(ist(2026, 11, 1, 13), "tech", "P-1", ist(2026, 11, 3, 9)))
    assert u.status == UnitStatus.CROSSMATCHED and u.status.hl7 == "RD"
    u = u.apply(rakt.CancelReservation(ist(2026, 11, 1, 14), "tech"))
    assert u.status == UnitStatus.RELEASED and u.reservation is None
    u = u.apply(rakt.Issue(ist(2026, 11, 1, 15), "tech", "P-2"))
    assert u.status == UnitStatus.ISSUED and u.status.hl7 == "DS"
    issued_to = u.reservation
    assert issued_to is not None and issued_to.patient == "P-2" and issued_to.until is None
    back = rakt.Return(ist(2026, 11, 1, 15, 10), "tech", keep_for_patient=True)
    assert back.minutes_out_of_storage is None and back.keep_for_patient is True
    u = u.apply(back)
    assert u.status == UnitStatus.RETURNED and u.status.hl7 == "RL"
    assert u.history[-1].codes == ["RETURNED_TO_STOCK"]
    returned_facts = u.history[-1].reasons[0].facts
    assert (returned_facts["minutes"], returned_facts["limit"]) == ("10", "30")
    u = u.apply(rakt.Issue(ist(2026, 11, 1, 16), "tech", "P-2"))
    u = u.apply(rakt.Transfuse(ist(2026, 11, 1, 17), "nurse"))
    assert u.status == UnitStatus.TRANSFUSED and u.status.hl7 == "TX" and u.status.is_terminal
    kinds = [e.kind for e in u.history]
    assert kinds == [
        "collected", "quarantine", "record_test", "record_test", "record_test", "record_test",
        "record_test", "record_repeat", "record_grouping", "release", "reserve", "crossmatch",
        "cancel_reservation", "issue", "return", "issue", "transfuse",
    ]
    assert [type(e).__name__ for e in u.history][-4:] == ["Issue", "Return", "Issue", "Transfuse"]
    assert u.history[-1].actor == "nurse" and u.history[-1].at == ist(2026, 11, 1, 17)


def test_reaction_return_too_late_fractionation_and_discards() -> None:
    issued = released().apply(rakt.Issue(ist(2026, 11, 1, 12), "tech", "P-1"))
    reaction = rakt.TransfuseWithReaction(ist(2026, 11, 1, 13), "nurse", "rigors")
    assert reaction.details == "rigors"
    assert issued.apply(reaction).status == UnitStatus.TRANSFUSED_WITH_REACTION
    assert issued.apply(reaction).status.hl7 == "TR"
    late = issued.apply(rakt.Return(ist(2026, 11, 1, 12, 20), "tech", minutes_out_of_storage=31))
    assert late.status == UnitStatus.DISCARDED and late.status.hl7 == "WA"
    assert late.discard_reason == DiscardReason.RETURNED_TOO_LATE
    assert late.history[-1].codes == ["RETURNED_TOO_LATE"]
    plasma = released(collect(product=FFP))
    sent = plasma.apply(rakt.SendForFractionation(ist(2026, 11, 1, 12), "tech"))
    assert sent.status == UnitStatus.FRACTIONATED and sent.status.hl7 is None
    with pytest.raises(rakt.NotApplicable) as e:
        released().apply(rakt.SendForFractionation(ist(2026, 11, 1, 12), "tech"))
    assert e.value.code == "NOT_PLASMA"
    by_code = released().apply(rakt.Discard(ist(2026, 11, 1, 12), "tech", "leakage"))
    assert by_code.discard_reason == DiscardReason.LEAKAGE
    assert by_code.history[-1].codes == ["DISCARDED"]
    assert by_code.history[-1].reasons[0].facts["reason"] == "leakage"
    words = DiscardReason.other("bag label unreadable")
    other = released().apply(rakt.Discard(ist(2026, 11, 1, 12), "tech", words))
    reason = other.discard_reason
    assert reason is not None and reason.code == "other" and reason.text == "bag label unreadable"
    assert str(reason) == "bag label unreadable"
    discard = other.history[-1]
    assert isinstance(discard, rakt.Discard) and discard.reason == words


def test_redating_events_change_the_expiry() -> None:
    u = released()
    irradiated = u.apply(rakt.Irradiate(ist(2026, 11, 2, 10), "tech"))
    assert irradiated.product.has(Modification.IRRADIATED)
    assert irradiated.expiry.expires_at < u.expiry.expires_at
    assert irradiated.history[-1].codes == irradiated.expiry.codes[-1:]
    washed = u.apply(rakt.Wash(ist(2026, 11, 2, 10), "tech"))
    assert washed.product.has("washed") and washed.expiry.expires_at == ist(2026, 11, 3, 10)
    opened = u.apply(rakt.Open(ist(2026, 11, 2, 10), "tech"))
    assert opened.product.has(Modification.OPENED)
    assert opened.expiry.expires_at <= ist(2026, 11, 3, 10)
    ffp = released(collect(product=FFP))
    thaw = rakt.Thaw(ist(2026, 11, 2, 10), "tech", "refrigerated")
    assert thaw.storage == rakt.Storage.REFRIGERATED
    thawed = ffp.apply(thaw)
    assert thawed.product.has(Modification.THAWED)
    assert thawed.expiry.expires_at < ffp.expiry.expires_at
    with pytest.raises(rakt.NotApplicable) as e:
        u.apply(rakt.Thaw(ist(2026, 11, 2, 10), "tech", "refrigerated"))
    assert e.value.code == "NOT_FROZEN"


def test_a_refused_event_raises_and_changes_nothing() -> None:
    quarantined = collect().apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    snapshot = quarantined.to_json()
    before = quarantined
    with pytest.raises(rakt.NotApplicable) as e:
        quarantined.apply(rakt.Issue(ist(2026, 11, 1, 10), "tech", "P-1"))
    assert e.value.code == "INVALID_TRANSITION" and e.value.kind == "NotApplicable"
    assert isinstance(e.value, ValueError)
    assert quarantined == before and quarantined.to_json() == snapshot
    assert quarantined.status == UnitStatus.QUARANTINED and len(quarantined.history) == 2
    with pytest.raises(rakt.NotApplicable) as e:
        quarantined.apply(rakt.Release(ist(2026, 11, 1, 10), "tech"))
    assert e.value.code == "RELEASE_NOT_ALLOWED" and "TTI_NOT_TESTED" in str(e.value)
    with pytest.raises(rakt.NotApplicable) as e:
        quarantined.apply(rakt.Quarantine(ist(2026, 11, 1, 9), "tech"))
    assert e.value.code == "EVENT_OUT_OF_ORDER"
    with pytest.raises(rakt.InvalidInput) as e:
        released().apply(rakt.Reserve(ist(2026, 11, 1, 12), "tech", "P-1", ist(2026, 11, 1, 12)))
    assert e.value.field == "until"
    with pytest.raises(rakt.InvalidInput) as e:
        released().apply(rakt.Discard(ist(2026, 11, 1, 12), "tech", DiscardReason.EXPIRED))
    assert e.value.field == "reason"
    with pytest.raises(rakt.InvalidInput) as e:
        released().apply(rakt.Discard(ist(2026, 11, 1, 12), "tech", DiscardReason.other(" ")))
    assert e.value.field == "reason"
    assert quarantined == before


def test_a_lapsed_hold_frees_the_unit_but_not_for_its_own_patient() -> None:
    held = released().apply(rakt.Crossmatch(ist(2026, 11, 1, 12), "tech", "P-1", ist(2026, 11, 3, 9)))
    assert held.status_at(ist(2026, 11, 3, 8, 59, 59)) == UnitStatus.CROSSMATCHED
    assert held.status_at(ist(2026, 11, 3, 9)) == UnitStatus.RELEASED
    assert held.status == UnitStatus.CROSSMATCHED
    # Its own patient's crossmatch has lapsed: crossmatch again.
    with pytest.raises(rakt.NotApplicable) as e:
        held.apply(rakt.Issue(ist(2026, 11, 3, 9), "tech", "P-1"))
    assert e.value.code == "RESERVATION_EXPIRED"
    # Before the hold lapses, another patient is refused ...
    with pytest.raises(rakt.NotApplicable) as e:
        held.apply(rakt.Issue(ist(2026, 11, 3, 8, 59), "tech", "P-2"))
    assert e.value.code == "WRONG_PATIENT"
    # ... after it, the unit is free for anyone.
    issued = held.apply(rakt.Issue(ist(2026, 11, 3, 10), "tech", "P-2"))
    assert issued.status == UnitStatus.ISSUED
    assert issued.reservation is not None and issued.reservation.patient == "P-2"
    again = held.apply(rakt.Crossmatch(ist(2026, 11, 3, 10), "tech", "P-1", ist(2026, 11, 4, 10)))
    assert again.status == UnitStatus.CROSSMATCHED


def test_release_verdict_says_exactly_what_is_missing() -> None:
    fresh = collect()
    v = fresh.release_verdict(ist(2026, 11, 2, 10))
    assert not v.releasable
    assert v.codes == ["TTI_NOT_TESTED"] * 5 + ["GROUPING_NOT_CONFIRMED"]
    assert [r.facts["marker"] for r in v.reasons[:5]] == MANDATORY
    assert v.reasons[5].facts["missing"] == "forward_and_reverse"
    assert rakt.screening_release(fresh, ist(2026, 11, 2, 10)) == v
    awaiting = screened(collect(), skip=("malaria",)).apply(
        rakt.RecordTest(ist(2026, 11, 1, 10, 20), "tech", "malaria", "initially_reactive")
    )
    v = awaiting.release_verdict(ist(2026, 11, 2, 10))
    assert v.codes == ["TTI_AWAITING_REPEAT"] and v.reasons[0].facts["marker"] == "malaria"
    mismatch = screened(collect(group="A+"), group="B+")
    assert mismatch.release_verdict(ist(2026, 11, 2, 10)).codes == ["GROUPING_LABEL_MISMATCH"]
    ok = screened(collect())
    assert ok.release_verdict(ist(2026, 11, 2, 10)).codes == ["RELEASE_ALLOWED"]
    expired = ok.release_verdict(ist(2026, 12, 13, 23, 59))
    assert not expired.releasable and expired.codes == ["UNIT_EXPIRED"]
    assert expired.reasons[0].facts["expires_at"] == "2026-12-13T23:59:00+05:30"
    assert ok.is_expired(ist(2026, 12, 13, 23, 59)) and not ok.is_expired(ist(2026, 12, 13, 23, 58))
    us = rakt.Policy.us()
    first = screened(collect(first_donation=True, policy=us))
    assert "TTI_NOT_TESTED" in rakt.screening_release(first, ist(2026, 11, 2, 10), us).codes


def reactive_unit() -> BloodUnit:
    u = collect("DIN-NEW").apply(rakt.Quarantine(ist(2026, 11, 1, 9, 30), "tech"))
    u = u.apply(rakt.RecordTest(ist(2026, 11, 1, 10), "tech", "hbsag", "initially_reactive"))
    return u.apply(
        rakt.RecordRepeat(ist(2026, 11, 1, 10, 30), "tech", "hbsag", "repeat_reactive", "non_reactive")
    )


def test_a_reactive_donation_is_discarded_referred_and_looked_back() -> None:
    unit = reactive_unit()
    assert unit.screening.reactive_markers == [TtiMarker.HBSAG]
    plasma = collect("DIN-NEW", product=FFP, division="A0")
    platelets = released(
        collect("DIN-NEW", product=Product("platelets", platelet_source="random_donor"), division="B0")
    ).apply(rakt.Issue(ist(2026, 11, 1, 11, 10), "tech", "P-9"))
    older = released(collect("DIN-OLD", collected_at=ist(2026, 10, 15, 9)))
    other_donor = released(collect("DIN-X", donor_id="D-2", collected_at=ist(2026, 10, 15, 9)))
    out = rakt.handle_reactive(unit, [plasma, platelets, older, other_donor], ist(2026, 11, 1, 11), "tech")
    assert [u.id for u in out.discarded] == ["DIN-NEW", "DIN-NEW/A0"]
    assert all(u.discard_reason == DiscardReason.TTI_REACTIVE for u in out.discarded)
    assert all(u.status == UnitStatus.DISCARDED for u in out.discarded)
    (issued,) = out.not_discarded
    assert (issued.unit, issued.status) == ("DIN-NEW/B0", UnitStatus.ISSUED)
    (look,) = out.lookback
    assert (look.unit, look.status, look.collected_at) == (
        "DIN-OLD", UnitStatus.RELEASED, ist(2026, 10, 15, 9)
    )
    r = out.referral
    assert (r.donor_id, r.din, r.date) == ("D-1", "DIN-NEW", date(2026, 11, 1))
    assert r.markers == [TtiMarker.HBSAG]
    assert r.results == {TtiMarker.HBSAG: rakt.TestResult.REPEAT_REACTIVE}
    assert r.codes == ["TTI_REACTIVE"] and r.reasons[0].facts["marker"] == "hbsag"
    assert r.deferral_events == [rakt.DeferralEvent("tti_reactive", date(2026, 11, 1), "hbsag")]
    # The referral goes into the donor's record: India defers a reactive HBsAg permanently.
    donor = rakt.Donor(date(1990, 5, 17), "male", id="D-1", deferral_events=r.deferral_events)
    checks = rakt.DonorChecks(70, Decimal("14.6"), 120, 80, 72, Decimal("36.8"))
    a = rakt.assess_donor(donor, checks, "whole_blood_450", date(2027, 1, 1))
    assert a.permanent and a.codes == ["DONOR_DEFERRED_PERMANENTLY"]
    # The inputs are unchanged values.
    assert unit.status == UnitStatus.QUARANTINED and plasma.status == UnitStatus.COLLECTED


def test_reactive_handling_needs_a_reactive_result_and_dates_in_facility_time() -> None:
    with pytest.raises(rakt.NotApplicable) as e:
        rakt.handle_reactive(released(), [], ist(2026, 11, 1, 12), "tech")
    assert e.value.code == "NO_REACTIVE_RESULT"
    utc_evening = datetime(2026, 11, 1, 19, tzinfo=timezone.utc)
    out = rakt.handle_reactive(reactive_unit(), (), utc_evening, "tech")
    assert out.referral.date == date(2026, 11, 2) and out.lookback == []
    with pytest.raises(TypeError, match="rakt.BloodUnit"):
        rakt.handle_reactive(reactive_unit(), ["DIN-1"], utc_evening, "tech")  # type: ignore[list-item]


def test_split_and_pool() -> None:
    parent, children = released().split([100, 90, 80], ist(2026, 11, 1, 14), "tech")
    assert parent.status == UnitStatus.PROCESSED
    assert [c.id for c in children] == ["DIN-1/A0", "DIN-1/B0", "DIN-1/C0"]
    assert [c.volume_ml for c in children] == [100, 90, 80]
    assert all(c.status == UnitStatus.RELEASED and c.parents == ["DIN-1"] for c in children)
    assert all(c.expiry.expires_at == ist(2026, 12, 13, 23, 59) for c in children)
    split_into = parent.history[-1]
    assert isinstance(split_into, rakt.SplitInto) and split_into.children == [c.id for c in children]
    split_from = children[0].history[0]
    assert isinstance(split_from, rakt.SplitFrom) and split_from.parent == "DIN-1"
    with pytest.raises(rakt.InvalidInput) as e:
        released().split([200, 100], ist(2026, 11, 1, 14), "tech")
    assert e.value.field == "volumes_ml"
    with pytest.raises(rakt.InvalidInput) as e:
        released().split([100, -1], ist(2026, 11, 1, 14), "tech")
    assert e.value.field == "volumes_ml"

    uk = rakt.Policy.uk()
    utc = timezone.utc
    rdp = Product("platelets", platelet_source="random_donor")

    def uk_platelets(din: str, minute: int) -> BloodUnit:
        u = BloodUnit.collect(
            din, rdp, "A+", 280, "voluntary", datetime(2026, 11, 1, 9, minute, tzinfo=utc),
            actor="tech", policy=uk,
        )
        u = u.apply(rakt.Quarantine(datetime(2026, 11, 1, 10, tzinfo=utc), "tech"), uk)
        for marker in json.loads(uk.to_json())["screening"]["mandatory_markers"]:
            u = u.apply(rakt.RecordTest(datetime(2026, 11, 1, 10, 30, tzinfo=utc), "tech", marker, "non_reactive"), uk)
        u = u.apply(rakt.RecordGrouping(datetime(2026, 11, 1, 11, tzinfo=utc), "tech", "A+", "A"), uk)
        return u.apply(rakt.Release(datetime(2026, 11, 1, 12, tzinfo=utc), "tech"), uk)

    units = [uk_platelets("P1", 0), uk_platelets("P2", 30)]
    constituents, pool = BloodUnit.pool(units, "POOL-1", datetime(2026, 11, 2, 10, tzinfo=utc), "tech", uk)
    assert pool.status == UnitStatus.RELEASED and pool.id == "POOL-1" and pool.volume_ml == 560
    assert pool.parents == ["P1", "P2"] and pool.product.has("pooled")
    assert pool.expiry.expires_at == datetime(2026, 11, 2, 16, tzinfo=utc)
    assert [c.status for c in constituents] == [UnitStatus.PROCESSED] * 2
    pooled_from = pool.history[0]
    assert isinstance(pooled_from, rakt.PooledFrom) and pooled_from.constituents == ["P1", "P2"]
    pooled_into = constituents[0].history[-1]
    assert isinstance(pooled_into, rakt.PooledInto) and pooled_into.pool == "POOL-1"
    for e in [split_into, split_from, pooled_from, pooled_into, *pool.history, *parent.history]:
        assert json.loads(e.to_json())["kind"]["type"] == e.kind
        assert pickle.loads(pickle.dumps(e)) == e
    mixed = [released(collect("F1", FFP, "A+"), "A+"), released(collect("F2", FFP, "B+"), "B+")]
    with pytest.raises(rakt.InvalidInput) as e:
        BloodUnit.pool(mixed, "POOL-2", ist(2026, 11, 1, 19), "tech")
    assert e.value.field == "units[1]"


def test_hl7_codes_both_ways() -> None:
    expected = {
        "collected": None, "quarantined": None, "released": "CR", "reserved": "RS",
        "crossmatched": "RD", "issued": "DS", "transfused": "TX",
        "transfused_with_reaction": "TR", "returned": "RL", "discarded": "WA",
        "fractionated": None, "processed": None,
    }
    assert {s.code: s.hl7 for s in UnitStatus.members()} == expected
    for status in UnitStatus.members():
        if status.hl7 is not None:
            assert UnitStatus.from_hl7(status.hl7) == status
    aliases = {"RE": "released", "RA": "released", "RI": "reserved", "RQ": "crossmatched", "PT": "issued"}
    for code, status_code in aliases.items():
        assert UnitStatus.from_hl7(code) == UnitStatus.parse(status_code)
    with pytest.raises(rakt.InvalidInput) as e:
        UnitStatus.from_hl7("XX")
    assert e.value.field == "hl7"


def test_event_classes_validate_their_arguments() -> None:
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.Quarantine(datetime(2026, 11, 1, 9), "tech")
    assert e.value.field == "at"
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.RecordTest(ist(2026, 11, 1), "tech", "hiv3", "non_reactive")
    assert e.value.field == "marker"
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.RecordTest(ist(2026, 11, 1), "tech", "hiv", "positive")
    assert e.value.field == "result"
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.Discard(ist(2026, 11, 1), "tech", "dropped on the floor")
    assert e.value.field == "reason" and "DiscardReason.other" in str(e.value)
    with pytest.raises(rakt.InvalidInput) as e:
        rakt.Return(ist(2026, 11, 1), "tech", minutes_out_of_storage=-1)
    assert e.value.field == "minutes_out_of_storage"
    with pytest.raises(TypeError):
        rakt.Return(ist(2026, 11, 1), "tech", minutes_out_of_storage=1.5)  # type: ignore[arg-type]
    with pytest.raises(rakt.InvalidBloodGroup):
        rakt.RecordGrouping(ist(2026, 11, 1), "tech", forward="Q+")
    with pytest.raises(TypeError):
        UnitEvent()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        rakt.Collected(ist(2026, 11, 1), "tech")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="rakt.UnitEvent"):
        collect().apply(rakt.Irradiated(ist(2026, 11, 1)))  # type: ignore[arg-type]


def all_events() -> list[UnitEvent]:
    at, until = ist(2026, 11, 1, 12), ist(2026, 11, 2, 12)
    return [
        rakt.Quarantine(at, "a"),
        rakt.RecordTest(at, "a", "hiv", "non_reactive"),
        rakt.RecordRepeat(at, "a", "hiv", "non_reactive", "indeterminate"),
        rakt.RecordGrouping(at, "a", forward="Oh", reverse=rakt.Abo.OH),
        rakt.Release(at, "a"),
        rakt.Reserve(at, "a", "P-1", until),
        rakt.Crossmatch(at, "a", "P-1", until),
        rakt.CancelReservation(at, "a"),
        rakt.Issue(at, "a", "P-1"),
        rakt.Transfuse(at, "a"),
        rakt.TransfuseWithReaction(at, "a", "fever"),
        rakt.Return(at, "a", 12, True),
        rakt.Discard(at, "a", DiscardReason.CLOTTED),
        rakt.Discard(at, "a", DiscardReason.other("label")),
        rakt.SendForFractionation(at, "a"),
        rakt.Irradiate(at, "a"),
        rakt.Wash(at, "a"),
        rakt.Open(at, "a"),
        rakt.Thaw(at, "a", "room_temperature"),
    ]


def test_events_are_values() -> None:
    events = all_events()
    assert len({type(e) for e in events}) == 18
    for e in events:
        assert isinstance(e, UnitEvent) and e.reasons == [] and e.codes == []
        again = pickle.loads(pickle.dumps(e))
        assert again == e and type(again) is type(e) and hash(again) == hash(e)
        assert UnitEvent.from_json(e.to_json()) == e
        assert type(e).from_json(e.to_json()) == e
        assert repr(e).startswith(type(e).__name__ + "(at=2026-11-01T12:00:00+05:30, actor='a'")
    assert rakt.Issue(ist(2026, 11, 1), "a", "P") == rakt.Issue(ist(2026, 11, 1), "a", "P")
    assert rakt.Issue(ist(2026, 11, 1), "a", "P") != rakt.Issue(ist(2026, 11, 1), "a", "Q")
    assert rakt.Release(ist(2026, 11, 1), "a") != rakt.Quarantine(ist(2026, 11, 1), "a")
    assert len({rakt.Transfuse(ist(2026, 11, 1), "a"), rakt.Transfuse(ist(2026, 11, 1), "a")}) == 1
    with pytest.raises(rakt.InvalidInput):
        rakt.Issue.from_json(rakt.Quarantine(ist(2026, 11, 1), "a").to_json())
    assert repr(rakt.Issue(ist(2026, 11, 1), "a", "P")) == (
        "Issue(at=2026-11-01T00:00:00+05:30, actor='a', patient='P')"
    )


def test_discard_reasons() -> None:
    assert [r.code for r in DiscardReason.members()] == [
        "expired", "tti_reactive", "under_collected", "leakage", "haemolysed", "lipaemic",
        "clotted", "cold_chain_break", "returned_too_late",
    ]
    assert DiscardReason.parse("clotted") == DiscardReason.CLOTTED
    assert DiscardReason.other("x") == DiscardReason.other("x") != DiscardReason.other("y")
    assert DiscardReason.LEAKAGE.text is None and repr(DiscardReason.LEAKAGE) == "DiscardReason.LEAKAGE"
    assert repr(DiscardReason.other("torn")) == "DiscardReason.other('torn')"
    for r in [*DiscardReason.members(), DiscardReason.other("torn bag")]:
        assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(rakt.InvalidInput):
        DiscardReason.parse("other")


def test_units_and_outcomes_are_values() -> None:
    u = released().apply(rakt.Reserve(ist(2026, 11, 1, 12), "tech", "P-1", ist(2026, 11, 2, 12)))
    out = rakt.handle_reactive(reactive_unit(), [], ist(2026, 11, 1, 11), "tech")
    values: list[object] = [
        u, u.reservation, u.screening, u.grouping, u.release_verdict(ist(2026, 11, 1, 13)),
        out, out.referral, out.discarded[0], *u.history,
        rakt.TtiMarker.ANTI_HBC, rakt.TestResult.INDETERMINATE, UnitStatus.TRANSFUSED_WITH_REACTION,
        rakt.DonationType.DIRECTED,
    ]
    for v in values:
        again = pickle.loads(pickle.dumps(v))
        assert again == v and hash(again) == hash(v) and type(again) is type(v)
    assert BloodUnit.from_json(u.to_json()) == u
    assert rakt.ReactiveOutcome.from_json(out.to_json()) == out
    assert {u: "x"}[pickle.loads(pickle.dumps(u))] == "x"
    assert repr(u) == (
        "BloodUnit(id='DIN-1', product=Product(Component.RED_CELLS, "
        "preservative=Preservative.ADDITIVE_SOLUTION), group=BloodGroup('O+'), volume_ml=280, "
        "status=UnitStatus.RESERVED, expires_at=2026-12-13T23:59:00+05:30)"
    )
    assert u.expiry == rakt.expiry(SAGM, ist(2026, 11, 1, 9))
    # History lists are new on every access; the unit does not change.
    u.history.clear()
    assert len(u.history) == 10
    assert u.expiry.remaining(ist(2026, 12, 13, 23, 58)) == timedelta(minutes=1)
