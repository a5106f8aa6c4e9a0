"""ISBT 128 scan vectors: every structure of ST-001 Table 2 and compound messages. See
generate.py and README.md.

isbt128_scans.json (isbt128_parse_scan): for each structure of ST-001 v6.2.2 Table 2 [RT003]
(§2.4.10-§2.4.40, §2.5), one scan that is valid by its element definitions and one whose first
wrong character is at a known position; the elements are typed below from the standard's text
(as transcribed in pdesiatnyk/ISBT128 documents/iccbba.md), independently of rakt. Flexible dates
(031) use Tables 24 and 25; the SEC (038) ST-012 v1.4.0 §2; compound messages (023) §2.4.23 and
the examples and RT017 excerpt of ST-017 v1.0.0 §4.2-§4.3 and ST-012 §6.2, as other ISBT 128
parsers (pdesiatnyk/ISBT128 C# and TypeScript tests) read them."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

Case = dict[str, Any]
SRC = "ISBT 128 ST-001 v6.2.2 Table 2 [RT003] and §2.4 (transcription in pdesiatnyk/ISBT128)"
SRC_023 = ("ST-001 v6.2.2 §2.4.23; ST-017 v1.0.0 §4.2-§4.3 (RT017 excerpt, examples); ST-012 v1.4.0 §6.2; "
           "as read by pdesiatnyk/ISBT128 ParserTests.cs")
SRC_031 = "ST-001 v6.2.2 §2.4.31, Table 24 [RT045] and Table 25 [RT046]"
SRC_038 = "ST-001 v6.2.2 §2.4.38 and ST-012 v1.4.0 §2.1-§2.3, §6.1-§6.2"

# Data identifier -> Table 2 number. The DIN is '=' and a letter or digit.
NUMBERS = {
    "=%": "002", "=<": "003", "=>": "004", "&>": "005", "=*": "006", "&*": "007", "=}": "008",
    "&}": "009", "&(": "010", "={": "011", "=\\": "012", "&\\": "013", "&{": "014", "=[": "015",
    '="': "016", "=)": "017", "&)": "018", "=;": "019", "='": "020", "=-": "021", "&-": "022",
    "=+": "023", "=#": "024", "&#": "025", "=]": "026", '&"': "027", "=$": "028", "&$": "029",
    "&%": "030", "=(": "031", "=,": "032", "&+": "033", "=/": "034", "&,1": "035", "&,2": "036",
    "&,3": "037", "&,4": "038", "&:": "039", "&/": "040",
}
KINDS = {"001": "din", "002": "blood_group", "003": "product", "023": "compound_message",
         "026": "expiration_month", "031": "flexible_date", "038": "sec"}


def number(piece: str) -> str | None:
    if piece[0] == "=" and piece[1].isalnum():
        return "001"
    for ident in sorted(NUMBERS, key=len, reverse=True):
        if piece.startswith(ident):
            return NUMBERS[ident]
    return None  # nationally defined


def kind(n: str | None) -> str:
    if n is not None and "004" <= n <= "009":
        return "date"
    return KINDS.get(n or "", "other")


def scan_ok(id_: str, pieces: list[str | tuple[str, dict[str, str]]], source: str = SRC) -> Case:
    """``pieces``: each structure's text, or its text and the fields it must decode to."""
    items, at, text = [], 1, ""
    for p in pieces:
        piece, fields = (p, None) if isinstance(p, str) else p
        n = number(piece)
        item: dict[str, Any] = {"offset": at, "kind": kind(n), "encoded": piece, "number": n}
        if fields is not None:
            item["fields"] = fields
        items.append(item)
        at += len(piece)
        text += piece
    return {"id": id_, "op": "isbt128_parse_scan", "input": {"text": text},
            "expect": {"structures": items}, "source": source}


def scan_bad(id_: str, text: str, pos: int, source: str = SRC) -> Case:
    return {"id": id_, "op": "isbt128_parse_scan", "input": {"text": text},
            "expect": {"error": "InvalidCode", "error_position": pos}, "source": source}


