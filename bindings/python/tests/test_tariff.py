"""rakt.tariff: processing charges of research/blood.md §7 with exact values — the NBTC
ceilings by date and sector, the Surat tariff above three of them, bills to the paisa and
exemptions. The same answers as the Rust core (crates/rakt/tests/tariff.rs)."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

import rakt
from rakt import tariff
from rakt.tariff import CentreExemption, CentreTariff, Sector, StatutoryExemption, TariffItem

ON = date(2026, 11, 23)


def government_at_ceilings(exemptions: tuple[CentreExemption, ...] = ()) -> CentreTariff:
    return CentreTariff(
        "District Hospital Blood Centre",
        Sector.GOVERNMENT,
        date(2024, 4, 1),
        {
            TariffItem.WHOLE_BLOOD: Decimal("1100"),
            TariffItem.PACKED_RED_CELLS: Decimal("1100"),
            TariffItem.FRESH_FROZEN_PLASMA: Decimal("300"),
            TariffItem.PLATELET_CONCENTRATE: Decimal("300"),
            TariffItem.CRYOPRECIPITATE: Decimal("200"),
            TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION: Decimal("1600"),
            "grouping_and_crossmatching": 120,
        },
        exemptions,
    )


def test_the_2022_ceilings_per_sector() -> None:
    s = tariff.nbtc_2022()
    assert (s.id, s.title, s.effective_from, s.effective_until) == ("nbtc-2022", "NBTC 2022", date(2022, 7, 20), None)

    def amount(item: str, sector: Sector) -> Decimal | None:
        c = s.ceiling(item, sector)
        return None if c is None else c.amount

    assert amount("packed_red_cells", Sector.GOVERNMENT) == Decimal("1100")
    assert amount("packed_red_cells", Sector.PRIVATE) == Decimal("1550")
    assert amount("fresh_frozen_plasma", Sector.PRIVATE) == Decimal("400")
    assert amount("cryoprecipitate", Sector.GOVERNMENT) == Decimal("200")
    assert amount("surplus_plasma_for_fractionation", Sector.PRIVATE) == Decimal("1600")
    assert amount("single_donor_platelets", Sector.PRIVATE) is None
    cryo = s.ceiling(TariffItem.CRYOPRECIPITATE, "private")
    assert cryo is not None and cryo.source.confidence == rakt.Confidence.LOW
    assert "no national cryoprecipitate ceiling" in (cryo.source.note or "")
    assert repr(cryo) == "Ceiling(item=TariffItem.CRYOPRECIPITATE, sector=Sector.PRIVATE, amount=Decimal('250'))"
    assert len(s.ceilings) == 12
    assert [x.id for x in tariff.ceiling_schedules()] == ["nbtc-before-2022", "nbtc-2022"]
    assert tariff.ceiling_schedules()[0] == tariff.nbtc_before_2022()


def test_the_schedule_in_force_changes_on_the_day_of_the_revision() -> None:
    assert tariff.schedule_on(date(2022, 7, 20)).id == "nbtc-2022"
    old = tariff.schedule_on(date(2022, 7, 19))
    assert old.id == "nbtc-before-2022" and old.effective_from is None
    assert old.effective_until == date(2022, 7, 19)
    assert old.applies_on(date(1990, 1, 1)) and not old.applies_on(date(2022, 7, 20))
    prc = old.ceiling(TariffItem.PACKED_RED_CELLS, Sector.PRIVATE)
    assert prc is not None and prc.amount == Decimal("1450")
    assert old.ceiling(TariffItem.FRESH_FROZEN_PLASMA, Sector.PRIVATE) is None
    with pytest.raises(rakt.InvalidInput) as e:
        tariff.schedule_on(datetime(2026, 1, 1))  # a day, not an instant
    assert e.value.field == "date"


def test_enums() -> None:
    assert TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION.per_litre
    assert not TariffItem.PACKED_RED_CELLS.per_litre
    assert TariffItem.parse("packed_red_cells") == TariffItem.PACKED_RED_CELLS
    assert [m.code for m in StatutoryExemption.members()] == [
        "thalassaemia", "haemophilia", "sickle_cell_anaemia", "other_dyscrasia_repeated_transfusion",
    ]
    assert Sector.PRIVATE.code == "private" and repr(Sector.PRIVATE) == "Sector.PRIVATE"
    assert pickle.loads(pickle.dumps(TariffItem.IRRADIATION)) == TariffItem.IRRADIATION
    assert TariffItem.__module__ == "rakt.tariff"
    with pytest.raises(rakt.InvalidInput) as e:
        Sector.parse("charity")
    assert e.value.field == "sector"
    assert "Telangana" in tariff.STATUTORY_EXEMPTION_SOURCE


def test_a_tariff_within_the_ceilings_passes_and_lists_them() -> None:
    t = government_at_ceilings()
    assert t.prices[TariffItem.GROUPING_AND_CROSSMATCHING] == Decimal("120")
    check = t.validate()
    assert check.schedule == "nbtc-2022"
    assert [p.item for p in check.prices] == [
        TariffItem.WHOLE_BLOOD, TariffItem.PACKED_RED_CELLS, TariffItem.FRESH_FROZEN_PLASMA,
        TariffItem.PLATELET_CONCENTRATE, TariffItem.CRYOPRECIPITATE,
        TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION, TariffItem.GROUPING_AND_CROSSMATCHING,
    ]
    gx = check.prices[-1]
    assert gx.ceiling is None  # a laboratory test: no national ceiling
    assert repr(gx) == "PriceCheck(item=TariffItem.GROUPING_AND_CROSSMATCHING, price=Decimal('120'), ceiling=None)"


def test_the_surat_private_centre_is_above_three_ceilings() -> None:
    prices = {
        "whole_blood": Decimal("1450"), "packed_red_cells": Decimal("1400"),
        "platelet_concentrate": Decimal("700"), "fresh_frozen_plasma": Decimal("700"),
        "cryoprecipitate": Decimal("500"), "single_donor_platelets": Decimal("11000"),
    }
    t = CentreTariff("Surat Raktadan Kendra", "private", date(2023, 2, 1), prices)
    with pytest.raises(rakt.NotApplicable) as e:
        t.validate()
    assert e.value.code == "TARIFF_ABOVE_CEILING"
    assert e.value.reason == (
        "above the NBTC 2022 ceilings for private centres: fresh_frozen_plasma ₹700.00 (ceiling ₹400.00), "
        "platelet_concentrate ₹700.00 (ceiling ₹400.00), cryoprecipitate ₹500.00 (ceiling ₹250.00)"
    )
    assert isinstance(e.value, ValueError)
    # At a government centre the same prices are above five ceilings; exactly at one is allowed.
    gov = CentreTariff("Surat Raktadan Kendra", Sector.GOVERNMENT, date(2023, 2, 1),
                       {**prices, "whole_blood": Decimal("1100")})
    with pytest.raises(rakt.NotApplicable) as e:
        gov.validate()
    assert "packed_red_cells ₹1400.00 (ceiling ₹1100.00)" in str(e.value)
    assert "whole_blood" not in str(e.value)


def test_bad_prices_and_exemptions_are_refused_naming_the_field() -> None:
    def refused(t: CentreTariff) -> str:
        with pytest.raises(rakt.InvalidInput) as e:
            t.validate()
        return str(e.value.field)

    base = dict(government_at_ceilings().prices)
    at = date(2024, 4, 1)
    assert refused(CentreTariff("C", Sector.GOVERNMENT, at, {**base, TariffItem.WHOLE_BLOOD: Decimal("1099.999")})) == "prices.whole_blood"
    assert refused(CentreTariff("C", Sector.GOVERNMENT, at, {**base, TariffItem.WHOLE_BLOOD: 0})) == "prices.whole_blood"
    assert refused(CentreTariff(" ", Sector.GOVERNMENT, at, base)) == "centre"
    over = CentreExemption("bpl", "BPL card", percent=Decimal("120"))
    assert refused(government_at_ceilings((over,))) == "exemptions.bpl.percent"
    # Money is never a float, and items are checked when the tariff is made.
    with pytest.raises(TypeError, match="Decimal"):
        CentreTariff("C", Sector.GOVERNMENT, at, {"whole_blood": 1100.0})
    with pytest.raises(rakt.InvalidInput) as e:
        CentreTariff("C", Sector.GOVERNMENT, at, {"platelets": Decimal("300")})
    assert e.value.field == "prices"
    with pytest.raises(TypeError, match="mapping"):
        CentreTariff("C", Sector.GOVERNMENT, at, [("whole_blood", 1100)])


def test_a_bill_at_government_ceilings() -> None:
    t = government_at_ceilings()
    b = tariff.bill(t, [(TariffItem.PACKED_RED_CELLS, 2), ("fresh_frozen_plasma", Decimal("1"))], date=ON)
    assert [(str(x.gross), str(x.waived), str(x.net), x.exemption) for x in b.lines] == [
        ("2200.00", "0.00", "2200.00", None), ("300.00", "0.00", "300.00", None),
    ]
    assert (str(b.gross_total), str(b.waived_total), str(b.total)) == ("2500.00", "0.00", "2500.00")
    assert (b.centre, b.date) == ("District Hospital Blood Centre", ON)
    assert b.lines[0].unit_price == Decimal("1100") and b.lines[0].quantity == 2
    assert repr(b) == (
        "Bill(centre='District Hospital Blood Centre', date=datetime.date(2026, 11, 23), lines=2, "
        "gross_total=Decimal('2500.00'), waived_total=Decimal('0.00'), total=Decimal('2500.00'))"
    )


@pytest.mark.parametrize(
    ("litres", "total"),
    [("0.2347", "375.52"), ("0.23453125", "375.25"), ("0.000003125", "0.01"), ("0.0000031", "0.00"),
     ("12.5", "20000.00")],
)
def test_surplus_plasma_is_billed_per_litre_to_the_paisa(litres: str, total: str) -> None:
    b = tariff.bill(government_at_ceilings(), [("surplus_plasma_for_fractionation", Decimal(litres))],
                    date=date(2026, 1, 1))
    assert str(b.total) == total


@pytest.mark.parametrize("category", list(StatutoryExemption.members()) + ["thalassaemia"])
def test_statutory_exemptions_make_every_line_free(category: Any) -> None:
    b = tariff.bill(government_at_ceilings(), [("packed_red_cells", 1), ("grouping_and_crossmatching", 1)],
                    [category], date=ON)
    code = category if isinstance(category, str) else category.code
    assert (str(b.gross_total), str(b.waived_total), str(b.total)) == ("1220.00", "1220.00", "0.00")
    assert [x.exemption for x in b.lines] == [code, code]
    assert [str(x.net) for x in b.lines] == ["0.00", "0.00"]


def test_centre_exemptions_and_concessions() -> None:
    nfsa = CentreExemption("nfsa_card", "NFSA (EWS/BPL) card holders", percent=100)
    donor = CentreExemption("donor_card", "Voluntary donor card: a third off red cells",
                            [TariffItem.PACKED_RED_CELLS], percent=Decimal("33.33"))
    assert donor.items == [TariffItem.PACKED_RED_CELLS] and nfsa.items == []
    t = government_at_ceilings((nfsa, donor))
    t.validate()
    lines = [("packed_red_cells", 1), ("fresh_frozen_plasma", 1)]
    b = tariff.bill(t, lines, centre_exemptions=["donor_card"], date=ON)
    # 1100 × 33.33% = 366.63 waived; FFP not covered.
    assert (str(b.lines[0].waived), str(b.lines[0].net), b.lines[0].exemption) == ("366.63", "733.37", "donor_card")
    assert b.lines[1].exemption is None
    assert str(b.total) == "1033.37"
    assert str(tariff.bill(t, lines, centre_exemptions=("nfsa_card",), date=ON).total) == "0.00"
    with pytest.raises(rakt.InvalidInput) as e:
        tariff.bill(t, lines, centre_exemptions=["vip"], date=ON)
    assert e.value.field == "centre_exemptions"


def test_bad_bills_are_refused() -> None:
    t = government_at_ceilings()

    def field(lines: list[tuple[Any, Any]], on: date = ON) -> str:
        with pytest.raises(rakt.InvalidInput) as e:
            tariff.bill(t, lines, date=on)
        return str(e.value.field)

    assert field([("packed_red_cells", Decimal("0.5"))]) == "quantity"
    assert field([("packed_red_cells", 0)]) == "quantity"
    assert field([("packed_red_cells", 1)], date(2024, 3, 31)) == "date"
    with pytest.raises(rakt.NotApplicable) as e:
        tariff.bill(t, [("irradiation", 1)], date=ON)
    assert e.value.code == "TARIFF_ITEM_NOT_PRICED"
    with pytest.raises(TypeError, match="Decimal"):
        tariff.bill(t, [("packed_red_cells", 1.0)], date=ON)
    with pytest.raises(TypeError, match="lines must contain"):
        tariff.bill(t, ["packed_red_cells"], date=ON)
    with pytest.raises(TypeError):
        tariff.bill(t, [("packed_red_cells", 1)], centre_exemptions="nfsa_card", date=ON)


def test_values_round_trip_and_pickle() -> None:
    t = government_at_ceilings((CentreExemption("hiv_regular", "HIV/AIDS patients on regular transfusion",
                                                percent=100),))
    assert CentreTariff.from_json(t.to_json()) == t
    assert '"packed_red_cells":"1100"' in t.to_json()
    assert pickle.loads(pickle.dumps(t)) == t and hash(pickle.loads(pickle.dumps(t))) == hash(t)
    # Equal decimals written differently are equal and hash alike.
    a = CentreTariff("C", "private", date(2024, 4, 1), {"whole_blood": Decimal("1100")})
    b = CentreTariff("C", "private", date(2024, 4, 1), {"whole_blood": Decimal("1100.00")})
    assert a == b and hash(a) == hash(b)
    bill = tariff.bill(t, [("packed_red_cells", 1)], date=ON)
    assert pickle.loads(pickle.dumps(bill)) == bill
    for value in (tariff.nbtc_2022(), bill.lines[0], t.validate(), t.exemptions[0]):
        assert pickle.loads(pickle.dumps(value)) == value
        assert type(value).from_json(value.to_json()) == value
        assert type(value).__module__ == "rakt.tariff"


def test_amounts_too_large_for_a_decimal_are_refused() -> None:
    # Issue 17's reproducers: quantity 7.9e28, and ten lines of 1e25.
    with pytest.raises(rakt.InvalidInput) as err:
        tariff.bill(government_at_ceilings(), [("packed_red_cells", Decimal("79000000000000000000000000000"))],
                    date=ON)
    assert err.value.field == "quantity"
    with pytest.raises(rakt.InvalidInput) as err:
        tariff.bill(government_at_ceilings(), [("packed_red_cells", Decimal("1e25"))] * 10, date=ON)
    assert err.value.field == "lines"


@pytest.mark.parametrize("percent", ["101", "-5"])
def test_a_bill_refuses_exemptions_that_validate_refuses(percent: str) -> None:
    t = government_at_ceilings((CentreExemption("odd", "odd", percent=Decimal(percent)),))
    with pytest.raises(rakt.InvalidInput) as err:
        tariff.bill(t, [("packed_red_cells", 1)], centre_exemptions=["odd"], date=ON)
    assert err.value.field == "exemptions.odd.percent"
