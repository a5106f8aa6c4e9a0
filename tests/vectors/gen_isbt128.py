"""ISBT 128 vectors. See generate.py and README.md.

isbt128_din.json (isbt128_check_character, isbt128_parse_din): check characters come from ST-001
Appendix A.1 (the weighted method, written out below independently of rakt) and the three worked
examples quoted in research/blood.md §5.2, which are also written out literally. Flag meanings are
ST-001 Table 3 (blood.md §5.1).

isbt128_structures.json (blood groups, product codes, dates, scans, labels): Tables 4, 5, 6 and 7
are typed below from blood.md §5.3-§5.5 and §4.4, row by row; ordinal days are counted with
Python's datetime, never with rakt."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gen_isbt128_scan import number as table2_number

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


# ================================================================================================
# Data structures 002-009, scans and labels (isbt128_structures.json)
# ================================================================================================

S53 = "research/blood.md §5.3 (blood groups, ST-001 §2.4.2, Tables 4 and 6)"
S53_T5 = ("research/blood.md §4.4 and §5.3 (special messages, ST-001 Table 5); the tissue-only T1-T6 "
          "from ST-001 v6.2.2 Table 5 [RT006] as transcribed in pdesiatnyk/ISBT128 documents/iccbba.md")
S54 = "research/blood.md §5.4 (product code, ST-001 §2.4.3, Table 7)"
S55 = "research/blood.md §5.5 (dates, ST-001 §2.4.4-§2.4.9)"
S56 = "research/blood.md §5.6 (data identifiers, ST-001 Table 2) and §5.1-§5.5"

# Table 4 columns, in table order, with the donation type each implies (directed, autologous).
USES = [
    ("default", None), ("directed_only", "directed"), ("emergency_only", None),
    ("directed_biohazard", "directed"), ("directed_crossover", "directed"),
    ("autologous_crossover", "autologous"), ("autologous_only", "autologous"),
    ("autologous_biohazard", "autologous"),
]

# Table 4, row by row: (label group, RhD, the rakt blood group it names or None, codes per column).
TABLE4 = [
    ("O", "negative", "O-", "95 91 92 93 94 96 97 98"),
    ("O", "positive", "O+", "51 47 48 49 50 52 53 54"),
    ("A", "negative", "A-", "06 02 03 04 05 07 08 09"),
    ("A", "positive", "A+", "62 58 59 60 61 63 64 65"),
    ("B", "negative", "B-", "17 13 14 15 16 18 19 20"),
    ("B", "positive", "B+", "73 69 70 71 72 74 75 76"),
    ("AB", "negative", "AB-", "28 24 25 26 27 29 30 31"),
    ("AB", "positive", "AB+", "84 80 81 82 83 85 86 87"),
    ("O", "unspecified", "O", "55 P2 P3 P4 P5 P7 P8 P9"),
    ("A", "unspecified", "A", "66 A2 A3 A4 A5 A7 A8 A9"),
    ("B", "unspecified", "B", "77 B2 B3 B4 B5 B7 B8 B9"),
    ("AB", "unspecified", "AB", "88 C2 C3 C4 C5 C7 C8 C9"),
    ("para_bombay", "negative", None, "D6 D2 D3 D4 D5 D7 D8 D9"),
    ("para_bombay", "positive", None, "E6 E2 E3 E4 E5 E7 E8 E9"),
    ("Oh", "negative", "Oh-", "G6 G2 G3 G4 G5 G7 G8 G9"),
    ("Oh", "positive", "Oh+", "H6 H2 H3 H4 H5 H7 H8 H9"),
    ("para_bombay_O", "negative", None, "I6 I2 I3 I4 I5 I7 I8 I9"),
    ("para_bombay_O", "positive", None, "J6 J2 J3 J4 J5 J7 J8 J9"),
    ("para_bombay_A", "negative", None, "K6 K2 K3 K4 K5 K7 K8 K9"),
    ("para_bombay_A", "positive", None, "N6 N2 N3 N4 N5 N7 N8 N9"),
    ("para_bombay_B", "negative", None, "L6 L2 L3 L4 L5 L7 L8 L9"),
    ("para_bombay_B", "positive", None, "O6 O2 O3 O4 O5 O7 O8 O9"),
    ("para_bombay_AB", "negative", None, "M6 M2 M3 M4 M5 M7 M8 M9"),
    ("para_bombay_AB", "positive", None, "Q6 Q2 Q3 Q4 Q5 Q7 Q8 Q9"),
]

# Table 4, pooled and subgroup codes (default column only): (code, name, rakt blood group or None).
POOLED = [
    ("A0", "a_pooled_rhd", None), ("B0", "b_pooled_rhd", None), ("C0", "ab_pooled_rhd", None),
    ("D0", "o_pooled_rhd", None), ("E0", "pooled_abo_rhd_positive", None),
    ("F0", "pooled_abo_rhd_negative", None), ("G0", "pooled_abo_pooled_rhd", None),
    ("H0", "pooled_abo_rhd_unspecified", None),
    ("I0", "a1", "A1"), ("J0", "a2", "A2"), ("K0", "a1b", "A1B"), ("L0", "a2b", "A2B"),
]

# Table 5 special messages: (code, name, the unit status it implies or None).
SPECIAL = [
    ("Mq", "quarantine", "quarantined"), ("Md", "discard", "discarded"),
    ("Mx", "not_for_transfusion", "discarded"), ("Mb", "biohazardous", None),
    ("Mf", "fractionation_only", None), ("Mr", "research_only", None),
    ("Ma", "autologous_collection", None), ("00", "no_abo_rh_information", None),
    # Tissue products only (ST-001 v6.2.2 Table 5, footnote: "shall be used only with tissue
    # products"); T4 is "autologous collection/in quarantine".
    ("T1", "tissue_rhd_positive", None), ("T2", "tissue_rhd_negative", None),
    ("T3", "tissue_rhd_not_specified", None), ("T4", "tissue_autologous_in_quarantine", "quarantined"),
    ("T5", "tissue_see_outer_packaging", None), ("T6", "tissue_sterilize_before_release", None),
]

# Table 6: (C c E e phenotype, characters for Kell no information / negative / positive).
TABLE6 = [
    ("no_information", "0 S T"),
    ("C-c+E-e+", "1 A J"),
    ("C+c+E-e+", "2 B K"),
    ("C+c+E+e+", "3 C L"),
    ("C+c+E+e-", "4 D M"),
    ("C-c+E+e+", "5 E N"),
    ("C-c+E+e-", "6 F O"),
    ("C+c-E-e+", "7 G P"),
    ("C+c-E+e+", "8 H Q"),
    ("C+c-E+e-", "9 I R"),
    ("C-c(ni)E-e(ni)", "X Y Z"),
]
KELL = ["no_information", "negative", "positive"]

GROUP_KEYS = ["code", "kind", "label_group", "rhd", "intended_use", "donation_type", "pooled_or_subgroup",
              "special_message", "implied_status", "blood_group"]


def group_expect(gg: str, r: str = "0") -> dict[str, Any]:
    """The full expectation for the group characters gg and Table 6 character r."""
    out: dict[str, Any] = dict.fromkeys(GROUP_KEYS)
    out["code"] = gg
    for label_group, rhd, bg, codes in TABLE4:
        for (use, donation), code in zip(USES, codes.split()):
            if code == gg:
                out.update(kind="group", label_group=label_group, rhd=rhd, intended_use=use,
                           donation_type=donation, blood_group=bg)
    for code, name, bg in POOLED:
        if code == gg:
            out.update(kind="pooled_or_subgroup", pooled_or_subgroup=name, blood_group=bg)
    for code, name, status in SPECIAL:
        if code == gg:
            out.update(kind="special", special_message=name, implied_status=status)
    assert out["kind"] is not None, gg
    out.update(rh_kell=r, rh_phenotype=None, kell=None, mia_mur_positive=None, see_special_testing=r == "W")
    for phenotype, chars in TABLE6:
        if r in chars.split():
            out.update(rh_phenotype=phenotype, kell=KELL[chars.split().index(r)])
    if r in "UV":
        out["mia_mur_positive"] = r == "V"
    out["encoded"] = f"=%{gg}{r}0"
    return out


ALL_GG = [c for _, _, _, codes in TABLE4 for c in codes.split()] + [c for c, _, _ in POOLED] + [c for c, _, _ in SPECIAL]
assert len(ALL_GG) == len(set(ALL_GG)) == 24 * 8 + 12 + 14
ALL_R = [c for _, chars in TABLE6 for c in chars.split()] + ["U", "V", "W"]

# Two-character pairs that are in none of the tables (blood.md §5.3: the first character alone is
# ambiguous, so A0 is a code but A1 and A6 are not).
NOT_CODES = ["01", "10", "11", "12", "21", "23", "32", "46", "56", "57", "67", "68", "78", "79", "89", "90",
             "99", "A1", "A6", "P0", "P6", "D1", "F2", "F6", "I1", "M0", "R6", "Z9", "MQ", "mq", "a0", "Mz", "T0", "T7", "t1"]


def blood_group_cases() -> list[Case]:
    out: list[Case] = []

    def ok(id_: str, text: str, gg: str, r: str, source: str = S53) -> None:
        out.append({"id": id_, "op": "isbt128_decode_blood_group", "input": {"text": text},
                    "expect": group_expect(gg, r), "source": source})

    def bad(id_: str, text: str, pos: int) -> None:
        out.append({"id": id_, "op": "isbt128_decode_blood_group", "input": {"text": text},
                    "expect": {"error": "InvalidCode", "error_position": pos}, "source": S53})

    for gg in ALL_GG:
        source = S53_T5 if gg in {c for c, _, _ in SPECIAL} else S53
        ok(f"bg-{gg}", f"=%{gg}00", gg, "0", source)
    for r in ALL_R:
        ok(f"bg-rh-{r}", f"=%51{r}0", "51", r)
    ok("bg-data-only-5100", "5100", "51", "0")
    ok("bg-data-only-MqS0", "MqS0", "Mq", "S")
    ok("bg-para-bombay-kell", "=%Q6J0", "Q6", "J")
    ok("bg-pooled-mia-mur", "=%I0V0", "I0", "V")
    for gg in NOT_CODES:
        bad(f"bg-bad-{gg}", f"=%{gg}00", 3)
    for r in ["a", "s", "x", "*", "-", " "]:
        bad(f"bg-bad-rh-{r}", f"=%51{r}0", 5)
    for text, pos in [("=%5101", 6), ("=%510X", 6), ("5101", 4), ("51a0", 3), ("9900", 1),
                      ("=5100", 2), ("=&5100", 2), ("=%510", 6), ("=%51000", 7), ("=%", 3), ("", 1),
                      ("510", 4), ("51000", 5), ("=%51\u09660", 5)]:
        bad(f"bg-bad-{text or 'empty'}", text, pos)
    return out


def encode_group_cases() -> list[Case]:
    out: list[Case] = []

    def case(id_: str, inp: dict[str, Any], expect: dict[str, Any], source: str = S53) -> None:
        out.append({"id": id_, "op": "isbt128_encode_blood_group", "input": inp, "expect": expect,
                    "source": source})

    for _, _, bg, codes in TABLE4:
        if bg is None:
            continue  # para-Bombay is not a rakt blood group
        for (use, _), code in zip(USES, codes.split()):
            case(f"bge-{bg}-{use}", {"group": bg, "intended_use": use}, {"encoded": f"=%{code}00", "code": code})
    for r in ALL_R:
        case(f"bge-rh-{r}", {"group": "O+", "intended_use": "default", "rh_kell": r},
             group_expect("51", r))
    # The label carries the basic group: no A subgroup, no weak D (blood.md §5.3, §1.10).
    case("bge-subgroup-A2B-", {"group": "A2B-", "intended_use": "default"}, {"encoded": "=%2800"})
    case("bge-subgroup-A1+", {"group": "A1+", "intended_use": "directed_only"}, {"encoded": "=%5800"})
    case("bge-weak-d", {"group": "O+ weak D", "intended_use": "default"}, {"encoded": "=%5100"})
    case("bge-default-use", {"group": "B-"}, {"encoded": "=%1700"})
    case("bge-bombay-rhd-unknown", {"group": "Oh", "intended_use": "default"},
         {"error": "NotApplicable", "error_code": "ISBT128_GROUP_NOT_CODED"})
    for use in ["emergency", "DEFAULT", "autologous", ""]:
        case(f"bge-bad-use-{use or 'empty'}", {"group": "O+", "intended_use": use},
             {"error": "InvalidInput", "error_field": "intended_use"})
    for r in ["a", "", "00", "*"]:
        case(f"bge-bad-rh-{r or 'empty'}", {"group": "O+", "intended_use": "default", "rh_kell": r},
             {"error": "InvalidInput", "error_field": "rh_kell"})
    return out


# Table 7: (character, name, the rakt donation type it implies or None).
TABLE7 = [
    ("0", "not_specified", None), ("V", "volunteer_homologous", "voluntary"), ("R", "volunteer_research", None),
    ("S", "volunteer_source", None), ("T", "volunteer_therapeutic", None), ("P", "paid_homologous", None),
    ("r", "paid_research", None), ("s", "paid_source", None), ("A", "autologous_crossover", "autologous"),
    ("1", "autologous_only", "autologous"), ("X", "autologous_only_biohazard", "autologous"),
    ("D", "volunteer_directed_crossover", "directed"), ("d", "paid_directed_crossover", None),
    ("2", "directed_only", "directed"), ("L", "directed_limited_exposure", "directed"),
    ("E", "medical_exception", None), ("Q", "see_special_testing", None),
    ("3", "directed_only_biohazard", "directed"), ("4", "designated", None), ("5", "dedicated", None),
    ("6", "designated_biohazard", None), ("F", "family_reserved", None), ("C", "replacement", "replacement"),
    ("7", "allogeneic", None), ("8", "autologous_with_allogeneic", None),
    ("B", "directed_dedicated_designated", None), ("H", "directed_dedicated_designated_biohazard", None),
    ("J", "directed_dedicated_designated_crossover", None), ("G", "emergency_only", None),
]

# Product description code families (blood.md §5.4): first letter -> (family, has a collection type).
FAMILIES = {
    "E": ("blood_component", True), "F": ("blood_component", True), "H": ("mpho", True),
    "M": ("other_therapy", False), "N": ("organ", False), "P": ("regenerated_tissue", True),
    "R": ("reproductive", False), "S": ("cellular_therapy", True), "T": ("tissue", False),
    "V": ("ocular", False), "W": ("fecal_microbiota", False), "X": ("other_blood_product", True),
    "Y": ("clinical_trial", True), "A": ("national", False), "B": ("national", False),
    "C": ("national", False), "D": ("local", False),
}


def product_expect(data: str) -> dict[str, Any]:
    pdc, tail = data[:5], data[5:]
    family, typed = FAMILIES[pdc[0]]
    out: dict[str, Any] = {"description_code": pdc, "family": family, "collection_type": None,
                           "donation_type": None, "division": None, "pack_code": None, "encoded": f"=<{data}"}
    if typed:
        t = [row for row in TABLE7 if row[0] == tail[0]][0]
        out.update(collection_type=t[1], donation_type=t[2], division=tail[1:])
    else:
        out["pack_code"] = tail
    return out


def product_cases() -> list[Case]:
    out: list[Case] = []

    def ok(id_: str, text: str) -> None:
        data = text.removeprefix("=<")
        out.append({"id": id_, "op": "isbt128_parse_product_code", "input": {"text": text},
                    "expect": product_expect(data), "source": S54})

    def bad(id_: str, text: str, pos: int) -> None:
        out.append({"id": id_, "op": "isbt128_parse_product_code", "input": {"text": text},
                    "expect": {"error": "InvalidCode", "error_position": pos}, "source": S54})

    ok("pc-E4306V00", "=<E4306V00")  # ST-001 blood label example
    ok("pc-E1234V00", "=<E1234V00")  # ST-001 Figure 1
    ok("pc-data-only-E0398V00", "E0398V00")
    for t, name, _ in TABLE7:
        ok(f"pc-type-{t}-{name}", f"=<E4306{t}00")
    for data in ["F1234V00", "H1234V00", "P0001V00", "S1234100", "X0001V00", "X5000V00", "YA000V00",
                 "M0001000", "M9000123", "N1234001", "R0001000", "T1234000", "V0100002", "W0001000",
                 "A0000ABC", "B1234000", "C9999X1Z", "D0005000", "D9999a0z"]:
        ok(f"pc-family-{data}", f"=<{data}")
    for division in ["A0", "Ab", "Zz", "99", "B0"]:
        ok(f"pc-division-{division}", f"=<E0398V{division}")
    for text, pos in [
        ("=<E4306Z00", 8), ("=<E4306v00", 8), ("=<E4306V0A", 10), ("=<E4306V9A", 10), ("=<E4306V09", 10),
        ("=<E4306Va0", 9), ("=<E4306V1a", 9), ("=<E4306VAA", 10), ("=<E4306VA1", 10), ("=<G4306V00", 3),
        ("=<O4306V00", 3), ("=<Z4306V00", 3), ("=<e4306V00", 3), ("=<E43x6V00", 6), ("=<E4-06V00", 5),
        ("=<E4306V0", 10), ("=<E4306V000", 11), ("=E4306V00", 2), ("E4306Z00", 6), ("T1234A00", 6),
        ("M000100X", 8), ("A0000AB!", 8), ("", 1), ("=<", 3), ("=<E4306V0\u0966", 10),
    ]:
        bad(f"pc-bad-{text or 'empty'}", text, pos)
    return out


IDENTIFIERS = [("=>", "&>", "expiration", "004", "005"), ("=*", "&*", "collection", "006", "007"),
               ("=}", "&}", "production", "008", "009")]


def ordinal(year: int, day: int) -> date:
    return date(year, 1, 1) + timedelta(days=day - 1)


def date_expect(text: str) -> dict[str, Any]:
    ident = text[:2]
    data = text[2:]
    kind, structure = [(k, s4 if ident == d else s5) for d, t, k, s4, s5 in IDENTIFIERS if ident in (d, t)][0]
    year = 2000 + 100 * int(data[0]) + int(data[1:3])
    day = ordinal(year, int(data[3:6]))
    time = f"{data[6:8]}:{data[8:10]}" if len(data) == 10 else None
    return {"kind": kind, "structure": structure, "date": day.isoformat(), "time": time,
            "datetime": f"{day.isoformat()}T{time or '23:59'}", "encoded": text}


def date_cases() -> list[Case]:
    out: list[Case] = []

    def ok(id_: str, text: str) -> None:
        out.append({"id": id_, "op": "isbt128_decode_datetime", "input": {"text": text},
                    "expect": date_expect(text), "source": S55})

    def bad(id_: str, text: str, pos: int) -> None:
        out.append({"id": id_, "op": "isbt128_decode_datetime", "input": {"text": text},
                    "expect": {"error": "InvalidCode", "error_position": pos}, "source": S55})

    # The worked examples (blood.md §5.5), literally.
    out.append({"id": "dt-worked-st012", "op": "isbt128_decode_datetime", "input": {"text": "&>0183652359"},
                "expect": {"kind": "expiration", "structure": "005", "date": "2018-12-31", "time": "23:59",
                           "datetime": "2018-12-31T23:59", "encoded": "&>0183652359"}, "source": S55})
    out.append({"id": "dt-worked-tissue", "op": "isbt128_decode_datetime", "input": {"text": "&>0180292359"},
                "expect": {"date": "2018-01-29", "time": "23:59"}, "source": S55})
    for date_id, time_id, kind, _, _ in IDENTIFIERS:
        ok(f"dt-{kind}-date", f"{date_id}026350")
        ok(f"dt-{kind}-datetime", f"{time_id}0263500900")
        ok(f"dt-{kind}-midnight", f"{time_id}0260010000")
    for data in ["000001", "000366", "018029", "019365", "020060", "023365", "024060", "024061", "024366",
                 "026059", "026060", "026365", "099365", "100001", "199365", "999365", "025001", "026100"]:
        ok(f"dt-day-{data}", f"=>{data}")
    for data in ["0260012359", "0260010001", "0260011200", "0260012300", "0260010059"]:
        ok(f"dt-time-{data}", f"&>{data}")
    for text, pos in [
        ("=>018366", 6), ("=>026366", 6), ("=>025366", 6), ("=>100366", 6), ("=>026000", 6), ("=>026367", 6),
        ("=>026999", 6), ("&>0263660900", 6), ("&>0260012400", 9), ("&>0260019900", 9),
        ("&>0260012360", 11), ("&>0260010099", 11), ("=>02600", 8), ("=>0260011", 9), ("&>026001235", 12),
        ("&>026001", 9), ("=>02600A", 8), ("=>O26001", 3), ("&>02600123 9", 11), ("=<026001", 2),
        ("=%026001", 2), ("#>026001", 1), ("026001", 1), ("", 1), ("=", 2), ("=>", 3),
        ("=>02600\u0966", 8),
    ]:
        bad(f"dt-bad-{text or 'empty'}", text, pos)
    return out


def encode_date_cases() -> list[Case]:
    out: list[Case] = []

    def case(id_: str, inp: dict[str, Any], expect: dict[str, Any]) -> None:
        out.append({"id": id_, "op": "isbt128_encode_datetime", "input": inp, "expect": expect, "source": S55})

    case("dte-worked-date", {"kind": "expiration", "date": "2018-12-31"}, {"encoded": "=>018365", "structure": "004"})
    case("dte-collection-date", {"kind": "collection", "date": "2024-02-29"}, {"encoded": "=*024060", "structure": "006"})
    case("dte-production-date", {"kind": "production", "date": "2100-01-01"}, {"encoded": "=}100001", "structure": "008"})
    case("dte-worked-datetime", {"kind": "expiration", "at": "2018-12-31T23:59:00+05:30"},
         {"encoded": "&>0183652359", "structure": "005"})
    case("dte-collection-datetime", {"kind": "collection", "at": "2026-12-16T09:00:00+05:30"},
         {"encoded": "&*0263500900", "structure": "007"})
    case("dte-production-datetime", {"kind": "production", "at": "2026-01-01T00:00:00Z"},
         {"encoded": "&}0260010000", "structure": "009"})
    # Local time of the value's own offset; seconds are dropped (an expiry only gets earlier).
    case("dte-own-offset", {"kind": "expiration", "at": "2026-03-01T00:30:00-03:00"}, {"encoded": "&>0260600030"})
    case("dte-seconds-dropped", {"kind": "expiration", "at": "2026-03-01T10:30:59+05:30"}, {"encoded": "&>0260601030"})
    case("dte-leap-day-366", {"kind": "expiration", "at": "2024-12-31T23:59:00+05:30"}, {"encoded": "&>0243662359"})
    for d in ["1999-12-31", "3000-01-01"]:
        case(f"dte-bad-year-{d}", {"kind": "expiration", "date": d}, {"error": "InvalidInput", "error_field": "date"})
    case("dte-bad-year-at", {"kind": "collection", "at": "1999-12-31T23:59:00+05:30"},
         {"error": "InvalidInput", "error_field": "date"})
    case("dte-bad-kind", {"kind": "expiry", "date": "2026-01-01"}, {"error": "InvalidInput", "error_field": "kind"})
    return out


DOC_SCAN = "=A99992112345600=%6200=<E0398V00&>0261232359"


def scan_cases() -> list[Case]:
    out: list[Case] = []

    def ok(id_: str, text: str, pieces: list[tuple[str, str]], end: str = "") -> None:
        """``end``: what a keyboard-wedge scanner sends after the scan (CR, LF, tab), not data."""
        items, at = [], 1
        for kind, piece in pieces:
            items.append({"offset": at, "kind": kind, "encoded": piece, "number": table2_number(piece)})
            at += len(piece)
        assert "".join(p for _, p in pieces) == text
        out.append({"id": id_, "op": "isbt128_parse_scan", "input": {"text": text + end},
                    "expect": {"structures": items}, "source": S56})

    def bad(id_: str, text: str, pos: int) -> None:
        out.append({"id": id_, "op": "isbt128_parse_scan", "input": {"text": text},
                    "expect": {"error": "InvalidCode", "error_position": pos}, "source": S56})

    ok("scan-doc", DOC_SCAN, [("din", "=A99992112345600"), ("blood_group", "=%6200"), ("product", "=<E0398V00"),
                              ("date", "&>0261232359")])
    ok("scan-one-din", "=G12341765432170", [("din", "=G12341765432170")])
    ok("scan-dates", "=>026350&*0263500900=}026350&}0263501000",
       [("date", "=>026350"), ("date", "&*0263500900"), ("date", "=}026350"), ("date", "&}0263501000")])
    ok("scan-other", "=)1234567890&)ABCDEFGHIJ=%Mq00",
       [("other", "=)1234567890"), ("other", "&)ABCDEFGHIJ"), ("blood_group", "=%Mq00")])
    ok("scan-any-order", "&>0261232359=<E0398V00=%6200=A99992112345600",
       [("date", "&>0261232359"), ("product", "=<E0398V00"), ("blood_group", "=%6200"), ("din", "=A99992112345600")])
    for name, end in [("cr", "\r"), ("lf", "\n"), ("crlf", "\r\n"), ("tab", "\t")]:
        ok(f"scan-ends-with-{name}", "=A99992112345600=%6200",
           [("din", "=A99992112345600"), ("blood_group", "=%6200")], end)
    for text, pos in [
        ("=A99992112345600\r=%6200", 17), ("=A99992112345600\t=%6200\r\n", 17),
        ("=A99992112345600=%6200 ", 23), ("\r\n", 1), ("=a99992112345600", 2),
        ("", 1), ("XX", 1), ("=A99992112345600XX", 17), ("=A99992112345600=%62", 21),
        ("=A99992112345600=%6201", 22), ("=A99992112345600=%6200=<E0398V00&>0263672359", 38),
        ("=O99992112345600", 2), ("=A99992112345600=<E0398Z00", 24), ("=A9999211234560", 16),
        ("=%6200&>0260012400", 15), ("=%6200=%9900", 9), ("=A99992112345600=%6200\u0966", 23),
    ]:
        shown = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
        bad(f"scan-bad-{shown or 'empty'}", text, pos)
    return out


TABLE_TOML = """[[product]]
code = "E0398"
product = { component = "red_cells", preservative = "additive_solution", modifications = ["irradiated", "leucoreduced"] }

