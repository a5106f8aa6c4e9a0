"""rakt maternal example: an ANC register is screened for high-risk pregnancies, each mother gets
the level of care she needs and a blood plan, and the blood for a mother with placenta praevia is
checked against the FRU's stock and the district hospital's (the same scenario as
``cargo run -p rakt-demo --bin maternal_demo``).

Run: ``python examples/python/maternal_demo.py`` after ``pip install ./bindings/python``.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import rakt

NOW = rakt.parse_timestamp("2026-11-23T10:00:00+05:30")
DATA = Path(__file__).resolve().parents[1] / "data"
ACTIONS = {"none": "no pretransfusion testing", "group_and_screen": "group and screen"}
COUNTS = {"age_years", "gravida", "parity", "previous_caesareans", "months_since_last_pregnancy", "fetuses"}
DECIMALS = {"height_cm", "weight_kg", "hb_g_dl", "ogtt_2h_mg_dl"}


def load_register(path: Path) -> list[rakt.AncRecord]:
    """The ANC register: an empty cell is a value not recorded."""
    records = []
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            fields: dict[str, object] = {}
            for name, cell in row.items():
                if not cell:
                    continue
                if name in COUNTS:
                    fields[name] = int(cell)
                elif name in DECIMALS:
                    fields[name] = Decimal(cell)
                elif name in ("lmp", "edd"):
                    fields[name] = date.fromisoformat(cell)
                elif name in ("bp", "bp_repeat"):
                    systolic, diastolic = cell.split("/")
                    fields[name] = (int(systolic), int(diastolic))
                elif name in ("conditions", "danger_signs"):
                    fields[name] = cell.split(";")
                else:
                    fields[name] = cell
            records.append(rakt.AncRecord(**fields))  # type: ignore[arg-type]
    return records


def load_stock(path: Path, policy: rakt.Policy) -> list[rakt.BloodUnit]:
    """Red cells collected, screened, grouped and released two hours after collection."""
    units = []
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["component"] != "red_cells":
                continue
            product = rakt.Product("red_cells", preservative=row["preservative"])
            collected = rakt.parse_timestamp(row["collected_at"])
            unit = rakt.BloodUnit.collect(row["unit_id"], product, row["group"], 280, "voluntary", collected,
                                          actor="tech")
            at = collected + timedelta(hours=2)
            group = rakt.BloodGroup.parse(row["group"])
            events: list[rakt.UnitEvent] = [rakt.Quarantine(at, "tech")]
            events += [rakt.RecordTest(at, "tech", m, "non_reactive")
                       for m in ("hiv", "hbsag", "hcv", "syphilis", "malaria")]
            events += [rakt.RecordGrouping(at, "tech", forward=group, reverse=group.abo), rakt.Release(at, "tech")]
            for event in events:
                unit = unit.apply(event, policy)
            units.append(unit)
    return units


def show(a: rakt.PregnancyAssessment) -> None:
    ga = "{}+{}".format(*a.gestation) if a.gestation else "?"
    print(f"== {a.id}  {ga} weeks  risk {a.risk_level}  →  {a.referral.level_description} ({a.referral.urgency})")
    for i, f in enumerate(a.flags):
        print(f"  {f.code:<24} {f.message('en')}")
        if i == 0:
            print(f"  {'':<24} {f.message('hi')}")
    plan = a.blood_plan
    action = ACTIONS.get(plan.action, f"crossmatch {plan.units} units of red cells")
    factors = f" — {', '.join(plan.factors)}" if plan.factors else ""
    print(f"  blood plan: {plan.tier} tier, {action} ({plan.when}){factors}")
    print()


def main() -> None:
    policy = rakt.Policy.india()
    today = NOW.date()
    print(f"rakt — ANC register on {today}  (policy: {policy.name})\n")
    praevia = None
    for record in load_register(DATA / "anc_register.csv"):
        a = rakt.assess_pregnancy(record, today, policy)
        show(a)
        if "placenta_praevia" in record.conditions:
            praevia = (record, a)
    assert praevia is not None, "the register has no mother with placenta praevia"
    record, a = praevia

    fru = rakt.Inventory("FRU-BARABANKI", policy)
    for unit in load_stock(DATA / "fru_stock.csv", policy):
        fru.add(unit)
    dh = rakt.Inventory("DH-LUCKNOW", policy)
    for unit in load_stock(DATA / "hub_stock.csv", policy):
        dh.add(unit)
    assert a.edd is not None
    r = rakt.blood_readiness(record, a.blood_plan, fru, a.edd, NOW, nearby=[dh])
    print(f"== Blood for {r.mother} ({record.blood_group}, due {a.edd}): {r.required} units of red cells, "
          f"valid until {r.needed_by:%Y-%m-%d %H:%M}")
    print(f"  at {r.facility}:")
    for u in r.units:
        print(f"    {u.id} {str(u.group):<3} expires {u.expires_at:%Y-%m-%d %H:%M}")
    print(f"  missing: {r.missing}")
    for s in r.shortfall:
        if str(s.group).startswith("B"):
            print(f"    {s.group}: {', '.join(s.codes)}")
    for n in r.nearby:
        for u in n.units:
            print(f"  from {n.facility}: {u.id} {str(u.group):<3} expires {u.expires_at:%Y-%m-%d}  {', '.join(u.codes)}")
    print(f"  still uncovered: {r.uncovered}")
    request = r.suggested_reservation
    if request is not None:
        held = fru.reserve(request, NOW, "lab-tech-sunita")
        print(f"  reserved at {fru.facility} for {request.patient}: {', '.join(held.ids)}")


if __name__ == "__main__":
    main()
