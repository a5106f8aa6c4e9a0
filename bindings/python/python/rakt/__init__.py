"""rakt (रक्त, "blood"): blood-bank rules with explained verdicts.

One tested, explainable implementation of the rules Indian blood centres apply every day:
ABO/RhD compatibility per component, unit expiry and re-dating, and policies whose every
number carries its source. Every verdict explains itself with stable reason codes and
messages in English and Hindi.

>>> import rakt
>>> v = rakt.compatibility(rakt.Component.RED_CELLS, rakt.BloodGroup.parse("O-"), "AB+")
>>> v.compatible, v.rank
(True, Rank.COMPATIBLE)

Time is always an argument (timezone-aware ``datetime``); measurements are ``Decimal``; bad
input raises a subclass of :class:`rakt.RaktError` (most are also ``ValueError``). Every rule
lives in the Rust core; this package only translates types and errors.
"""

from rakt._rakt import (
    Abo,
    ASubgroup,
    BloodGroup,
    Compatibility,
    Component,
    Confidence,
    DonorOption,
    Expiry,
    InvalidBloodGroup,
    InvalidInput,
    InvalidPolicy,
    Irradiated,
    Modification,
    NotApplicable,
    Opened,
    PlateletSource,
    Policy,
    PolicyValueMissing,
    Preservative,
    Product,
    RaktError,
    Rank,
    Reason,
    Recipient,
    RhD,
    Severity,
    Sex,
    Source,
    Storage,
    TemperatureRange,
    Thawed,
    Washed,
    __version__,
    compatibility,
    donor_preference,
    expiry,
    parse_timestamp,
    pool,
)

__all__ = [
    "ASubgroup",
    "Abo",
    "BloodGroup",
    "Compatibility",
    "Component",
    "Confidence",
    "DonorOption",
    "Expiry",
    "InvalidBloodGroup",
    "InvalidInput",
    "InvalidPolicy",
    "Irradiated",
    "Modification",
    "NotApplicable",
    "Opened",
    "PlateletSource",
    "Policy",
    "PolicyValueMissing",
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
    "__version__",
    "compatibility",
    "donor_preference",
    "expiry",
    "parse_timestamp",
    "pool",
]
