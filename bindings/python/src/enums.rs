//! The enums: one Python class per core enum, with UPPER_CASE members, `.code` (the stable
//! string used in JSON), `parse(code)`, `==`, hashing and pickling.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use rakt::tariff::{Sector, StatutoryExemption, TariffItem};
use rakt::{
    ASubgroup, Abo, Component, Condition, Confidence, DeferralKind, DonationKind, DonationType,
    DonorState, Modification, PlateletSource, Preservative, Rank, RhD, Severity, Sex, Storage,
    TestResult, TtiMarker, UnitStatus,
};

use crate::convert::{as_str, code_of, code_value};
use crate::errors::OrRaise;

/// How a code string becomes a core value: the core's own parser where it has one (which
/// also accepts common spellings, e.g. `FFP`), else exactly the stable code.
trait ParseCode: Sized {
    fn parse_code(
        field: &str,
        text: &str,
        expected: &dyn Fn() -> Vec<String>,
    ) -> rakt::Result<Self>;
}

macro_rules! serde_parse {
    ($($core:ident),*) => {$(
        impl ParseCode for $core {
            fn parse_code(field: &str, text: &str, expected: &dyn Fn() -> Vec<String>) -> rakt::Result<Self> {
                code_value(field, text, expected)
            }
        }
    )*};
}

serde_parse!(
    RhD,
    ASubgroup,
    Preservative,
    PlateletSource,
    Modification,
    Storage,
    Sex,
    Rank,
    Severity,
    Confidence,
    DonationKind,
    DeferralKind,
    DonorState,
    Condition,
    TtiMarker,
    TestResult,
    UnitStatus,
    DonationType,
    Sector,
    TariffItem,
    StatutoryExemption
);

impl ParseCode for Abo {
    fn parse_code(_: &str, text: &str, _: &dyn Fn() -> Vec<String>) -> rakt::Result<Self> {
        rakt::Abo::parse(text)
    }
}

impl ParseCode for Component {
    fn parse_code(_: &str, text: &str, _: &dyn Fn() -> Vec<String>) -> rakt::Result<Self> {
        rakt::Component::parse(text)
    }
}

