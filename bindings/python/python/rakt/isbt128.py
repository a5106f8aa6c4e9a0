"""ISBT 128 label codes (ICCBBA ST-001): the Donation Identification Number (data structure
001) and its ISO/IEC 7064 MOD 37-2 check character, blood groups (002, Tables 4-6), product
codes (003, Table 7), dates (004-009), concatenated scans, and labels to units and back.

>>> from rakt import isbt128
>>> isbt128.check_character("G123417654321")
'A'
>>> din = isbt128.parse_din("=G12341765432170")
>>> din.facility, din.year, din.sequence, din.flag_kind
('G1234', 17, 654321, 'type3_check')
>>> din.eye_readable()
'G1234 17 654321 70 [A]'
>>> g = isbt128.decode_blood_group("=%5100")
>>> str(g.blood_group), g.intended_use
('O+', 'default')
>>> isbt128.decode_datetime("&>0183652359").datetime.isoformat()
'2018-12-31T23:59:00'

Kinds, intended uses, collection types and families are the core's stable snake_case names
(``"expiration"``, ``"directed_only"``, ``"volunteer_homologous"``, ``"blood_component"``).
The ``encode_*`` functions return the structure; its ``encode()`` is the bar-code text.

Malformed text raises :class:`rakt.InvalidCode` (a ``ValueError``) whose ``position`` is the
1-based position of the offending character in the text as given.
"""

from __future__ import annotations

from datetime import date, datetime

from rakt import _rakt
from rakt._rakt import (
    BloodGroup,
    BloodGroupCode,
    Din,
    IsbtDate,
    Label,
    ProductCode,
    ProductTable,
    Scanned,
)

__all__ = [
    "BloodGroupCode",
    "Din",
    "IsbtDate",
    "Label",
    "ProductCode",
    "ProductTable",
    "Scanned",
    "check_character",
    "decode_blood_group",
    "decode_datetime",
    "encode_blood_group",
    "encode_date",
    "encode_datetime",
    "parse_din",
    "parse_product_code",
    "parse_scan",
    "type3_flag",
]


def check_character(din13: str) -> str:
    """The keyboard-entry check character (ISO/IEC 7064 MOD 37-2) of a 13-character DIN."""
    return _rakt.isbt128_check_character(din13)


def type3_flag(din13: str) -> str:
    """The Type 3 flag (``"60"``-``"96"``) of a 13-character DIN: 60 plus its checksum."""
    return _rakt.isbt128_type3_flag(din13)


def parse_din(text: str) -> Din:
    """Reads a DIN in its bar-code (``=A99992112345600``), 13-character, keyboard (with the
    check character) or printed (``A9999 21 123456``, optionally with flags and check
    character) form. Every character is checked for its position; a Type 3 flag and a given
    check character are verified."""
    return _rakt.isbt128_parse_din(text)


def decode_blood_group(text: str) -> BloodGroupCode:
    """Reads a blood-group data structure: the bar-code data ``=%5100`` or the four data
    characters ``5100``."""
    return _rakt.isbt128_decode_blood_group(text)


def encode_blood_group(
    group: BloodGroup | str, intended_use: str = "default", rh_kell: str = "0"
) -> BloodGroupCode:
    """The blood-group structure of a rakt blood group in a Table 4 column (``default``,
    ``directed_only``, ``emergency_only``, ``directed_biohazard``, ``directed_crossover``,
    ``autologous_crossover``, ``autologous_only``, ``autologous_biohazard``) with a Table 6
    character. The label carries the basic group (no A subgroup, no weak D). An unknown column
    or character raises ``InvalidInput``; Bombay of unknown RhD has no code (``NotApplicable``)."""
    return _rakt.isbt128_encode_blood_group(group, intended_use, rh_kell)


def parse_product_code(text: str) -> ProductCode:
    """Reads a product code: ``=<E4306V00`` or the eight data characters ``E4306V00``."""
    return _rakt.isbt128_parse_product_code(text)


def decode_datetime(text: str) -> IsbtDate:
    """Reads a date structure: ``=>cyyjjj``, ``&>cyyjjjhhmm`` (expiration), ``=*``, ``&*``
    (collection), ``=}``, ``&}`` (production). Times are local to the labelling facility."""
    return _rakt.isbt128_decode_datetime(text)


def encode_date(kind: str, date: date) -> IsbtDate:
    """A date-only structure (004, 006, 008) of ``kind`` (``expiration``, ``collection``,
    ``production``). Years outside 2000-2999 raise ``InvalidInput``."""
    return _rakt.isbt128_encode_date(kind, date)


def encode_datetime(kind: str, at: datetime) -> IsbtDate:
    """A date-and-time structure (005, 007, 009) of ``kind`` at the local time of the
    timezone-aware ``at`` (in its own offset), to the minute."""
    return _rakt.isbt128_encode_datetime(kind, at)


def parse_scan(text: str) -> list[Scanned]:
    """Splits a scan of several structures one after another, or a compound message (023,
    the content of a 2-D Data Matrix symbol), and decodes each one.

    Every structure of ST-001 Table 2 is recognised by its data identifier and length, and its
    characters are checked against its definition (lower case only where the structure allows
    it). ``Scanned.number`` is its Table 2 number and ``Scanned.fields`` its named elements.
    A compound message must begin the scan: its header is the first item and the structures
    it counts follow, with offsets in the whole scan; a different number of structures, or an
    order other than that of a listed RT017 message type, is refused. A nationally defined
    structure (``&a``-``&z``, ``&;``, ``&!``) runs to the end of the scan.

    A refusal names the 1-based position in the whole scan. The CR, LF or tab a
    keyboard-wedge scanner sends at the end is ignored; anywhere else it is refused.

    >>> [s.number for s in parse_scan("=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031")]
    ['023', '034', '001', '032', '004']
    """
    return _rakt.isbt128_parse_scan(text)
