"""HL7 FHIR R5 ``BiologicallyDerivedProduct``: a :class:`rakt.BloodUnit` out to FHIR and back.

Resources are plain dicts (what ``json.loads`` gives); the import also takes JSON text. The
optional ``product_table`` is an ISBT 128 product table as TOML or JSON text (the format of
``examples/data/isbt128_products.toml``): with it the export adds the ICCBBA product code and
the MPHO unique identifier, and the import can read ICCBBA codes. Time is an argument.

>>> from datetime import datetime, timedelta, timezone
>>> import rakt
>>> from rakt import fhir
>>> ist = timezone(timedelta(hours=5, minutes=30))
>>> unit = rakt.BloodUnit.collect("A999926000001", rakt.Product("red_cells", "additive_solution"),
...     "B-", 280, "voluntary", datetime(2026, 11, 1, 9, 0, tzinfo=ist), actor="tech")
>>> resource = fhir.to_biologically_derived_product(unit, datetime(2026, 11, 2, tzinfo=ist))
>>> resource["biologicalSourceEvent"]["value"], resource["productStatus"]["code"]
('A999926000001', 'unavailable')
>>> fhir.from_biologically_derived_product(resource, datetime(2026, 11, 2, tzinfo=ist)).id
'A999926000001'

Malformed input raises :class:`rakt.InvalidInput` whose ``field`` is the JSON path
(``productCode.coding``); valid FHIR that rakt cannot represent raises
:class:`rakt.NotApplicable` with code ``FHIR_UNREPRESENTABLE``. What is written, read and kept
is documented in the Rust module ``rakt::fhir``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from rakt import _rakt
from rakt._rakt import BloodUnit, Policy

__all__ = ["from_biologically_derived_product", "to_biologically_derived_product"]


def to_biologically_derived_product(
    unit: BloodUnit,
    as_of: datetime,
    *,
    product_table: str | None = None,
    policy: Policy | None = None,
) -> dict[str, Any]:
    """The unit as an R5 BiologicallyDerivedProduct (a dict), at ``as_of``."""
    text = _rakt.fhir_to_biologically_derived_product(unit, as_of, product_table, policy)
    resource: dict[str, Any] = json.loads(text)
    return resource


def from_biologically_derived_product(
    resource: dict[str, Any] | str,
    as_of: datetime,
    *,
    product_table: str | None = None,
    policy: Policy | None = None,
) -> BloodUnit:
    """A unit read from an R5 BiologicallyDerivedProduct (a dict or JSON text); the events the
    import records are at ``as_of`` by ``fhir-import``."""
    return _rakt.fhir_from_biologically_derived_product(resource, as_of, product_table, policy)