macro_rules! py_enum {
    (
        $(#[doc = $doc:literal])*
        $py:ident => $core:ident, $name:literal, $field:literal, [$($ord:ident)?] {
            $($variant:ident = $pyname:literal),+ $(,)?
        } $({ $($extra:tt)* })?
    ) => {
        py_enum! {
            $(#[doc = $doc])*
            $py => $core, $name, $field, [$($ord)?] in "rakt" {
                $($variant = $pyname),+
            } $({ $($extra)* })?
        }
    };
    (
        $(#[doc = $doc:literal])*
        $py:ident => $core:ident, $name:literal, $field:literal, [ord] in $module:literal {
            $($variant:ident = $pyname:literal),+ $(,)?
        } $({ $($extra:tt)* })?
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = $module, name = $name, frozen, eq, ord, hash, from_py_object)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $py {
            $(
                #[pyo3(name = $pyname)]
                $variant,
            )+
        }

        py_enum!(@body $py => $core, $module, $name, $field { $($variant = $pyname),+ } { $($($extra)*)? });
    };
    (
        $(#[doc = $doc:literal])*
        $py:ident => $core:ident, $name:literal, $field:literal, [] in $module:literal {
            $($variant:ident = $pyname:literal),+ $(,)?
        } $({ $($extra:tt)* })?
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = $module, name = $name, frozen, eq, hash, from_py_object)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $py {
            $(
                #[pyo3(name = $pyname)]
                $variant,
            )+
        }

        py_enum!(@body $py => $core, $module, $name, $field { $($variant = $pyname),+ } { $($($extra)*)? });
    };
    (
        @body $py:ident => $core:ident, $module:literal, $name:literal, $field:literal {
            $($variant:ident = $pyname:literal),+
        } { $($extra:tt)* }
    ) => {
        impl From<$py> for $core {
            fn from(v: $py) -> $core {
                match v {
                    $($py::$variant => $core::$variant,)+
                }
            }
        }

        impl From<$core> for $py {
            fn from(v: $core) -> $py {
                match v {
                    $($core::$variant => $py::$variant,)+
                }
            }
        }

        // Not every enum uses every helper.
        #[allow(dead_code)]
        impl $py {
            const ALL: &'static [$py] = &[$($py::$variant),+];

            fn python_name(self) -> &'static str {
                match self {
                    $($py::$variant => $pyname,)+
                }
            }

            /// How the member is written in Python, e.g. `Component.RED_CELLS`.
            pub(crate) fn repr_name(self) -> String {
                format!("{}.{}", $name, self.python_name())
            }

            fn expected_codes() -> Vec<String> {
                Self::ALL
                    .iter()
                    .filter_map(|v| code_of(&$core::from(*v)).ok())
                    .collect()
            }

            /// The core value of a code, as `extract_arg` reads a `str` (rows of a batch).
            pub(crate) fn parse_text(field: &str, text: &str) -> rakt::Result<$core> {
                // The list of codes is built only for the error message.
                <$core as ParseCode>::parse_code(field, text, &Self::expected_codes)
            }

            /// A member, or its code as a `str`, as the core value.
            pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<$core> {
                if let Ok(v) = obj.cast::<$py>() {
                    return Ok((*v.get()).into());
                }
                if let Some(text) = as_str(obj)? {
                    return Self::parse_text(field, &text).or_raise();
                }
                Err(PyTypeError::new_err(format!(
                    "{field} must be a {}.{} or its code as a str, not {}",
                    $module,
                    $name,
                    obj.get_type().name()?
                )))
            }

            /// `None`, a member or its code.
            pub(crate) fn extract_opt(
                obj: Option<&Bound<'_, PyAny>>,
                field: &str,
            ) -> PyResult<Option<$core>> {
                match obj {
                    Some(o) if !o.is_none() => Self::extract_arg(o, field).map(Some),
                    _ => Ok(None),
                }
            }
        }

        #[pymethods]
        impl $py {
            /// The stable code used in JSON, e.g. `red_cells`.
            #[getter]
            fn code(&self) -> PyResult<String> {
                code_of(&$core::from(*self))
            }

            /// The member with this code.
            #[classmethod]
            fn parse(_cls: &Bound<'_, PyType>, code: &str) -> PyResult<$py> {
                Self::parse_text($field, code).map($py::from).or_raise()
            }

            /// Every member, in canonical order.
            #[classmethod]
            fn members(_cls: &Bound<'_, PyType>) -> Vec<$py> {
                Self::ALL.to_vec()
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
                let py = slf.py();
                let getattr = py.import("builtins")?.getattr("getattr")?;
                let name = PyString::new(py, slf.get().python_name());
                let args = PyTuple::new(py, [slf.as_any().get_type().into_any(), name.into_any()])?;
                Ok((getattr, args))
            }

            $($extra)*
        }
    };
}

py_enum! {
    /// The ABO group, with the Bombay phenotype (`OH`, code `Oh`) as a fifth value.
    PyAbo => Abo, "Abo", "abo", [] {
        O = "O", A = "A", B = "B", AB = "AB", Oh = "OH",
    }
}

py_enum! {
    /// The RhD type (codes `positive`, `negative`).
    PyRhD => RhD, "RhD", "rhd", [] {
        Positive = "POSITIVE", Negative = "NEGATIVE",
    }
}

py_enum! {
    /// An A subgroup (groups A and AB only).
    PyASubgroup => ASubgroup, "ASubgroup", "a_subgroup", [] {
        A1 = "A1", A2 = "A2",
    }
}

py_enum! {
    /// A blood component.
    PyComponent => Component, "Component", "component", [] {
        WholeBlood = "WHOLE_BLOOD",
        RedCells = "RED_CELLS",
        FreshFrozenPlasma = "FRESH_FROZEN_PLASMA",
        Plasma = "PLASMA",
        CryoPoorPlasma = "CRYO_POOR_PLASMA",
        Cryoprecipitate = "CRYOPRECIPITATE",
        Platelets = "PLATELETS",
        Granulocytes = "GRANULOCYTES",
    }
}

py_enum! {
    /// Anticoagulant or additive solution of whole blood and red cells.
    PyPreservative => Preservative, "Preservative", "preservative", [] {
        Cpd = "CPD", Cpda1 = "CPDA1", AdditiveSolution = "ADDITIVE_SOLUTION",
    }
}

py_enum! {
    /// How platelets were collected.
    PyPlateletSource => PlateletSource, "PlateletSource", "platelet_source", [] {
        RandomDonor = "RANDOM_DONOR", Apheresis = "APHERESIS",
    }
}

py_enum! {
    /// Something done to a unit after collection.
    PyModification => Modification, "Modification", "modification", [] {
        Irradiated = "IRRADIATED",
        Leucoreduced = "LEUCOREDUCED",
        Washed = "WASHED",
        CmvNegative = "CMV_NEGATIVE",
        PathogenReduced = "PATHOGEN_REDUCED",
        Pooled = "POOLED",
        Opened = "OPENED",
        Thawed = "THAWED",
    }
}

py_enum! {
    /// Storage condition.
    PyStorage => Storage, "Storage", "storage", [] {
        Refrigerated = "REFRIGERATED", RoomTemperature = "ROOM_TEMPERATURE", Frozen = "FROZEN",
    }
}

py_enum! {
    /// Sex of a recipient, as far as the RhD rules care.
    PySex => Sex, "Sex", "sex", [] {
        Female = "FEMALE", Male = "MALE", Other = "OTHER",
    }
}

py_enum! {
    /// How good a donor group is for the recipient (ordered: IDENTICAL < ... < INCOMPATIBLE).
    PyRank => Rank, "Rank", "rank", [ord] {
        Identical = "IDENTICAL",
        Compatible = "COMPATIBLE",
        CompatibleWithCaveat = "COMPATIBLE_WITH_CAVEAT",
        Incompatible = "INCOMPATIBLE",
    }
}

py_enum! {
    /// How much a reason matters (ordered: INFO < CAUTION < STOP).
    PySeverity => Severity, "Severity", "severity", [ord] {
        Info = "INFO", Caution = "CAUTION", Stop = "STOP",
    }
}

py_enum! {
    /// How sure we are of a rule's source.
    PyConfidence => Confidence, "Confidence", "confidence", [] {
        High = "HIGH", Medium = "MEDIUM", Low = "LOW", Unverified = "UNVERIFIED", Local = "LOCAL",
    }
}

py_enum! {
    /// What a donor is about to give (or gave).
    PyDonationKind => DonationKind, "DonationKind", "kind", [] {
        WholeBlood350 = "WHOLE_BLOOD_350",
        WholeBlood450 = "WHOLE_BLOOD_450",
        Plateletpheresis = "PLATELETPHERESIS",
        Plasmapheresis = "PLASMAPHERESIS",
        DoubleRedCells = "DOUBLE_RED_CELLS",
    }
}

py_enum! {
    /// A dated event in a donor's history that may defer donation.
    PyDeferralKind => DeferralKind, "DeferralKind", "kind", [] {
        Delivery = "DELIVERY",
        Abortion = "ABORTION",
        SurgeryMinor = "SURGERY_MINOR",
        SurgeryMajor = "SURGERY_MAJOR",
        ToothExtraction = "TOOTH_EXTRACTION",
        Malaria = "MALARIA",
        Dengue = "DENGUE",
        Chikungunya = "CHIKUNGUNYA",
        Zika = "ZIKA",
        Typhoid = "TYPHOID",
        Transfusion = "TRANSFUSION",
        Tattoo = "TATTOO",
        Piercing = "PIERCING",
        VaccineKilled = "VACCINE_KILLED",
        VaccineLive = "VACCINE_LIVE",
        VaccineRubellaVaricella = "VACCINE_RUBELLA_VARICELLA",
        VaccineRabies = "VACCINE_RABIES",
        Immunoglobulin = "IMMUNOGLOBULIN",
        HepatitisContact = "HEPATITIS_CONTACT",
        BoneMarrowHarvest = "BONE_MARROW_HARVEST",
        PbscHarvest = "PBSC_HARVEST",
        TtiReactive = "TTI_REACTIVE",
        Tuberculosis = "TUBERCULOSIS",
        HepatitisAE = "HEPATITIS_A_E",
        Antibiotics = "ANTIBIOTICS",
        Aspirin = "ASPIRIN",
        AntihypertensiveChange = "ANTIHYPERTENSIVE_CHANGE",
        ForeignNationalStay = "FOREIGN_NATIONAL_STAY",
    }
}

py_enum! {
    /// A state on the day of donation (pregnant, breast-feeding, menstruating).
    PyDonorState => DonorState, "DonorState", "state", [] {
        Pregnant = "PREGNANT", Breastfeeding = "BREASTFEEDING", Menstruating = "MENSTRUATING",
        AsthmaAttack = "ASTHMA_ATTACK",
    }
}

py_enum! {
    /// A medical condition that some profiles defer permanently.
    PyCondition => Condition, "Condition", "condition", [] {
        Cancer = "CANCER",
        HeartDisease = "HEART_DISEASE",
        AbnormalBleeding = "ABNORMAL_BLEEDING",
        UnexplainedWeightLoss = "UNEXPLAINED_WEIGHT_LOSS",
        InsulinTreatedDiabetes = "INSULIN_TREATED_DIABETES",
        HepatitisB = "HEPATITIS_B",
        HepatitisC = "HEPATITIS_C",
        Hiv = "HIV",
        ChronicKidneyDisease = "CHRONIC_KIDNEY_DISEASE",
        LiverDisease = "LIVER_DISEASE",
        Tuberculosis = "TUBERCULOSIS",
        PolycythaemiaVera = "POLYCYTHAEMIA_VERA",
        Asthma = "ASTHMA",
        AsthmaOnSteroids = "ASTHMA_ON_STEROIDS",
        TransplantRecipient = "TRANSPLANT_RECIPIENT",
        Epilepsy = "EPILEPSY",
        Leprosy = "LEPROSY",
        Schizophrenia = "SCHIZOPHRENIA",
        EndocrineDisorder = "ENDOCRINE_DISORDER",
        TransfusedSince1980 = "TRANSFUSED_SINCE_1980",
        PrionRisk = "PRION_RISK",
    }
}

py_enum! {
    /// A transfusion-transmitted-infection screening test.
    PyTtiMarker => TtiMarker, "TtiMarker", "marker", [] {
        Hiv = "HIV",
        HivNat = "HIV_NAT",
        Hbsag = "HBSAG",
        AntiHbc = "ANTI_HBC",
        HbvNat = "HBV_NAT",
        Hcv = "HCV",
        HcvNat = "HCV_NAT",
        Htlv = "HTLV",
        Syphilis = "SYPHILIS",
        Malaria = "MALARIA",
        Wnv = "WNV",
        Chagas = "CHAGAS",
        Hev = "HEV",
    }
}

py_enum! {
    /// The result of a screening test.
    PyTestResult => TestResult, "TestResult", "result", [] {
        NonReactive = "NON_REACTIVE",
        InitiallyReactive = "INITIALLY_REACTIVE",
        RepeatReactive = "REPEAT_REACTIVE",
        Indeterminate = "INDETERMINATE",
        NotTested = "NOT_TESTED",
    } {
        /// `False`: tells pytest that this class, imported into a test module, is not a test.
        #[classattr]
        #[pyo3(name = "__test__")]
        fn not_a_test() -> bool {
            false
        }
    }
}

py_enum! {
    /// Where a unit is in its life; `hl7` is its HL7 v2 code (tables 0510/0513).
    PyUnitStatus => UnitStatus, "UnitStatus", "status", [] {
        Collected = "COLLECTED",
        Quarantined = "QUARANTINED",
        Released = "RELEASED",
        Reserved = "RESERVED",
        Crossmatched = "CROSSMATCHED",
        Issued = "ISSUED",
        Transfused = "TRANSFUSED",
        TransfusedWithReaction = "TRANSFUSED_WITH_REACTION",
        Returned = "RETURNED",
        Discarded = "DISCARDED",
        Fractionated = "FRACTIONATED",
        Processed = "PROCESSED",
    } {
        /// The HL7 v2 code (table 0510, or 0513 for transfused units), or `None` for statuses
        /// those tables do not have (collected, quarantined, fractionated, processed).
        #[getter]
        fn hl7(&self) -> Option<&'static str> {
            UnitStatus::from(*self).hl7()
        }

        /// The status for an HL7 v2 table 0510 or 0513 code (`CR`, `RS`, `RD`, `DS`, `PT`, ...);
        /// another code raises `InvalidInput`.
        #[classmethod]
        fn from_hl7(_cls: &Bound<'_, PyType>, code: &str) -> PyResult<PyUnitStatus> {
            UnitStatus::from_hl7(code).map(PyUnitStatus::from).or_raise()
        }

        /// Whether no further event can apply (transfused, discarded, fractionated, processed).
        #[getter]
        fn is_terminal(&self) -> bool {
            UnitStatus::from(*self).is_terminal()
        }

        /// Whether a unit in this status is still part of the stock (collected, quarantined,
        /// released, reserved, crossmatched or returned).
        #[getter]
        fn is_in_stock(&self) -> bool {
            rakt::UnitStatus::from(*self).is_in_stock()
        }
    }
}

