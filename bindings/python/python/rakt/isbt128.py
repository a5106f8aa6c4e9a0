"""ISBT 128 label codes: the Donation Identification Number (data structure 001) and its
ISO/IEC 7064 MOD 37-2 check character.

>>> from rakt import isbt128
>>> isbt128.check_character("G123417654321")
'A'
>>> din = isbt128.parse_din("=G12341765432170")
>>> din.facility, din.year, din.sequence, din.flag_kind
('G1234', 17, 654321, 'type3_check')
>>> din.eye_readable()
'G1234 17 654321 70 [A]'

Malformed text raises :class:`rakt.InvalidCode` (a ``ValueError``) whose ``position`` is the
1-based position of the offending character in the text as given.
"""

from __future__ import annotations

from rakt import _rakt
from rakt._rakt import Din

__all__ = ["Din", "check_character", "parse_din", "type3_flag"]


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
