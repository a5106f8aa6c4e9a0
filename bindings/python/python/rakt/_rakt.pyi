"""Type stubs of the native module ``rakt._rakt`` (re-exported by ``rakt``).

Every rule lives in the Rust core; these classes translate types and errors only.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, ClassVar, Union, final

from typing_extensions import Self, TypeAlias

__all__ = [
    "__version__",
    "Abo",
    "ASubgroup",
    "BloodGroup",
    "Compatibility",
    "compatibility",
    "Component",
    "Confidence",
    "donor_preference",
    "DonorOption",
    "Expiry",
    "expiry",
    "InvalidBloodGroup",
    "InvalidInput",
    "InvalidPolicy",
    "Irradiated",
    "Modification",
    "NotApplicable",
    "Opened",
    "parse_timestamp",
    "PlateletSource",
    "Policy",
    "PolicyValueMissing",
    "pool",
    "Preservative",
    "Product",
    "RaktError",
    "Rank",
    "Reason",
    "Recipient",
    "RhD",
    "Severity",
    "Sex",
    "Source",
    "Storage",
    "TemperatureRange",
    "Thawed",
    "Washed",
]

__version__: str

# ---------------------------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------------------------

class RaktError(Exception):
    """Root of every error rakt raises.

    ``kind`` is the stable name of the error (the class name), ``reason`` says what was wrong;
    ``str(e)`` is the full message.
    """

    kind: str
    reason: str

class InvalidBloodGroup(RaktError, ValueError):
    """A blood-group text that could not be understood. ``input`` is the text as given."""

    input: str

class InvalidPolicy(RaktError, ValueError):
    """A policy file or value that was refused. ``path`` is the dotted path of the field."""

    path: str

class InvalidInput(RaktError, ValueError):
    """Any other input value that was refused. ``field`` names the argument or field."""

    field: str

class NotApplicable(RaktError, ValueError):
    """A modification or event that cannot be applied. ``code`` is the stable refusal code."""

    code: str

class PolicyValueMissing(RaktError, LookupError):
    """The policy has no value for a rule this call needs (``path``, in policy ``policy``)."""

    path: str
    policy: str

# ---------------------------------------------------------------------------------------------
# Enums: frozen, hashable, picklable; members in UPPER_CASE; ``code`` is the JSON string.
# ---------------------------------------------------------------------------------------------

@final
class Abo:
    """The ABO group, with the Bombay phenotype (``OH``, code ``"Oh"``) as a fifth value."""

    O: ClassVar[Abo]
    A: ClassVar[Abo]
    B: ClassVar[Abo]
    AB: ClassVar[Abo]
    OH: ClassVar[Abo]
    @property
    def code(self) -> str:
        """``"O"``, ``"A"``, ``"B"``, ``"AB"`` or ``"Oh"``."""
    @classmethod
    def parse(cls, code: str) -> Abo:
        """``O``, ``A``, ``B``, ``AB``, ``Oh`` or ``Bombay`` (case-insensitive)."""
    @classmethod
    def members(cls) -> list[Abo]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class RhD:
    """The RhD type (codes ``"positive"``, ``"negative"``)."""

    POSITIVE: ClassVar[RhD]
    NEGATIVE: ClassVar[RhD]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> RhD: ...
    @classmethod
    def members(cls) -> list[RhD]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ASubgroup:
    """An A subgroup (groups A and AB only); codes ``"A1"``, ``"A2"``."""

    A1: ClassVar[ASubgroup]
    A2: ClassVar[ASubgroup]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> ASubgroup: ...
    @classmethod
    def members(cls) -> list[ASubgroup]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Component:
    """A blood component; ``code`` is e.g. ``"red_cells"``."""

    WHOLE_BLOOD: ClassVar[Component]
    RED_CELLS: ClassVar[Component]
    FRESH_FROZEN_PLASMA: ClassVar[Component]
    PLASMA: ClassVar[Component]
    CRYO_POOR_PLASMA: ClassVar[Component]
    CRYOPRECIPITATE: ClassVar[Component]
    PLATELETS: ClassVar[Component]
    GRANULOCYTES: ClassVar[Component]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Component:
        """The stable code, or a common name (``FFP``, ``PRBC``, ``cryo``), case-insensitive."""
    @classmethod
    def members(cls) -> list[Component]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Preservative:
    """Anticoagulant or additive solution (``"cpd"``, ``"cpda1"``, ``"additive_solution"``)."""

    CPD: ClassVar[Preservative]
    CPDA1: ClassVar[Preservative]
    ADDITIVE_SOLUTION: ClassVar[Preservative]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Preservative: ...
    @classmethod
    def members(cls) -> list[Preservative]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class PlateletSource:
    """How platelets were collected (``"random_donor"``, ``"apheresis"``)."""

    RANDOM_DONOR: ClassVar[PlateletSource]
    APHERESIS: ClassVar[PlateletSource]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> PlateletSource: ...
    @classmethod
    def members(cls) -> list[PlateletSource]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Modification:
    """Something done to a unit after collection; ``code`` is e.g. ``"irradiated"``."""

    IRRADIATED: ClassVar[Modification]
    LEUCOREDUCED: ClassVar[Modification]
    WASHED: ClassVar[Modification]
    CMV_NEGATIVE: ClassVar[Modification]
    PATHOGEN_REDUCED: ClassVar[Modification]
    POOLED: ClassVar[Modification]
    OPENED: ClassVar[Modification]
    THAWED: ClassVar[Modification]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Modification: ...
    @classmethod
    def members(cls) -> list[Modification]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Storage:
    """Storage condition (``"refrigerated"``, ``"room_temperature"``, ``"frozen"``)."""

    REFRIGERATED: ClassVar[Storage]
    ROOM_TEMPERATURE: ClassVar[Storage]
    FROZEN: ClassVar[Storage]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Storage: ...
    @classmethod
    def members(cls) -> list[Storage]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Sex:
    """Sex of a recipient (``"female"``, ``"male"``, ``"other"``)."""

    FEMALE: ClassVar[Sex]
    MALE: ClassVar[Sex]
    OTHER: ClassVar[Sex]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Sex: ...
    @classmethod
    def members(cls) -> list[Sex]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Rank:
    """How good a donor group is; ordered ``IDENTICAL < COMPATIBLE < ... < INCOMPATIBLE``."""

    IDENTICAL: ClassVar[Rank]
    COMPATIBLE: ClassVar[Rank]
    COMPATIBLE_WITH_CAVEAT: ClassVar[Rank]
    INCOMPATIBLE: ClassVar[Rank]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Rank: ...
    @classmethod
    def members(cls) -> list[Rank]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __lt__(self, other: Rank, /) -> bool: ...
    def __le__(self, other: Rank, /) -> bool: ...
    def __gt__(self, other: Rank, /) -> bool: ...
    def __ge__(self, other: Rank, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Severity:
    """How much a reason matters; ordered ``INFO < CAUTION < STOP``."""

    INFO: ClassVar[Severity]
    CAUTION: ClassVar[Severity]
    STOP: ClassVar[Severity]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Severity: ...
    @classmethod
    def members(cls) -> list[Severity]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __lt__(self, other: Severity, /) -> bool: ...
    def __le__(self, other: Severity, /) -> bool: ...
    def __gt__(self, other: Severity, /) -> bool: ...
    def __ge__(self, other: Severity, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Confidence:
    """How sure we are of a rule's source (``"high"`` ... ``"local"``)."""

    HIGH: ClassVar[Confidence]
    MEDIUM: ClassVar[Confidence]
    LOW: ClassVar[Confidence]
    UNVERIFIED: ClassVar[Confidence]
    LOCAL: ClassVar[Confidence]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Confidence: ...
    @classmethod
    def members(cls) -> list[Confidence]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# Arguments that take an enum member or its code.
