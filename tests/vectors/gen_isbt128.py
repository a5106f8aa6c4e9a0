"""ISBT 128 vectors (isbt128_check_character, isbt128_parse_din). See generate.py and README.md.

Check characters come from ST-001 Appendix A.1 (the weighted method, written out below
independently of rakt) and the three worked examples quoted in research/blood.md §5.2, which are
also written out literally. Flag meanings are ST-001 Table 3 (blood.md §5.1)."""
from __future__ import annotations

from typing import Any

Case = dict[str, Any]
S51 = "research/blood.md §5.1 (DIN, ST-001 §2.4.1, Table 3)"
S52 = "research/blood.md §5.2 (ISO/IEC 7064 MOD 37-2, ST-001 Appendix A)"
STRUCTURE = "ISBT 128 donation identification number"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"


def checksum(din13: str) -> int:
    """ST-001 Appendix A.1: weights 2^n, n from the right starting at 1; (38 - sum mod 37) mod 37."""
    total = sum(ALPHABET.index(c) * 2 ** (len(din13) - i) for i, c in enumerate(din13))
    return (38 - total % 37) % 37


def k(din13: str) -> str:
    return ALPHABET[checksum(din13)]


# The three worked examples, literally (blood.md §5.2).
WORKED = [("G123417654321", "A", "70"), ("W000009123456", "G", "76"), ("A999818123456", "N", "83")]
assert all(k(d) == c and str(60 + checksum(d)) == t for d, c, t in WORKED)

# More DINs: letters in every facility position that allows them, years, sequence extremes.
DINS = [
    "A999921123456", "A999900000000", "A999999999999", "B123426000001", "Z9Z9926999999",
    "1AB1226123456", "9NP0025000100", "H000120000000", "X123419654320", "X123419654321",
    "X123419654322", "X123419654323", "X123419654324", "X123419654325", "X123419654326",
    "X123419654327", "X123419654328", "X123419654329", "N0A9930777777", "P1P1231314159",
    "Y2Y2202718281", "Q000026424242", "M123400000001", "D999924000009", "E1B0527100000",
]
DINS = [d for d in DINS if len(d) == 13]

FLAG_MEANINGS = [
    ("00", "not_used"), ("01", "container"), ("04", "container"), ("05", "repeat_label"),
    ("06", "pilot_tube"), ("07", "test_tube"), ("08", "donor_record"), ("09", "nat_sample_tube"),
    ("10", "bacterial_testing_sample"), ("11", "match_with_unit_label"),
    ("12", "affixed_partial_label"), ("13", "attached_label"), ("14", "reserved"),
    ("15", "container"), ("19", "container"), ("20", "local"), ("59", "local"),
    ("97", "reserved"), ("99", "reserved"), ("A1", "reserved"), ("YY", "reserved"),
]


def printed(din13: str) -> str:
    return f"{din13[:5]} {din13[5:7]} {din13[7:]}"


def parsed(din13: str, flags: str | None) -> dict[str, Any]:
    return {
        "din13": din13, "facility": din13[:5], "year": int(din13[5:7]), "sequence": int(din13[7:]),
        "flags": flags, "check_character": k(din13), "barcode": f"={din13}{flags or '00'}",
        "eye_readable": f"{printed(din13)}{' ' + flags if flags else ''} [{k(din13)}]",
    }


def check_cases() -> list[Case]:
    out: list[Case] = []
    for din, c, t in WORKED:
        out.append({"id": f"isbt-k-worked-{din}", "op": "isbt128_check_character", "input": {"din13": din},
                    "expect": {"check_character": c, "type3_flag": t}, "source": S52})
    for din in DINS:
        out.append({"id": f"isbt-k-{din}", "op": "isbt128_check_character", "input": {"din13": din},
                    "expect": {"check_character": k(din), "type3_flag": str(60 + checksum(din))}, "source": S52})
    for bad, pos in [("G12341765432", 13), ("G1234176543210", 14), ("g123417654321", 1), ("O123417654321", 1),
                     ("G12341765432*", 13), ("", 1)]:
        out.append({"id": f"isbt-k-bad-{bad or 'empty'}", "op": "isbt128_check_character", "input": {"din13": bad},
                    "expect": {"error": "InvalidCode", "error_position": pos}, "source": S51})
    return out


