"""Gestation, birth outcomes and Robson groups from Python; the values mirror
crates/rakt/tests/maternal_gestation.rs and maternal_robson.rs."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone

import pytest

import rakt
from rakt import GestationalAge, robson_group

IST = timezone(timedelta(hours=5, minutes=30))


def test_due_date_and_gestational_age() -> None:
    assert rakt.edd_from_lmp(date(2026, 2, 10)) == date(2026, 11, 17)
    assert rakt.edd_from_lmp(date(2028, 2, 29)) == date(2028, 12, 5)
    ga = rakt.gestational_age(date(2026, 2, 10), date(2026, 11, 16))
    assert (ga.weeks, ga.days, ga.total_days, str(ga)) == (39, 6, 279, "39+6")
    assert ga.category() == "full_term"
    assert GestationalAge(36, 6).category() == "late_preterm"
    assert GestationalAge(37).category() == "early_term"
    assert GestationalAge(42).category() == "post_term"
    assert rakt.gestational_age_from_edd(date(2026, 11, 17), date(2026, 11, 16)) == GestationalAge(39, 6)
    assert rakt.edd_from_ultrasound(date(2026, 5, 1), GestationalAge(12, 3)) == date(2026, 11, 10)
    assert pickle.loads(pickle.dumps(ga)) == ga
    with pytest.raises(rakt.InvalidInput, match="days"):
        GestationalAge(39, 7)
    with pytest.raises(rakt.InvalidInput, match="as_of"):
        rakt.gestational_age(date(2026, 2, 10), date(2026, 2, 9))
    a = rakt.assess_pregnancy(rakt.AncRecord(lmp=date(2026, 2, 10)), date(2026, 11, 16))
    assert a.gestational_age is not None and (a.gestational_age.weeks, a.gestational_age.days) == (39, 6)


def test_birth_outcomes() -> None:
    w = rakt.birth_weight(1799)
    assert (w.category, w.below_hmis_line) == ("low", True)
    assert rakt.birth_weight(2500).category == "normal"
    assert rakt.birth_weight(999).category == "extremely_low"
    assert rakt.is_live_birth(cord_pulsation=True) is True
    assert rakt.is_live_birth() is False
    assert rakt.classify_fetal_death(GestationalAge(28), "intrapartum") == "fresh_stillbirth"
    assert rakt.classify_fetal_death(GestationalAge(27, 6), "antepartum") == "foetal_death"
    assert rakt.classify_fetal_death(GestationalAge(23, 6), "antepartum") == "not_counted"
    born = datetime(2026, 11, 1, 10, 0, tzinfo=IST)
    d = rakt.newborn_death(born, born + timedelta(days=27, hours=23))
    assert (d.completed_days, d.neonatal, d.hmis_bin) == (27, True, "days_8_to_28")
    d = rakt.newborn_death(born, born + timedelta(days=28))
    assert (d.neonatal, d.hmis_bin) == (False, "days_8_to_28")
    assert rakt.in_maternal_death_window(date(2026, 10, 1), date(2026, 11, 12)) is True
    assert rakt.in_maternal_death_window(date(2026, 10, 1), date(2026, 11, 13)) is False


def test_robson_groups() -> None:
    full = {"parity": 0, "previous_caesareans": 0, "fetuses": 1, "presentation": "cephalic", "gestation_weeks": 39}
    assert robson_group(onset="spontaneous", **full) == "1"  # type: ignore[arg-type]
    assert robson_group(onset="induced", **full) == "2a"  # type: ignore[arg-type]
    assert robson_group(onset="caesarean_before_labour", **full) == "2b"  # type: ignore[arg-type]
    assert robson_group(parity=2, previous_caesareans=1, fetuses=1, presentation="cephalic", gestation_weeks=37) == "5"
    assert robson_group(parity=1, previous_caesareans=1, fetuses=1, presentation="cephalic", gestation_weeks=36) == "10"
    assert robson_group(fetuses=2) == "8"
    r = robson_group(fetuses=1, presentation="breech")
    assert isinstance(r, rakt.RobsonUnclassified)
    assert r.missing == ["parity"] and not r
    assert pickle.loads(pickle.dumps(r)) == r
    assert repr(r) == "RobsonUnclassified(missing=['parity'])"
    with pytest.raises(rakt.InvalidInput, match="previous_caesareans"):
        robson_group(parity=0, previous_caesareans=1)
    with pytest.raises(rakt.InvalidInput, match="presentation"):
        robson_group(presentation="sideways")


def test_implausible_gestations_are_refused() -> None:
    # Issue 17: GestationalAge(613566757, 6).total_days wrapped to 9.
    assert GestationalAge(45, 6).total_days == 321
    with pytest.raises(rakt.InvalidInput) as err:
        GestationalAge(613566757, 6)
    assert err.value.field == "weeks"
    with pytest.raises(rakt.InvalidInput):
        GestationalAge(46)