py_enum! {
    /// How the blood was donated.
    PyDonationType => DonationType, "DonationType", "donation_type", [] {
        Voluntary = "VOLUNTARY",
        Replacement = "REPLACEMENT",
        Autologous = "AUTOLOGOUS",
        Directed = "DIRECTED",
    }
}

py_enum! {
    /// Who runs a blood centre (the processing-charge ceilings differ).
    PySector => Sector, "Sector", "sector", [] in "rakt.tariff" {
        Government = "GOVERNMENT", Private = "PRIVATE",
    }
}

py_enum! {
    /// Something a blood centre charges for (per unit, test or litre).
    PyTariffItem => TariffItem, "TariffItem", "item", [] in "rakt.tariff" {
        WholeBlood = "WHOLE_BLOOD",
        PackedRedCells = "PACKED_RED_CELLS",
        FreshFrozenPlasma = "FRESH_FROZEN_PLASMA",
        PlateletConcentrate = "PLATELET_CONCENTRATE",
        Cryoprecipitate = "CRYOPRECIPITATE",
        SingleDonorPlatelets = "SINGLE_DONOR_PLATELETS",
        SurplusPlasmaForFractionation = "SURPLUS_PLASMA_FOR_FRACTIONATION",
        Irradiation = "IRRADIATION",
        Leucoreduction = "LEUCOREDUCTION",
        AntibodyScreening = "ANTIBODY_SCREENING",
        GroupingAndCrossmatching = "GROUPING_AND_CROSSMATCHING",
        RhPhenotyping = "RH_PHENOTYPING",
    } {
        /// Whether the item is sold by the litre (a quantity may be fractional); every other
        /// item is sold by the unit or test.
        #[getter]
        fn per_litre(&self) -> bool {
            TariffItem::from(*self).per_litre()
        }
    }
}

