"""A donor gives blood; the unit is screened, released, reserved and issued — with rakt.

Every decision (eligibility, the release verdict, which event is allowed) comes from rakt; this
script only builds the values, calls rakt and prints the reasons in English and Hindi. Run it
with ``python examples/python/donor_and_unit.py`` after ``pip install ./bindings/python``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import rakt

t = rakt.parse_timestamp  # facility-local times, with their UTC offset

# 1. May this donor give 450 mL of whole blood? His last donation was on 20 August.
donor = rakt.Donor(
    date(1990, 5, 17), "male", id="D-17",
    previous_donations=[rakt.PreviousDonation(date(2026, 8, 20), "whole_blood_450")],
)
checks = rakt.DonorChecks(Decimal("68"), Decimal("13.9"), 124, 82, 76, Decimal("36.7"))
early = rakt.assess_donor(donor, checks, rakt.DonationKind.WHOLE_BLOOD_450, date(2026, 11, 1))
print("1 Nov: eligible:", early.eligible, "- deferred until", early.deferred_until)
for reason in early.reasons:
    print("  en:", reason.message("en"))
    print("  hi:", reason.message("hi"))
today = rakt.assess_donor(donor, checks, "whole_blood_450", date(2026, 11, 18))
print("18 Nov: eligible:", today.eligible, today.codes)

# 2. Collect the unit, quarantine it, screen it and confirm its group.
unit = rakt.BloodUnit.collect(
    "DIN-2026-0042", rakt.Product("red_cells", preservative="additive_solution"), "B+", 280,
    "voluntary", t("2026-11-18T09:10:00+05:30"), actor="tech-a", donor_id=donor.id,
)
unit = unit.apply(rakt.Quarantine(t("2026-11-18T09:40:00+05:30"), "tech-a"))
for marker in ["hiv", "hbsag", "hcv", "syphilis", "malaria"]:
    unit = unit.apply(rakt.RecordTest(t("2026-11-18T13:00:00+05:30"), "lab", marker, "non_reactive"))
print("before grouping:", unit.release_verdict(t("2026-11-18T13:05:00+05:30")).codes)
unit = unit.apply(rakt.RecordGrouping(t("2026-11-18T13:30:00+05:30"), "lab", forward="B+", reverse="B"))

# 3. Release it (allowed only when the verdict says so), reserve it for a patient, issue it.
verdict = rakt.screening_release(unit, t("2026-11-18T14:00:00+05:30"))
print("releasable:", verdict.releasable, "-", verdict.reasons[0].message("hi"))
unit = unit.apply(rakt.Release(t("2026-11-18T14:00:00+05:30"), "mo-1"))
unit = unit.apply(rakt.Reserve(t("2026-11-19T08:00:00+05:30"), "tech-b", "P-301", t("2026-11-20T08:00:00+05:30")))
try:  # a unit held for one patient is not issued to another; the unit stays as it was
    unit.apply(rakt.Issue(t("2026-11-19T09:00:00+05:30"), "tech-b", "P-777"))
except rakt.NotApplicable as refused:
    print("refused:", refused.code, "- still", unit.status.code)
unit = unit.apply(rakt.Issue(t("2026-11-19T09:00:00+05:30"), "tech-b", "P-301"))
print(f"{unit.id}: {unit.status.code} (HL7 {unit.status.hl7}), expires {unit.expiry.expires_at}")
for event in unit.history:
    print(f"  {event.at:%d %b %H:%M} {event.actor:7} {event.kind:16} {' '.join(event.codes)}".rstrip())
