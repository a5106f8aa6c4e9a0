"""A morning at a blood centre, with rakt.

Reads the bundled sample stock (examples/data/units.csv) and patients
(examples/data/patients.csv) and, at 2026-11-23 10:00 India time, prints:

1. the expiry of every unit in stock;
2. for each patient: the acceptable donor groups in order of preference, the units in stock
   that could be given (compatible and not expired), soonest-expiring first, and why each other
   unit of the requested component cannot be given, in English and Hindi.

Every rule (compatibility, preference order, shelf life, expiry) comes from rakt; this script
only reads the files, calls rakt and prints. Run it with ``python examples/python/hospital_demo.py``
after ``pip install ./bindings/python``.
"""

from __future__ import annotations

import csv
import sys
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Optional

import rakt

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = rakt.parse_timestamp("2026-11-23T10:00:00+05:30")
POLICY = rakt.Policy.india()
SOON = timedelta(hours=24)


@dataclass(frozen=True)
class Unit:
    """A unit in stock and its expiry."""

    unit_id: str
    group: rakt.BloodGroup
    expiry: rakt.Expiry

    @property
    def component(self) -> rakt.Component:
        return self.expiry.product.component


@dataclass(frozen=True)
class Patient:
    """A patient needing a component."""

    patient_id: str
    recipient: rakt.Recipient
    component: rakt.Component
    note: str


def read_units(path: Path) -> list[Unit]:
    units = []
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            product = rakt.Product(
                row["component"],
                preservative=row["preservative"] or None,
                platelet_source=row["platelet_source"] or None,
            )
            collected_at = rakt.parse_timestamp(row["collected_at"])
            units.append(
                Unit(
                    unit_id=row["unit_id"],
                    group=rakt.BloodGroup.parse(row["group"]),
                    expiry=rakt.expiry(product, collected_at, POLICY),
                )
            )
    return units


def read_patients(path: Path) -> list[Patient]:
    patients = []
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            recipient = rakt.Recipient(
                group=row["group"] or None,
                sex=row["sex"] or None,
                age_years=int(row["age_years"]) if row["age_years"] else None,
                anti_d=row["anti_d"] == "true",
                chronically_transfused=row["chronically_transfused"] == "true",
            )
            patients.append(
                Patient(row["patient_id"], recipient, rakt.Component.parse(row["component"]), row["note"])
            )
    return patients


def when(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


def left(expiry: rakt.Expiry) -> str:
    """Time left at NOW, for people."""
    if expiry.is_expired(NOW):
        return "EXPIRED"
    remaining = expiry.remaining(NOW)
    if remaining.days >= 2:
        return f"{remaining.days} days left"
    hours = remaining.days * 24 + remaining.seconds // 3600
    return f"{hours} h left"


def describe(recipient: rakt.Recipient) -> str:
    group = str(recipient.group) if recipient.group is not None else "group unknown"
    sex = recipient.sex.code if recipient.sex is not None else "sex unknown"
    age = f"{recipient.age_years} y" if recipient.age_years is not None else "age unknown"
    return f"{group}, {sex}, {age}"


def wrap(text: str, indent: str, first: str = "") -> str:
    """Wrap text to 100 columns under an indent, without breaking words at hyphens."""
    return textwrap.fill(
        text,
        width=100,
        initial_indent=indent + first,
        subsequent_indent=indent + " " * len(first),
        break_on_hyphens=False,
    )


def explain(reason: rakt.Reason, indent: str) -> None:
    """Print a reason as its code and its English and Hindi messages."""
    print(f"{indent}{reason.code}")
    for lang in ("en", "hi"):
        print(wrap(reason.message(lang), indent + "  ", f"{lang}: "))


def print_stock(units: list[Unit]) -> None:
    print(f"Stock: {len(units)} units (expiry by policy {POLICY.name!r})")
    for u in units:
        e = u.expiry
        flag = ""
        if not e.is_expired(NOW) and e.expires_within(SOON, NOW):
            flag = "  <- expires within 24 h"
        print(
            f"  {u.unit_id}  {u.component.code:<20} {str(u.group):<4} "
            f"collected {when(e.collected_at)}  expires {when(e.expires_at)}  "
            f"({left(e)}){flag}"
        )
    print()


def print_patient(patient: Patient, units: list[Unit]) -> None:
    r = patient.recipient
    print(f"{patient.patient_id}  {describe(r)}  needs {patient.component.code}")
    print(f"    {patient.note}")

    options = rakt.donor_preference(patient.component, r, POLICY)
    ranked = ", ".join(f"{o.group} ({o.rank.code})" for o in options) or "none"
    print(wrap(ranked, "  ", "Acceptable donor groups, best first: "))

    givable: list[tuple[Unit, rakt.Compatibility]] = []
    # Units refused for the same verdict (same donor group, same reasons) are listed together.
    incompatible: dict[rakt.Compatibility, list[Unit]] = {}
    expired: list[Unit] = []
    for unit in units:
        if unit.component != patient.component:
            continue
        verdict = rakt.compatibility(patient.component, unit.group, r, POLICY)
        if not verdict.compatible:
            incompatible.setdefault(verdict, []).append(unit)
        elif unit.expiry.is_expired(NOW):
            expired.append(unit)
        else:
            givable.append((unit, verdict))
    givable.sort(key=lambda pair: pair[0].expiry.expires_at)

    print("  Can be given, soonest-expiring first:")
    if not givable:
        print("    (no unit in stock)")
    for unit, verdict in givable:
        caveats = [x.code for x in verdict.reasons if x.severity >= rakt.Severity.CAUTION]
        note = f"  caveats: {', '.join(caveats)}" if caveats else ""
        print(
            f"    {unit.unit_id}  {str(unit.group):<4} expires {when(unit.expiry.expires_at)}"
            f"  [{verdict.rank.code}]{note}"
        )

    if incompatible or expired:
        print("  Cannot be given:")
    for verdict, refused in incompatible.items():
        ids = ", ".join(u.unit_id for u in refused)
        print(f"    {ids} ({verdict.donor}): {verdict.rank.code}")
        for reason in verdict.reasons:
            if reason.severity == rakt.Severity.STOP:
                explain(reason, "      ")
    for unit in expired:
        print(f"    {unit.unit_id} ({unit.group}): expired at {when(unit.expiry.expires_at)}")
        for reason in unit.expiry.reasons:
            explain(reason, "      ")
    print()


def main() -> int:
    # Hindi messages need a UTF-8 capable stdout.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
    units = read_units(DATA / "units.csv")
    patients = read_patients(DATA / "patients.csv")
    print(f"rakt {rakt.__version__}: hospital demo at {NOW.isoformat()}\n")
    print_stock(units)
    for patient in patients:
        print_patient(patient, units)
    return 0


if __name__ == "__main__":
    sys.exit(main())
