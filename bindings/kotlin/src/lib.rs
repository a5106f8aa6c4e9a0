//! UniFFI bindings of [`rakt`] for Kotlin (JVM and Android): the `org.rakt` package.
//!
//! This crate translates types and errors and nothing else: every decision is made by the
//! `rakt` core crate. Each exported type mirrors a core type (`uniffi::Record`, `uniffi::Enum`,
//! `uniffi::Object`) with conversions both ways; values coming from Kotlin are validated by the
//! core (`rakt::BloodGroup::with_a_subgroup`, `rakt::Product::new`, `rakt::parse_timestamp`,
//! `rakt::unit::UnitId::new`; dates and decimals are read from their text) inside the exported
//! functions, so bad input is always a typed [`RaktException`], never an internal error or a
//! panic.
//!
//! The API is coarse (one call per decision, or one per list of records with the batch
//! functions such as [`assess_pregnancies`]): a UniFFI call from the JVM costs microseconds.

mod batch;
mod components;
mod decision;
mod donor;
mod early_warning;
mod eraktkosh;
mod error;
mod events;
mod expiry;
#[cfg(feature = "fhir")]
mod fhir;
mod groups;
mod inventory;
#[cfg(feature = "isbt128")]
mod isbt128;
#[cfg(feature = "isbt128")]
mod isbt128_codes;
#[cfg(feature = "isbt128")]
mod isbt128_label;
#[cfg(feature = "kpi")]
mod kpi;
mod macros;
mod maternal;
mod policy;
mod pregnancy;
mod reasons;
mod screening;
#[cfg(feature = "tariff")]
mod tariff;
mod time;
mod units;
mod verdicts;

pub use batch::{
    CompatibilityDecisionRow, CompatibilityRequest, CompatibilityRow, DonorRequest, DonorRow,
    EarlyWarningRow, ExpiryRequest, ExpiryRow, PregnancyDecisionRow, PregnancyRow, RobsonRow,
    WarningDecisionRow, assess_donors, assess_pregnancies, compatibilities, compute_expiries,
    decide_compatibilities, decide_early_warnings, decide_pregnancies, early_warnings,
    robson_groups,
};
pub use components::{
    Component, Modification, PlateletSource, Preservative, Product, Storage, parse_component,
};
pub use decision::{
    CompatibilityDecision, PregnancyDecision, decide_compatibility, decide_pregnancy,
};
pub use donor::{
    Condition, DeferralEvent, DeferralKind, DonationKind, Donor, DonorAssessment, DonorChecks,
    DonorState, PreviousDonation, assess_donor,
};
pub use early_warning::{
    Avpu, DeliveryMode, EarlyWarning, ParameterBand, PphClass, PphRedFlag, PphSeverity, PphTiming,
    ShockIndex, VitalSign, Vitals, WarningBand, WarningDecision, WarningMode, classify_pph,
    decide_early_warning, early_warning, pph_red_flags, shock_index,
};
pub use eraktkosh::{
    CentreStock, CentreUnit, ComponentStock, EraktkoshComponent, GroupCount, StockSummary,
    UncountedUnit, blood_group_from_code, blood_group_to_code, component_from_code,
    component_to_code, eraktkosh_component_for_product, eraktkosh_component_name,
    eraktkosh_group_label, eraktkosh_product, stock_summary,
};
pub use error::RaktException;
pub use events::{DiscardReason, EventKind, UnitEvent};
pub use expiry::{
    Expiry, Redating, compute_expiry, expires_within, is_expired, pool_expiry, redate,
};
#[cfg(feature = "fhir")]
pub use fhir::{unit_from_biologically_derived_product, unit_to_biologically_derived_product};
pub use groups::{ASubgroup, Abo, BloodGroup, RhD, parse_blood_group};
pub use inventory::{
    AllocatedUnit, Allocation, AllocationRequest, ClassCounts, DaysOfStock, ExpiringUnit,
    Inventory, InventorySummary, SkippedClass, StockCheck, StockGap, StockLevel, StockRow,
    TransferOutcome,
};
#[cfg(feature = "isbt128")]
pub use isbt128::{Din, check_character, din_of, parse_din, type3_flag};
#[cfg(feature = "isbt128")]
pub use isbt128_codes::{
    BloodGroupCode, IsbtDate, ProductCode, decode_blood_group, decode_datetime, encode_blood_group,
    encode_date, encode_datetime, parse_product_code,
};
#[cfg(feature = "isbt128")]
pub use isbt128_label::{
    Label, LabelDetails, ProductTable, Scanned, label_from_scan, label_from_unit, label_to_unit,
    parse_scan,
};
#[cfg(feature = "kpi")]
pub use kpi::{
    ComponentKpis, FacilityKpis, FacilityUnit, Kpi, KpiCode, KpiComparison, KpiReport, KpiSet,
    KpiTarget, ReasonRate, SkippedUnit, kpis,
};
pub use maternal::{
    BirthWeight, BirthWeightCategory, FetalDeathClass, FetalDeathTiming, GestationCategory,
    GestationalAge, LabourOnset, NewbornDeath, NewbornDeathBin, RobsonInput, RobsonResult,
    birth_weight, classify_fetal_death, edd_from_lmp, edd_from_ultrasound, gestation_category,
    gestational_age, gestational_age_from_edd, in_maternal_death_window, is_live_birth,
    newborn_death, robson_group,
};
pub use policy::{Alternative, Policy, Source, TemperatureRange};
pub use pregnancy::{
    AnaemiaGrade, AncRecord, BloodActionKind, BloodPlan, BloodPressure, BloodReadiness,
    BloodRiskFactor, BloodRiskTier, CareLevel, DangerSign, FlagCategory, FlagSeverity,
    HypertensionClass, KnownCondition, Mother, NearbySupply, OrganSupport, PlanTiming,
    PregnancyAssessment, PregnancyFlag, Presentation, Referral, ReferralReason, RiskLevel,
    SerologyResult, Symptom, ThyroidStatus, Urgency, UrineProtein, assess_pregnancy,
    blood_plan_crossmatch, blood_readiness, care_level_description, mother_from_record,
};
pub use reasons::{Confidence, Reason, Severity};
pub use screening::{Grouping, ReleaseVerdict, TestResult, TtiMarker};
#[cfg(feature = "tariff")]
pub use tariff::{
    Bill, BillItem, BillLine, Ceiling, CeilingSchedule, CentreExemption, CentreTariff, PriceCheck,
    Sector, StatutoryExemption, TariffCheck, TariffItem, bill, ceiling_schedules, nbtc_2022,
    nbtc_before_2022, schedule_applies_on, schedule_ceiling, schedule_on,
    statutory_exemption_source, tariff_item_per_litre, validate_tariff,
};
pub use time::{Date, Decimal, Timestamp, UtcOffset, WallDateTime, WallTime, parse_timestamp};
pub use units::{
    BloodUnit, Collection, DonationType, DonorReferral, LookbackEntry, PoolOutcome,
    ReactiveOutcome, Reservation, SplitOutcome, UnitStatus, handle_reactive, pool_units,
    screening_release, unit_status_from_hl7, unit_status_to_hl7,
};
pub use verdicts::{
    Compatibility, DonorOption, Rank, Recipient, Sex, compatibility, donor_preference,
};

uniffi::setup_scaffolding!();

#[cfg(test)]
mod tests;
