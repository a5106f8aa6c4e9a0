"""The exception hierarchy: classes, attributes, messages, pickling."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import rakt
from conftest import ist


def raised(call: Callable[[], object]) -> rakt.RaktError:
    with pytest.raises(rakt.RaktError) as info:
        call()
    return info.value


def sagm_expiry() -> rakt.Expiry:
    return rakt.expiry(rakt.Product("red_cells", "additive_solution"), ist(2026, 1, 1, 10))


CASES: list[tuple[str, Callable[[], object], type[Exception], dict[str, str]]] = [
    (
        "InvalidBloodGroup",
        lambda: rakt.BloodGroup.parse("C+"),
        ValueError,
        {"input": "C+"},
    ),
    (
        "InvalidPolicy",
        lambda: rakt.Policy.from_toml(
            'name = "x"\nextends = "india"\n[shelf_life.platelets_random_donor]\ndays = 0'
        ),
        ValueError,
        {"path": "shelf_life.platelets_random_donor.days", "reason": "must be > 0"},
    ),
    (
        "InvalidInput",
        lambda: rakt.Product("platelets"),
        ValueError,
        {"field": "product.platelet_source"},
    ),
    (
        "NotApplicable",
        lambda: sagm_expiry().redate(rakt.Opened(ist(2027, 1, 1))),
        ValueError,
        {"code": "UNIT_ALREADY_EXPIRED"},
    ),
    (
        "PolicyValueMissing",
        lambda: rakt.expiry(rakt.Product("whole_blood", "cpd"), ist(2026, 1, 1), rakt.Policy.uk()),
        LookupError,
        {"path": "shelf_life.whole_blood_cpd", "policy": "uk"},
    ),
]


@pytest.mark.parametrize(("kind", "call", "builtin", "attrs"), CASES, ids=[c[0] for c in CASES])
def test_error_class_and_attributes(
    kind: str, call: Callable[[], object], builtin: type[Exception], attrs: dict[str, str]
) -> None:
    err = raised(call)
    cls = getattr(rakt, kind)
    assert type(err) is cls
    assert type(err).__name__ == kind
    assert type(err).__module__ == "rakt"
    assert isinstance(err, rakt.RaktError)
    assert isinstance(err, builtin)
    assert isinstance(err, Exception)
    assert err.kind == kind
    assert err.reason and err.reason in str(err)
    assert err.args == (str(err),)
    for name, value in attrs.items():
        assert getattr(err, name) == value
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back: Any = pickle.loads(pickle.dumps(err, protocol=protocol))
        assert type(back) is cls
        assert str(back) == str(err)
        assert back.kind == kind
        assert back.reason == err.reason
        for name, value in attrs.items():
            assert getattr(back, name) == value


def test_hierarchy() -> None:
    assert issubclass(rakt.RaktError, Exception)
    assert not issubclass(rakt.RaktError, ValueError)
    for cls in (rakt.InvalidBloodGroup, rakt.InvalidPolicy, rakt.InvalidInput, rakt.NotApplicable):
        assert issubclass(cls, rakt.RaktError) and issubclass(cls, ValueError)
    assert issubclass(rakt.PolicyValueMissing, rakt.RaktError)
    assert issubclass(rakt.PolicyValueMissing, LookupError)
    assert not issubclass(rakt.PolicyValueMissing, ValueError)


def test_value_error_handlers_catch_bad_values() -> None:
    with pytest.raises(ValueError):
        rakt.BloodGroup.parse("C+")
    try:
        rakt.Component.parse("blood")
    except ValueError as e:
        assert isinstance(e, rakt.InvalidInput)
        assert e.field == "component"


def test_user_constructed_errors_pickle() -> None:
    err = rakt.InvalidInput("invalid input: x: bad")
    assert err.kind == "InvalidInput"
    assert err.field == ""
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is rakt.InvalidInput and str(back) == str(err)
    root = pickle.loads(pickle.dumps(rakt.RaktError("boom")))
    assert type(root) is rakt.RaktError and root.kind == "RaktError"
