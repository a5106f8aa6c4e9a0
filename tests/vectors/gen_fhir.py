"""FHIR R5 BiologicallyDerivedProduct vectors (fhir_export, fhir_import). See generate.py and
README.md. The expected resources are written out here from the FHIR rules (the R5 resource, its
published example and value sets, ISBT 128 Tables 4 and 7, research/blood.md §5) and the india
policy's shelf lives and storage ranges, not computed by rakt. Units are described as in
gen_units.py: a collection and events."""
from __future__ import annotations

import json
from typing import Any

from gen_units import INDIA_MARKERS, T0, at, collection, e

Case = dict[str, Any]
SRC = "HL7 FHIR R5 BiologicallyDerivedProduct and its example (crates/rakt/src/fhir.rs); research/blood.md §5.3-5.4"

RAKT = "https://github.com/rakt-health/rakt/fhir"
EXT_STATUS = f"{RAKT}/StructureDefinition/unit-status"
EXT_DISCARD = f"{RAKT}/StructureDefinition/discard-reason"
ISBT = "https://www.isbt128.org/uri"
UCUM = "http://unitsofmeasure.org"

# A product table (JSON text) with two ICCBBA codes and local codes, as a blood centre supplies.
TABLE = json.dumps({"product": [
    {"code": "E0398", "description": "RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu",
     "product": {"component": "red_cells", "preservative": "additive_solution",
                 "modifications": ["irradiated", "leucoreduced"]}},
    {"code": "D0002", "description": "Local: RED CELLS SAGM",
     "product": {"component": "red_cells", "preservative": "additive_solution"}},
    {"code": "D0004", "product": {"component": "fresh_frozen_plasma"}},
]})

# ISBT 128 DS002 Table 4, default column (research/blood.md §5.3).
ABO_RHD = {
    "O-": ("95", "O RhD Negative"), "O+": ("51", "O RhD Positive"),
    "A-": ("06", "A RhD Negative"), "A+": ("62", "A RhD Positive"),
    "B-": ("17", "B RhD Negative"), "B+": ("73", "B RhD Positive"),
    "AB-": ("28", "AB RhD Negative"), "AB+": ("84", "AB RhD Positive"),
    "O": ("55", "O"), "A": ("66", "A"), "B": ("77", "B"), "AB": ("88", "AB"),
    "Oh-": ("G6", "Bombay RhD Negative"), "Oh+": ("H6", "Bombay RhD Positive"),
}
# Table 7 collection types of rakt's donation types, with the displays of the R5 examples.
COLLECTION = {"voluntary": ("V", "Volunteer"), "replacement": ("C", "Replacement"),
              "autologous": ("1", "For Autologous Use Only"),
              "directed": ("2", "For Directed Recipient Use Only")}

# Products: (collection product, rakt code, display, R5 category, storage, india expiry of a
# unit collected at T0). India: SAGM red cells 42 days, CPDA-1 35 days, FFP and
# cryoprecipitate 12 months, platelets 3 days (the random-donor value applies to apheresis; day 0 = collection, expiry 23:59);
# storage 2-6 °C, 20-24 °C, frozen at -18 °C or colder.
FRIDGE = {"low": 2, "high": 6}
ROOM = {"low": 20, "high": 24}
FROZEN = {"high": -18}
PRODUCTS = {
    "sagm": ({"component": "red_cells", "preservative": "additive_solution"},
             "red_cells:additive_solution", "red cells", "cells", FRIDGE, "2026-12-13T23:59:00+05:30"),
    "rbc_cpda1": ({"component": "red_cells", "preservative": "cpda1"},
                  "red_cells:cpda1", "red cells", "cells", FRIDGE, "2026-12-06T23:59:00+05:30"),
    "whole_blood": ({"component": "whole_blood", "preservative": "cpda1"},
                    "whole_blood:cpda1", "whole blood", "fluid", FRIDGE, "2026-12-06T23:59:00+05:30"),
    "ffp": ({"component": "fresh_frozen_plasma"},
            "fresh_frozen_plasma", "fresh frozen plasma (FFP)", "fluid", FROZEN, "2027-11-01T23:59:00+05:30"),
    "cryo": ({"component": "cryoprecipitate"},
             "cryoprecipitate", "cryoprecipitate", "fluid", FROZEN, "2027-11-01T23:59:00+05:30"),
    # Collected leucoreduced, then irradiated (the product of E0398).
    "e0398": ({"component": "red_cells", "preservative": "additive_solution", "modifications": ["leucoreduced"]},
              "red_cells:additive_solution+irradiated+leucoreduced", "red cells", "cells", FRIDGE,
              "2026-12-13T23:59:00+05:30"),
    "sdp": ({"component": "platelets", "platelet_source": "apheresis"},
            "platelets:apheresis", "platelets", "cells", ROOM, "2026-11-04T23:59:00+05:30"),
}
ISBT_DIN = "A999926000001"
LATER = at(24 * 60)  # 2026-11-02 09:00, the default as_of


