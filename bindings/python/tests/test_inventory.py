"""Inventory: FEFO order, preference tiers, the O-negative policy, shortfall reasons,
reservations and their lapse, issue and return, emergency release, stock views. The values
mirror crates/rakt/tests/inventory.rs."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

import rakt
from conftest import ist
from rakt import (
    AllocationRequest,
    BloodUnit,
    Component,
    Inventory,
    Modification,
    Policy,
    Product,
    Recipient,
    UnitStatus,
)

SAGM = Product("red_cells", preservative="additive_solution")
MANDATORY = ["hiv", "hbsag", "hcv", "syphilis", "malaria"]
NOW = 20
H = timedelta(hours=1)


def day(d: int) -> datetime:
    """Day ``d`` of November 2026, 09:00 IST."""
    return ist(2026, 11, d, 9)


def rc(din: str, group: str, d: int, product: Product = SAGM) -> BloodUnit:
    """A released unit collected on day ``d`` (released two hours later)."""
    unit = BloodUnit.collect(din, product, group, 280, "voluntary", day(d), actor="tech")
    later = day(d) + 2 * H
    events: list[rakt.UnitEvent] = [rakt.Quarantine(later, "tech")]
    events += [rakt.RecordTest(later, "tech", m, "non_reactive") for m in MANDATORY]
    g = rakt.BloodGroup.parse(group)
    events.append(rakt.RecordGrouping(later, "tech", forward=g, reverse=g.abo))
    events.append(rakt.Release(later, "tech"))
    for e in events:
        unit = unit.apply(e)
    return unit


def inventory(*units: BloodUnit, policy: Policy | None = None) -> Inventory:
    inv = Inventory("FRU-1", policy)
    for u in units:
        inv.add(u)
    return inv


def man(group: str) -> Recipient:
    return Recipient(group, sex="male", age_years=40)


def request(patient: str, recipient: Recipient, qty: int, **kw: object) -> AllocationRequest:
    return AllocationRequest(patient, recipient, Component.RED_CELLS, qty, **kw)  # type: ignore[arg-type]


def test_fefo_within_a_group_takes_the_first_expiring_unit() -> None:
    inv = inventory(rc("A-3", "A+", 3), rc("A-1", "A+", 1), rc("A-2", "A+", 2))
    a = inv.allocate(request("P1", man("A+"), 2), day(NOW))
    assert a.ids == ["A-1", "A-2"]
    assert a.shortfall == 0 and a.skipped == [] and a.requested == 2 and not a.emergency
    assert a.patient == "P1" and a.component == Component.RED_CELLS and a.needed_by == day(NOW)
    first = a.units[0]
    assert first.expires_at == ist(2026, 12, 13, 23, 59)
    assert first.tier == 1 and first.rank == rakt.Rank.IDENTICAL
    assert first.codes == ["UNIT_ALLOCATED"] and str(first.group) == "A+"
    assert first.reasons[0].facts["tier"] == "1"
    # Allocating changes nothing.
    assert [u.status for u in inv.units()] == [UnitStatus.RELEASED] * 3


def test_equal_expiries_go_by_unit_id_whatever_the_order_of_adding() -> None:
    req = request("P1", man("A+"), 1)
    a = inventory(rc("X-2", "A+", 1), rc("X-1", "A+", 1))
    b = inventory(rc("X-1", "A+", 1), rc("X-2", "A+", 1))
    assert a.allocate(req, day(NOW)).ids == b.allocate(req, day(NOW)).ids == ["X-1"]


def test_preference_tiers_come_before_expiry() -> None:
    inv = inventory(rc("O-POS", "O+", 1), rc("A-NEG", "A-", 2), rc("A-POS", "A+", 5))
    a = inv.allocate(request("P1", man("A+"), 3), day(NOW))
    assert a.ids == ["A-POS", "A-NEG", "O-POS"]
    assert [u.tier for u in a.units] == [1, 2, 3]


def test_o_negative_is_kept_back_unless_it_expires_first() -> None:
    inv = inventory(rc("ONEG", "O-", 5), rc("OPOS", "O+", 3))
    assert inv.allocate(request("P1", man("O+"), 1), day(NOW)).ids == ["OPOS"]
    inv = inventory(rc("ONEG", "O-", 2), rc("OPOS", "O+", 3))
    a = inv.allocate(request("P1", man("O+"), 2), day(NOW))
    assert a.ids == ["ONEG", "OPOS"]
    assert a.units[0].codes == ["UNIT_ALLOCATED", "SCARCE_UNIT_EXPIRES_FIRST"]
    assert a.units[0].reasons[1].facts["replaced_expires_at"] == "2026-12-15T23:59:00+05:30"


def test_o_negative_as_last_resort_under_a_strict_policy() -> None:
    strict = Policy.from_toml(
        'name = "strict"\nextends = "india"\n[inventory]\nscarce_use = "last_resort"\n'
    )
    inv = inventory(rc("ONEG", "O-", 1), rc("OPOS", "O+", 3), policy=strict)
    assert inv.policy.name == "strict"
    assert inv.allocate(request("P1", man("O+"), 1), day(NOW)).ids == ["OPOS"]
    a = inv.allocate(request("P1", man("O+"), 2), day(NOW))
    assert a.ids == ["OPOS", "ONEG"]
    assert a.units[1].codes == ["UNIT_ALLOCATED", "SCARCE_UNIT_LAST_RESORT"]


def test_protected_rhd_negative_women_never_get_rhd_positive_red_cells() -> None:
    inv = inventory(rc("APOS", "A+", 1), rc("ONEG", "O-", 9))
    woman = Recipient("A-", sex="female", age_years=28)
    a = inv.allocate(request("P1", woman, 2), day(NOW))
    assert a.ids == ["ONEG"] and a.shortfall == 1
    (apos,) = [s for s in a.skipped if str(s.group) == "A+"]
    assert apos.codes == apos.reasons == ["INCOMPATIBLE"]
    assert apos.compatibility != []


def test_shortfall_says_why_each_group_could_not_help() -> None:
    held = rc("OPOS-HELD", "O+", 4).apply(
        rakt.Reserve(day(NOW) - H, "clerk", "OTHER", day(NOW) + 5 * H)
    )
    quarantined = BloodUnit.collect("APOS-Q", SAGM, "A+", 280, "voluntary", day(18), actor="tech")
    quarantined = quarantined.apply(rakt.Quarantine(day(18), "tech"))
    inv = inventory(rc("APOS-1", "A+", 10), quarantined, held, rc("ANEG-OLD", "A-", 1))
    req = request("P1", man("A+"), 3, needed_by=ist(2026, 12, 14))
    a = inv.allocate(req, day(NOW))
    assert a.ids == ["APOS-1"] and a.shortfall == 2
    by = {str(s.group): s for s in a.skipped}
    assert len(a.skipped) == 10
    assert by["A+"].codes == ["ALL_TAKEN", "NOT_RELEASED"]
    assert (by["A+"].counts.taken, by["A+"].counts.not_released) == (1, 1)
    assert by["A-"].codes == ["EXPIRES_BEFORE_NEEDED"]
    assert by["A-"].counts.expire_before_needed == 1
    assert by["O+"].codes == ["HELD_FOR_OTHER_PATIENTS"]
    assert by["O+"].counts.held_for_others == 1
    assert by["O-"].codes == ["NO_STOCK"]
    assert by["B+"].codes == ["INCOMPATIBLE"]


def test_special_requirements_are_honoured_and_reported() -> None:
    irradiated = rc("IRR", "A+", 15).apply(rakt.Irradiate(day(16), "tech"))
    inv = inventory(rc("PLAIN", "A+", 1), irradiated)
    req = request("P1", man("A+"), 2, requirements=[Modification.IRRADIATED])
    assert req.requirements == [Modification.IRRADIATED]
    a = inv.allocate(req, day(NOW))
    assert a.ids == ["IRR"] and a.shortfall == 1
    (apos,) = [s for s in a.skipped if str(s.group) == "A+"]
    assert apos.codes == ["ALL_TAKEN", "LACKS_REQUIREMENTS"]
    assert apos.counts.lacking_requirements == 1
    with pytest.raises(rakt.InvalidInput) as err:
        inv.allocate(request("P1", man("A+"), 1, requirements=["thawed"]), day(NOW))
    assert err.value.field == "requirements"


def test_a_unit_expiring_at_the_minute_needed_is_not_allocated() -> None:
    inv = inventory(rc("A1", "A+", 1))
    expiry = ist(2026, 12, 13, 23, 59)
    assert inv.allocate(request("P1", man("A+"), 1, needed_by=expiry), day(NOW)).ids == []
    before = expiry - timedelta(minutes=1)
    assert inv.allocate(request("P1", man("A+"), 1, needed_by=before), day(NOW)).ids == ["A1"]


def test_bad_requests_are_refused() -> None:
    inv = inventory(rc("A1", "A+", 1))
    with pytest.raises(rakt.InvalidInput) as err:
        inv.allocate(request("P1", man("A+"), 0), day(NOW))
    assert err.value.field == "quantity"
    with pytest.raises(rakt.InvalidInput) as err:
        inv.allocate(request(" ", man("A+"), 1), day(NOW))
    assert err.value.field == "patient"
    with pytest.raises(rakt.InvalidInput) as err:
        inv.allocate(request("P1", man("A+"), 1, needed_by=day(NOW) - H), day(NOW))
    assert err.value.field == "needed_by"
    with pytest.raises(rakt.InvalidInput):
        request("P1", man("A+"), -1)
    with pytest.raises(rakt.InvalidInput):
        request("P1", man("A+"), 1, needed_by=datetime(2026, 11, 20, 9))  # naive
    with pytest.raises(TypeError):
        request("P1", man("A+"), 1, requirements="irradiated")


def test_reserve_holds_units_for_24_hours_then_they_return_to_stock() -> None:
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
    held = inv.reserve(request("P1", man("A+"), 1), day(NOW), "clerk")
    assert held.ids == ["A1"]
    unit = inv.get("A1")
    assert unit is not None and unit.status == UnitStatus.RESERVED
    assert unit.reservation is not None
    assert unit.reservation.patient == "P1" and unit.reservation.until == day(NOW) + 24 * H
    other = request("P2", man("A+"), 2)
    assert inv.allocate(other, day(NOW) + 23 * H).ids == ["A2"]
    # At the minute the hold ends, the unit is stock again.
    assert inv.allocate(other, day(NOW) + 24 * H - timedelta(minutes=1)).ids == ["A2"]
    assert inv.allocate(other, day(NOW) + 24 * H).ids == ["A1", "A2"]
    assert inv.expire_reservations(day(NOW) + 25 * H, "system") == ["A1"]
    unit = inv.get("A1")
    assert unit is not None and unit.status == UnitStatus.RELEASED
    assert isinstance(unit.history[-1], rakt.CancelReservation)


def test_issue_needs_a_hold_for_that_patient_and_fails_as_a_whole() -> None:
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
    held = inv.reserve(request("P1", man("A+"), 1), day(NOW), "clerk")
    before = inv.units()
    at = day(NOW) + H
    with pytest.raises(rakt.NotApplicable) as err:
        inv.issue(["A1", "A2"], "P1", at, "nurse")
    assert err.value.code == "NOT_HELD_FOR_PATIENT"
    assert err.value.reason == (
        'unit A2 is released and not held for patient "P1" at 2026-11-20T10:00:00+05:30'
    )
    assert inv.units() == before
    with pytest.raises(rakt.NotApplicable) as err:
        inv.issue(held.ids, "P2", at, "nurse")
    assert err.value.code == "NOT_HELD_FOR_PATIENT"
    with pytest.raises(rakt.InvalidInput) as err2:
        inv.issue(["A1", "A1"], "P1", at, "nurse")
    assert err2.value.field == "ids"
    assert inv.units() == before
    inv.issue(held.ids, "P1", at, "nurse")
    a1 = inv.get("A1")
    assert a1 is not None and a1.status == UnitStatus.ISSUED
    assert inv.allocate(request("P3", man("A+"), 5), day(NOW) + 2 * H).ids == ["A2"]


def test_crossmatch_issue_return_and_reissue() -> None:
    inv = inventory(rc("A1", "A+", 1))
    at = lambda h: day(NOW) + h * H  # noqa: E731
    inv.reserve(request("P1", man("A+"), 1), at(0), "clerk")
    inv.crossmatch(["A1"], "P1", at(1), "lab")
    u = inv.get("A1")
    assert u is not None and u.status == UnitStatus.CROSSMATCHED
    assert u.reservation is not None and u.reservation.until == at(25)
    inv.issue(["A1"], "P1", at(2), "nurse")
    back = inv.return_unit("A1", at(3), "nurse", minutes_out_of_storage=20)
    assert back.status == UnitStatus.RELEASED
    assert inv.allocate(request("P2", man("A+"), 1), at(4)).ids == ["A1"]
    # An explicit hold end.
    inv.reserve(request("P2", man("A+"), 1), at(5), "clerk")
    inv.crossmatch(["A1"], "P2", at(6), "lab", until=at(8))
    u = inv.get("A1")
    assert u is not None and u.reservation is not None and u.reservation.until == at(8)


def test_a_late_return_is_discarded_and_leaves_stock() -> None:
    inv = inventory(rc("A1", "A+", 1))
    at = lambda h: day(NOW) + h * H  # noqa: E731
    inv.reserve(request("P1", man("A+"), 1), at(0), "clerk")
    inv.issue(["A1"], "P1", at(1), "nurse")
    u = inv.return_unit("A1", at(2), "nurse", minutes_out_of_storage=31)
    assert u.status == UnitStatus.DISCARDED
    assert u.discard_reason == rakt.DiscardReason.RETURNED_TOO_LATE
    assert inv.allocate(request("P2", man("A+"), 1), at(3)).shortfall == 1


def test_returned_units_kept_for_the_patient_are_not_offered_to_others() -> None:
    inv = inventory(rc("A1", "A+", 1))
    at = lambda h: day(NOW) + h * H  # noqa: E731
    inv.reserve(request("P1", man("A+"), 1), at(0), "clerk")
    inv.issue(["A1"], "P1", at(1), "nurse")
    kept = inv.return_unit("A1", at(2), "nurse", minutes_out_of_storage=10, keep_for_patient=True)
    assert kept.status == UnitStatus.RETURNED
    a = inv.allocate(request("P2", man("A+"), 1), at(100))
    assert a.ids == []
    (apos,) = [s for s in a.skipped if str(s.group) == "A+"]
    assert apos.codes == ["HELD_FOR_OTHER_PATIENTS"]
    inv.cancel(["A1"], at(3), "nurse")
    assert inv.allocate(request("P2", man("A+"), 1), at(4)).ids == ["A1"]


def test_reserve_with_nothing_in_stock_changes_nothing() -> None:
    inv = inventory(rc("B1", "B+", 1))
    before = inv.units()
    a = inv.reserve(request("P1", man("A+"), 2), day(NOW), "clerk")
    assert a.ids == [] and a.shortfall == 2
    with pytest.raises(rakt.InvalidInput):
        inv.reserve(request("P1", man("B+"), 1), day(NOW), " ")
    assert inv.units() == before


def test_emergency_release_gives_group_o_records_why_and_flags_the_unit() -> None:
    inv = inventory(rc("APOS", "A+", 1), rc("OPOS", "O+", 3), rc("ONEG", "O-", 5))
    req = request("TRAUMA-7", Recipient(None, sex="male", age_years=35), 1)
    with pytest.raises(rakt.InvalidInput) as err:
        inv.emergency_release(req, "  ", day(NOW), "dr-rao")
    assert err.value.field == "justification"
    assert inv.emergency_releases() == []
    why = "haemorrhagic shock, no time to group"
    a = inv.emergency_release(req, why, day(NOW), "dr-rao")
    assert a.emergency and a.ids == ["OPOS"]
    u = inv.get("OPOS")
    assert u is not None and u.status == UnitStatus.ISSUED
    flag = u.emergency_release
    assert isinstance(flag, rakt.EmergencyIssue)
    assert flag.actor == "dr-rao" and flag.patient == "TRAUMA-7" and flag.justification == why
    assert flag.codes[0] == "EMERGENCY_RELEASE_FOLLOW_UP"
    assert [x.id for x in inv.emergency_releases()] == ["OPOS"]
    other = inv.get("APOS")
    assert other is not None and other.emergency_release is None
    woman = request("TRAUMA-8", Recipient(None, sex="female", age_years=25), 1)
    assert inv.emergency_release(woman, "eclampsia with massive PPH", day(NOW), "dr-rao").ids == [
        "ONEG"
    ]


def test_apply_routes_other_events_and_refuses_handing_units_over() -> None:
    inv = inventory(rc("A1", "A+", 1))
    with pytest.raises(rakt.NotApplicable) as err:
        inv.apply("A1", rakt.Issue(day(NOW), "nurse", "P1"))
    assert err.value.code == "USE_INVENTORY_METHOD"
    # A transfer through apply would leave the unit here while it says it moved (issue 17).
    with pytest.raises(rakt.NotApplicable) as err:
        inv.apply("A1", rakt.Transfer(day(NOW), "driver", "FRU-1", "BSC-2", day(NOW) - H, 4, 6))
    assert err.value.code == "USE_INVENTORY_METHOD"
    assert inv.get("A1").status == UnitStatus.RELEASED
    u = inv.apply("A1", rakt.Discard(day(NOW), "tech", "leakage"))
    assert u.status == UnitStatus.DISCARDED
    assert inv.allocate(request("P1", man("A+"), 1), day(NOW)).ids == []
    with pytest.raises(rakt.NotApplicable) as err:
        inv.add(rc("A1", "A+", 2))
    assert err.value.code == "DUPLICATE_UNIT"
    with pytest.raises(rakt.InvalidInput):
        inv.apply("NOPE", rakt.Discard(day(NOW), "tech", "leakage"))
    assert inv.get("NOPE") is None
    with pytest.raises(rakt.InvalidInput):
        inv.get("not/a valid id!")
    with pytest.raises(TypeError):
        inv.issue("A1", "P1", day(NOW), "nurse")


def test_divided_units_are_addressed_as_din_slash_division() -> None:
    parent = rc("DIV", "A+", 10)
    _, children = parent.split([100, 100], day(11), "tech")
    inv = inventory(*children)
    assert [u.id for u in inv.units()] == ["DIV/A0", "DIV/B0"]
    held = inv.reserve(request("P1", man("A+"), 1), day(NOW), "clerk")
    assert held.ids == ["DIV/A0"]
    inv.issue(["DIV/A0"], "P1", day(NOW) + H, "nurse")
    u = inv.get("DIV/A0")
    assert u is not None and u.status == UnitStatus.ISSUED


def test_platelets_follow_the_policy_order() -> None:
    plt = Product("platelets", platelet_source="random_donor")
    inv = inventory(rc("P-O", "O+", NOW - 1, plt), rc("P-A", "A+", NOW - 1, plt))
    req = AllocationRequest("P1", man("A+"), "platelets", 1)
    assert inv.allocate(req, day(NOW)).ids == ["P-A"]


def test_stock_summary_counts_by_state_and_in_eraktkosh_codes() -> None:
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2), rc("A3", "A+", 19), rc("O1", "O-", 3))
    inv.reserve(request("P1", man("A+"), 1), day(NOW), "clerk")
    s = inv.stock_summary(day(NOW) + H)
    assert s.facility == "FRU-1" and s.as_of == day(NOW) + H
    rows = {str(r.group): r for r in s.rows}
    apos = rows["A+"]
    assert (apos.available, apos.held, apos.returned, apos.not_released, apos.expired) == (
        2, 1, 0, 0, 0,
    )
    assert apos.component == Component.RED_CELLS
    assert rows["O-"].available == 1
    assert s.eraktkosh.centre == "FRU-1"
    assert s.eraktkosh.components[0].availability == "A+Ve : 2, O-Ve : 1"
    later = inv.stock_summary(ist(2026, 12, 14))
    apos = {str(r.group): r for r in later.rows}["A+"]
    assert (apos.available, apos.held, apos.expired) == (2, 0, 1)


def test_expiring_within_includes_the_boundary_minute() -> None:
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2), rc("A3", "A+", 10))
    as_of = ist(2026, 12, 13, 23, 59) - 48 * H
    assert [u.id for u in inv.expiring_within(as_of, 48)] == ["A1"]
    soon = inv.expiring_within(as_of, 72)
    assert [u.id for u in soon] == ["A1", "A2"]
    assert soon[1].expires_at == ist(2026, 12, 14, 23, 59)
    assert soon[1].status == UnitStatus.RELEASED and str(soon[1].group) == "A+"
    assert inv.expiring_within(ist(2026, 12, 14), 1) == []


def test_days_of_stock_divide_stock_on_hand_by_average_daily_issues() -> None:
    inv = inventory(*(rc(f"A{i}", "A+", i) for i in range(1, 8)))
    for i, d in [(1, 14), (2, 16), (3, 18)]:
        held = inv.reserve(request(f"P{i}", man("A+"), 1), day(d), "clerk")
        inv.issue(held.ids, f"P{i}", day(d) + H, "nurse")
    (r,) = inv.days_of_stock(day(NOW), 7)
    assert (r.on_hand, r.issued, r.window_days) == (4, 3, 7)
    assert r.average_daily_issues == Decimal("0.43") and str(r.average_daily_issues) == "0.43"
    assert isinstance(r.days, Decimal) and str(r.days) == "9.3"
    assert inv.days_of_stock(day(21) + H, 7)[0].issued == 3
    assert inv.days_of_stock(day(21) + 2 * H, 7)[0].issued == 2
    with pytest.raises(rakt.InvalidInput) as err:
        inv.days_of_stock(day(NOW), 0)
    assert err.value.field == "window_days"
    assert "Chapman" in Inventory.days_of_stock_source()


def test_blood_storage_centre_norm_is_checked_against_available_stock() -> None:
    units = [rc(f"AP{i}", "A+", 10) for i in range(5)] + [rc(f"OP{i}", "O+", 10) for i in range(5)]
    units += [rc(f"BP{i}", "B+", 10) for i in range(4)]
    units += [rc("ABP0", "AB+", 10), rc("AN0", "A-", 10), rc("ON0", "O-", 10)]
    inv = inventory(*units)
    check = inv.storage_centre_check(day(NOW))
    assert not check.met and len(check.levels) == 7
    assert [(str(g.group), g.required, g.on_hand, g.missing) for g in check.gaps] == [
        ("B+", 5, 4, 1),
        ("AB+", 2, 1, 1),
        ("B-", 1, 0, 1),
    ]
    assert check.levels[0].components == [Component.WHOLE_BLOOD, Component.RED_CELLS]
    with pytest.raises(rakt.PolicyValueMissing) as err:
        Inventory("X", Policy.us()).storage_centre_check(day(NOW))
    assert err.value.path == "inventory.storage_centre_norm"
    with pytest.raises(rakt.PolicyValueMissing):
        inv.below_minimum(day(NOW))
    own = Policy.from_toml(
        'name = "fru"\nextends = "india"\n[[inventory.minimum_levels]]\ngroup = "O-"\n'
        'components = ["red_cells"]\nunits = 2\n'
    )
    check = inventory(rc("ON0", "O-", 10), policy=own).below_minimum(day(NOW))
    assert [(str(g.group), g.missing) for g in check.gaps] == [("O-", 1)]
    # The facility's own levels, passed directly.
    levels = [rakt.StockLevel("O-", ["red_cells"], 1), rakt.StockLevel("AB-", ["whole_blood"], 1)]
    check = inv.check_levels(levels, day(NOW))
    assert [(str(g.group), g.on_hand, g.missing) for g in check.levels] == [("O-", 1, 0), ("AB-", 0, 1)]
    assert check.as_of == day(NOW) and not check.met
    with pytest.raises(TypeError):
        inv.check_levels(["O-"], day(NOW))


def test_the_inventory_is_a_mutable_object_and_results_are_values() -> None:
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
    assert len(inv) == 2 and inv.facility == "FRU-1" and inv.policy == Policy.india()
    assert repr(inv) == "Inventory(facility='FRU-1', policy='india', units=2)"
    req = request("P1", man("A+"), 1, hold_until=day(NOW) + 2 * H)
    assert req == request("P1", man("A+"), 1, hold_until=day(NOW) + 2 * H)
    assert hash(req) == hash(pickle.loads(pickle.dumps(req)))
    assert req.hold_until == day(NOW) + 2 * H and req.needed_by is None
    assert repr(req).startswith("AllocationRequest(patient='P1', recipient=Recipient(")
    a = inv.reserve(req, day(NOW), "clerk")
    a1 = inv.get("A1")
    assert a1 is not None and a1.reservation is not None
    assert a1.reservation.until == day(NOW) + 2 * H
    assert repr(a) == (
        "Allocation(patient='P1', component=Component.RED_CELLS, requested=1, ids=['A1'], "
        "shortfall=0, emergency=False)"
    )
    assert repr(a.units[0]) == (
        "AllocatedUnit(id='A1', group='A+', tier=1, expires_at=2026-12-13T23:59:00+05:30, "
        "codes=['UNIT_ALLOCATED'])"
    )
    for value in (a, a.units[0], inv.stock_summary(day(NOW)), inv.days_of_stock(day(NOW), 7)[0]):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and hash(copy) == hash(value)
        assert type(value).from_json(value.to_json()) == value  # type: ignore[attr-defined]
    short = inv.allocate(request("P2", man("A+"), 3), day(NOW))
    skipped = short.skipped[0]
    assert pickle.loads(pickle.dumps(skipped)) == skipped
    assert repr(skipped) == "SkippedClass(group='O-', codes=['NO_STOCK'])"
    assert UnitStatus.RESERVED.is_in_stock and not UnitStatus.ISSUED.is_in_stock
    with pytest.raises(AttributeError):
        a.shortfall = 0  # type: ignore[misc]


def test_transfer_checks_the_cold_chain_with_the_receivers_policy() -> None:
    hub = rakt.Inventory("HUB")
    for din, d in (("A1", 10), ("A2", 11), ("A3", 12)):
        hub.add(rc(din, "A+", d))
    bsc = rakt.Inventory("BSC-1")
    left = day(NOW)
    arrived = day(NOW) + 3 * H
    ok = hub.transfer(["A1", "A2"], bsc, left, Decimal("2"), Decimal("10"), arrived, "driver")
    assert ok.received == ["A1", "A2"] and ok.discarded == []
    assert hub.get("A1") is None and len(hub) == 1
    assert bsc.get("A1") is not None
    warm = hub.transfer(["A3"], bsc, left, Decimal("4"), Decimal("10.1"), arrived, "driver")
    assert warm.discarded == ["A3"]
    unit = bsc.get("A3")
    assert unit is not None and unit.status == rakt.UnitStatus.DISCARDED
    assert unit.history[-1].codes == ["COLD_CHAIN_BREACH"]
    with pytest.raises(rakt.InvalidInput):
        bsc.transfer(["A1"], bsc, left, Decimal("4"), Decimal("6"), arrived, "driver")
    with pytest.raises(TypeError):
        bsc.transfer(["A1"], hub, left, 4.0, Decimal("6"), arrived, "driver")  # type: ignore[arg-type]
    # Expired units are cleared from the shelf at the minute of expiry.
    assert bsc.discard_expired(ist(2026, 12, 22, 23, 59), "tech") == ["A1"]


def test_extreme_windows_give_an_answer_or_a_typed_error() -> None:
    # Issue 17's reproducers: these panicked across the FFI.
    inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
    assert [u.id for u in inv.expiring_within(day(NOW), 4294967295)] == ["A1", "A2"]
    with pytest.raises(rakt.InvalidInput) as err:
        inv.days_of_stock(day(NOW), 4294967295)
    assert err.value.field == "window_days"
    with pytest.raises(rakt.InvalidPolicy) as bad:
        Policy.from_toml('name = "t"\nextends = "india"\n[inventory]\nreservation_hours = 4294967295')
    assert bad.value.path == "inventory.reservation_hours"


def test_an_inventory_shared_by_eight_threads() -> None:
    # Issue 17: transfer() while another thread was inside stock_summary() (which released the
    # GIL while reading) panicked with "Already borrowed". Four threads move units out while
    # four read and reserve; every call must succeed or raise a rakt error, and no unit is lost.
    import threading

    hub = rakt.Inventory("HUB")
    dins = [f"A{i:02d}" for i in range(48)]
    for din in dins:
        hub.add(rc(din, "A+", 10))
    bsc = rakt.Inventory("BSC-1")
    left, arrived = day(NOW), day(NOW) + 3 * H
    failures: list[BaseException] = []

    def mover(k: int) -> None:
        for din in dins[k::4]:
            try:
                hub.transfer([din], bsc, left, Decimal("4"), Decimal("6"), arrived, "driver")
            except rakt.RaktError:
                pass  # reserved meanwhile by a reader: a typed refusal that changes nothing
            except BaseException as e:  # noqa: BLE001 - recorded for the assertion below
                failures.append(e)

    def reader(k: int) -> None:
        try:
            for i in range(60):
                hub.stock_summary(day(NOW))
                hub.days_of_stock(day(NOW), 7)
                hub.expiring_within(day(NOW), 24 * 30)
                len(hub), len(bsc)
                try:
                    hub.reserve(request(f"P{k}-{i}", man("A+"), 1), day(NOW), "clerk")
                except rakt.RaktError:
                    pass  # a unit reserved here cannot then be transferred: a typed refusal
        except BaseException as e:  # noqa: BLE001
            failures.append(e)

    threads = [threading.Thread(target=mover, args=(k,)) for k in range(4)]
    threads += [threading.Thread(target=reader, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    # Every unit is in exactly one of the two inventories.
    here = {u.id for u in hub.units()}
    there = {u.id for u in bsc.units()}
    assert here.isdisjoint(there) and here | there == set(dins)


@pytest.mark.parametrize("blank", ["\u200b\u200b", " \ufeff ", "\u2060"])
def test_an_invisible_justification_is_blank(blank: str) -> None:
    # Issue 17: zero-width characters passed for a justification.
    inv = inventory(rc("A1", "A+", 1))
    with pytest.raises(rakt.InvalidInput) as err:
        inv.emergency_release(request("TRAUMA-1", man("A+"), 1), blank, day(NOW), "dr-rao")
    assert err.value.field == "justification"
    assert inv.emergency_releases() == []
