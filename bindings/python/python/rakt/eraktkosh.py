"""e-RaktKosh codes: the component and blood-group codes of India's national blood bank
management system (research/blood.md §6.3), and a stock summary in the shape of its public
availability search.

>>> from rakt import eraktkosh
>>> c = eraktkosh.component_from_code(28)
>>> c.code, c.name
(28, 'Sagm Packed Red Blood Cells')
>>> str(eraktkosh.blood_group_from_code(22))
'Oh+'
>>> eraktkosh.blood_group_to_code("O- weak D")  # a weak-D donor unit is labelled RhD positive
15

An unknown code raises :class:`rakt.InvalidCode` (a ``ValueError``) with ``position`` 1 and
the code as ``input``; a product or group that has no code (granulocytes, RhD unknown) raises
:class:`rakt.NotApplicable`. Every mapping is decided by the Rust core.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rakt import _rakt
from rakt._rakt import (
    BloodGroup,
    BloodUnit,
    CentreStock,
    ComponentStock,
    EraktkoshComponent,
    GroupCount,
    StockSummary,
    UncountedUnit,
)

__all__ = [
    "CentreStock",
    "ComponentStock",
    "EraktkoshComponent",
    "GroupCount",
    "StockSummary",
    "UncountedUnit",
    "blood_group_from_code",
    "blood_group_label",
    "blood_group_to_code",
    "component_from_code",
    "component_to_code",
    "stock_summary",
]


def component_from_code(code: int) -> EraktkoshComponent:
    """The component with an e-RaktKosh component code (11, 12, 13, 14, 16, 17, 18, 19, 20,
    21, 23, 28, 29, 30); another code raises :class:`rakt.InvalidCode`."""
    return _rakt.eraktkosh_component_from_code(code)


def component_to_code(component: EraktkoshComponent) -> int:
    """The e-RaktKosh code of a component (``component.code``)."""
    return component.code


def blood_group_from_code(code: int) -> BloodGroup:
    """The blood group with an e-RaktKosh blood-group code: 11-18 the eight ABO/RhD groups,
    22 ``Oh+`` and 23 ``Oh-`` (Bombay); another code raises :class:`rakt.InvalidCode`."""
    return _rakt.eraktkosh_blood_group_from_code(code)


def blood_group_to_code(group: BloodGroup | str) -> int:
    """The e-RaktKosh code of a donor unit's blood group. A1/A2 are coded by their ABO group,
    weak D as RhD positive; an unknown RhD raises :class:`rakt.NotApplicable`."""
    return _rakt.eraktkosh_blood_group_to_code(group)


def blood_group_label(code: int) -> str:
    """The label of a blood-group code as the availability search writes it (``"B+Ve"``)."""
    return _rakt.eraktkosh_blood_group_label(code)


def stock_summary(units: Iterable[tuple[str, BloodUnit]], as_of: datetime) -> StockSummary:
    """Counts the units released and unexpired at ``as_of`` per blood centre, component code
    and blood-group code, with the availability text (``"B+Ve : 74, O-Ve : 4"``). ``units``
    is an iterable of ``(centre id, BloodUnit)``; units that cannot be counted are listed in
    each centre's ``uncounted`` with the reason."""
    return _rakt.eraktkosh_stock_summary(units, as_of)
