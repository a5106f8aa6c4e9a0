"""Units received with ISBT 128 labels, coded for e-RaktKosh and sent on as FHIR — with rakt.

Each scan in ``examples/data/label_scans.txt`` becomes a rakt unit (or is refused with the
position of the first wrong character); the unit is then given its e-RaktKosh component and
blood-group codes and written as an HL7 FHIR R5 BiologicallyDerivedProduct. Run it with
``python examples/python/labels_and_codes.py`` after ``pip install ./bindings/python``.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import rakt
from rakt import eraktkosh, fhir, isbt128

DATA = Path(__file__).resolve().parents[1] / "data"
IST = timezone(timedelta(hours=5, minutes=30))
NOW = rakt.parse_timestamp("2026-11-23T10:00:00+05:30")

table_text = (DATA / "isbt128_products.toml").read_text(encoding="utf-8")
table = isbt128.ProductTable.from_toml(table_text)
scans = [
    line.strip()
    for line in (DATA / "label_scans.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]

print("rakt - units received with ISBT 128 labels (policy: india)\n")
for scan in scans:
    print("scan", scan)
    try:
        # Local (D) product codes do not say how the blood was donated: this centre's
        # suppliers collect only from voluntary donors.
        unit = isbt128.Label.from_scan(scan).to_unit(
            table, offset=IST, volume_ml=250, actor="receiving", donation_type="voluntary"
        )
    except rakt.RaktError as e:  # InvalidCode (with .position), NotApplicable, ...
        print("   refused:", e)
        continue
    print(f"   {unit.id}  {unit.group}  expires {unit.expiry.expires_at:%Y-%m-%d %H:%M %z}")
    for reason in unit.expiry.reasons:
        print(f"     {reason.code}: {reason.message('en')}")
    component = eraktkosh.EraktkoshComponent.for_product(unit.product)
    group_code = eraktkosh.blood_group_to_code(unit.group)
    print(f"   e-RaktKosh: component {component.code} ({component.name}), group {group_code}")
    resource = fhir.to_biologically_derived_product(unit, NOW, product_table=table_text)
    print(
        "   FHIR:", resource["resourceType"], resource["biologicalSourceEvent"]["value"],
        resource["productStatus"]["code"], resource["expirationDate"],
    )
