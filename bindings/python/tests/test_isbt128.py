"""rakt.isbt128: the same answers as the Rust core for the ST-001 worked examples and refusals."""

from __future__ import annotations

import pytest

import rakt
from rakt import isbt128


@pytest.mark.parametrize(
    ("din13", "check", "type3"),
    [
        ("G123417654321", "A", "70"),  # ST-001 Appendix A.1 / A.2
        ("W000009123456", "G", "76"),  # ST-001 section 7.4.1
        ("A999818123456", "N", "83"),  # ST-001 section 7.5.1.1
    ],
)
def test_worked_check_characters(din13: str, check: str, type3: str) -> None:
    assert isbt128.check_character(din13) == check
    assert isbt128.type3_flag(din13) == type3


def test_forms_parse_to_the_same_din() -> None:
    bar = isbt128.parse_din("=A99992112345600")
    assert bar.din13 == "A999921123456"
    assert (bar.facility, bar.year, bar.sequence, bar.flags) == ("A9999", 21, 123456, "00")
    assert bar.flag_kind == "not_used"
    printed = isbt128.parse_din("A9999 21 123456")
    assert printed.din13 == bar.din13
    assert printed.flags is None
    assert isbt128.parse_din("W0000 09 123456 02 [G]") == isbt128.Din("W000009123456", "02")


def test_din_forms_and_repr() -> None:
    din = isbt128.parse_din("=G12341765432170")
    assert din.check_character == "A"
    assert din.flag_kind == "type3_check"
    assert din.eye_readable() == "G1234 17 654321 70 [A]"
    assert din.barcode() == "=G12341765432170"
    assert str(din) == "G123417654321"
    assert repr(din) == "Din('G123417654321', flags='70')"
    assert hash(din) == hash(isbt128.Din("G123417654321", "70"))


def test_wrong_check_character_is_invalid_code_with_position() -> None:
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.parse_din("W0000 09 123456 02 [H]")
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.kind == "InvalidCode"
    assert err.position == 21
    assert err.input == "W0000 09 123456 02 [H]"
    assert err.structure == "ISBT 128 donation identification number"
    assert err.reason == "check character H is wrong; the DIN's check character is G"


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("O123417654321", 1),
        ("GO23417654321", 2),
        ("G12A417654321", 4),
        ("G1234A7654321", 6),
        ("G12341765432X", 13),
        ("=G12341765432171", 15),
        ("g123417654321", 1),
        ("", 1),
    ],
)
def test_refusals_name_the_position(text: str, position: int) -> None:
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.parse_din(text)
    assert caught.value.position == position


def test_check_character_refuses_bad_input() -> None:
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.check_character("G12341765432")
    assert caught.value.position == 13