py_enum! {
    /// Patients who must get blood and components free of charge (repeated transfusion).
    PyStatutoryExemption => StatutoryExemption, "StatutoryExemption", "statutory", [] in "rakt.tariff" {
        Thalassaemia = "THALASSAEMIA",
        Haemophilia = "HAEMOPHILIA",
        SickleCellAnaemia = "SICKLE_CELL_ANAEMIA",
        OtherDyscrasiaRepeatedTransfusion = "OTHER_DYSCRASIA_REPEATED_TRANSFUSION",
    }
}

/// Add every enum class to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAbo>()?;
    m.add_class::<PyRhD>()?;
    m.add_class::<PyASubgroup>()?;
    m.add_class::<PyComponent>()?;
    m.add_class::<PyPreservative>()?;
    m.add_class::<PyPlateletSource>()?;
    m.add_class::<PyModification>()?;
    m.add_class::<PyStorage>()?;
    m.add_class::<PySex>()?;
    m.add_class::<PyRank>()?;
    m.add_class::<PySeverity>()?;
    m.add_class::<PyConfidence>()?;
    m.add_class::<PyDonationKind>()?;
    m.add_class::<PyDeferralKind>()?;
    m.add_class::<PyDonorState>()?;
    m.add_class::<PyCondition>()?;
    m.add_class::<PyTtiMarker>()?;
    m.add_class::<PyTestResult>()?;
    m.add_class::<PyUnitStatus>()?;
    m.add_class::<PyDonationType>()?;
    m.add_class::<PySector>()?;
    m.add_class::<PyTariffItem>()?;
    m.add_class::<PyStatutoryExemption>()?;
    Ok(())
}