def at(text: str, pos: int, c: str) -> str:
    """``text`` with the character at 1-based ``pos`` replaced by ``c``."""
    return text[:pos - 1] + c + text[pos:]


# (number, valid scan, its fields, 1-based position to spoil, the character that spoils it)
# Fields are the ST-001 elements, in order.
STRUCTURES: list[tuple[str, str, dict[str, str], int, str]] = [
    ("010", "&(AB123", {"special_testing": "AB123"}, 7, "a"),
    ("011", "={" + "0" * 16 + "99", {"antigens": "0" * 16, "antigen_found_negative": "99"}, 18, "A"),
    ("012", "=\\" + "1" * 16 + "55", {"antigens": "1" * 16, "antigen_found_negative": "55"}, 3, "X"),
    ("013", "&\\" + "9" * 16 + "00", {"antigens": "9" * 16, "antigen_found_negative": "00"}, 19, "-"),
    ("014", "&{010207080000000000", {"hla_a": "0102", "hla_b": "0708", "platelet_antigens": "00000000",
                                      "reserved": "0", "anti_a_b": "0"}, 20, "Z"),
    ("015", "=[010102020707080819", {"hla_a_first": "0101", "hla_a_second": "0202", "hla_b_first": "0707",
                                      "hla_b_second": "0808", "cmv_antibody": "1", "reserved": "9"}, 7, "B"),
    ("016", '="01010404' + "9" * 10, {"hla_drb1_first": "0101", "hla_drb1_second": "0404",
                                       "reserved": "9" * 10}, 11, "x"),
    # §2.4.17: lower case allowed in the container character and the catalogue number, not in qq.
    ("017", "=)1AB0027QzE", {"container": "1", "manufacturer": "AB", "catalog_number": "0027QzE"}, 4, "a"),
    ("018", "&)00001234rZ", {"lot_number": "00001234rZ"}, 12, "-"),
    # §2.4.19 Figure 6; a FIN never holds O.
    ("019", "=;A99990000222244445555", {"facility": "A9999", "donor_number": "0000222244445555"}, 3, "O"),
    # The FIN's third and fourth characters are digits.
    ("020", "='A999900395A", {"facility": "A9999", "staff_number": "00395A"}, 6, "A"),
    ("021", "=-XX00027QzE", {"manufacturer": "XX", "catalog_number": "00027QzE"}, 4, "-"),
    ("022", "&-00001234rZ", {"lot_number": "00001234rZ"}, 12, "_"),
    ("024", "=#0119900215", {"location": "01", "year": "1990", "month": "02", "day": "15"}, 11, "A"),
    ("025", "&#0106abc123", {"location": "01", "length": "06", "patient_id": "abc123"}, 12, "-"),
    ("027", '&"121111111200000000', {"markers": "121111111200000000"}, 3, "P"),
    # §2.4.28 Figure 7.
    ("028", "=$A999917123450102", {"facility": "A9999", "year": "17", "serial_number": "12345",
                                    "container": "01", "containers": "02"}, 17, "X"),
    ("029", "&$02" + "01" + "0001" + "00150" + "1" + "00" + "02" + "0000" + "20025" + "1" + "00",
     {"count": "02", "symbol_1": "01", "dimension_1": "0001", "value_1": "00150", "decimals_1": "1",
      "reserved_1": "00", "symbol_2": "02", "dimension_2": "0000", "value_2": "20025", "decimals_2": "1",
      "reserved_2": "00"}, 20, "A"),
    ("030", "&%002" + "004001" + "01" + "01" + "005001" + "02" + "06",
     {"count": "002", "antigen_1": "004001", "result_1": "01", "tests_1": "01",
      "antigen_2": "005001", "result_2": "02", "tests_2": "06"}, 25, "A"),
    ("032", "=,000012", {"divisions": "000012"}, 8, "a"),
    # §2.4.33 Figure 8; the FIN(P) never holds O.
    ("033", "&+A9999AB3456", {"facility": "A9999", "facility_product_code": "AB3456"}, 3, "O"),
    # §2.4.34 Figure 9.
    ("034", "=/A9997AB3456T0123", {"facility": "A9997", "facility_product_code": "AB3456",
                                    "product_description_code": "T0123"}, 18, "a"),
    ("035", "&,1000000000000XYZ123", {"lot_number": "000000000000XYZ123"}, 21, "a"),
    ("036", "&,20000000000001234RZ", {"supplemental_number": "0000000000001234RZ"}, 4, "-"),
    # The issuing organisation number does not start with 0.
    ("037", "&,31234ABCDEFGHIJ12345", {"issuing_organization": "1234", "donor": "ABCDEFGHIJ12345"}, 4, "0"),
    ("039", "&:1234ABCDEFGHIJKLM07", {"issuing_organization": "1234",
                                      "registration_donor_identifier": "ABCDEFGHIJKLM", "checksum": "07"}, 3, "0"),
    ("040", "&/CHA99992612345A", {"literal": "CH", "facility": "A9999", "year": "26", "sequence": "12345A"}, 4, "X"),
]