[[product]]
code = "E4306"
product = { component = "red_cells", preservative = "cpd" }
"""
IST = "+05:30"
DOC_LABEL = "=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900"


EXPIRES = "2026-12-31T23:59:00+05:30"  # &>0263652359
COLLECTED = "2026-12-16T09:00:00+05:30"  # &*0263500900
DIN_BAR = "=A99992112345600"


def label_cases() -> list[Case]:
    out: list[Case] = []

    def case(id_: str, scan: str, expect: dict[str, Any], collected_at: str | None = None) -> None:
        inp: dict[str, Any] = {"scan": scan, "table": TABLE_TOML, "offset": IST, "volume_ml": 250}
        if collected_at:
            inp["collected_at"] = collected_at
        out.append({"id": id_, "op": "isbt128_label_to_unit", "input": inp, "expect": expect, "source": S56})

    def unit(group_product: str, id_: str, group: str, donation: str, back: str | None = None,
             dates: str = "&>0263652359&*0263500900", expires: str = EXPIRES, collected: str = COLLECTED,
             ) -> tuple[str, dict[str, Any]]:
        """The scan of DIN + group + product + dates, and the unit and label written back."""
        scan = f"{DIN_BAR}{group_product}{dates}"
        return scan, {"id": id_, "group": group, "donation_type": donation, "status": "collected",
                      "expires_at": expires, "collected_at": collected, "label": back or scan}

    din = DIN_BAR
    # The example of the Rust documentation of Label: round trip.
    case("label-doc", DOC_LABEL, unit("=%6200=<E0398VA0", "A999921123456/A0", "A+", "voluntary")[1])
    # Autologous (Table 4 "autologous use only" 97, Table 7 "1"), directed (47, "2"), replacement (51, "C").
    case("label-autologous", *unit("=%9700=<E4306100", "A999921123456", "O-", "autologous"))
    case("label-directed", *unit("=%4700=<E4306200", "A999921123456", "O+", "directed"))
    case("label-replacement", *unit("=%5100=<E4306C00", "A999921123456", "O+", "replacement"))
    case("label-bombay", *unit("=%H600=<E4306V00", "A999921123456", "Oh+", "voluntary"))
    # The collection type names no donation type; the group's column does (directed collection use only).
    case("label-type-from-group", *unit("=%0200=<E43060B0", "A999921123456/B0", "A-", "directed",
                                        f"{din}=%0200=<E43062B0&>0263652359&*0263500900"))
    # Emergency column, volunteer product: written back in the default column.
    case("label-emergency-column", *unit("=%4800=<E4306V00", "A999921123456", "O+", "voluntary",
                                         f"{din}=%5100=<E4306V00&>0263652359&*0263500900"))
    # No collection date: the time given is used and written back.
    case("label-collected-at-given",
         *unit("=%6200=<E4306V00", "A999921123456", "A+", "voluntary",
               f"{din}=%6200=<E4306V00&>0260702359&*0260600815", "&>0260702359",
               "2026-03-11T23:59:00+05:30", "2026-03-01T08:15:00+05:30"), "2026-03-01T08:15:00+05:30")
    # A collection date without a time counts from the start of the day.
    case("label-collection-date-only",
         *unit("=%6200=<E4306V00", "A999921123456", "A+", "voluntary",
               f"{din}=%6200=<E4306V00&>0260702359&*0260600000", "=>026070=*026060",
               "2026-03-11T23:59:00+05:30", "2026-03-01T00:00:00+05:30"))
    # Production dates and structures rakt does not decode are skipped, in any order.
    case("label-skips-others", f"=)1234567890&}}0263500800{din}&*0263500900=<E4306V00=%6200&>0263652359",
         unit("=%6200=<E4306V00", "A999921123456", "A+", "voluntary")[1])
    # Refusals.
    rest = "=<E4306V00&>0263652359&*0263500900"
    for gg in ["Mq", "D6", "A0", "00"]:
        case(f"label-group-not-usable-{gg}", f"{din}=%{gg}00{rest}",
             {"error": "NotApplicable", "error_code": "ISBT128_LABEL_GROUP_NOT_USABLE"})
    case("label-no-donation-type", f"{din}=%5100=<E4306R00&>0263652359&*0263500900",
         {"error": "NotApplicable", "error_code": "ISBT128_LABEL_DONATION_TYPE"})
    case("label-product-not-in-table", f"{din}=%5100=<E9999V00&>0263652359&*0263500900",
         {"error": "InvalidCode", "error_position": 1})
    case("label-no-collection-time", f"{din}=%5100=<E4306V00&>0263652359",
         {"error": "InvalidInput", "error_field": "collected_at"})
    no_expiry = f"{din}=%5100=<E4306V00&*0263500900"
    case("label-no-expiry", no_expiry, {"error": "InvalidCode", "error_position": len(no_expiry) + 1})
    no_din = "=%5100=<E4306V00&>0263652359"
    case("label-no-din", no_din, {"error": "InvalidCode", "error_position": len(no_din) + 1})
    case("label-second-group", f"{din}=%5100=%5100{rest}", {"error": "InvalidCode", "error_position": 23})
    case("label-second-expiry", f"{din}=%5100=<E4306V00&>0263652359=>026365",
         {"error": "InvalidCode", "error_position": 45})
    case("label-bad-structure", f"{din}=%5100=<E4306V00&>0263662359", {"error": "InvalidCode", "error_position": 38})
    return out


FILES: dict[str, tuple[str, Any]] = {
    "isbt128_din.json": ("ISBT 128 Donation Identification Number (DS001) and its MOD 37-2 check character.",
                         lambda: check_cases() + din_cases()),
    "isbt128_structures.json": (
        "ISBT 128 blood groups (DS002, Tables 4-6), product codes (DS003, Table 7), dates (DS004-009), "
        "concatenated scans and labels to units and back.",
        lambda: blood_group_cases() + encode_group_cases() + product_cases() + date_cases() + encode_date_cases()
        + scan_cases() + label_cases()),
}
