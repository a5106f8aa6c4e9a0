"""Obstetric early warning, the shock index, the ICMR PPH red flags and PPH classification from
Python. The values mirror crates/rakt/tests/maternal_early_warning.rs."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

import rakt
from rakt import Policy, Vitals, classify_pph, early_warning, pph_red_flags, shock_index


def test_one_red_or_two_yellows_trigger_and_one_yellow_does_not() -> None:
    one = early_warning(Vitals(heart_rate=101, systolic_bp=120))
    assert (one.triggered, one.level, one.reds, one.yellows) == (False, "green", 0, 1)
    assert one.bands["heart_rate"] == "yellow"
    assert one.bands["spo2"] == "not_assessed"
    two = early_warning({"heart_rate": 101, "respiratory_rate": 21})
    assert (two.triggered, two.level) == (True, "yellow")
    red = early_warning(Vitals(spo2=94))
    assert (red.triggered, red.level) == (True, "red")
    spo2 = next(p for p in red.parameters if p.parameter == "spo2")
    assert (spo2.value, spo2.band, spo2.rule) == ("94", "red", "< 95")
    assert red.confidence == "low" and "third-party calculator" in red.source
    assert early_warning(Vitals()).level == "not_assessed"
    assert pickle.loads(pickle.dumps(red)) == red


@pytest.mark.parametrize(
    ("field", "value", "band"),
    [
        ("respiratory_rate", 20, "green"), ("respiratory_rate", 21, "yellow"), ("respiratory_rate", 31, "red"),
        ("respiratory_rate", 9, "red"), ("temperature_c", Decimal("37.4"), "green"),
        ("temperature_c", Decimal("37.5"), "yellow"), ("temperature_c", Decimal("38.1"), "red"),
        ("temperature_c", Decimal("34.9"), "red"), ("systolic_bp", 100, "green"), ("systolic_bp", 99, "yellow"),
        ("systolic_bp", 89, "red"), ("systolic_bp", 161, "red"), ("diastolic_bp", 91, "yellow"),
        ("diastolic_bp", 101, "red"), ("heart_rate", 120, "yellow"), ("heart_rate", 121, "red"),
        ("consciousness", "voice", "red"), ("consciousness", "alert", "green"),
    ],
)
def test_band_edges(field: str, value: object, band: str) -> None:
    assert early_warning({field: value}).bands[field] == band


def test_the_score_profile() -> None:
    p = Policy.builtin("india_meows_score")
    w = early_warning(Vitals(heart_rate=101, systolic_bp=150), p)
    assert (w.mode, w.score, w.level, w.triggered) == ("score", 3, "yellow", True)
    assert [x.points for x in w.parameters if x.points] == [2, 1]
    assert early_warning(Vitals(systolic_bp=160), p).level == "red"
    assert early_warning(Vitals(systolic_bp=139), p).score == 0


def test_shock_index_thresholds() -> None:
    si = shock_index(90, 100)
    assert (si.value, si.alert, si.high) == (Decimal("0.90"), True, False)
    assert shock_index(89, 100).alert is False
    near = shock_index(98, 109)
    assert (near.value, near.alert) == (Decimal("0.90"), False)
    assert shock_index(170, 100).high is True
    with pytest.raises(rakt.InvalidInput, match="systolic_bp"):
        shock_index(90, 0)
    with pytest.raises(TypeError):
        shock_index(90.0, 100)  # type: ignore[arg-type]


def test_red_flags_and_pph() -> None:
    flags = pph_red_flags(Vitals(heart_rate=121, systolic_bp=99, diastolic_bp=60, consciousness="pain"))
    assert [f.code for f in flags] == ["tachycardia", "hypotension", "sensorium"]
    assert flags[0].message("hi") == "नाड़ी 121/मिनट (> 120): खतरे का संकेत।"
    assert pph_red_flags(Vitals(heart_rate=120, systolic_bp=100, diastolic_bp=60)) == []
    c = classify_pph(1001, "caesarean", hours_after_birth=2)
    assert (c.pph, c.severity, c.timing, c.major, c.massive) == (True, "moderate", "primary", True, False)
    assert classify_pph(1000, "caesarean").pph is False
    assert classify_pph(500, "vaginal").severity == "minor"
    assert classify_pph(300, "vaginal", vitals_deranged=True).severity == "below_minor"
    assert classify_pph(1501, "vaginal", 25).timing == "secondary"
    with pytest.raises(rakt.InvalidInput, match="mode"):
        classify_pph(600, "forceps")
    with pytest.raises(rakt.InvalidInput, match="hours_after_birth"):
        classify_pph(600, "vaginal", 2017)
    with pytest.raises(rakt.InvalidInput, match="pulse"):
        Vitals(pulse=100)  # type: ignore[call-arg]
    with pytest.raises(rakt.InvalidInput, match="consciousness"):
        Vitals(consciousness="drowsy")
