"""Processing charges (research/blood.md §7): the NBTC ceilings per item and sector, with dated
versions; a centre's own tariff checked against them; statutory and per-centre exemptions;
bills exact to the paisa.

>>> from datetime import date
>>> from decimal import Decimal
>>> from rakt import tariff
>>> schedule = tariff.schedule_on(date(2026, 11, 23))
>>> schedule.id, schedule.ceiling(tariff.TariffItem.PACKED_RED_CELLS, tariff.Sector.PRIVATE).amount
('nbtc-2022', Decimal('1550'))
>>> centre = tariff.CentreTariff("District Hospital", tariff.Sector.GOVERNMENT, date(2024, 4, 1),
...                              {"packed_red_cells": Decimal("1100"), "fresh_frozen_plasma": 300})
>>> tariff.bill(centre, [("packed_red_cells", 2), ("fresh_frozen_plasma", 1)], date=date(2026, 11, 23)).total
Decimal('2500.00')

Money is ``Decimal`` in rupees (a ``float`` is refused with ``TypeError``). Each bill line is
quantity × price rounded to the paisa half away from zero, and totals are sums of the rounded
lines. A price above its ceiling raises :class:`rakt.NotApplicable` with ``code``
``TARIFF_ABOVE_CEILING``; bad input raises :class:`rakt.InvalidInput` naming the ``field``.
Every rule is the Rust core's, ``rakt::tariff``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as _date
from decimal import Decimal

from rakt import _rakt
from rakt._rakt import (
    Bill,
    BillLine,
    Ceiling,
    CeilingSchedule,
    CentreExemption,
    CentreTariff,
    PriceCheck,
    Sector,
    StatutoryExemption,
    TariffCheck,
    TariffItem,
)

__all__ = [
    "STATUTORY_EXEMPTION_SOURCE",
    "Bill",
    "BillLine",
    "Ceiling",
    "CeilingSchedule",
    "CentreExemption",
    "CentreTariff",
    "PriceCheck",
    "Sector",
    "StatutoryExemption",
    "TariffCheck",
    "TariffItem",
    "bill",
    "ceiling_schedules",
    "nbtc_2022",
    "nbtc_before_2022",
    "schedule_on",
]

#: The source of the statutory exemptions (patients on repeated transfusion bill nothing).
STATUTORY_EXEMPTION_SOURCE: str = _rakt.TARIFF_STATUTORY_EXEMPTION_SOURCE


def nbtc_2022() -> CeilingSchedule:
    """The NBTC 2022 ceilings (in force), each with its source."""
    return _rakt.tariff_nbtc_2022()


def nbtc_before_2022() -> CeilingSchedule:
    """The ceilings before the 2022 revision, as far as known (whole blood and red cells)."""
    return _rakt.tariff_nbtc_before_2022()


def ceiling_schedules() -> list[CeilingSchedule]:
    """Every built-in schedule, oldest first."""
    return _rakt.tariff_ceiling_schedules()


def schedule_on(date: _date) -> CeilingSchedule:
    """The schedule in force on a date (``datetime.date``)."""
    return _rakt.tariff_schedule_on(date)


def bill(
    tariff: CentreTariff,
    lines: Iterable[tuple[TariffItem | str, Decimal | int]],
    statutory: Iterable[StatutoryExemption | str] = (),
    centre_exemptions: Iterable[str] = (),
    *,
    date: _date,
) -> Bill:
    """Bill a patient on ``date``: ``lines`` are ``(item, quantity)`` pairs (litres may be
    fractional, units and tests whole); any ``statutory`` category makes every line free;
    ``centre_exemptions`` are codes of the centre's own exemptions that apply to the patient
    (the first that covers an item is used). A date before the tariff applies, a bad quantity
    or an unknown exemption code raises :class:`rakt.InvalidInput`; an item the centre does
    not price raises :class:`rakt.NotApplicable` (``TARIFF_ITEM_NOT_PRICED``)."""
    return _rakt.tariff_bill(tariff, lines, statutory, centre_exemptions, date=date)
