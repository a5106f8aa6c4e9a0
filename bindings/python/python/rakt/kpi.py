"""Blood-bank KPIs (research/blood.md §8) over unit histories, per facility and component:
crossmatch-to-transfusion ratio, transfusion probability, transfusion index, discard rate
(also by discard reason), wastage as a percentage of issues (WAPI) and outdate rate.

>>> from datetime import datetime, timedelta, timezone
>>> from rakt import kpi
>>> ist = timezone(timedelta(hours=5, minutes=30))
>>> report = kpi.kpis([], datetime(2026, 11, 1, tzinfo=ist), datetime(2026, 12, 1, tzinfo=ist))
>>> report.facilities, report.policy
([], 'india')

Each :class:`Kpi` gives its ``numerator`` and ``denominator`` (counts), its ``value`` as a
``Decimal`` rounded to 2 places half away from zero (``None`` when the denominator is 0, with
``why``), the policy's ``target`` with its source, and ``met``, decided exactly on the counts.
What is counted (half-open period, distinct crossmatches, units issued counted once, returns
that end in a discard) is defined and documented in the Rust core, ``rakt::kpi``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rakt import _rakt
from rakt._rakt import (
    BloodUnit,
    ComponentKpis,
    FacilityKpis,
    Kpi,
    KpiReport,
    KpiSet,
    KpiTarget,
    Policy,
    ReasonRate,
    SkippedUnit,
)

__all__ = [
    "ComponentKpis",
    "FacilityKpis",
    "Kpi",
    "KpiReport",
    "KpiSet",
    "KpiTarget",
    "ReasonRate",
    "SkippedUnit",
    "kpis",
]


def kpis(
    units: Iterable[tuple[str, BloodUnit]],
    period_from: datetime,
    period_to: datetime,
    policy: Policy | None = None,
) -> KpiReport:
    """The KPIs of each facility over the half-open period ``[period_from, period_to)``:
    an event exactly at ``period_from`` counts, one exactly at ``period_to`` does not.
    ``units`` is an iterable of ``(facility id, BloodUnit)``; targets come from ``policy``
    (default ``Policy.india()``). A blank facility or a period that does not start before it
    ends raises :class:`rakt.InvalidInput`."""
    return _rakt.kpis(units, period_from, period_to, policy)
