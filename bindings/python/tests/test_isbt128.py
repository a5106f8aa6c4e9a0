"""rakt.isbt128: the same answers as the Rust core for the ST-001 worked examples and refusals."""

from __future__ import annotations

import pickle
from datetime import date, datetime, time, timedelta, timezone

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


# ---- blood groups (002), product codes (003), dates (004-009), scans and labels ----------------

IST = timezone(timedelta(hours=5, minutes=30))
DOC_LABEL = "=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900"
TABLE = """
[[product]]
code = "E0398"
product = { component = "red_cells", preservative = "additive_solution", modifications = ["irradiated", "leucoreduced"] }
description = "RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu"
"""


def test_decode_blood_group_with_or_without_identifier() -> None:
    g = isbt128.decode_blood_group("=%5100")
    assert g.blood_group == rakt.BloodGroup.parse("O+")
    assert (g.kind, g.code, g.label_group, g.rhd, g.intended_use) == (
        "group", "51", "O", "positive", "default"
    )
    assert g.donation_type is None
    assert (g.rh_kell, g.rh_phenotype, g.kell) == ("0", "no_information", "no_information")
    assert g.encode() == "=%5100" and g.data() == "5100" and str(g) == "=%5100"
    assert repr(g) == "BloodGroupCode('=%5100')"
    assert isbt128.decode_blood_group("5100") == g
    assert hash(isbt128.decode_blood_group("5100")) == hash(g)


def test_special_message_implies_a_status() -> None:
    q = isbt128.decode_blood_group("=%Mq00")
    assert (q.kind, q.special_message) == ("special", "quarantine")
    assert q.implied_status == rakt.UnitStatus.QUARANTINED
    assert q.blood_group is None and q.intended_use is None
    assert isbt128.decode_blood_group("=%Mx00").implied_status == rakt.UnitStatus.DISCARDED
    assert isbt128.decode_blood_group("=%Mb00").implied_status is None


def test_table4_columns_pooled_and_table6() -> None:
    g = isbt128.decode_blood_group("=%P8J0")
    assert (g.label_group, g.rhd, g.intended_use) == ("O", "unspecified", "autologous_only")
    assert g.donation_type == rakt.DonationType.AUTOLOGOUS
    assert (g.rh_phenotype, g.kell) == ("C-c+E-e+", "positive")
    a1 = isbt128.decode_blood_group("=%I0V0")
    assert (a1.kind, a1.pooled_or_subgroup) == ("pooled_or_subgroup", "a1")
    assert a1.blood_group is not None and a1.blood_group.notation == "A1"
    assert a1.mia_mur_positive is True and a1.kell is None
    assert isbt128.decode_blood_group("=%51W0").see_special_testing
    para = isbt128.decode_blood_group("=%Q600")
    assert (para.label_group, para.blood_group) == ("para_bombay_AB", None)


@pytest.mark.parametrize(
    ("text", "position"), [("=%5101", 6), ("=%9900", 3), ("=%51a0", 5), ("=5100", 2), ("", 1)]
)
def test_blood_group_refusals_name_the_position(text: str, position: int) -> None:
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.decode_blood_group(text)
    assert caught.value.position == position
    assert caught.value.structure == "ISBT 128 blood group"


def test_encode_blood_group() -> None:
    assert isbt128.encode_blood_group("O+").encode() == "=%5100"
    assert isbt128.encode_blood_group(rakt.BloodGroup.parse("A-"), "directed_only").code == "02"
    assert isbt128.encode_blood_group("AB+", "autologous_biohazard", "K").encode() == "=%87K0"
    assert isbt128.encode_blood_group("A2B-").encode() == "=%2800"
    with pytest.raises(rakt.NotApplicable) as na:
        isbt128.encode_blood_group("Oh")
    assert na.value.code == "ISBT128_GROUP_NOT_CODED"
    with pytest.raises(rakt.InvalidInput) as bad_use:
        isbt128.encode_blood_group("O+", "emergency")
    assert bad_use.value.field == "intended_use"
    with pytest.raises(rakt.InvalidInput) as bad_char:
        isbt128.encode_blood_group("O+", "default", "a")
    assert bad_char.value.field == "rh_kell"


