"""Type stubs of the native module ``rakt._rakt`` (re-exported by ``rakt``).

Every rule lives in the Rust core; these classes translate types and errors only.
"""

from collections.abc import Iterable, Mapping
from datetime import date as _date
from datetime import datetime, timedelta, timezone
from datetime import datetime as _datetime
from datetime import time as _time
from decimal import Decimal
from typing import Any, ClassVar, Union, final

from typing_extensions import Self, TypeAlias, disjoint_base

__all__ = [
    "Bill",
    "BillLine",
    "Ceiling",
    "CeilingSchedule",
    "CentreExemption",
    "CentreTariff",
    "PriceCheck",
    "Sector",
    "StatutoryExemption",
    "TARIFF_STATUTORY_EXEMPTION_SOURCE",
    "TariffCheck",
    "TariffItem",
    "tariff_bill",
    "tariff_ceiling_schedules",
    "tariff_nbtc_2022",
    "tariff_nbtc_before_2022",
    "tariff_schedule_on",
    "ComponentKpis",
    "FacilityKpis",
    "Kpi",
    "KpiReport",
    "KpiSet",
    "KpiTarget",
    "kpis",
    "ReasonRate",
    "SkippedUnit",
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
    "BloodGroup",
    "BloodUnit",
    "CancelReservation",
    "Collected",
    "Compatibility",
    "compatibility",
    "Component",
    "Condition",
    "Confidence",
    "Crossmatch",
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
    "Expiry",
    "expiry",
    "Grouping",
    "handle_reactive",
    "InvalidBloodGroup",
    "InvalidCode",
    "InvalidInput",
    "InvalidPolicy",
    "Irradiate",
    "Irradiated",
    "Issue",
    "Transfer",
    "EmergencyIssue",
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
    "Source",
    "SplitFrom",
    "SplitInto",
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
class Transfer(UnitEvent):
    """Carried between facilities, recorded on receipt; outside the transport range: discarded."""

    def __new__(
        cls,
        at: datetime,
        actor: str,
        from_facility: str,
        to_facility: str,
        dispatched_at: datetime,
        min_celsius: Decimal | int,
        max_celsius: Decimal | int,
    ) -> Self: ...
    @property
    def from_facility(self) -> str: ...
    @property
    def to_facility(self) -> str: ...
    @property
    def dispatched_at(self) -> datetime: ...
    @property
    def min_celsius(self) -> Decimal: ...
    @property
    def max_celsius(self) -> Decimal: ...

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

@final
class KpiTarget:
    """A KPI target from the policy."""

    @property
    def comparison(self) -> str:
        """``at_most`` (a ceiling) or ``at_least`` (a floor), both inclusive."""
    @property
    def value(self) -> Decimal: ...
    @property
    def path(self) -> str:
        """The policy parameter, e.g. ``kpi.ct_ratio_max``."""
    @property
    def source(self) -> Source | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> KpiTarget: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Kpi:
    """One indicator: its inputs, its value, the target and the verdict."""

    @property
    def code(self) -> str:
        """``ct_ratio``, ``transfusion_probability``, ``transfusion_index``, ``discard_rate``,
        ``wapi`` or ``outdate_rate``."""
    @property
    def numerator(self) -> int: ...
    @property
    def denominator(self) -> int: ...
    @property
    def value(self) -> Decimal | None:
        """Rounded to 2 places, half away from zero; None when the denominator is 0."""
    @property
    def why(self) -> str | None: ...
    @property
    def target(self) -> KpiTarget | None: ...
    @property
    def met(self) -> bool | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Kpi: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ReasonRate:
    """The discard rate for one discard reason."""

    @property
    def reason(self) -> str: ...
    @property
    def kpi(self) -> Kpi: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ReasonRate: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class KpiSet:
    """The six indicators of one facility or component, and the discard rate by reason."""

    @property
    def ct_ratio(self) -> Kpi: ...
    @property
    def transfusion_probability(self) -> Kpi: ...
    @property
    def transfusion_index(self) -> Kpi: ...
    @property
    def discard_rate(self) -> Kpi: ...
    @property
    def wapi(self) -> Kpi: ...
    @property
    def outdate_rate(self) -> Kpi: ...
    @property
    def discard_reasons(self) -> list[ReasonRate]: ...
    def all(self) -> list[Kpi]: ...
    def get(self, code: str) -> Kpi: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> KpiSet: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class ComponentKpis:
    """The indicators of one component at one facility."""

    @property
    def component(self) -> Component: ...
    @property
    def kpis(self) -> KpiSet: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> ComponentKpis: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class SkippedUnit:
    """A unit left out of the KPI counts, and why."""

    @property
    def unit(self) -> str: ...
    @property
    def code(self) -> str:
        """``DUPLICATE_UNIT``."""
    @property
    def reason(self) -> str: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> SkippedUnit: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class FacilityKpis:
    """The indicators of one facility."""

    @property
    def facility(self) -> str: ...
    @property
    def kpis(self) -> KpiSet: ...
    @property
    def components(self) -> list[ComponentKpis]: ...
    @property
    def skipped(self) -> list[SkippedUnit]: ...
    def component(self, component: Component | str) -> KpiSet | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> FacilityKpis: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class KpiReport:
    """The indicators of several facilities over one period."""

    @property
    def period_from(self) -> datetime: ...
    @property
    def period_to(self) -> datetime: ...
    @property
    def policy(self) -> str: ...
    @property
    def facilities(self) -> list[FacilityKpis]: ...
    def facility(self, facility: str) -> FacilityKpis | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> KpiReport: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def kpis(
    units: Iterable[tuple[str, BloodUnit]],
    period_from: datetime,
    period_to: datetime,
    policy: Policy | None = None,
) -> KpiReport: ...

# ---------------------------------------------------------------------------------------------
# Processing charges (rakt.tariff)
# ---------------------------------------------------------------------------------------------

TARIFF_STATUTORY_EXEMPTION_SOURCE: str

@final
class Sector:
    """Who runs a blood centre (``"government"``, ``"private"``): the ceilings differ."""

    GOVERNMENT: ClassVar[Sector]
    PRIVATE: ClassVar[Sector]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> Sector: ...
    @classmethod
    def members(cls) -> list[Sector]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TariffItem:
    """Something a blood centre charges for; ``code`` is e.g. ``"packed_red_cells"``."""

    WHOLE_BLOOD: ClassVar[TariffItem]
    PACKED_RED_CELLS: ClassVar[TariffItem]
    FRESH_FROZEN_PLASMA: ClassVar[TariffItem]
    PLATELET_CONCENTRATE: ClassVar[TariffItem]
    CRYOPRECIPITATE: ClassVar[TariffItem]
    SINGLE_DONOR_PLATELETS: ClassVar[TariffItem]
    SURPLUS_PLASMA_FOR_FRACTIONATION: ClassVar[TariffItem]
    IRRADIATION: ClassVar[TariffItem]
    LEUCOREDUCTION: ClassVar[TariffItem]
    ANTIBODY_SCREENING: ClassVar[TariffItem]
    GROUPING_AND_CROSSMATCHING: ClassVar[TariffItem]
    RH_PHENOTYPING: ClassVar[TariffItem]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> TariffItem: ...
    @classmethod
    def members(cls) -> list[TariffItem]: ...
    @property
    def per_litre(self) -> bool:
        """Whether the item is sold by the litre (a quantity may be fractional)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class StatutoryExemption:
    """Patients who must get blood and components free (``"thalassaemia"``, ``"haemophilia"``,
    ``"sickle_cell_anaemia"``, ``"other_dyscrasia_repeated_transfusion"``)."""

    THALASSAEMIA: ClassVar[StatutoryExemption]
    HAEMOPHILIA: ClassVar[StatutoryExemption]
    SICKLE_CELL_ANAEMIA: ClassVar[StatutoryExemption]
    OTHER_DYSCRASIA_REPEATED_TRANSFUSION: ClassVar[StatutoryExemption]
    @property
    def code(self) -> str: ...
    @classmethod
    def parse(cls, code: str) -> StatutoryExemption: ...
    @classmethod
    def members(cls) -> list[StatutoryExemption]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

_TariffItemArg: TypeAlias = Union[TariffItem, str]
_SectorArg: TypeAlias = Union[Sector, str]

@final
class Ceiling:
    """One ceiling: the most a centre of a sector may charge for an item."""

    @property
    def item(self) -> TariffItem: ...
    @property
    def sector(self) -> Sector: ...
    @property
    def amount(self) -> Decimal:
        """Rupees per unit, test or litre."""
    @property
    def source(self) -> Source: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Ceiling: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CeilingSchedule:
    """A dated version of the national ceilings (``nbtc-2022``, ``nbtc-before-2022``)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def effective_from(self) -> _date | None: ...
    @property
    def effective_until(self) -> _date | None: ...
    @property
    def note(self) -> str: ...
    @property
    def ceilings(self) -> list[Ceiling]: ...
    def ceiling(self, item: _TariffItemArg, sector: _SectorArg) -> Ceiling | None:
        """The ceiling for an item and sector, or ``None`` (no national ceiling)."""
    def applies_on(self, date: _date) -> bool: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> CeilingSchedule: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CentreExemption:
    """A per-centre exemption or concession; ``items`` empty means every item."""

    def __new__(
        cls,
        code: str,
        description: str,
        items: Iterable[_TariffItemArg] | None = None,
        *,
        percent: Decimal | int,
    ) -> Self: ...
    @property
    def code(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def items(self) -> list[TariffItem]: ...
    @property
    def percent(self) -> Decimal:
        """The share waived, in percent (100 = free)."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> CentreExemption: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CentreTariff:
    """A centre's own tariff: prices in rupees per item, and its exemptions."""

    def __new__(
        cls,
        centre: str,
        sector: _SectorArg,
        effective_from: _date,
        prices: Mapping[TariffItem, Decimal | int]
        | Mapping[str, Decimal | int]
        | Mapping[_TariffItemArg, Decimal | int],
        exemptions: Iterable[CentreExemption] | None = None,
    ) -> Self: ...
    @property
    def centre(self) -> str: ...
    @property
    def sector(self) -> Sector: ...
    @property
    def effective_from(self) -> _date: ...
    @property
    def prices(self) -> dict[TariffItem, Decimal]: ...
    @property
    def exemptions(self) -> list[CentreExemption]: ...
    def validate(self) -> TariffCheck:
        """Check the prices against the ceilings in force on ``effective_from``; above a
        ceiling raises NotApplicable (``TARIFF_ABOVE_CEILING``)."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> CentreTariff: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class PriceCheck:
    """One price against its ceiling."""

    @property
    def item(self) -> TariffItem: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def ceiling(self) -> Decimal | None: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> PriceCheck: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TariffCheck:
    """A tariff that is within the ceilings."""

    @property
    def schedule(self) -> str: ...
    @property
    def prices(self) -> list[PriceCheck]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> TariffCheck: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class BillLine:
    """One line of a bill (amounts to the paisa)."""

    @property
    def item(self) -> TariffItem: ...
    @property
    def quantity(self) -> Decimal: ...
    @property
    def unit_price(self) -> Decimal: ...
    @property
    def gross(self) -> Decimal: ...
    @property
    def waived(self) -> Decimal: ...
    @property
    def net(self) -> Decimal: ...
    @property
    def exemption(self) -> str | None:
        """A statutory category's code or a centre exemption code."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> BillLine: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Bill:
    """A bill: its lines and totals, exact to the paisa."""

    @property
    def centre(self) -> str: ...
    @property
    def date(self) -> _date: ...
    @property
    def lines(self) -> list[BillLine]: ...
    @property
    def gross_total(self) -> Decimal: ...
    @property
    def waived_total(self) -> Decimal: ...
    @property
    def total(self) -> Decimal: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str) -> Bill: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def tariff_nbtc_2022() -> CeilingSchedule: ...
def tariff_nbtc_before_2022() -> CeilingSchedule: ...
def tariff_ceiling_schedules() -> list[CeilingSchedule]: ...
def tariff_schedule_on(date: _date) -> CeilingSchedule: ...
def tariff_bill(
    tariff: CentreTariff,
    lines: Iterable[tuple[_TariffItemArg, Decimal | int]],
    statutory: Iterable[StatutoryExemption | str] | None = None,
    centre_exemptions: Iterable[str] | None = None,
    *,
    date: _date,
) -> Bill: ...