SEC = "&,4PL001499Z549917123456A00T041600320181231"
SEC_FIELDS = {"country": "PL", "tissue_establishment": "001499", "donation_number": "Z549917123456",
              "coding_system": "isbt128", "product_code": "00T0416", "split": "003", "expiry": "2018-12-31"}


def structure_cases() -> list[Case]:
    out: list[Case] = []
    for n, text, fields, pos, c in STRUCTURES:
        assert number(text) == n and text[pos - 1] != c
        out.append(scan_ok(f"t2-{n}", [(text, fields)]))
        out.append(scan_bad(f"t2-{n}-bad-at-{pos}", at(text, pos, c), pos))
    # Lengths: one character short ends inside the structure; a count that is not digits.
    out.append(scan_bad("t2-017-short", "=)1AB0027Qz", 12))
    out.append(scan_bad("t2-029-count-not-digits", "&$0A", 4))
    out.append(scan_bad("t2-029-ends-in-count", "&$0", 4))
    out.append(scan_ok("t2-029-no-segments", [("&$00", {"count": "00"})]))
    out.append(scan_bad("t2-025-length-not-digits", "&#01A6ABC123", 5))
    out.append(scan_bad("t2-025-shorter-than-its-length", "&#0106ABC12", 12))
    out.append(scan_ok("t2-025-empty-id", [("&#0100", {"location": "01", "length": "00", "patient_id": ""})]))
    out.append(scan_bad("t2-030-short-segment", "&%001004001010", 15))
    # 024: the date of birth is a calendar date.
    out.append(scan_ok("t2-024-leap-day", [("=#0120000229", {"location": "01", "year": "2000", "month": "02",
                                                              "day": "29"})]))
    out.append(scan_bad("t2-024-no-feb-29", "=#0119000229", 11))
    out.append(scan_bad("t2-024-month-13", "=#0119901301", 9))
    out.append(scan_bad("t2-024-day-00", "=#0119900100", 11))

    # 026, expiration month and year.
    out.append(scan_ok("t2-026", [("=]202712", {"year": "2027", "month": "12"})]))
    out.append(scan_ok("t2-026-january", [("=]202801", {"year": "2028", "month": "01"})]))
    out.append(scan_bad("t2-026-month-13", "=]202713", 7))
    out.append(scan_bad("t2-026-month-00", "=]202700", 7))
    out.append(scan_bad("t2-026-letter", "=]2O2712", 4))

    # 031, flexible date and time: Table 24 zone, a reserved digit, Table 25 type of time.
    for code, name in [("01", "expiration"), ("02", "collection"), ("03", "production"),
                       ("04", "cross_clamp"), ("05", "preservation"), ("06", "donor_death")]:
        out.append(scan_ok(f"t2-031-{name}", [(f"=(10{code}202612070930",
                                                {"zone": "local", "time_kind": name,
                                                 "date_time": "2026-12-07T09:30"})], SRC_031))
    out.append(scan_ok("t2-031-utc-leap-day-last-minute", [("=(2003202402292359", {
        "zone": "utc", "time_kind": "production", "date_time": "2024-02-29T23:59"})], SRC_031))
    out.append(scan_ok("t2-031-midnight", [("=(1001202701010000", {
        "zone": "local", "time_kind": "expiration", "date_time": "2027-01-01T00:00"})], SRC_031))
    for id_, text, pos in [("zone-0", "=(0001202612070930", 3), ("zone-3", "=(3001202612070930", 3),
                           ("type-00", "=(1000202612070930", 5), ("type-07", "=(1007202612070930", 5),
                           ("no-feb-29", "=(1001202502291200", 13), ("month-13", "=(1001202613011200", 11),
                           ("hour-24", "=(1001202612072400", 15), ("minute-60", "=(1001202612072360", 17),
                           ("reserved-letter", "=(1A01202612070930", 4)]:
        out.append(scan_bad(f"t2-031-{id_}", text, pos, SRC_031))

    # 038, the Single European Code.
    out.append(scan_ok("t2-038", [(SEC, SEC_FIELDS)], SRC_038))
    no_expiry = SEC[:-8] + "00000000"
    out.append(scan_ok("t2-038-no-expiry", [(no_expiry, {k: v for k, v in SEC_FIELDS.items() if k != "expiry"})],
                       SRC_038))
    eutc = at(at(SEC, 25, "E"), 34, "b")  # EUTC coding system; lower case allowed in the split number.
    out.append(scan_ok("t2-038-eutc", [(eutc, {**SEC_FIELDS, "coding_system": "eutc", "split": "0b3"})], SRC_038))
    for id_, pos, c in [("country-lower", 4, "p"), ("coding-system-c", 25, "C"), ("expiry-letter", 40, "X"),
                        ("expiry-day-32", 43, "2"), ("punctuation", 10, "-")]:
        out.append(scan_bad(f"t2-038-{id_}", at(SEC, pos, c), pos if id_ != "expiry-day-32" else 36, SRC_038))
    out.append(scan_bad("t2-038-short", SEC[:-1], len(SEC), SRC_038))

    # 001-009 give their elements too; the ordinal day is counted with Python's datetime.
    day123 = (date(2026, 1, 1) + timedelta(days=122)).isoformat()
    out.append(scan_ok("t2-001-009-fields", [
        ("=A99992112345600", {"facility": "A9999", "year": "21", "sequence": "123456", "flags": "00"}),
        ("=%6200", {"group": "62", "rh_kell": "0"}),
        ("=<E0398V00", {"description_code": "E0398", "collection_type": "V", "division": "00"}),
        ("&>0261232359", {"kind": "expiration", "date": day123, "time": "23:59"}),
        ("=*026123", {"kind": "collection", "date": day123}),
        ("&}0261231000", {"kind": "production", "date": day123, "time": "10:00"}),
    ]))

    # Nationally defined structures run to the end of the scan (ST-001 §2.5).
    din = "=A99992112345600"
    out.append(scan_ok("t2-national-lower", [din, ("&xSOME-LOCAL-DATA", {})]))
    out.append(scan_ok("t2-national-donor", [din, ("&;1234", {})]))
    out.append(scan_ok("t2-national-cue", [("&!1", {})]))
    out.append(scan_bad("t2-unknown-identifier", "&=1234", 1))
    return out


