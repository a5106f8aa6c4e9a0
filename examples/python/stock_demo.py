"""rakt inventory example: a hub blood centre supplies a first-referral-unit blood storage centre,
which then serves a postpartum haemorrhage and a trauma patient (the same scenario as
``cargo run -p rakt-demo --bin stock_demo``).

Run: ``python examples/python/stock_demo.py`` after ``pip install ./bindings/python``.
"""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import rakt

NOW = rakt.parse_timestamp("2026-11-23T10:00:00+05:30")
DATA = Path(__file__).resolve().parents[1] / "data"


def load(path: Path, policy: rakt.Policy) -> list[rakt.BloodUnit]:
    """Each row collected, screened (every mandatory marker non-reactive), grouped and released two
    hours after collection."""
    units = []
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            product = rakt.Product(
                row["component"],
                preservative=row["preservative"] or None,
                platelet_source=row["platelet_source"] or None,
            )
            collected = rakt.parse_timestamp(row["collected_at"])
            unit = rakt.BloodUnit.collect(
                row["unit_id"], product, row["group"], 280, "voluntary", collected, actor="hub-tech"
            )
            at = collected + timedelta(hours=2)
            group = rakt.BloodGroup.parse(row["group"])
            events: list[rakt.UnitEvent] = [rakt.Quarantine(at, "hub-tech")]
            events += [
                rakt.RecordTest(at, "hub-tech", m, "non_reactive")
                for m in ("hiv", "hbsag", "hcv", "syphilis", "malaria")
            ]
            events += [rakt.RecordGrouping(at, "hub-tech", forward=group, reverse=group.abo),
                       rakt.Release(at, "hub-tech")]
            for event in events:
                unit = unit.apply(event, policy)
            units.append(unit)
    return units


def show(title: str, allocation: rakt.Allocation) -> None:
    print(f"  {title}")
    for u in allocation.units:
        print(f"    {u.id} {str(u.group):<3} choice {u.tier} expires {u.expires_at:%Y-%m-%d}  {', '.join(u.codes)}")
    if allocation.shortfall:
        print(f"    short by {allocation.shortfall}")


def main() -> None:
    policy = rakt.Policy.india()
    hub = rakt.Inventory("HUB-LUCKNOW", policy)
    for unit in load(DATA / "hub_stock.csv", policy):
        hub.add(unit)
    print(f"rakt — stock at {NOW.isoformat()}  (policy: {policy.name})")
    print(f"{len(hub)} units at {hub.facility}\n")

    bsc = rakt.Inventory("BSC-FRU-BARABANKI", policy)
    left, arrived = NOW - timedelta(hours=4), NOW - timedelta(hours=2)
    first_box = ["HUB-2026-0001", "HUB-2026-0002", "HUB-2026-0007", "HUB-2026-0008", "HUB-2026-0013",
                 "HUB-2026-0014", "HUB-2026-0020", "HUB-2026-0026", "HUB-2026-0027"]
    ok = hub.transfer(first_box, bsc, left, Decimal("3.5"), Decimal("7.0"), arrived, "driver-ramesh")
    warm = hub.transfer(["HUB-2026-0003", "HUB-2026-0015"], bsc, left, Decimal("4.0"), Decimal("11.5"),
                        arrived, "driver-ramesh")
    print(f"== Transfer {hub.facility} → {bsc.facility}")
    print(f"  box 1 (3.5–7.0 °C): {len(ok.received)} units received")
    print(f"  box 2 (4.0–11.5 °C): {len(warm.discarded)} units discarded")
    broken = bsc.get(warm.discarded[0])
    assert broken is not None
    reason = broken.history[-1].reasons[0]
    print(f"    {reason.code}: {reason.message('en')}")
    print(f"    {reason.message('hi')}")

    print(f"\n== {bsc.facility} against the blood storage centre norm")
    for level in bsc.storage_centre_check(NOW).levels:
        mark = "ok " if level.missing == 0 else "LOW"
        print(f"  {mark} {str(level.group):<4} {level.on_hand} of {level.required} (missing {level.missing})")

    print(f"\n== Patients at {bsc.facility}")
    pph = rakt.AllocationRequest("MRN-5521", rakt.Recipient("O-", sex="female", age_years=27), "red_cells", 2)
    show("Postpartum haemorrhage, O RhD-negative woman of 27 (reserve 2)", bsc.reserve(pph, NOW, "lab-tech-sunita"))
    trauma = rakt.AllocationRequest("ER-0042", rakt.Recipient(None, sex="male", age_years=34), "red_cells", 2)
    released = bsc.emergency_release(trauma, "road-traffic trauma in haemorrhagic shock; no time to group",
                                     NOW, "dr-verma")
    show("Trauma, group unknown (emergency release of 2)", released)
    print(f"  flagged for follow-up: {len(bsc.emergency_releases())} unit(s)")

    print(f"\n== {hub.facility} stock")
    summary = hub.stock_summary(NOW)
    for row in summary.rows:
        print(f"  {row.component.code:<20} {str(row.group):<4} available {row.available:>2}  held {row.held}  "
              f"not released {row.not_released}  expired {row.expired}")
    for c in summary.eraktkosh.components:
        print(f"  e-RaktKosh {c.component.code} ({c.name}): {c.availability}")
    print(f"\n== Expiring within 72 hours at {hub.facility}")
    for u in hub.expiring_within(NOW, 72):
        print(f"  {u.id}  {u.component.code} {u.group}  expires {u.expires_at:%Y-%m-%d %H:%M}")


if __name__ == "__main__":
    main()
