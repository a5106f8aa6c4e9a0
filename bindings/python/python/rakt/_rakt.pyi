"""Type stubs of the native module ``rakt._rakt`` (re-exported by ``rakt``).

Every rule lives in the Rust core; these classes translate types and errors only.
"""

from collections.abc import Iterable
from datetime import date as _date
from datetime import datetime, timedelta, timezone
from datetime import datetime as _datetime
from datetime import time as _time
from decimal import Decimal
from typing import Any, ClassVar, Union, final

from typing_extensions import Self, TypeAlias, disjoint_base

__all__ = [
    "CentreStock",
    "ComponentStock",
    "EraktkoshComponent",
    "eraktkosh_blood_group_from_code",
    "eraktkosh_blood_group_label",
    "eraktkosh_blood_group_to_code",
    "eraktkosh_component_from_code",
    "eraktkosh_stock_summary",
    "GroupCount",
    "StockSummary",
    "UncountedUnit",
    "BloodGroupCode",
    "Din",
    "IsbtDate",
    "Label",
    "ProductCode",
    "ProductTable",
    "Scanned",
    "fhir_from_biologically_derived_product",
    "fhir_to_biologically_derived_product",
    "isbt128_check_character",
    "isbt128_decode_blood_group",
    "isbt128_decode_datetime",
    "isbt128_encode_blood_group",
    "isbt128_encode_date",
    "isbt128_encode_datetime",
    "isbt128_parse_din",
    "isbt128_parse_product_code",
    "isbt128_parse_scan",
    "isbt128_type3_flag",
    "__version__",
    "Abo",
    "assess_donor",
    "ASubgroup",
    "AllocatedUnit",
    "Allocation",
    "AllocationRequest",
    "BloodGroup",
    "BloodUnit",
    "CancelReservation",
    "ClassCounts",
    "Collected",
    "Compatibility",
    "compatibility",
    "Component",
    "Condition",
    "Confidence",
    "Crossmatch",
    "DaysOfStock",
    "DeferralEvent",
    "DeferralKind",
    "Discard",
    "DiscardReason",
    "DonationKind",
    "DonationType",
    "Donor",
    "donor_preference",
    "DonorAssessment",
    "DonorChecks",
    "DonorOption",
    "DonorReferral",
    "DonorState",
    "EmergencyIssue",
    "Expiry",
    "ExpiringUnit",
    "expiry",
    "Grouping",
    "handle_reactive",
    "InvalidBloodGroup",
    "InvalidCode",
    "InvalidInput",
    "InvalidPolicy",
    "Inventory",
    "InventorySummary",
    "Irradiate",
    "Irradiated",
    "Issue",
    "LookbackEntry",
    "Modification",
    "NotApplicable",
    "Open",
    "Opened",
    "parse_timestamp",
    "PlateletSource",
    "Policy",
    "PolicyValueMissing",
    "pool",
    "PooledFrom",
    "PooledInto",
    "Preservative",
    "PreviousDonation",
    "Product",
    "Quarantine",
    "RaktError",
    "Rank",
    "ReactiveOutcome",
    "Reason",
    "Recipient",
    "RecordGrouping",
    "RecordRepeat",
    "RecordTest",
    "Release",
    "ReleaseVerdict",
    "Reservation",
    "Reserve",
    "Return",
    "RhD",
    "Screening",
    "screening_release",
    "SendForFractionation",
    "Severity",
    "Sex",
    "SkippedClass",
    "Source",
    "SplitFrom",
    "SplitInto",
    "StockCheck",
    "StockGap",
    "StockLevel",
    "StockRow",
    "Storage",
    "TemperatureRange",
    "TestResult",
    "Thaw",
    "Thawed",
    "Transfuse",
    "TransfuseWithReaction",
    "TtiMarker",
    "UnitEvent",
    "UnitStatus",
    "Wash",
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

class InvalidCode(RaktError, ValueError):
    """A malformed or unknown code. ``structure`` says what it was read as, ``input`` is the
    text as given and ``position`` the 1-based position of the offending character."""

    structure: str
    input: str
    position: int

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

@final
class DonationKind:
    """What a donor is about to give (or gave); ``code`` is e.g. ``"whole_blood_450"``."""

    WHOLE_BLOOD_350: ClassVar[DonationKind]
    WHOLE_BLOOD_450: ClassVar[DonationKind]
    PLATELETPHERESIS: ClassVar[DonationKind]
    PLASMAPHERESIS: ClassVar[DonationKind]
    DOUBLE_RED_CELLS: ClassVar[DonationKind]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> DonationKind: ...
    @classmethod
    def members(cls) -> list[DonationKind]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DeferralKind:
    """A dated event in a donor's history that may defer donation (``"tattoo"``, ...)."""

    DELIVERY: ClassVar[DeferralKind]
    ABORTION: ClassVar[DeferralKind]
    SURGERY_MINOR: ClassVar[DeferralKind]
    SURGERY_MAJOR: ClassVar[DeferralKind]
    TOOTH_EXTRACTION: ClassVar[DeferralKind]
    MALARIA: ClassVar[DeferralKind]
    DENGUE: ClassVar[DeferralKind]
    CHIKUNGUNYA: ClassVar[DeferralKind]
    ZIKA: ClassVar[DeferralKind]
    TYPHOID: ClassVar[DeferralKind]
    TRANSFUSION: ClassVar[DeferralKind]
    TATTOO: ClassVar[DeferralKind]
    PIERCING: ClassVar[DeferralKind]
    VACCINE_KILLED: ClassVar[DeferralKind]
    VACCINE_LIVE: ClassVar[DeferralKind]
    VACCINE_RUBELLA_VARICELLA: ClassVar[DeferralKind]
    VACCINE_RABIES: ClassVar[DeferralKind]
    IMMUNOGLOBULIN: ClassVar[DeferralKind]
    HEPATITIS_CONTACT: ClassVar[DeferralKind]
    BONE_MARROW_HARVEST: ClassVar[DeferralKind]
    PBSC_HARVEST: ClassVar[DeferralKind]
    TTI_REACTIVE: ClassVar[DeferralKind]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> DeferralKind: ...
    @classmethod
    def members(cls) -> list[DeferralKind]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonorState:
    """A state on the day of donation (``"pregnant"``, ``"breastfeeding"``, ``"menstruating"``)."""

    PREGNANT: ClassVar[DonorState]
    BREASTFEEDING: ClassVar[DonorState]
    MENSTRUATING: ClassVar[DonorState]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> DonorState: ...
    @classmethod
    def members(cls) -> list[DonorState]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Condition:
    """A medical condition that some profiles defer permanently (``"cancer"``, ...)."""

    CANCER: ClassVar[Condition]
    HEART_DISEASE: ClassVar[Condition]
    ABNORMAL_BLEEDING: ClassVar[Condition]
    UNEXPLAINED_WEIGHT_LOSS: ClassVar[Condition]
    INSULIN_TREATED_DIABETES: ClassVar[Condition]
    HEPATITIS_B: ClassVar[Condition]
    HEPATITIS_C: ClassVar[Condition]
    HIV: ClassVar[Condition]
    CHRONIC_KIDNEY_DISEASE: ClassVar[Condition]
    LIVER_DISEASE: ClassVar[Condition]
    TUBERCULOSIS: ClassVar[Condition]
    POLYCYTHAEMIA_VERA: ClassVar[Condition]
    ASTHMA: ClassVar[Condition]
    EPILEPSY: ClassVar[Condition]
    LEPROSY: ClassVar[Condition]
    SCHIZOPHRENIA: ClassVar[Condition]
    ENDOCRINE_DISORDER: ClassVar[Condition]
    TRANSFUSED_SINCE_1980: ClassVar[Condition]
    PRION_RISK: ClassVar[Condition]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Condition: ...
    @classmethod
    def members(cls) -> list[Condition]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TtiMarker:
    """A transfusion-transmitted-infection screening test (``"hiv"``, ``"hbsag"``, ...)."""

    HIV: ClassVar[TtiMarker]
    HIV_NAT: ClassVar[TtiMarker]
    HBSAG: ClassVar[TtiMarker]
    ANTI_HBC: ClassVar[TtiMarker]
    HBV_NAT: ClassVar[TtiMarker]
    HCV: ClassVar[TtiMarker]
    HCV_NAT: ClassVar[TtiMarker]
    HTLV: ClassVar[TtiMarker]
    SYPHILIS: ClassVar[TtiMarker]
    MALARIA: ClassVar[TtiMarker]
    WNV: ClassVar[TtiMarker]
    CHAGAS: ClassVar[TtiMarker]
    HEV: ClassVar[TtiMarker]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> TtiMarker: ...
    @classmethod
    def members(cls) -> list[TtiMarker]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TestResult:
    """The result of a screening test (``"non_reactive"``, ...)."""

    NON_REACTIVE: ClassVar[TestResult]
    INITIALLY_REACTIVE: ClassVar[TestResult]
    REPEAT_REACTIVE: ClassVar[TestResult]
    INDETERMINATE: ClassVar[TestResult]
    NOT_TESTED: ClassVar[TestResult]
    __test__: ClassVar[bool]
    """``False``: pytest does not take the class for a test class."""
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> TestResult: ...
    @classmethod
    def members(cls) -> list[TestResult]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class UnitStatus:
    """Where a unit is in its life (``"quarantined"``, ``"released"``, ...)."""

    COLLECTED: ClassVar[UnitStatus]
    QUARANTINED: ClassVar[UnitStatus]
    RELEASED: ClassVar[UnitStatus]
    RESERVED: ClassVar[UnitStatus]
    CROSSMATCHED: ClassVar[UnitStatus]
    ISSUED: ClassVar[UnitStatus]
    TRANSFUSED: ClassVar[UnitStatus]
    TRANSFUSED_WITH_REACTION: ClassVar[UnitStatus]
    RETURNED: ClassVar[UnitStatus]
    DISCARDED: ClassVar[UnitStatus]
    FRACTIONATED: ClassVar[UnitStatus]
    PROCESSED: ClassVar[UnitStatus]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> UnitStatus: ...
    @classmethod
    def members(cls) -> list[UnitStatus]: ...
    @property
    def hl7(self) -> str | None:
        """The HL7 v2 code (table 0510, or 0513 for transfused units); ``None`` for collected,
        quarantined, fractionated and processed."""
    @classmethod
    def from_hl7(cls, code: str) -> UnitStatus:
        """The status for an HL7 v2 table 0510/0513 code; another code raises InvalidInput."""
    @property
    def is_terminal(self) -> bool:
        """Whether no further event can apply."""
    @property
    def is_in_stock(self) -> bool:
        """Whether the unit is still held by the blood centre (not issued, not final)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonationType:
    """How the blood was donated (``"voluntary"``, ``"replacement"``, ``"autologous"``, ``"directed"``)."""

    VOLUNTARY: ClassVar[DonationType]
    REPLACEMENT: ClassVar[DonationType]
    AUTOLOGOUS: ClassVar[DonationType]
    DIRECTED: ClassVar[DonationType]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> DonationType: ...
    @classmethod
    def members(cls) -> list[DonationType]: ...
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
_DonationKindArg: TypeAlias = Union[DonationKind, str]
_DeferralKindArg: TypeAlias = Union[DeferralKind, str]
_DonorStateArg: TypeAlias = Union[DonorState, str]
_ConditionArg: TypeAlias = Union[Condition, str]
_TtiMarkerArg: TypeAlias = Union[TtiMarker, str]
_TestResultArg: TypeAlias = Union[TestResult, str]
_DonationTypeArg: TypeAlias = Union[DonationType, str]

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
# Donors
# ---------------------------------------------------------------------------------------------

@final
class PreviousDonation:
    """A donation the donor gave before (``date`` is a ``datetime.date``)."""

    def __new__(cls, date: _date, kind: _DonationKindArg, red_cells_returned: bool = True) -> Self: ...
    @property
    def date(self) -> _date: ...
    @property
    def kind(self) -> DonationKind: ...
    @property
    def red_cells_returned(self) -> bool:
        """For apheresis: whether the red cells were returned to the donor."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> PreviousDonation: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DeferralEvent:
    """A dated event that may defer donation; ``marker`` names the marker of ``tti_reactive``."""

    def __new__(
        cls, kind: _DeferralKindArg, date: _date, marker: _TtiMarkerArg | None = None
    ) -> Self: ...
    @property
    def kind(self) -> DeferralKind: ...
    @property
    def date(self) -> _date:
        """The day it happened (for illnesses: the day of recovery)."""
    @property
    def marker(self) -> TtiMarker | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DeferralEvent: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Donor:
    """Who the donor is: what does not change between visits.

    ``first_time=None`` means: a first-time donor when there is no previous donation.
    """

    def __new__(
        cls,
        date_of_birth: _date,
        sex: _SexArg,
        *,
        first_time: bool | None = None,
        previous_donations: Iterable[PreviousDonation] = (),
        deferral_events: Iterable[DeferralEvent] = (),
        conditions: Iterable[_ConditionArg] = (),
        id: str | None = None,
    ) -> Self: ...
    @property
    def id(self) -> str | None: ...
    @property
    def date_of_birth(self) -> _date: ...
    @property
    def sex(self) -> Sex: ...
    @property
    def first_time(self) -> bool | None: ...
    @property
    def previous_donations(self) -> list[PreviousDonation]: ...
    @property
    def deferral_events(self) -> list[DeferralEvent]: ...
    @property
    def conditions(self) -> list[Condition]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Donor: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonorChecks:
    """Today's checks before donation.

    Weight, haemoglobin and temperature are exact decimals (``Decimal`` or ``int``; a
    ``float`` raises TypeError); pressures and pulse are ``int``.
    """

    def __new__(
        cls,
        weight_kg: Decimal | int,
        hb_g_dl: Decimal | int,
        systolic_mmhg: int,
        diastolic_mmhg: int,
        pulse_bpm: int,
        temperature_c: Decimal | int,
        states: Iterable[_DonorStateArg] = (),
    ) -> Self: ...
    @property
    def weight_kg(self) -> Decimal: ...
    @property
    def hb_g_dl(self) -> Decimal: ...
    @property
    def systolic_mmhg(self) -> int: ...
    @property
    def diastolic_mmhg(self) -> int: ...
    @property
    def pulse_bpm(self) -> int: ...
    @property
    def temperature_c(self) -> Decimal: ...
    @property
    def states(self) -> list[DonorState]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DonorChecks: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonorAssessment:
    """The verdict of :func:`assess_donor`.

    Eligible: ``eligible``. Temporarily deferred: ``deferred_until`` is the first day allowed.
    Permanently deferred: ``permanent`` (``deferred_until`` is ``None``). A missing rule:
    ``referred`` (the medical officer decides).
    """

    @property
    def kind(self) -> DonationKind: ...
    @property
    def as_of(self) -> _date: ...
    @property
    def eligible(self) -> bool: ...
    @property
    def permanent(self) -> bool: ...
    @property
    def deferred_until(self) -> _date | None: ...
    @property
    def referred(self) -> bool: ...
    @property
    def next_eligible(self) -> _date | None:
        """``as_of`` when eligible, ``deferred_until`` when temporarily deferred, else None."""
    @property
    def reasons(self) -> list[Reason]:
        """Every failed criterion, most severe first; or one ``DONOR_ELIGIBLE`` reason."""
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DonorAssessment: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Unit events
# ---------------------------------------------------------------------------------------------

@final
class DiscardReason:
    """Why a unit was discarded: a fixed reason, or ``DiscardReason.other(text)``."""

    EXPIRED: ClassVar[DiscardReason]
    TTI_REACTIVE: ClassVar[DiscardReason]
    UNDER_COLLECTED: ClassVar[DiscardReason]
    LEAKAGE: ClassVar[DiscardReason]
    HAEMOLYSED: ClassVar[DiscardReason]
    LIPAEMIC: ClassVar[DiscardReason]
    CLOTTED: ClassVar[DiscardReason]
    COLD_CHAIN_BREAK: ClassVar[DiscardReason]
    RETURNED_TOO_LATE: ClassVar[DiscardReason]
    @classmethod
    def other(cls, text: str) -> DiscardReason:
        """Another reason, in words."""
    @classmethod
    def parse(cls, code: str) -> DiscardReason:
        """The fixed reason with this code (``"expired"``, ...)."""
    @classmethod
    def members(cls) -> list[DiscardReason]:
        """The fixed reasons."""
    @property
    def code(self) -> str:
        """``"expired"``, ..., or ``"other"``."""
    @property
    def text(self) -> str | None:
        """The words of ``other``; ``None`` for a fixed reason."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@disjoint_base
class UnitEvent:
    """Base of every event class. An event to apply has no reasons; an entry of a unit's
    ``history`` carries the reasons of what it did."""

    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def kind(self) -> str:
        """The type code, as in JSON: ``"quarantine"``, ``"record_test"``, ``"issue"``, ..."""
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Self:
        """An instance of the event's own class; on a subclass, the JSON must be of that kind."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Quarantine(UnitEvent):
    """Collected → quarantined, awaiting tests."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class RecordTest(UnitEvent):
    """A first screening result."""

    def __new__(
        cls, at: datetime, actor: str, marker: _TtiMarkerArg, result: _TestResultArg
    ) -> Self: ...
    @property
    def marker(self) -> TtiMarker: ...
    @property
    def result(self) -> TestResult: ...

@final
class RecordRepeat(UnitEvent):
    """The duplicate repeat of an initially reactive marker."""

    def __new__(
        cls,
        at: datetime,
        actor: str,
        marker: _TtiMarkerArg,
        first: _TestResultArg,
        second: _TestResultArg,
    ) -> Self: ...
    @property
    def marker(self) -> TtiMarker: ...
    @property
    def first(self) -> TestResult: ...
    @property
    def second(self) -> TestResult: ...

@final
class RecordGrouping(UnitEvent):
    """Grouping results; a result left out keeps its earlier value."""

    def __new__(
        cls,
        at: datetime,
        actor: str,
        forward: BloodGroup | str | None = None,
        reverse: _AboArg | None = None,
        historical: BloodGroup | str | None = None,
    ) -> Self: ...
    @property
    def forward(self) -> BloodGroup | None: ...
    @property
    def reverse(self) -> Abo | None: ...
    @property
    def historical(self) -> BloodGroup | None: ...

@final
class Release(UnitEvent):
    """Quarantined → released, when the release verdict allows it."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Reserve(UnitEvent):
    """Released → reserved for ``patient`` until ``until``."""

    def __new__(cls, at: datetime, actor: str, patient: str, until: datetime) -> Self: ...
    @property
    def patient(self) -> str: ...
    @property
    def until(self) -> datetime: ...

@final
class Crossmatch(UnitEvent):
    """Released or reserved (same patient) → crossmatched until ``until``."""

    def __new__(cls, at: datetime, actor: str, patient: str, until: datetime) -> Self: ...
    @property
    def patient(self) -> str: ...
    @property
    def until(self) -> datetime: ...

@final
class CancelReservation(UnitEvent):
    """Reserved, crossmatched or returned → released."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Issue(UnitEvent):
    """→ issued to ``patient`` (from released, or from a hold for the same patient)."""

    def __new__(cls, at: datetime, actor: str, patient: str) -> Self: ...
    @property
    def patient(self) -> str: ...

@final
class EmergencyIssue(UnitEvent):
    """Released → issued before compatibility testing in an emergency; flags the unit."""

    def __new__(cls, at: datetime, actor: str, patient: str, justification: str) -> Self: ...
    @property
    def patient(self) -> str: ...
    @property
    def justification(self) -> str: ...

@final
class Transfuse(UnitEvent):
    """Issued → transfused."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class TransfuseWithReaction(UnitEvent):
    """Issued → transfused with a reaction."""

    def __new__(cls, at: datetime, actor: str, details: str) -> Self: ...
    @property
    def details(self) -> str: ...

@final
class Return(UnitEvent):
    """Issued → back to stock, or discarded when out of controlled storage too long."""

    def __new__(
        cls,
        at: datetime,
        actor: str,
        minutes_out_of_storage: int | None = None,
        keep_for_patient: bool = False,
    ) -> Self: ...
    @property
    def minutes_out_of_storage(self) -> int | None: ...
    @property
    def keep_for_patient(self) -> bool: ...

@final
class Discard(UnitEvent):
    """→ discarded; ``reason`` is a DiscardReason or a fixed code such as ``"leakage"``."""

    def __new__(cls, at: datetime, actor: str, reason: DiscardReason | str) -> Self: ...
    @property
    def reason(self) -> DiscardReason: ...

@final
class SendForFractionation(UnitEvent):
    """Released plasma → sent for fractionation."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Irradiate(UnitEvent):
    """Irradiated (re-dates per policy)."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Wash(UnitEvent):
    """Washed (re-dates per policy)."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Open(UnitEvent):
    """The closed system was opened (re-dates per policy)."""

    def __new__(cls, at: datetime, actor: str) -> Self: ...

@final
class Thaw(UnitEvent):
    """Thawed, then kept in ``storage`` (re-dates per policy)."""

    def __new__(cls, at: datetime, actor: str, storage: _StorageArg) -> Self: ...
    @property
    def storage(self) -> Storage: ...

@final
class Collected(UnitEvent):
    """The blood was collected (in histories only)."""

@final
class SplitInto(UnitEvent):
    """The unit was split into ``children`` (in histories only)."""

    @property
    def children(self) -> list[str]: ...

@final
class SplitFrom(UnitEvent):
    """The unit was split from ``parent`` (in histories only)."""

    @property
    def parent(self) -> str: ...

@final
class PooledInto(UnitEvent):
    """The unit was pooled into ``pool`` (in histories only)."""

    @property
    def pool(self) -> str: ...

@final
class PooledFrom(UnitEvent):
    """The pool was made from ``constituents`` (in histories only)."""

    @property
    def constituents(self) -> list[str]: ...

# ---------------------------------------------------------------------------------------------
# Units and screening
# ---------------------------------------------------------------------------------------------

@final
class Reservation:
    """Who a unit is held for or issued to, and until when."""

    @property
    def patient(self) -> str: ...
    @property
    def until(self) -> datetime | None:
        """When the hold lapses; ``None`` once issued without one."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Reservation: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Screening:
    """The TTI screening results of one donation."""

    @property
    def first_donation(self) -> bool: ...
    @property
    def results(self) -> dict[TtiMarker, TestResult]:
        """Every recorded result; a new dict on every access."""
    def result(self, marker: _TtiMarkerArg) -> TestResult:
        """The current result (``NOT_TESTED`` when none was recorded)."""
    @property
    def reactive_markers(self) -> list[TtiMarker]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Screening: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Grouping:
    """ABO/RhD grouping of a donation: forward, reverse, and the donor's historical group."""

    @property
    def forward(self) -> BloodGroup | None: ...
    @property
    def reverse(self) -> Abo | None: ...
    @property
    def historical(self) -> BloodGroup | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Grouping: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ReleaseVerdict:
    """Whether a unit may be released, and exactly what is missing."""

    @property
    def releasable(self) -> bool: ...
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ReleaseVerdict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class BloodUnit:
    """A blood unit and its history. ``apply`` returns a NEW unit; a refused event raises and
    leaves the unit unchanged."""

    @staticmethod
    def collect(
        din: str,
        product: Product,
        group: BloodGroup | str,
        volume_ml: int,
        donation_type: _DonationTypeArg,
        collected_at: datetime,
        *,
        actor: str,
        donor_id: str | None = None,
        division: str | None = None,
        first_donation: bool = False,
        policy: Policy | None = None,
    ) -> BloodUnit: ...
    @property
    def id(self) -> str:
        """``DIN``, or ``DIN/A0`` for a divided product."""
    @property
    def din(self) -> str: ...
    @property
    def division(self) -> str | None: ...
    @property
    def donor_id(self) -> str | None: ...
    @property
    def group(self) -> BloodGroup: ...
    @property
    def volume_ml(self) -> int: ...
    @property
    def donation_type(self) -> DonationType: ...
    @property
    def product(self) -> Product: ...
    @property
    def collected_at(self) -> datetime: ...
    @property
    def expiry(self) -> Expiry: ...
    @property
    def status(self) -> UnitStatus: ...
    def status_at(self, as_of: datetime) -> UnitStatus:
        """A reservation or crossmatch that has lapsed at ``as_of`` counts as released."""
    @property
    def reservation(self) -> Reservation | None: ...
    @property
    def discard_reason(self) -> DiscardReason | None: ...
    @property
    def screening(self) -> Screening: ...
    @property
    def grouping(self) -> Grouping: ...
    @property
    def parents(self) -> list[str]: ...
    @property
    def history(self) -> list[UnitEvent]:
        """Every event, oldest first, with the reasons of what it did."""
    @property
    def emergency_release(self) -> EmergencyIssue | None:
        """The event that released the unit before compatibility testing, for follow-up."""
    def is_expired(self, as_of: datetime) -> bool: ...
    def release_verdict(self, as_of: datetime, policy: Policy | None = None) -> ReleaseVerdict: ...
    def apply(self, event: UnitEvent, policy: Policy | None = None) -> BloodUnit: ...
    def split(
        self, volumes_ml: Iterable[int], at: datetime, actor: str
    ) -> tuple[BloodUnit, list[BloodUnit]]:
        """``(parent, children)``: the parent becomes PROCESSED."""
    @staticmethod
    def pool(
        units: Iterable[BloodUnit],
        pool_din: str,
        at: datetime,
        actor: str,
        policy: Policy | None = None,
    ) -> tuple[list[BloodUnit], BloodUnit]:
        """``(constituents, pool)``: the constituents become PROCESSED, the pool RELEASED."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> BloodUnit: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class LookbackEntry:
    """A unit that needs follow-up (look-back, or already issued or final)."""

    @property
    def unit(self) -> str:
        """The unit's id (``DIN`` or ``DIN/A0``)."""
    @property
    def status(self) -> UnitStatus: ...
    @property
    def collected_at(self) -> datetime: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> LookbackEntry: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DonorReferral:
    """The NBTC donor referral for a reactive donation."""

    @property
    def donor_id(self) -> str | None: ...
    @property
    def din(self) -> str: ...
    @property
    def markers(self) -> list[TtiMarker]: ...
    @property
    def results(self) -> dict[TtiMarker, TestResult]: ...
    @property
    def date(self) -> _date:
        """The day of the finding, in facility time."""
    @property
    def deferral_events(self) -> list[DeferralEvent]:
        """For the donor's record (one ``TTI_REACTIVE`` per marker)."""
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DonorReferral: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ReactiveOutcome:
    """The outcome of :func:`handle_reactive`."""

    @property
    def discarded(self) -> list[BloodUnit]: ...
    @property
    def not_discarded(self) -> list[LookbackEntry]: ...
    @property
    def referral(self) -> DonorReferral: ...
    @property
    def lookback(self) -> list[LookbackEntry]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ReactiveOutcome: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# ---------------------------------------------------------------------------------------------
# Inventory
# ---------------------------------------------------------------------------------------------

@final
class AllocationRequest:
    """What a patient needs. ``recipient`` may be a ``Recipient`` (group ``None``: the
    emergency rules) or a group; ``requirements`` are special requirements (irradiated,
    leucoreduced, washed, cmv_negative, pathogen_reduced) a unit must all carry."""

    def __new__(
        cls,
        patient: str,
        recipient: Recipient | BloodGroup | str,
        component: _ComponentArg,
        quantity: int,
        requirements: Iterable[_ModificationArg] | None = None,
        needed_by: datetime | None = None,
        hold_until: datetime | None = None,
    ) -> Self: ...
    @property
    def patient(self) -> str: ...
    @property
    def recipient(self) -> Recipient: ...
    @property
    def component(self) -> Component: ...
    @property
    def quantity(self) -> int: ...
    @property
    def requirements(self) -> list[Modification]: ...
    @property
    def needed_by(self) -> datetime | None:
        """When the units are needed (the time of the request when ``None``)."""
    @property
    def hold_until(self) -> datetime | None:
        """Until when ``Inventory.reserve`` holds the units (the policy's period when ``None``)."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> AllocationRequest: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class AllocatedUnit:
    """One unit chosen for a request."""

    @property
    def id(self) -> str:
        """``DIN`` or ``DIN/A0``."""
    @property
    def group(self) -> BloodGroup: ...
    @property
    def expires_at(self) -> datetime: ...
    @property
    def tier(self) -> int:
        """The donor group's place in the policy's order for this recipient (1 = first)."""
    @property
    def rank(self) -> Rank: ...
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def codes(self) -> list[str]:
        """``UNIT_ALLOCATED``, then ``SCARCE_UNIT_EXPIRES_FIRST`` / ``SCARCE_UNIT_LAST_RESORT``
        and compatibility caveats when they apply."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> AllocatedUnit: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ClassCounts:
    """Units of one donor group and the requested component, by what kept them from a request."""

    @property
    def taken(self) -> int: ...
    @property
    def not_released(self) -> int: ...
    @property
    def held_for_others(self) -> int: ...
    @property
    def expire_before_needed(self) -> int: ...
    @property
    def lacking_requirements(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ClassCounts: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class SkippedClass:
    """A donor group that could not (fully) serve a request, and why."""

    @property
    def group(self) -> BloodGroup: ...
    @property
    def reasons(self) -> list[str]:
        """Stable codes: ``INCOMPATIBLE``, ``NO_STOCK``, ``ALL_TAKEN``, ``NOT_RELEASED``,
        ``HELD_FOR_OTHER_PATIENTS``, ``EXPIRES_BEFORE_NEEDED``, ``LACKS_REQUIREMENTS``."""
    @property
    def codes(self) -> list[str]:
        """The same codes as ``reasons``."""
    @property
    def counts(self) -> ClassCounts: ...
    @property
    def compatibility(self) -> list[Reason]:
        """For an incompatible group, the compatibility verdict's reasons."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> SkippedClass: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Allocation:
    """The units proposed for (or held, issued by) a request."""

    @property
    def patient(self) -> str: ...
    @property
    def component(self) -> Component: ...
    @property
    def requested(self) -> int: ...
    @property
    def needed_by(self) -> datetime: ...
    @property
    def units(self) -> list[AllocatedUnit]: ...
    @property
    def shortfall(self) -> int: ...
    @property
    def skipped(self) -> list[SkippedClass]:
        """When short: every standard donor group, with why it could not serve."""
    @property
    def emergency(self) -> bool: ...
    @property
    def ids(self) -> list[str]:
        """The chosen unit ids, in order."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Allocation: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StockRow:
    """Units of one component and donor group at a time, by state."""

    @property
    def component(self) -> Component: ...
    @property
    def group(self) -> BloodGroup: ...
    @property
    def available(self) -> int: ...
    @property
    def held(self) -> int: ...
    @property
    def returned(self) -> int: ...
    @property
    def not_released(self) -> int: ...
    @property
    def expired(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> StockRow: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class InventorySummary:
    """The stock of a facility at a time, in rakt types and in e-RaktKosh codes."""

    @property
    def facility(self) -> str: ...
    @property
    def as_of(self) -> datetime: ...
    @property
    def rows(self) -> list[StockRow]: ...
    @property
    def eraktkosh(self) -> CentreStock: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> InventorySummary: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ExpiringUnit:
    """A unit in stock that expires soon."""

    @property
    def id(self) -> str: ...
    @property
    def component(self) -> Component: ...
    @property
    def group(self) -> BloodGroup: ...
    @property
    def status(self) -> UnitStatus: ...
    @property
    def expires_at(self) -> datetime: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ExpiringUnit: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DaysOfStock:
    """Days of stock of one component and donor group: stock on hand ÷ average daily issues."""

    @property
    def component(self) -> Component: ...
    @property
    def group(self) -> BloodGroup: ...
    @property
    def on_hand(self) -> int: ...
    @property
    def issued(self) -> int: ...
    @property
    def window_days(self) -> int: ...
    @property
    def average_daily_issues(self) -> Decimal: ...
    @property
    def days(self) -> Decimal | None:
        """To 1 decimal place; ``None`` when nothing was issued."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> DaysOfStock: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StockLevel:
    """A stock level: at least ``units`` units of ``group`` among ``components``."""

    def __new__(
        cls, group: BloodGroup | str, components: Iterable[_ComponentArg], units: int
    ) -> Self: ...
    @property
    def group(self) -> BloodGroup: ...
    @property
    def components(self) -> list[Component]: ...
    @property
    def units(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> StockLevel: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StockGap:
    """One stock level against the stock on hand."""

    @property
    def group(self) -> BloodGroup: ...
    @property
    def components(self) -> list[Component]: ...
    @property
    def required(self) -> int: ...
    @property
    def on_hand(self) -> int: ...
    @property
    def missing(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> StockGap: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StockCheck:
    """Stock levels checked against the stock on hand."""

    @property
    def as_of(self) -> datetime: ...
    @property
    def levels(self) -> list[StockGap]: ...
    @property
    def met(self) -> bool: ...
    @property
    def gaps(self) -> list[StockGap]:
        """The levels that are not met."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> StockCheck: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Inventory:
    """The stock of one facility (``policy=None``: the ``india`` profile). A mutable object;
    an operation that raises changes nothing. Unit ids are ``DIN`` or ``DIN/A0``."""

    def __new__(cls, facility: str, policy: Policy | None = None) -> Self: ...
    @property
    def facility(self) -> str: ...
    @property
    def policy(self) -> Policy: ...
    def __len__(self) -> int: ...
    def get(self, id: str) -> BloodUnit | None: ...
    def units(self) -> list[BloodUnit]:
        """Every unit, in the order they were added."""
    def add(self, unit: BloodUnit) -> None:
        """A unit already there raises NotApplicable (``DUPLICATE_UNIT``)."""
    def apply(self, id: str, event: UnitEvent) -> BloodUnit:
        """Any event that does not hand a unit to a patient; the unit as it now is."""
    def allocate(self, request: AllocationRequest, as_of: datetime) -> Allocation:
        """Propose units; changes nothing."""
    def reserve(self, request: AllocationRequest, as_of: datetime, actor: str) -> Allocation: ...
    def crossmatch(
        self,
        ids: Iterable[str],
        patient: str,
        at: datetime,
        actor: str,
        until: datetime | None = None,
    ) -> None: ...
    def issue(self, ids: Iterable[str], patient: str, at: datetime, actor: str) -> None:
        """A unit not held for the patient raises NotApplicable (``NOT_HELD_FOR_PATIENT``)."""
    def cancel(self, ids: Iterable[str], at: datetime, actor: str) -> None: ...
    def return_unit(
        self,
        id: str,
        at: datetime,
        actor: str,
        minutes_out_of_storage: int | None = None,
        keep_for_patient: bool = False,
    ) -> BloodUnit: ...
    def emergency_release(
        self, request: AllocationRequest, justification: str, at: datetime, actor: str
    ) -> Allocation: ...
    def expire_reservations(self, at: datetime, actor: str) -> list[str]: ...
    def emergency_releases(self) -> list[BloodUnit]: ...
    def stock_summary(self, as_of: datetime) -> InventorySummary: ...
    def expiring_within(self, as_of: datetime, hours: int) -> list[ExpiringUnit]: ...
    def days_of_stock(self, as_of: datetime, window_days: int) -> list[DaysOfStock]: ...
    @staticmethod
    def days_of_stock_source() -> str: ...
    def check_levels(self, levels: Iterable[StockLevel], as_of: datetime) -> StockCheck: ...
    def below_minimum(self, as_of: datetime) -> StockCheck: ...
    def storage_centre_check(self, as_of: datetime) -> StockCheck: ...

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

def assess_donor(
    donor: Donor,
    checks: DonorChecks,
    kind: _DonationKindArg,
    as_of: _date,
    policy: Policy | None = None,
) -> DonorAssessment:
    """Whether ``donor`` may give a ``kind`` donation on the day ``as_of`` (a ``date``; a
    ``datetime`` raises InvalidInput)."""

def screening_release(
    unit: BloodUnit, as_of: datetime, policy: Policy | None = None
) -> ReleaseVerdict:
    """Whether ``unit`` may be released at ``as_of`` (same as ``unit.release_verdict``)."""

def handle_reactive(
    unit: BloodUnit,
    stock: Iterable[BloodUnit],
    at: datetime,
    actor: str,
    policy: Policy | None = None,
) -> ReactiveOutcome:
    """Discard the donation's components, refer the donor, list earlier units for look-back."""

@final
class Din:
    """A parsed ISBT 128 Donation Identification Number (data structure 001)."""

    def __new__(cls, din13: str, flags: str | None = None) -> Din: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    @property
    def din13(self) -> str:
        """The 13-character DIN, e.g. ``G123417654321``."""
    @property
    def facility(self) -> str:
        """The five-character facility identification number, e.g. ``G1234``."""
    @property
    def year(self) -> int:
        """The last two digits of the nominal year of collection."""
    @property
    def sequence(self) -> int:
        """The sequence number within the year for the facility."""
    @property
    def flags(self) -> str | None:
        """The two flag characters as given, or None."""
    @property
    def flag_kind(self) -> str | None:
        """The kind of flag (``"container"``, ``"pilot_tube"``, ``"type3_check"``, ...)."""
    @property
    def check_character(self) -> str:
        """The keyboard-entry check character."""
    def barcode(self) -> str:
        """The bar-code data, ``=`` + DIN + flags (``00`` when none were given)."""
    def eye_readable(self) -> str:
        """The eye-readable form with the check character in brackets."""

def isbt128_check_character(din13: str) -> str: ...
def isbt128_type3_flag(din13: str) -> str: ...
def isbt128_parse_din(text: str) -> Din: ...

@final
class EraktkoshComponent:
    """An e-RaktKosh component code, e.g. 28 ``Sagm Packed Red Blood Cells``."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: EraktkoshComponent, /) -> bool: ...
    def __le__(self, other: EraktkoshComponent, /) -> bool: ...
    def __gt__(self, other: EraktkoshComponent, /) -> bool: ...
    def __ge__(self, other: EraktkoshComponent, /) -> bool: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @property
    def code(self) -> int:
        """The e-RaktKosh code, e.g. 28."""
    @property
    def name(self) -> str:
        """The name exactly as e-RaktKosh writes it."""
    def product(self) -> Product:
        """A representative rakt product (CPDA-1 where an anticoagulant is needed); 16
        (Platelet Rich Plasma) raises NotApplicable."""
    @classmethod
    def for_product(cls, product: Product) -> EraktkoshComponent:
        """The most specific code for a product; granulocytes raise NotApplicable."""
    @classmethod
    def members(cls) -> list[EraktkoshComponent]:
        """Every component, in code order."""

@final
class GroupCount:
    """Available units of one blood group."""

    @property
    def code(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def count(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> GroupCount: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ComponentStock:
    """Available units of one component code at one centre."""

    @property
    def component(self) -> EraktkoshComponent: ...
    @property
    def name(self) -> str: ...
    @property
    def groups(self) -> list[GroupCount]: ...
    @property
    def total(self) -> int: ...
    @property
    def availability(self) -> str:
        """``label : count`` joined by ``, `` in group-code order: ``B+Ve : 74, O-Ve : 4``."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ComponentStock: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class UncountedUnit:
    """A unit left out of the counts although it may be stock, and why."""

    @property
    def unit(self) -> str: ...
    @property
    def code(self) -> str:
        """``ERAKTKOSH_NO_COMPONENT_CODE``, ``ERAKTKOSH_NO_GROUP_CODE``, ``EVENTS_AFTER_AS_OF``
        or ``DUPLICATE_UNIT``."""
    @property
    def reason(self) -> str: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> UncountedUnit: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CentreStock:
    """One blood centre's stock."""

    @property
    def centre(self) -> str: ...
    @property
    def components(self) -> list[ComponentStock]: ...
    @property
    def uncounted(self) -> list[UncountedUnit]: ...
    def component(self, component: EraktkoshComponent) -> ComponentStock | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> CentreStock: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StockSummary:
    """Stock of several blood centres at one time, as the e-RaktKosh availability search
    shows it."""

    @property
    def as_of(self) -> datetime: ...
    @property
    def centres(self) -> list[CentreStock]: ...
    def centre(self, centre: str) -> CentreStock | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> StockSummary: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def eraktkosh_component_from_code(code: int) -> EraktkoshComponent: ...
def eraktkosh_blood_group_from_code(code: int) -> BloodGroup: ...
def eraktkosh_blood_group_to_code(group: BloodGroup | str) -> int: ...
def eraktkosh_blood_group_label(code: int) -> str: ...
def eraktkosh_stock_summary(
    units: Iterable[tuple[str, BloodUnit]], as_of: datetime
) -> StockSummary: ...

@final
class BloodGroupCode:
    """A decoded ISBT 128 blood-group data structure (002): Table 4 group and intended use, a
    pooled or subgroup code, or a Table 5 special message, with a Table 6 Rh/Kell character."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @property
    def code(self) -> str | None:
        """The two group characters, e.g. ``51``."""
    @property
    def kind(self) -> str:
        """``group``, ``pooled_or_subgroup`` or ``special``."""
    @property
    def label_group(self) -> str | None:
        """``O``, ``A``, ``B``, ``AB``, ``Oh``, ``para_bombay``, ``para_bombay_O``, ..."""
    @property
    def rhd(self) -> str | None:
        """``positive``, ``negative`` or ``unspecified`` (Table 4 codes)."""
    @property
    def intended_use(self) -> str | None:
        """The Table 4 column, e.g. ``default``, ``directed_only``."""
    @property
    def donation_type(self) -> DonationType | None: ...
    @property
    def pooled_or_subgroup(self) -> str | None: ...
    @property
    def special_message(self) -> str | None: ...
    @property
    def implied_status(self) -> UnitStatus | None: ...
    @property
    def blood_group(self) -> BloodGroup | None: ...
    @property
    def rh_kell(self) -> str: ...
    @property
    def rh_phenotype(self) -> str | None: ...
    @property
    def kell(self) -> str | None: ...
    @property
    def mia_mur_positive(self) -> bool | None: ...
    @property
    def see_special_testing(self) -> bool: ...
    def data(self) -> str: ...
    def encode(self) -> str: ...

@final
class ProductCode:
    """A parsed ISBT 128 product code (data structure 003)."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @property
    def description_code(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def collection_type(self) -> str | None: ...
    @property
    def donation_type(self) -> DonationType | None: ...
    @property
    def division(self) -> str | None: ...
    @property
    def pack_code(self) -> str | None: ...
    def data(self) -> str: ...
    def encode(self) -> str: ...

@final
class IsbtDate:
    """A date or date and time from a label (ISBT 128 data structures 004-009)."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @property
    def kind(self) -> str:
        """``expiration``, ``collection`` or ``production``."""
    @property
    def structure(self) -> str:
        """``004`` to ``009``."""
    @property
    def date(self) -> _date: ...
    @property
    def time(self) -> _time | None: ...
    @property
    def datetime(self) -> _datetime:
        """The local date and time (naive); 23:59 for a date alone."""
    def at_offset(self, offset: timezone) -> _datetime: ...
    def data(self) -> str: ...
    def encode(self) -> str: ...

@final
class ProductTable:
    """A user-supplied table from product description codes to rakt products."""

    @classmethod
    def from_toml(cls, text: str) -> ProductTable: ...
    @classmethod
    def from_json(cls, text: str) -> ProductTable: ...
    def product(self, code: str) -> Product: ...
    def description(self, code: str) -> str | None: ...
    def code_for(self, product: Product) -> str | None: ...
    @property
    def codes(self) -> list[str]: ...
    def __len__(self) -> int: ...

@final
class Scanned:
    """One data structure read from a scan, with its 1-based offset."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def kind(self) -> str:
        """``din``, ``blood_group``, ``product``, ``date`` or ``other``."""
    @property
    def encoded(self) -> str: ...
    @property
    def din(self) -> Din | None: ...
    @property
    def blood_group(self) -> BloodGroupCode | None: ...
    @property
    def product(self) -> ProductCode | None: ...
    @property
    def date(self) -> IsbtDate | None: ...
    @property
    def identifier(self) -> str | None: ...
    @property
    def data(self) -> str | None: ...

@final
class Label:
    """The data structures of a blood-component label."""

    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def from_scan(text: str) -> Label: ...
    @staticmethod
    def from_unit(unit: BloodUnit, table: ProductTable) -> Label: ...
    @property
    def din(self) -> Din: ...
    @property
    def blood_group(self) -> BloodGroupCode: ...
    @property
    def product(self) -> ProductCode: ...
    @property
    def expiry(self) -> IsbtDate: ...
    @property
    def collection(self) -> IsbtDate | None: ...
    def encode(self) -> str: ...
    def to_unit(
        self,
        table: ProductTable,
        *,
        offset: timezone,
        volume_ml: int,
        actor: str,
        collected_at: datetime | None = None,
        donor_id: str | None = None,
        first_donation: bool = False,
        policy: Policy | None = None,
        donation_type: DonationType | str | None = None,
    ) -> BloodUnit: ...

def isbt128_decode_blood_group(text: str) -> BloodGroupCode: ...
def isbt128_encode_blood_group(
    group: BloodGroup | str, intended_use: str = "default", rh_kell: str = "0"
) -> BloodGroupCode: ...
def isbt128_parse_product_code(text: str) -> ProductCode: ...
def isbt128_decode_datetime(text: str) -> IsbtDate: ...
def isbt128_encode_date(kind: str, date: _date) -> IsbtDate: ...
def isbt128_encode_datetime(kind: str, at: datetime) -> IsbtDate: ...
def isbt128_parse_scan(text: str) -> list[Scanned]: ...
def fhir_to_biologically_derived_product(
    unit: BloodUnit,
    as_of: datetime,
    product_table: str | None = None,
    policy: Policy | None = None,
) -> str: ...
def fhir_from_biologically_derived_product(
    text: str,
    as_of: datetime,
    product_table: str | None = None,
    policy: Policy | None = None,
) -> BloodUnit: ...