def quantity(value: int, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def group_coding(group: str) -> dict[str, Any]:
    if group in ABO_RHD:
        code, display = ABO_RHD[group]
        return {"system": f"{ISBT}/ABORhD", "code": code, "display": display}
    return {"system": f"{RAKT}/blood-group", "code": group, "display": group}


def resource(*, product: str = "sagm", din: str = ISBT_DIN, division: str | None = None,
             group: str = "O+", status: str = "collected", available: bool = False,
             donation: str = "voluntary", iccbba: tuple[str, str | None] | None = None,
             discard: str | None = None, expires: str | None = None, volume: int = 280,
             mods: list[str] | None = None) -> dict[str, Any]:
    """The R5 resource rakt should write, from the rules in the module docs of rakt::fhir."""
    _, code, display, category, storage, expiry = PRODUCTS[product]
    code += "".join(f"+{m}" for m in mods or [])
    ext = [{"url": EXT_STATUS, "valueCode": status}]
    if discard:
        ext.append({"url": EXT_DISCARD, "valueString": discard})
    codings: list[dict[str, Any]] = []
    if iccbba:
        c: dict[str, Any] = {"system": f"{ISBT}/ProductDescriptionCode", "code": iccbba[0]}
        if iccbba[1]:
            c["display"] = iccbba[1]
        codings.append(c)
    codings.append({"system": f"{RAKT}/product", "code": code, "display": display})
    out: dict[str, Any] = {
        "resourceType": "BiologicallyDerivedProduct",
        "extension": ext,
        "productCategory": {"system": "http://hl7.org/fhir/product-category", "code": category,
                            "display": category.capitalize()},
        "productCode": {"coding": codings},
    }
    isbt = din == ISBT_DIN or din.startswith("A9999")
    if isbt:
        div6 = f"{division}0000" if division else "000000"
        if iccbba:
            out["identifier"] = [{"system": f"{ISBT}/MPHOUniqueIdentifier",
                                  "value": f"{din[:5]}{iccbba[0]}{din}{div6}"}]
        else:
            uid = f"{din}/{division}" if division else din
            out["identifier"] = [{"system": f"{RAKT}/unit-id", "value": uid}]
        out["biologicalSourceEvent"] = {"system": f"{ISBT}/DonationIdentificationNumber", "value": din}
        out["division"] = div6
    else:
        uid = f"{din}/{division}" if division else din
        out["identifier"] = [{"system": f"{RAKT}/unit-id", "value": uid}]
        out["biologicalSourceEvent"] = {"system": f"{RAKT}/donation-id", "value": din}
        if division:
            out["division"] = division
    out["productStatus"] = {"system": "http://hl7.org/fhir/biologicallyderived-product-status",
                            "code": "available" if available else "unavailable",
                            "display": "Available" if available else "Unavailable"}
    out["collection"] = {"collectedDateTime": T0}
    out["expirationDate"] = expires or expiry
    if "thawed" not in (mods or []):
        out["storageTempRequirements"] = {k: quantity(v, "degrees C", "Cel") for k, v in storage.items()}
    ct, ct_display = COLLECTION[donation]
    out["property"] = [
        {"type": {"coding": [{"code": "ABORhD"}]},
         "valueCodeableConcept": {"coding": [group_coding(group)]}},
        {"type": {"coding": [{"code": "Donor"}]},
         "valueCodeableConcept": {"coding": [{"system": f"{ISBT}/CollectionType", "code": ct, "display": ct_display}]}},
        {"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": quantity(volume, "mL", "mL")},
    ]
    return out


def released_events(group: str) -> list[dict[str, Any]]:
    abo = group.rstrip("+-").replace(" weak D", "")
    return ([e(at(30), "quarantine")]
            + [e(at(60), "record_test", marker=m, result="non_reactive") for m in INDIA_MARKERS]
            + [e(at(70), "record_grouping", forward=group, reverse=abo), e(at(120), "release")])


def export_case(id_: str, expect: dict[str, Any], *, product: str = "sagm", din: str = ISBT_DIN,
                division: str | None = None, group: str = "O+", donation: str = "voluntary",
                events: list[dict[str, Any]] | None = None, as_of: str = LATER,
                table: bool = False) -> Case:
    coll = collection(din=din, product=PRODUCTS[product][0], group=group, donation_type=donation)
    if division:
        coll["division"] = division
    inp: dict[str, Any] = {"collection": coll, "events": events or [], "as_of": as_of}
    if table:
        inp["product_table"] = TABLE
    return {"id": id_, "op": "fhir_export", "input": inp, "expect": {"resource": expect}, "source": SRC}


def export_cases() -> list[Case]:
    out = []
    # Every group rakt writes with an ISBT 128 code, and some it writes in its own notation.
    products = [p for p in PRODUCTS if p != "e0398"]
    for i, group in enumerate(["O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+",
                               "O", "AB", "A2B+", "O+ weak D", "A1-", "Oh"]):
        product = products[i % len(products)]
        out.append(export_case(f"fhir-export-group-{group.replace(' ', '_')}-{product}",
                               resource(product=product, group=group), product=product, group=group))
    rel = released_events("O+")
    out += [
        export_case("fhir-export-quarantined", resource(status="quarantined"), events=[e(at(30), "quarantine")]),
        export_case("fhir-export-released-available", resource(status="released", available=True), events=rel),
        export_case("fhir-export-released-expired", resource(status="released"), events=rel,
                    as_of="2026-12-14T00:00:00+05:30"),
        export_case("fhir-export-released-last-minute", resource(status="released", available=True), events=rel,
                    as_of="2026-12-13T23:58:00+05:30"),
        export_case("fhir-export-reserved", resource(status="reserved"),
                    events=rel + [e(at(180), "reserve", patient="P-1", until=at(2 * 24 * 60))]),
        export_case("fhir-export-reserved-lapsed", resource(status="released", available=True),
                    events=rel + [e(at(180), "reserve", patient="P-1", until=at(2 * 24 * 60))],
                    as_of=at(3 * 24 * 60)),
        export_case("fhir-export-crossmatched", resource(status="crossmatched"),
                    events=rel + [e(at(180), "crossmatch", patient="P-1", until=at(2 * 24 * 60))]),
        export_case("fhir-export-issued", resource(status="issued"),
                    events=rel + [e(at(240), "issue", patient="P-1")]),
        export_case("fhir-export-transfused", resource(status="transfused"),
                    events=rel + [e(at(240), "issue", patient="P-1"), e(at(300), "transfuse")]),
        export_case("fhir-export-discarded", resource(status="discarded", discard="leakage"),
                    events=[e(at(30), "discard", reason="leakage")]),
        export_case("fhir-export-discarded-other", resource(status="discarded", discard="bag label torn"),
                    events=[e(at(30), "discard", reason={"other": "bag label torn"})]),
        export_case("fhir-export-table-mpho", resource(status="released", available=True, division="A0",
                                                       iccbba=("D0002", "Local: RED CELLS SAGM")),
                    events=rel, division="A0", table=True),
        # Irradiated red cells: 28 days from irradiation (day 0) when sooner than the base expiry.
        export_case("fhir-export-table-e0398",
                    resource(product="e0398", iccbba=("E0398", "RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu"),
                             expires="2026-11-29T23:59:00+05:30"),
                    product="e0398", events=[e(at(30), "irradiate")], table=True),
        export_case("fhir-export-table-no-code", resource(product="sdp"), product="sdp", table=True),
        export_case("fhir-export-table-ffp-no-description", resource(product="ffp", iccbba=("D0004", None)),
                    product="ffp", table=True),
        export_case("fhir-export-thawed-ffp",
                    resource(product="ffp", status="collected", mods=["thawed"], expires="2026-11-21T08:00:00+05:30"),
                    product="ffp", events=[e("2026-11-20T08:00:00+05:30", "thaw", storage="refrigerated")],
                    as_of="2026-11-20T09:00:00+05:30"),
        export_case("fhir-export-not-isbt", resource(din="DIN-1", division="B0"), din="DIN-1", division="B0"),
        export_case("fhir-export-not-isbt-undivided", resource(din="DIN-1"), din="DIN-1"),
        export_case("fhir-export-not-isbt-with-table", resource(din="DIN-1", iccbba=("D0002", "Local: RED CELLS SAGM")),
                    din="DIN-1", table=True),
        export_case("fhir-export-divided-second-level", resource(division="Ab"), division="Ab"),
    ]
    for donation in ["replacement", "autologous", "directed"]:
        out.append(export_case(f"fhir-export-donation-{donation}", resource(donation=donation), donation=donation))
    return out


def imported(id_: str, res: dict[str, Any], expect: dict[str, Any], *, table: bool = False,
             as_of: str = LATER, policy: Any = None) -> Case:
    inp: dict[str, Any] = {"resource": res, "as_of": as_of}
    if table:
        inp["product_table"] = TABLE
    if policy is not None:
        inp["policy"] = policy
    return {"id": id_, "op": "fhir_import", "input": inp, "expect": expect, "source": SRC}


def unit(id_: str, group: str, product: dict[str, Any], status: str, expires: str, *,
         history: int, donation: str = "voluntary", volume: int = 280) -> dict[str, Any]:
    return {"id": id_, "group": group, "product": product, "status": status, "expires_at": expires,
            "donation_type": donation, "volume_ml": volume, "collected_at": T0, "history_len": history}


def foreign(**changes: Any) -> dict[str, Any]:
    """A resource from another system: no rakt extension, ICCBBA and ISBT codes only."""
    r: dict[str, Any] = {
        "resourceType": "BiologicallyDerivedProduct",
        "productCode": {"coding": [{"code": "E0398"}]},
        "biologicalSourceEvent": {"system": f"{ISBT}/DonationIdentificationNumber", "value": "A9999 26 000002"},
        "division": "A00000",
        "productStatus": {"code": "available"},
        "collection": {"collectedDateTime": T0},
        "expirationDate": "2026-11-20T23:59:00+05:30",
        "property": [
            {"type": {"coding": [{"code": "ABORhD"}]},
             "valueCodeableConcept": {"coding": [{"system": f"{ISBT}/ABORhD", "code": "62", "display": "A RhD Positive"}]}},
            {"type": {"coding": [{"code": "Donor"}]},
             "valueCodeableConcept": {"coding": [{"system": f"{ISBT}/CollectionType", "code": "V"}]}},
            {"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": {"value": 300, "unit": "mL"}},
        ],
    }
    for path, value in changes.items():
        node = r
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        if value is DELETE:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return r


DELETE = object()
E0398 = {"component": "red_cells", "preservative": "additive_solution", "modifications": ["irradiated", "leucoreduced"]}
SAGM = PRODUCTS["sagm"][0]


def import_cases() -> list[Case]:
    sagm_exp = PRODUCTS["sagm"][5]
    out = [
        # rakt's own exports read back: collection, then the events that reach the status.
        imported("fhir-import-collected", resource(), unit(ISBT_DIN, "O+", SAGM, "collected", sagm_exp, history=1)),
        imported("fhir-import-quarantined", resource(status="quarantined"),
                 unit(ISBT_DIN, "O+", SAGM, "quarantined", sagm_exp, history=2)),
        imported("fhir-import-released", resource(status="released", available=True),
                 unit(ISBT_DIN, "O+", SAGM, "released", sagm_exp, history=3) | {"last_event_codes": ["STATUS_IMPORTED"]}),
        imported("fhir-import-released-expired", resource(status="released"),
                 unit(ISBT_DIN, "O+", SAGM, "released", sagm_exp, history=3), as_of="2026-12-14T00:00:00+05:30"),
        imported("fhir-import-discarded", resource(status="discarded", discard="leakage"),
                 unit(ISBT_DIN, "O+", SAGM, "discarded", sagm_exp, history=2) | {"discard_reason": "leakage"}),
        imported("fhir-import-not-isbt", resource(din="DIN-1", division="B0", group="A2B+"),
                 unit("DIN-1/B0", "A2B+", SAGM, "collected", sagm_exp, history=1)),
        imported("fhir-import-divided", resource(division="A0", donation="replacement"),
                 unit(f"{ISBT_DIN}/A0", "O+", SAGM, "collected", sagm_exp, history=1, donation="replacement")),
        imported("fhir-import-rhd-unknown", resource(group="AB", product="ffp"),
                 unit(ISBT_DIN, "AB", PRODUCTS["ffp"][0], "collected", PRODUCTS["ffp"][5], history=1)),
        imported("fhir-import-thawed", resource(product="ffp", mods=["thawed"], expires="2026-11-21T08:00:00+05:30"),
                 unit(ISBT_DIN, "O+", {"component": "fresh_frozen_plasma", "modifications": ["thawed"]}, "collected",
                      "2026-11-21T08:00:00+05:30", history=1), as_of="2026-11-20T09:00:00+05:30"),
        # A foreign resource: ICCBBA code through the table, ISBT codes, no rakt extension.
        imported("fhir-import-foreign-available", foreign(),
                 unit("A999926000002/A0", "A+", E0398, "released", "2026-11-20T23:59:00+05:30", history=3, volume=300),
                 table=True),
        imported("fhir-import-foreign-unavailable", foreign(**{"productStatus.code": "unavailable"}),
                 unit("A999926000002/A0", "A+", E0398, "quarantined", "2026-11-20T23:59:00+05:30", history=2, volume=300),
                 table=True),
        imported("fhir-import-foreign-no-status", foreign(productStatus=DELETE),
                 unit("A999926000002/A0", "A+", E0398, "quarantined", "2026-11-20T23:59:00+05:30", history=2, volume=300),
                 table=True),
        imported("fhir-import-foreign-hl7-codesystem",
                 foreign(**{"productCode": {"coding": [{"system": "http://hl7.org/fhir/biologicallyderived-productcodes", "code": "e0398"}]}}),
                 unit("A999926000002/A0", "A+", E0398, "released", "2026-11-20T23:59:00+05:30", history=3, volume=300),
                 table=True),
        # Later than the policy allows: SAGM red cells expire 42 days after collection in india.
        imported("fhir-import-expiry-capped",
                 foreign(**{"productCode": {"coding": [{"system": f"{ISBT}/ProductDescriptionCode", "code": "D0002"}]},
                            "expirationDate": "2027-06-01T23:59:00+05:30"}),
                 unit("A999926000002/A0", "A+", SAGM, "released", sagm_exp, history=3, volume=300), table=True),
        imported("fhir-import-foreign-undivided-bombay",
                 foreign(**{"division": "000000", "property.0.valueCodeableConcept": {"coding": [{"system": f"{ISBT}/ABORhD", "code": "H6"}]}}),
                 unit("A999926000002", "Oh+", E0398, "released", "2026-11-20T23:59:00+05:30", history=3, volume=300),
                 table=True),
    ]
    return out


def error(id_: str, res: Any, kind: str, *, field: str | None = None, code: str | None = None,
          contains: str | None = None, table: bool = True, as_of: str = LATER) -> Case:
    expect: dict[str, Any] = {"error": kind}
    if field is not None:
        expect["error_field"] = field
    if code is not None:
        expect["error_code"] = code
    if contains is not None:
        expect["error_contains"] = contains
    return imported(id_, res, expect, table=table, as_of=as_of)


def error_cases() -> list[Case]:
    u = "FHIR_UNREPRESENTABLE"
    held = resource(status="reserved")
    return [
        error("fhir-import-not-object", [1, 2], "InvalidInput", field="$"),
        error("fhir-import-no-resource-type", foreign(resourceType=DELETE), "InvalidInput", field="resourceType"),
        error("fhir-import-patient", foreign(resourceType="Patient"), "NotApplicable", code=u, contains="resourceType"),
        error("fhir-import-no-product-code", foreign(productCode=DELETE), "InvalidInput", field="productCode.coding"),
        error("fhir-import-empty-coding", foreign(productCode={"coding": []}), "InvalidInput", field="productCode.coding"),
        error("fhir-import-coding-not-object", foreign(productCode={"coding": ["E0398"]}), "InvalidInput",
              field="productCode.coding[0]"),
        error("fhir-import-unknown-code", foreign(productCode={"coding": [{"code": "E9999"}]}), "NotApplicable",
              code=u, contains="productCode.coding"),
        error("fhir-import-no-table", foreign(), "NotApplicable", code=u, contains="no table", table=False),
        error("fhir-import-bad-rakt-product", foreign(productCode={"coding": [{"system": f"{RAKT}/product", "code": "red_cells"}]}),
              "InvalidInput", field="productCode.coding[0].code"),
        error("fhir-import-organ", foreign(productCategory={"system": "http://hl7.org/fhir/product-category", "code": "organ"}),
              "NotApplicable", code=u, contains="productCategory"),
        error("fhir-import-bad-din", foreign(**{"biologicalSourceEvent.value": "A9999 26 00000"}), "InvalidInput",
              field="biologicalSourceEvent.value"),
        error("fhir-import-other-din-system", foreign(**{"biologicalSourceEvent.system": "urn:example"}), "NotApplicable",
              code=u, contains="biologicalSourceEvent.system"),
        error("fhir-import-no-din", foreign(biologicalSourceEvent=DELETE), "InvalidInput", field="biologicalSourceEvent"),
        error("fhir-import-odd-division", foreign(division="A1B2C3"), "NotApplicable", code=u, contains="division"),
        error("fhir-import-para-bombay", foreign(**{"property.0.valueCodeableConcept": {"coding": [{"system": f"{ISBT}/ABORhD", "code": "D6"}]}}),
              "NotApplicable", code=u, contains="property[0].valueCodeableConcept"),
        error("fhir-import-no-group", foreign(**{"property.0": {"type": {"coding": [{"code": "Other"}]}}}),
              "InvalidInput", field="property"),
        error("fhir-import-paid-donation", foreign(**{"property.1.valueCodeableConcept": {"coding": [{"system": f"{ISBT}/CollectionType", "code": "P"}]}}),
              "NotApplicable", code=u, contains="property[1].valueCodeableConcept"),
        error("fhir-import-zero-volume", foreign(**{"property.2.valueQuantity": {"value": 0, "unit": "mL"}}),
              "InvalidInput", field="property[2].valueQuantity.value"),
        error("fhir-import-volume-in-litres", foreign(**{"property.2.valueQuantity": {"value": 0.3, "unit": "L"}}),
              "NotApplicable", code=u, contains="property[2].valueQuantity"),
        error("fhir-import-no-collection", foreign(collection=DELETE), "InvalidInput", field="collection.collectedDateTime"),
        error("fhir-import-collection-period", foreign(collection={"collectedPeriod": {"start": T0}}), "NotApplicable",
              code=u, contains="collection.collectedPeriod"),
        error("fhir-import-no-expiry", foreign(expirationDate=DELETE), "InvalidInput", field="expirationDate"),
        error("fhir-import-expiry-date-only", foreign(expirationDate="2026-11-20"), "NotApplicable", code=u,
              contains="expirationDate"),
        error("fhir-import-expiry-not-a-time", foreign(expirationDate="soon"), "InvalidInput", field="expirationDate"),
        error("fhir-import-status-processed", foreign(productStatus={"code": "processed"}), "NotApplicable", code=u,
              contains="productStatus"),
        error("fhir-import-reserved", held, "NotApplicable", code=u, contains="patient"),
        error("fhir-import-transfused", resource(status="transfused"), "NotApplicable", code=u, contains="unit-status"),
        error("fhir-import-unknown-status", resource(status="lost"), "InvalidInput", field="extension[0].valueCode"),
        error("fhir-import-contradiction", resource(status="quarantined", available=True), "InvalidInput",
              field="productStatus"),
        error("fhir-import-before-collection", foreign(), "InvalidInput", field="as_of", as_of="2026-10-31T09:00:00+05:30"),
    ]


FILES: dict[str, tuple[str, Any]] = {
    "fhir.json": ("HL7 FHIR R5 BiologicallyDerivedProduct export and import of units.",
                  lambda: export_cases() + import_cases() + error_cases()),
}