def test_parse_product_code() -> None:
    p = isbt128.parse_product_code("=<E4306V00")
    assert (p.description_code, p.family, p.collection_type, p.division, p.pack_code) == (
        "E4306", "blood_component", "volunteer_homologous", "00", None
    )
    assert p.donation_type == rakt.DonationType.VOLUNTARY
    assert p == isbt128.parse_product_code("E4306V00")
    assert repr(p) == "ProductCode('=<E4306V00')"
    t = isbt128.parse_product_code("T1234001")
    assert (t.family, t.collection_type, t.pack_code) == ("tissue", None, "001")
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.parse_product_code("=<E4306Z00")
    assert caught.value.position == 8


def test_decode_datetime() -> None:
    d = isbt128.decode_datetime("&>0183652359")
    assert (d.kind, d.structure) == ("expiration", "005")
    assert d.date == date(2018, 12, 31) and d.time == time(23, 59)
    assert d.datetime == datetime(2018, 12, 31, 23, 59)
    assert d.at_offset(IST) == datetime(2018, 12, 31, 23, 59, tzinfo=IST)
    only = isbt128.decode_datetime("=*024366")
    assert (only.kind, only.structure, only.date, only.time) == (
        "collection", "006", date(2024, 12, 31), None
    )
    assert only.datetime == datetime(2024, 12, 31, 23, 59)
    assert isbt128.decode_datetime("&}0260010000").kind == "production"


@pytest.mark.parametrize(
    ("text", "position"),
    [("=>018366", 6), ("=>026366", 6), ("=>026000", 6), ("&>0260012400", 9), ("&>0260012360", 11)],
)
def test_date_refusals_name_the_position(text: str, position: int) -> None:
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.decode_datetime(text)
    assert caught.value.position == position


def test_encode_dates() -> None:
    assert isbt128.encode_date("expiration", date(2018, 12, 31)).encode() == "=>018365"
    at = datetime(2026, 12, 16, 9, 0, 59, tzinfo=IST)
    assert isbt128.encode_datetime("collection", at).encode() == "&*0263500900"
    with pytest.raises(rakt.InvalidInput) as naive:
        isbt128.encode_datetime("collection", datetime(2026, 1, 1))
    assert naive.value.field == "at"
    with pytest.raises(rakt.InvalidInput) as kind:
        isbt128.encode_date("expiry", date(2026, 1, 1))
    assert kind.value.field == "kind"


def test_parse_scan() -> None:
    items = isbt128.parse_scan("=A99992112345600=%6200=<E0398V00&>0261232359=)1234567890")
    assert [(s.offset, s.kind) for s in items] == [
        (1, "din"), (17, "blood_group"), (23, "product"), (33, "date"), (45, "other")
    ]
    assert items[0].din == isbt128.Din("A999921123456", "00")
    assert items[1].blood_group == isbt128.decode_blood_group("=%6200")
    assert items[2].product == isbt128.parse_product_code("=<E0398V00")
    assert items[3].date == isbt128.decode_datetime("&>0261232359")
    assert (items[4].identifier, items[4].data, items[4].encoded) == ("=)", "1234567890", "=)1234567890")
    assert items[0].blood_group is None
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.parse_scan("=A99992112345600=%6200=<E0398V00&>0263672359")
    assert caught.value.position == 38


def test_compound_message_and_table2_structures() -> None:
    items = isbt128.parse_scan("=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031\r\n")
    assert [(s.offset, s.number, s.kind) for s in items] == [
        (1, "023", "compound_message"), (8, "034", "other"), (26, "001", "din"), (42, "032", "other"),
        (50, "004", "date"),
    ]
    assert items[0].fields == {"count": "04", "message_type": "000", "sequence": "unspecified"}
    assert list(items[1].fields) == ["facility", "facility_product_code", "product_description_code"]
    assert items[1].fields["product_description_code"] == "T0479"
    assert items[1].name == "processor product identification code" and not items[1].retired
    assert items[2].fields == {"facility": "A9999", "year": "17", "sequence": "123456", "flags": "00"}
    assert items[2].din == isbt128.Din("A999917123456", "00")
    assert items[4].fields == {"kind": "expiration", "date": "2019-01-31"}
    assert isbt128.parse_scan("&;12345")[0].fields == {}
    assert repr(items[3]) == "Scanned(offset=42, number='032', kind='other', encoded='=,000012')"
    sec = isbt128.parse_scan("&,4PL001499Z549917123456A00T041600320181231")[0]
    assert (sec.kind, sec.fields["expiry"], sec.fields["coding_system"]) == ("sec", "2018-12-31", "isbt128")
    national = isbt128.parse_scan("&;12345")[0]
    assert (national.number, national.identifier, national.data) == (None, "&;", "12345")
    assert isbt128.parse_scan("&,31234ABCDEFGHIJ12345")[0].retired
    with pytest.raises(rakt.InvalidCode) as caught:
        isbt128.parse_scan("=,00001a")
    assert caught.value.position == 8
    with pytest.raises(rakt.InvalidCode) as count:
        isbt128.parse_scan("=+05000=/A9997XYZ100T0479=A99991712345600=,000012=>019031")
    assert count.value.position == 58
    label = isbt128.Label.from_scan(
        "=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231"
    )
    assert label.encode() == "=Z54991712345600=%T300=<T0416003&>0183652359"