PEER_1 = ["=+04000", "=/A9997XYZ100T0479", "=A99991712345600", "=,000012", "=>019031"]
PEER_2 = ["=+04035", "=/A9997XYZ100T0479", "=,000012", "=A99991712345600", "=>019031"]
PEER_3 = ["=+06000", "=/A9999XYZ100T0476", "=,000025", "=A99971712345600", "=>019032", "=}017032",
          "&,1000000000000XYZ123"]
ST012 = ["=+05000", "=Z54991712345600", "=%T300", "=<T0416003", "&>0183652359", SEC]


def compound_cases() -> list[Case]:
    out: list[Case] = []

    def header(count: str, message: str, sequence: str) -> dict[str, str]:
        return {"count": count, "message_type": message, "sequence": sequence}

    ppic = {"facility": "A9997", "facility_product_code": "XYZ100", "product_description_code": "T0479"}
    din = {"facility": "A9999", "year": "17", "sequence": "123456", "flags": "00"}
    expiry = {"kind": "expiration", "date": "2019-01-31"}
    out.append(scan_ok("compound-st017-unspecified", [(PEER_1[0], header("04", "000", "unspecified")),
                                                       (PEER_1[1], ppic), (PEER_1[2], din),
                                                       (PEER_1[3], {"divisions": "000012"}), (PEER_1[4], expiry)],
                       SRC_023))
    out.append(scan_ok("compound-st017-rt017-035", [(PEER_2[0], header("04", "035", "listed")), (PEER_2[1], ppic),
                                                     PEER_2[2], PEER_2[3], PEER_2[4]], SRC_023))
    out.append(scan_ok("compound-st017-udi", [(PEER_3[0], header("06", "000", "unspecified")), *PEER_3[1:4],
                                              (PEER_3[4], {"kind": "expiration", "date": "2019-02-01"}),
                                              (PEER_3[5], {"kind": "production", "date": "2017-02-01"}),
                                              (PEER_3[-1], {"lot_number": "000000000000XYZ123"})], SRC_023))
    out.append(scan_ok("compound-st012-sec", [
        (ST012[0], header("05", "000", "unspecified")),
        (ST012[1], {"facility": "Z5499", "year": "17", "sequence": "123456", "flags": "00"}),
        (ST012[2], {"group": "T3", "rh_kell": "0"}),
        (ST012[3], {"description_code": "T0416", "pack_code": "003"}),
        (ST012[4], {"kind": "expiration", "date": "2018-12-31", "time": "23:59"}),
        (ST012[5], SEC_FIELDS)], SRC_023))
    out.append(scan_ok("compound-rt017-034", [("=+03034", header("03", "034", "listed")),
                                              "=/A9997XYZ100T0479", "=,000012", "=A99991712345600"], SRC_023))
    out.append(scan_ok("compound-rt017-037", [("=+05037", header("05", "037", "listed")),
                                              "=/A9997XYZ100T0479", "=,000012", "=A99991712345600", "=>019031",
                                              "=}017032"], SRC_023))
    # A message type rakt does not know is reported, not refused.
    out.append(scan_ok("compound-unlisted-type", [("=+02999", header("02", "999", "unlisted")),
                                                  "=A99991712345600", "=,000012"], SRC_023))
    out.append(scan_ok("compound-ends-with-crlf", [(PEER_1[0], header("04", "000", "unspecified")), *PEER_1[1:]],
                       SRC_023))
    out[-1]["input"]["text"] += "\r\n"

    one = "".join(PEER_1)
    out.append(scan_bad("compound-declares-5-holds-4", "=+05000" + one[7:], len(one) + 1, SRC_023))
    out.append(scan_bad("compound-declares-3-holds-4", "=+03000" + one[7:], 50, SRC_023))
    # 035 is 034, 032, 001, 004: the DIN at 26 is out of order.
    out.append(scan_bad("compound-rt017-035-out-of-order", "=+04035" + one[7:], 26, SRC_023))
    out.append(scan_bad("compound-rt017-035-wrong-count", "=+03035" + "".join(PEER_2[1:4]), 3, SRC_023))
    out.append(scan_bad("compound-not-first", "=A99991712345600=+01000=,000012", 17, SRC_023))
    out.append(scan_bad("compound-inside-compound", "=+02000=A99991712345600=+01000=,000012", 24, SRC_023))
    out.append(scan_bad("compound-holds-national", "=+02000=A99991712345600&x1234", 24, SRC_023))
    out.append(scan_bad("compound-count-letter", "=+0A000=A99991712345600", 4, SRC_023))
    out.append(scan_bad("compound-bad-inner-structure", "=+02000=A99991712345600=,00001a", 31, SRC_023))
    out.append(scan_bad("compound-short-header", "=+040", 6, SRC_023))
    return out


FILES: dict[str, tuple[str, Any]] = {
    "isbt128_scans.json": (
        "ISBT 128 scans: every data structure of ST-001 Table 2 (valid, and refused at the first wrong "
        "character), flexible dates (031), expiration months (026), the SEC (038) and compound messages (023).",
        lambda: structure_cases() + compound_cases()),
}
