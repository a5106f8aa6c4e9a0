"""The package as a user meets it: submodules reachable after `import rakt` alone."""

from __future__ import annotations

import subprocess
import sys


def test_submodules_are_attributes_after_import_rakt() -> None:
    # A fresh interpreter: the other tests have imported the submodules already.
    code = (
        "import rakt\n"
        "print(rakt.isbt128.parse_din('=A99992112345600').din13)\n"
        "print(rakt.eraktkosh.blood_group_to_code(rakt.BloodGroup.parse('O+')))\n"
        "print(callable(rakt.fhir.to_biologically_derived_product), callable(rakt.kpi.kpis),"
        " callable(rakt.tariff.bill))\n"
        "print(sorted(set(['eraktkosh', 'fhir', 'isbt128', 'kpi', 'tariff']) - set(rakt.__all__)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["A999921123456", "15", "True True True", "[]"]