def din_cases() -> list[Case]:
    out: list[Case] = []

    def ok(id_: str, text: str, din13: str, flags: str | None, kind: str | None, source: str = S51) -> None:
        expect = parsed(din13, flags)
        expect["flag_kind"] = kind
        out.append({"id": id_, "op": "isbt128_parse_din", "input": {"text": text}, "expect": expect, "source": source})

    def bad(id_: str, text: str, pos: int, contains: str) -> None:
        out.append({"id": id_, "op": "isbt128_parse_din", "input": {"text": text},
                    "expect": {"error": "InvalidCode", "error_position": pos, "error_contains": contains},
                    "source": S51})

    ok("din-worked-type3", "=G12341765432170", "G123417654321", "70", "type3_check", S52)
    ok("din-worked-printed-flags-k", "W0000 09 123456 02 G", "W000009123456", "02", "container", S52)
    ok("din-worked-printed-boxed", "W0000 09 123456 02 [G]", "W000009123456", "02", "container", S52)
    ok("din-worked-printed-k", "A9998 18 123456 N", "A999818123456", None, None, S52)
    for din in DINS:
        ok(f"din-bar-{din}", f"={din}00", din, "00", "not_used")
        ok(f"din-13-{din}", din, din, None, None)
        ok(f"din-keyed-{din}", din + k(din), din, None, None, S52)
        ok(f"din-printed-{din}", printed(din), din, None, None)
        t3 = str(60 + checksum(din))
        ok(f"din-type3-{din}", f"={din}{t3}", din, t3, "type3_check", S52)
    for flags, kind in FLAG_MEANINGS:
        ok(f"din-flag-{flags}", f"=A999921123456{flags}", "A999921123456", flags, kind)
    wrong_t3 = str(60 + (checksum("A999921123456") + 1) % 37)
    bad("din-bad-type3", f"=A999921123456{wrong_t3}", 15, "does not match the DIN")
    wrong_k = ALPHABET[(checksum("A999921123456") + 1) % 37]
    bad("din-bad-k-keyed", "A999921123456" + wrong_k, 14, "is wrong")
    bad("din-bad-k-printed", f"A9999 21 123456 00 [{wrong_k}]", 21, "is wrong")
    for text, pos, why in [
        ("O999921123456", 1, "no O, no 0"), ("0999921123456", 1, "no O, no 0"),
        ("AO99921123456", 2, "no O"), ("A9O9921123456", 3, "no O"), ("A99A921123456", 4, "must be digits"),
        ("A999A21123456", 5, "must be digits"), ("A9999X1123456", 6, "year"), ("A99992X123456", 7, "year"),
        ("A999921X23456", 8, "sequence"), ("A99992112345X", 13, "sequence"), ("a999921123456", 1, "lower-case"),
        ("=A999921123456I0", 15, "flag characters"), ("=A9999211234560O", 16, "flag characters"),
        ("=A999921123456Q0", 15, "flag characters"), ("=A999921123456Z0", 15, "flag characters"),
        ("=A99992112345600X", 1, "16 characters"), ("=A9999211234560", 1, "16 characters"),
        ("A99992112345", 13, "13 characters"), ("A999921123456000", 14, "13 characters"),
        ("", 1, "empty"), ("A9999 21", 9, "ends before the sequence number"),
        ("A999 921 123456", 1, "5 characters"), ("A9999 2 1123456", 7, "2 characters"),
        ("A9999 21 12345", 10, "6 characters"), ("A9999 21 123456 00 G X", 22, "unexpected text"),
        ("A9999 2X 123456", 8, "year"), ("A99992112345६", 13, "ASCII"),
    ]:
        bad(f"din-bad-{text or 'empty'}", text, pos, why)
    return out


FILES: dict[str, tuple[str, Any]] = {
    "isbt128_din.json": ("ISBT 128 Donation Identification Number (DS001) and its MOD 37-2 check character.",
                         lambda: check_cases() + din_cases()),
}
