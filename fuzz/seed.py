#!/usr/bin/env python3
"""Seed each fuzz target's corpus with the valid and invalid inputs of the conformance vectors,
so that libFuzzer starts from real structures (corpus/ is not committed)."""
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VECTORS = ROOT.parent / "tests" / "vectors"

# op -> (target, input key)
TEXT_OPS = {
    "isbt128_parse_din": ("din", "text"),
    "isbt128_check_character": ("din", "din13"),
    "isbt128_decode_blood_group": ("blood_group_code", "text"),
    "isbt128_parse_product_code": ("product_code", "text"),
    "isbt128_decode_datetime": ("datetime", "text"),
    "isbt128_parse_scan": ("scan", "text"),
    "isbt128_label_to_unit": ("scan", "scan"),
    "parse_blood_group": ("blood_group_text", "text"),
}

ARBITRARY_TARGETS = ("inventory_ops", "tariff_bill", "policy_rules")


def put(target: str, data: bytes) -> None:
    d = ROOT / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    for f in sorted(VECTORS.glob("*.json")):
        for case in json.loads(f.read_text(encoding="utf-8"))["cases"]:
            op, inp = case["op"], case["input"]
            if op in TEXT_OPS:
                target, key = TEXT_OPS[op]
                if isinstance(inp.get(key), str):
                    put(target, inp[key].encode())
            elif op == "fhir_import":
                put("fhir_import", json.dumps(inp["resource"]).encode())
            elif op == "fhir_export" and "resource" in case["expect"]:
                put("fhir_import", json.dumps(case["expect"]["resource"]).encode())
    put("product_table", (ROOT.parent / "examples" / "data" / "isbt128_products.toml").read_bytes())
    for code in (11, 16, 23, 30):
        put("eraktkosh_codes", code.to_bytes(8, "little"))
    # The targets that decode their input with `arbitrary` start from longer inputs (many
    # operations, lines or values), pseudo-random but the same on every run.
    for target in ARBITRARY_TARGETS:
        for n in range(16):
            data = b""
            while len(data) < 64 << (n % 6):
                data += hashlib.sha256(f"{target}/{n}/{len(data)}".encode()).digest()
            put(target, data)


if __name__ == "__main__":
    main()