_AboArg: TypeAlias = Union[Abo, str]
_RhDArg: TypeAlias = Union[RhD, str]
_ASubgroupArg: TypeAlias = Union[ASubgroup, str]
_ComponentArg: TypeAlias = Union[Component, str]
_PreservativeArg: TypeAlias = Union[Preservative, str]
_PlateletSourceArg: TypeAlias = Union[PlateletSource, str]
_ModificationArg: TypeAlias = Union[Modification, str]
_StorageArg: TypeAlias = Union[Storage, str]
_SexArg: TypeAlias = Union[Sex, str]

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------

@final
class BloodGroup:
    """A blood group: ABO (or Bombay), RhD when known, and phenotype details.

    ``BloodGroup("O+")`` (a single ``str``) is ``BloodGroup.parse("O+")``; otherwise the
    parts are given: ``BloodGroup(Abo.A, RhD.POSITIVE, a_subgroup=ASubgroup.A2)``.
    ``str(g)`` is the canonical basic group (``"O+"``); ``g.notation`` the full notation.
    """

    def __new__(
        cls,
        abo: _AboArg,
        rhd: _RhDArg | None = None,
        a_subgroup: _ASubgroupArg | None = None,
        weak_d: bool = False,
    ) -> Self: ...
    @staticmethod
    def parse(text: str) -> BloodGroup:
        """Parse a group as written in real records: ``O+``, ``o neg``, ``AB-Ve``, ``Bombay``."""
    @staticmethod
    def standard() -> list[BloodGroup]:
        """The ten fully specified groups: O-, O+, A-, A+, B-, B+, AB-, AB+, Oh-, Oh+."""
    @property
    def abo(self) -> Abo: ...
    @property
    def rhd(self) -> RhD | None:
        """``None`` when not determined."""
    @property
    def a_subgroup(self) -> ASubgroup | None: ...
    @property
    def weak_d(self) -> bool: ...
    @property
    def notation(self) -> str:
        """Full notation including phenotype details: ``A2B+``, ``O+ weak D``, ``Oh``."""
    def basic(self) -> BloodGroup:
        """The basic group without phenotype details (subgroup, weak D)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Recipient:
    """The patient who will receive the unit; ``group=None`` means not yet known."""

    def __new__(
        cls,
        group: BloodGroup | str | None = None,
        sex: _SexArg | None = None,
        age_years: int | None = None,
        anti_d: bool = False,
        chronically_transfused: bool = False,
    ) -> Self: ...
    @property
    def group(self) -> BloodGroup | None: ...
    @property
    def sex(self) -> Sex | None: ...
    @property
    def age_years(self) -> int | None: ...
    @property
    def anti_d(self) -> bool: ...
    @property
    def chronically_transfused(self) -> bool: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Recipient: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Product:
    """A component as made: preservative or platelet source, and modifications."""

    def __new__(
        cls,
        component: _ComponentArg,
        preservative: _PreservativeArg | None = None,
        platelet_source: _PlateletSourceArg | None = None,
        modifications: Iterable[_ModificationArg] = (),
    ) -> Self: ...
    @property
    def component(self) -> Component: ...
    @property
    def preservative(self) -> Preservative | None: ...
    @property
    def platelet_source(self) -> PlateletSource | None: ...
    @property
    def modifications(self) -> list[Modification]:
        """The modifications made, in canonical order."""
    def has(self, modification: _ModificationArg) -> bool: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Product: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Verdicts
# ---------------------------------------------------------------------------------------------

@final
class Reason:
    """One explained step of a verdict. ``str(r)`` is the English message."""

    @property
    def code(self) -> str:
        """The stable code, e.g. ``"RHD_NEGATIVE_REQUIRED"``."""
    @property
    def severity(self) -> Severity: ...
    @property
    def facts(self) -> dict[str, str]:
        """The facts used, by name; a new dict on every access."""
    @property
    def source(self) -> str | None: ...
    @property
    def confidence(self) -> Confidence | None: ...
    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"hi"`` (Devanagari); another language raises InvalidInput."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Reason: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Compatibility:
    """The verdict on one donor group for one recipient and component."""

    @property
    def component(self) -> Component: ...
    @property
    def donor(self) -> BloodGroup: ...
    @property
    def compatible(self) -> bool:
        """Whether the unit may be given (no hard stop)."""
    @property
    def rank(self) -> Rank: ...
    @property
    def emergency(self) -> bool:
        """Whether this is an emergency release (recipient group unknown)."""
    @property
    def reasons(self) -> list[Reason]:
        """Why, most severe first."""
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Compatibility: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonorOption:
    """One acceptable donor group, in order of preference."""

    @property
    def group(self) -> BloodGroup: ...
    @property
    def rank(self) -> Rank: ...
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DonorOption: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Expiry
# ---------------------------------------------------------------------------------------------

@final
class Irradiated:
    """Irradiated at ``at`` (a timezone-aware datetime)."""

    def __new__(cls, at: datetime) -> Self: ...
    @property
    def at(self) -> datetime: ...
    @property
    def modification(self) -> Modification: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Washed:
    """Washed at ``at`` (an open process)."""

    def __new__(cls, at: datetime) -> Self: ...
    @property
    def at(self) -> datetime: ...
    @property
    def modification(self) -> Modification: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Opened:
    """The closed system was opened at ``at``."""

    def __new__(cls, at: datetime) -> Self: ...
    @property
    def at(self) -> datetime: ...
    @property
    def modification(self) -> Modification: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Thawed:
    """Thawed at ``at``, then kept in ``storage`` (refrigerated or room temperature)."""

    def __new__(cls, at: datetime, storage: _StorageArg) -> Self: ...
    @property
    def at(self) -> datetime: ...
    @property
    def storage(self) -> Storage: ...
    @property
    def modification(self) -> Modification: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

_Event: TypeAlias = Union[Irradiated, Washed, Opened, Thawed]

@final
class Expiry:
    """A unit's expiry, with the product and collection time it was computed for."""

    @property
    def product(self) -> Product:
        """The product, with the modifications applied so far."""
    @property
    def collected_at(self) -> datetime: ...
    @property
    def expires_at(self) -> datetime:
        """The instant the unit expires (expired at this instant), in facility-local time."""
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]: ...
    def is_expired(self, as_of: datetime) -> bool: ...
    def expires_within(self, within: timedelta, as_of: datetime) -> bool: ...
    def remaining(self, as_of: datetime) -> timedelta: ...
    def redate(self, event: _Event, policy: Policy | None = None) -> Expiry: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Expiry: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------