def test_product_table() -> None:
    table = isbt128.ProductTable.from_toml(TABLE)
    assert len(table) == 1 and table.codes == ["E0398"]
    product = table.product("E0398")
    assert product.has(rakt.Modification.IRRADIATED)
    assert table.code_for(product) == "E0398"
    assert table.description("E0398") == "RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu"
    assert table.code_for(rakt.Product(rakt.Component.PLATELETS, platelet_source="apheresis")) is None
    with pytest.raises(rakt.InvalidCode):
        table.product("E9999")
    as_json = isbt128.ProductTable.from_json(
        '{"product": [{"code": "E4306", "product": {"component": "red_cells", "preservative": "cpd"}}]}'
    )
    assert as_json.codes == ["E4306"]
    with pytest.raises(rakt.InvalidInput):
        isbt128.ProductTable.from_toml("[[product]]\ncode = 1")


def test_label_round_trips_to_a_unit_and_back() -> None:
    table = isbt128.ProductTable.from_toml(TABLE)
    label = isbt128.Label.from_scan(DOC_LABEL)
    assert label.din.din13 == "A999921123456"
    assert label.blood_group.encode() == "=%6200"
    assert label.product.division == "A0"
    assert label.expiry.encode() == "&>0263652359"
    assert label.collection is not None and label.collection.structure == "007"
    unit = label.to_unit(table, offset=IST, volume_ml=250, actor="tech-a", policy=rakt.Policy.india())
    assert isinstance(unit, rakt.BloodUnit)
    assert unit.id == "A999921123456/A0"
    assert str(unit.group) == "A+"
    assert unit.status == rakt.UnitStatus.COLLECTED
    assert unit.expiry.expires_at == datetime(2026, 12, 31, 23, 59, tzinfo=IST)
    assert unit.collected_at == datetime(2026, 12, 16, 9, 0, tzinfo=IST)
    back = isbt128.Label.from_unit(unit, table)
    assert back == label and back.encode() == DOC_LABEL and str(back) == DOC_LABEL


def test_label_refusals() -> None:
    table = isbt128.ProductTable.from_toml(TABLE)
    quarantine = isbt128.Label.from_scan("=A99992112345600=%Mq00=<E0398V00&>0263652359&*0263500900")
    with pytest.raises(rakt.NotApplicable) as caught:
        quarantine.to_unit(table, offset=IST, volume_ml=250, actor="tech")
    assert caught.value.code == "ISBT128_LABEL_GROUP_NOT_USABLE"
    no_time = isbt128.Label.from_scan("=A99992112345600=%6200=<E0398V00&>0263652359")
    with pytest.raises(rakt.InvalidInput) as missing:
        no_time.to_unit(table, offset=IST, volume_ml=250, actor="tech")
    assert missing.value.field == "collected_at"
    given = no_time.to_unit(
        table, offset=IST, volume_ml=250, actor="tech",
        collected_at=datetime(2026, 12, 16, 9, 0, tzinfo=IST), donor_id="D-1", first_donation=True,
    )
    assert given.donor_id == "D-1"
    with pytest.raises(rakt.InvalidCode) as no_expiry:
        isbt128.Label.from_scan("=A99992112345600=%6200=<E0398V00")
    assert no_expiry.value.position == 33


def test_structures_pickle() -> None:
    values: list[object] = [
        isbt128.decode_blood_group("=%P8J0"),
        isbt128.parse_product_code("=<E4306VAb"),
        isbt128.decode_datetime("&*0263500900"),
        isbt128.decode_datetime("=>024366"),
        isbt128.Label.from_scan(DOC_LABEL),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
