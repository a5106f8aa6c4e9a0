"""expiry(), Expiry.redate(), pool(): dates, offsets, refusals."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import rakt
from conftest import IST, ist
from rakt import Component, Modification, Product


def test_red_cells_expire_at_23_59_on_day_42(sagm: Product) -> None:
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    assert e.expires_at == ist(2026, 2, 12, 23, 59)
    assert e.expires_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert e.collected_at == ist(2026, 1, 1, 10)
    assert e.product == sagm
    assert e.codes == ["SHELF_LIFE"]
    assert e.reasons[0].facts["shelf_life"] == "42 days"
    # Messages may be reworded by the core; the facts they render may not change.
    english, hindi = e.reasons[0].message(), e.reasons[0].message("hi")
    assert "42 days" in english and "2026-02-12 23:59 +05:30" in english
    assert "42 दिन" in hindi and "2026-02-12 23:59 +05:30" in hindi
    assert "लाल रक्त कोशिकाएँ" in hindi
    assert not e.is_expired(ist(2026, 2, 12, 23, 58, 59))
    assert e.is_expired(e.expires_at)


def test_expiry_is_in_facility_local_time_whatever_the_input_zone() -> None:
    product = Product("red_cells", preservative="cpda1")
    utc = rakt.expiry(product, datetime(2026, 1, 1, 4, 30, tzinfo=timezone.utc))
    assert utc.collected_at.utcoffset() == timedelta(0)
    assert utc.expires_at == ist(2026, 2, 5, 23, 59)
    assert utc.expires_at.utcoffset() == timedelta(hours=5, minutes=30)
    zoneinfo = pytest.importorskip("zoneinfo")
    kolkata = rakt.expiry(product, datetime(2026, 1, 1, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata")))
    assert kolkata.collected_at == utc.collected_at
    assert kolkata == utc


def test_expires_within_and_remaining() -> None:
    e = rakt.expiry(Product("platelets", platelet_source="apheresis"), ist(2026, 5, 1, 8))
    assert e.expires_at == ist(2026, 5, 4, 23, 59)
    six_hours = timedelta(hours=6)
    assert e.expires_within(six_hours, ist(2026, 5, 4, 17, 59))
    assert not e.expires_within(six_hours, ist(2026, 5, 4, 17, 58, 59))
    assert not e.expires_within(six_hours, e.expires_at)
    assert e.remaining(ist(2026, 5, 4, 17, 59)) == six_hours
    assert e.remaining(ist(2026, 6, 1)) == timedelta(0)


def test_irradiate_then_wash(sagm: Product) -> None:
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    irradiated = e.redate(rakt.Irradiated(ist(2026, 1, 20, 9)))
    assert irradiated.expires_at == e.expires_at
    assert irradiated.codes == ["SHELF_LIFE", "REDATING_CANNOT_EXTEND"]
    washed = irradiated.redate(rakt.Washed(ist(2026, 1, 21, 9, 30)))
    assert washed.expires_at == ist(2026, 1, 22, 9, 30)
    assert washed.codes == ["SHELF_LIFE", "REDATING_CANNOT_EXTEND", "REDATED"]
    assert washed.product.modifications == [Modification.IRRADIATED, Modification.WASHED]
    assert washed.product.has("washed") and not e.product.has(Modification.WASHED)


def test_thawing_plasma() -> None:
    ffp = rakt.expiry(Product(Component.FRESH_FROZEN_PLASMA), ist(2026, 3, 1, 10))
    assert ffp.expires_at == ist(2027, 3, 1, 23, 59)
    thawed = ffp.redate(rakt.Thawed(ist(2026, 11, 23, 8), rakt.Storage.REFRIGERATED))
    assert thawed.expires_at == ist(2026, 11, 24, 8)
    assert thawed.product.modifications == [Modification.THAWED]
    with pytest.raises(rakt.InvalidInput) as info:
        ffp.redate(rakt.Thawed(ist(2026, 11, 23, 8), "frozen"))
    assert info.value.field == "storage"


def test_refusals(sagm: Product) -> None:
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    with pytest.raises(rakt.NotApplicable) as before:
        e.redate(rakt.Irradiated(ist(2025, 12, 31)))
    assert before.value.code == "EVENT_BEFORE_COLLECTION"
    assert isinstance(before.value, ValueError)
    with pytest.raises(rakt.NotApplicable) as expired:
        e.redate(rakt.Opened(ist(2026, 3, 1)))
    assert expired.value.code == "UNIT_ALREADY_EXPIRED"
    with pytest.raises(rakt.NotApplicable) as not_frozen:
        e.redate(rakt.Thawed(ist(2026, 1, 2), "refrigerated"))
    assert not_frozen.value.code == "NOT_FROZEN"
    with pytest.raises(rakt.InvalidInput) as modified:
        rakt.expiry(Product("red_cells", "cpda1", modifications=["irradiated"]), ist(2026, 1, 1))
    assert modified.value.field == "product.modifications"
    with pytest.raises(rakt.InvalidInput) as no_preservative:
        Product(Component.RED_CELLS)
    assert no_preservative.value.field == "product.preservative"
    assert str(no_preservative.value) == (
        "invalid input: product.preservative: red_cells needs a preservative "
        "(cpd, cpda1 or additive_solution)"
    )


def test_policy_value_missing_is_a_lookup_error() -> None:
    with pytest.raises(rakt.PolicyValueMissing) as info:
        rakt.expiry(Product("whole_blood", "cpd"), ist(2026, 1, 1), rakt.Policy.uk())
    err = info.value
    assert isinstance(err, LookupError)
    assert not isinstance(err, ValueError)
    assert err.path == "shelf_life.whole_blood_cpd"
    assert err.policy == "uk"
    assert err.kind == "PolicyValueMissing"


def test_pool_expires_with_earliest_constituent() -> None:
    rdp = Product("platelets", platelet_source="random_donor")
    units = [rakt.expiry(rdp, ist(2026, 1, 2, 10)), rakt.expiry(rdp, ist(2026, 1, 1, 10))]
    pool = rakt.pool(units, ist(2026, 1, 3, 10))
    assert pool.expires_at == ist(2026, 1, 4, 23, 59)
    assert pool.collected_at == ist(2026, 1, 1, 10)
    assert pool.codes == ["POOL_EARLIEST_CONSTITUENT"]
    assert pool.product.modifications == [Modification.POOLED]
    # any iterable
    assert rakt.pool(iter(units), ist(2026, 1, 3, 10)) == pool
    with pytest.raises(rakt.InvalidInput) as one:
        rakt.pool(units[:1], ist(2026, 1, 3, 10))
    assert one.value.field == "constituents"
    with pytest.raises(TypeError):
        rakt.pool([units[0], "unit"], ist(2026, 1, 3, 10))  # type: ignore[list-item]


def test_naive_datetimes_are_refused(sagm: Product) -> None:
    naive = datetime(2026, 1, 1, 10)
    with pytest.raises(rakt.InvalidInput) as info:
        rakt.expiry(sagm, naive)
    assert info.value.field == "collected_at"
    assert "no time zone" in str(info.value)
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    for call in (
        lambda: e.is_expired(naive),
        lambda: e.expires_within(timedelta(hours=1), naive),
        lambda: e.remaining(naive),
        lambda: rakt.Irradiated(naive),
        lambda: rakt.Thawed(naive, "refrigerated"),
        lambda: rakt.pool([e, e], naive),
    ):
        with pytest.raises(rakt.InvalidInput):
            call()
    with pytest.raises(TypeError):
        rakt.expiry(sagm, "2026-01-01T10:00:00+05:30")  # type: ignore[arg-type]


def test_negative_timedelta_is_refused(sagm: Product) -> None:
    e = rakt.expiry(sagm, ist(2026, 1, 1, 10))
    with pytest.raises(rakt.InvalidInput) as info:
        e.expires_within(timedelta(minutes=-1), ist(2026, 1, 2))
    assert info.value.field == "within"
    assert e.expires_within(timedelta(0), ist(2026, 1, 2)) is False
    with pytest.raises(TypeError):
        e.expires_within(60, ist(2026, 1, 2))  # type: ignore[arg-type]


def test_parse_timestamp() -> None:
    assert rakt.parse_timestamp("2026-01-01T10:00+05:30") == ist(2026, 1, 1, 10)
    z = rakt.parse_timestamp("2026-01-01 04:30Z")
    assert z == ist(2026, 1, 1, 10) and z.utcoffset() == timedelta(0)
    with pytest.raises(rakt.InvalidInput) as info:
        rakt.parse_timestamp("2026-01-01T10:00:00")
    assert info.value.field == "time"


def test_events() -> None:
    t = ist(2026, 1, 2, 8)
    assert rakt.Irradiated(t).at == t
    assert rakt.Irradiated(t).modification == Modification.IRRADIATED
    assert rakt.Washed(t).modification == Modification.WASHED
    assert rakt.Opened(t).modification == Modification.OPENED
    thawed = rakt.Thawed(t, "room_temperature")
    assert thawed.storage == rakt.Storage.ROOM_TEMPERATURE
    assert thawed.modification == Modification.THAWED
    assert repr(thawed) == "Thawed(at=2026-01-02T08:00:00+05:30, storage=Storage.ROOM_TEMPERATURE)"
    assert rakt.Washed(t) != rakt.Opened(t)
    with pytest.raises(TypeError):
        rakt.expiry(Product("plasma"), t).redate("thawed")  # type: ignore[arg-type]


def test_offset_preserved_on_events() -> None:
    at = datetime(2026, 1, 2, 8, tzinfo=timezone(timedelta(hours=-3)))
    assert rakt.Opened(at).at.utcoffset() == timedelta(hours=-3)
    assert IST.utcoffset(None) == timedelta(hours=5, minutes=30)
