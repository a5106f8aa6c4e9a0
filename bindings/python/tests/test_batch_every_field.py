"""`assess_pregnancies` reads every AncRecord field from its column exactly as the per-record
API reads it: seeded random tables over all 35 input columns, bad values mixed in, compared row
by row and error by error with `assess_pregnancy` on the same values."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

import rakt

AS_OF = dt.date(2026, 10, 1)

COUNTS = ("age_years", "gravida", "parity", "living_children", "previous_caesareans",
          "previous_stillbirths", "previous_abortions", "previous_neonatal_deaths",
          "months_since_last_pregnancy", "fetuses", "platelets_per_ul")
MEASURES = ("height_cm", "weight_kg", "hb_g_dl", "haematocrit_pct", "ogtt_2h_mg_dl")
CODES = {
    # Valid codes, each list ending with one that is not.
    "presentation": ["cephalic", "breech", "transverse_or_oblique", "cephalic", "sideways"],
    "urine_protein": ["nil", "trace", "+", "++", "+++", "++++", "nil", "lots"],
    "thyroid": ["normal", "hypothyroid", "hyperthyroid", "normal", "odd"],
    "blood_group": ["O+", "O-", "A+", "B-", "AB+", "A2B-", "B+", "Q+"],
    "hiv": ["positive", "negative", "negative", "negative", "maybe"],
    "syphilis": ["positive", "negative", "negative", "Negative"],
    "hbsag": ["positive", "negative", "negative", " negative"],
    "organ_support": ["high_dependency", "intensive_care", "wings"],
}
LISTS = {
    "conditions": ["heart_disease", "diabetes", "previous_pph", "placenta_praevia", "asthma",
                   "chronic_hypertension", "unheard_of"],
    "danger_signs": ["convulsing", "unconscious", "fever", "looks_very_ill", "labour",
                     "severe_pain", "dancing"],
    "symptoms": ["severe_headache", "visual_disturbance", "epigastric_pain", "dizziness",
                 "vomiting", "hiccups"],
}
COUNT_VALUES = {
    "age_years": [13, 17, 18, 19, 25, 35, 36, 41, 71, -1],
    "gravida": [1, 2, 3, 4, 5, 6, 0],
    "parity": [0, 1, 2, 3, 4, 5],
    "living_children": [0, 1, 2, 3],
    "previous_caesareans": [0, 1, 2, 3],
    "previous_stillbirths": [0, 1, 2],
    "previous_abortions": [0, 1, 2, 3],
    "previous_neonatal_deaths": [0, 1],
    "months_since_last_pregnancy": [6, 17, 18, 24, 60],
    "fetuses": [1, 1, 1, 2, 3, 0],
    "platelets_per_ul": [50_000, 99_999, 100_000, 150_000, 250_000],
}
MEASURE_VALUES = {
    "height_cm": ["139.9", "140", "145", "150.5", "160", "301"],
    "weight_kg": ["34.9", "35", "45", "60", "90"],
    "hb_g_dl": ["5.9", "6.9", "7", "7.1", "9.9", "10", "10.9", "11", "12.5", "40"],
    "haematocrit_pct": ["20", "30", "33", "35"],
    "ogtt_2h_mg_dl": ["139", "140", "153", "199", "200"],
}


def rows(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)

    def maybe(v: Any, p: float = 0.35) -> Any:
        return None if rng.random() < p else v

    out = []
    for i in range(n):
        r: dict[str, Any] = {"id": f"R{seed}-{i}"}
        for k in COUNTS:
            r[k] = maybe(rng.choice(COUNT_VALUES[k]))
        for k in MEASURES:
            r[k] = maybe(Decimal(rng.choice(MEASURE_VALUES[k])))
        r["lmp"] = maybe(AS_OF - dt.timedelta(days=rng.randint(-3, 320)))
        r["edd"] = maybe(AS_OF + dt.timedelta(days=rng.randint(-40, 300)), 0.8)
        for k, values in CODES.items():
            r[k] = maybe(rng.choice(values[:-1]) if rng.random() < 0.97 else values[-1], 0.5)
        for k, values in LISTS.items():
            picked = rng.sample(values[:-1], rng.randint(0, 2))
            if rng.random() < 0.03:
                picked.append(values[-1])
            r[k] = maybe(picked, 0.5)
        for bp in ("bp", "bp_repeat"):
            if rng.random() < 0.7:
                s = rng.choice([100, 120, 139, 140, 150, 159, 160, 170])
                r[f"{bp}_systolic"] = s
                r[f"{bp}_diastolic"] = min(s - 10, rng.choice([70, 89, 90, 100, 109, 110]))
            else:
                r[f"{bp}_systolic"] = r[f"{bp}_diastolic"] = None
        r["vaginal_bleeding"] = maybe(rng.random() < 0.1)
        out.append(r)
    return out


def table(rs: list[dict[str, Any]]) -> pa.Table:
    types: dict[str, pa.DataType] = {"id": pa.string(), "lmp": pa.date32(), "edd": pa.date32(),
                                     "vaginal_bleeding": pa.bool_()}
    types.update({k: pa.int64() for k in COUNTS})
    types.update({k: pa.int64() for k in ("bp_systolic", "bp_diastolic",
                                          "bp_repeat_systolic", "bp_repeat_diastolic")})
    types.update({k: pa.decimal128(10, 2) for k in MEASURES})
    types.update({k: pa.string() for k in CODES})
    types.update({k: pa.list_(pa.string()) for k in LISTS})
    return pa.table({k: pa.array([r[k] for r in rs], type=t) for k, t in types.items()})


def fields_of(r: dict[str, Any]) -> dict[str, Any]:
    """The per-record fields of a generated row, as the batch reads its table."""
    fields: dict[str, Any] = {}
    for k, v in r.items():
        if v is None or k.startswith("bp_"):
            continue
        if isinstance(v, Decimal):
            v = v.quantize(Decimal("0.01"))  # the column's scale, as the table holds it
        if isinstance(v, list) and not v:
            continue
        fields[k] = v
    for bp in ("bp", "bp_repeat"):
        if r[f"{bp}_systolic"] is not None:
            fields[bp] = (r[f"{bp}_systolic"], r[f"{bp}_diastolic"])
    return fields


def per_record(r: dict[str, Any]) -> dict[str, Any]:
    fields = fields_of(r)
    try:
        a = rakt.assess_pregnancy(fields, AS_OF)
    except rakt.RaktError as e:
        return {"id": r["id"], "error": str(e)}
    g = a.gestation
    return {
        "id": a.id, "risk_level": a.risk_level, "flags": a.codes,
        "referral_level": a.referral.level, "referral_urgency": a.referral.urgency,
        "blood_tier": a.blood_plan.tier, "blood_action": a.blood_plan.action,
        "blood_units": a.blood_plan.units,
        "gestation_weeks": g[0] if g else None, "gestation_days": g[1] if g else None,
        "edd": a.edd, "hypertension": a.hypertension, "anaemia": a.anaemia, "gdm": a.gdm,
        "not_assessed": a.not_assessed, "error": None,
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_field_equals_per_record(seed: int) -> None:
    rs = rows(600, seed)
    want = [per_record(r) for r in rs]
    errors = sum(1 for w in want if w["error"])
    assert 60 < errors < 540, errors  # both kinds of row, in numbers
    for parallel in (True, False):
        out = rakt.assess_pregnancies(table(rs), AS_OF, parallel=parallel).to_pylist()
        got = [{"id": o["id"], "error": o["error"]} if o["error"] else o for o in out]
        for g, w in zip(got, want):
            assert g == w
        assert len(got) == len(want)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_explain_gives_each_flags_message_and_source_as_the_per_record_api(lang: str) -> None:
    rs = rows(300, 11)
    plain = rakt.assess_pregnancies(table(rs), AS_OF)
    assert "flag_messages" not in plain.column_names
    out = rakt.assess_pregnancies(table(rs), AS_OF, explain=True, lang=lang)
    assert out.column_names[-3:] == ["flag_messages", "flag_sources", "error"]
    # Explaining changes no decision.
    assert out.drop_columns(["flag_messages", "flag_sources"]).equals(plain)
    explained = 0
    for r, o in zip(rs, out.to_pylist()):
        if o["error"]:
            assert o["flag_messages"] is None and o["flag_sources"] is None
            continue
        fields = {k: v for k, v in r.items() if v is not None and not k.startswith("bp_")
                  and v != []}
        fields = {k: (v.quantize(Decimal("0.01")) if isinstance(v, Decimal) else v)
                  for k, v in fields.items()}
        for bp in ("bp", "bp_repeat"):
            if r[f"{bp}_systolic"] is not None:
                fields[bp] = (r[f"{bp}_systolic"], r[f"{bp}_diastolic"])
        a = rakt.assess_pregnancy(fields, AS_OF)
        assert o["flag_messages"] == [f.message(lang) for f in a.flags]
        assert o["flag_sources"] == [f.source for f in a.flags]
        explained += len(a.flags)
    assert explained > 100


def test_an_unknown_language_is_refused_even_without_explain() -> None:
    with pytest.raises(rakt.InvalidInput, match="fr"):
        rakt.assess_pregnancies(table(rows(3, 1)), AS_OF, lang="fr")


def test_a_float_measurement_is_the_decimal_of_its_shortest_form() -> None:
    # Everyday values (one to six decimals, whole numbers, values whose binary form is inexact
    # like 6.3 or 0.1 + 6.2) and floats with every digit: each is read as Decimal(repr(x)),
    # scale included (6.0 stays 6.0), whichever way the batch reads it.
    g = random.Random(5)
    hbs = [6.3, 0.1 + 6.2, 6.0, 5.0, 1.05, 6.999999, 2.5e-7 + 6, 4.35, 6.85]
    hbs += [round(g.uniform(1, 6.99), g.randint(0, 6)) for _ in range(400)]
    hbs += [g.uniform(1, 6.99) for _ in range(200)]
    out = rakt.assess_pregnancies(pa.table({"hb_g_dl": pa.array(hbs, pa.float64())}), AS_OF,
                                  explain=True).to_pylist()
    for hb, o in zip(hbs, out):
        a = rakt.assess_pregnancy({"hb_g_dl": Decimal(repr(hb))}, AS_OF)
        assert o["error"] is None, (hb, o["error"])
        assert o["anaemia"] == a.anaemia
        assert o["flag_messages"] == [f.message("en") for f in a.flags], hb
    assert sum(1 for o in out if o["flag_messages"]) > 500


@pytest.mark.parametrize("profile", ["india", "india_openchs", "uk"])
def test_decide_pregnancy_gives_the_assessments_values_and_errors(profile: str) -> None:
    policy = rakt.Policy.builtin(profile)
    decided = refused = 0
    for r in rows(600, 21):
        fields = fields_of(r)
        try:
            a = rakt.assess_pregnancy(fields, AS_OF, policy)
        except rakt.RaktError as e:
            with pytest.raises(type(e)) as caught:
                rakt.decide_pregnancy(fields, AS_OF, policy)
            assert str(caught.value) == str(e)
            refused += 1
            continue
        d = rakt.decide_pregnancy(fields, AS_OF, policy)
        assert d == a.decision() and hash(d) == hash(a.decision())
        assert (d.risk_level, d.codes, d.gestation, d.edd) == (a.risk_level, a.codes, a.gestation, a.edd)
        assert (d.hypertension, d.anaemia, d.gdm) == (a.hypertension, a.anaemia, a.gdm)
        assert (d.referral_level, d.referral_urgency) == (a.referral.level, a.referral.urgency)
        assert (d.blood_tier, d.blood_action, d.blood_units, d.blood_when) == (
            a.blood_plan.tier, a.blood_plan.action, a.blood_plan.units, a.blood_plan.when)
        assert d.not_assessed == a.not_assessed
        decided += 1
    assert decided > 120 and refused > 50


def test_a_decision_reads_as_its_assessment() -> None:
    record = {"lmp": AS_OF - dt.timedelta(days=266), "bp": (150, 100), "bp_repeat": (148, 96),
              "urine_protein": "++", "hb_g_dl": Decimal("6.8")}
    d = rakt.decide_pregnancy(record, AS_OF)
    assert d.codes == ["PRE_ECLAMPSIA", "SEVERE_ANAEMIA"]
    # Severe anaemia is not a haemorrhage-risk factor of the india blood plan.
    assert (d.risk_level, d.referral_level, d.blood_action) == ("high", "l3", "group_and_screen")
    assert (d.gestation, d.hypertension, d.anaemia) == ((38, 0), "pre_eclampsia", "severe")
    assert repr(d) == ("PregnancyDecision(risk_level='high', codes=['PRE_ECLAMPSIA', "
                       "'SEVERE_ANAEMIA'], referral='l3', blood_plan='group_and_screen')")