@final
class Source:
    """Where a parameter's value comes from."""

    @property
    def citation(self) -> str: ...
    @property
    def confidence(self) -> Confidence: ...
    @property
    def note(self) -> str | None: ...
    @property
    def alternatives(self) -> list[tuple[str, str]]:
        """What other sources say: ``(value, citation)`` pairs."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Source: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TemperatureRange:
    """A temperature range in °C; either bound may be open."""

    def __new__(
        cls,
        min_celsius: Decimal | int | None = None,
        max_celsius: Decimal | int | None = None,
    ) -> Self: ...
    @property
    def min_celsius(self) -> Decimal | None: ...
    @property
    def max_celsius(self) -> Decimal | None: ...
    def contains(self, celsius: Decimal | int) -> bool:
        """Whether the temperature lies inside the range (bounds inclusive)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Policy:
    """A complete set of rule parameters, each with its source. Unhashable; compares by value."""

    @staticmethod
    def india() -> Policy: ...
    @staticmethod
    def us() -> Policy: ...
    @staticmethod
    def uk() -> Policy: ...
    @staticmethod
    def builtin(name: str) -> Policy:
        """``"india"``, ``"us"`` or ``"uk"``."""
    @classmethod
    def from_json(cls, text: str) -> Policy: ...
    @classmethod
    def from_toml(cls, text: str) -> Policy: ...
    def to_json(self) -> str: ...
    def to_toml(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def utc_offset(self) -> timezone: ...
    def source(self, path: str) -> Source | None: ...
    def parameter_paths(self) -> list[str]: ...
    def storage_range(self, storage: _StorageArg) -> TemperatureRange: ...
    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------------------------

def compatibility(
    component: _ComponentArg,
    donor: BloodGroup | str,
    recipient: Recipient | BloodGroup | str,
    policy: Policy | None = None,
) -> Compatibility:
    """The verdict on one donor group for one recipient and component."""

def donor_preference(
    component: _ComponentArg,
    recipient: Recipient | BloodGroup | str,
    policy: Policy | None = None,
) -> list[DonorOption]:
    """The acceptable donor groups among the ten standard ones, best first."""

def expiry(product: Product, collected_at: datetime, policy: Policy | None = None) -> Expiry:
    """The base expiry of a product collected at ``collected_at``."""

def pool(
    expiries: Iterable[Expiry], pooled_at: datetime, policy: Policy | None = None
) -> Expiry:
    """The expiry of a pool made at ``pooled_at`` from units of the same product."""

def parse_timestamp(text: str) -> datetime:
    """An RFC 3339 timestamp with a UTC offset as a timezone-aware datetime."""
