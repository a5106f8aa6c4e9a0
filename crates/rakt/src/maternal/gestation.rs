//! Gestational age and due date, gestation and birth-weight categories, live birth, stillbirth
//! as HMIS counts it, and the neonatal and maternal death windows (`research/maternal.md` §4).

use chrono::{DateTime, Duration, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::policy::Policy;

/// A gestational age in completed weeks and days (`weeks + days/7`, days 0–6).
///
/// ```
/// use rakt::maternal::GestationalAge;
/// let ga = GestationalAge::new(39, 6)?;
/// assert_eq!(ga.total_days(), 279);
/// assert_eq!(ga.to_string(), "39+6");
/// assert!(GestationalAge::new(39, 7).is_err());
/// assert!(GestationalAge::new(46, 0).is_err()); // above GestationalAge::MAX_WEEKS
/// # Ok::<(), rakt::RaktError>(())
/// ```
///
/// JSON input is checked the same way as [`GestationalAge::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "GestationalAgeFields")]
pub struct GestationalAge {
    /// Completed weeks.
    pub weeks: u32,
    /// Days past the completed weeks (0–6).
    pub days: u32,
}

/// The unchecked form of a [`GestationalAge`] as it arrives in JSON.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GestationalAgeFields {
    weeks: u32,
    days: u32,
}

impl TryFrom<GestationalAgeFields> for GestationalAge {
    type Error = RaktError;
    fn try_from(f: GestationalAgeFields) -> Result<GestationalAge> {
        GestationalAge::new(f.weeks, f.days)
    }
}

impl GestationalAge {
    /// The longest gestation rakt accepts, in completed weeks: a plausibility bound for data
    /// entry (a longer one is a wrong date), not a clinical threshold.
    pub const MAX_WEEKS: u32 = 45;

    /// Weeks and days; weeks at most [`GestationalAge::MAX_WEEKS`], days 0–6.
    pub fn new(weeks: u32, days: u32) -> Result<GestationalAge> {
        if weeks > Self::MAX_WEEKS {
            return Err(RaktError::input(
                "weeks",
                format!(
                    "{weeks} is not a plausible gestation (at most {} weeks)",
                    Self::MAX_WEEKS
                ),
            ));
        }
        if days > 6 {
            return Err(RaktError::input(
                "days",
                format!(
                    "{days} is not 0–6: write {} weeks instead",
                    u64::from(weeks) + u64::from(days / 7)
                ),
            ));
        }
        Ok(GestationalAge { weeks, days })
    }

    /// From a number of days since the first day of the last menstrual period.
    pub fn from_days(total: u32) -> GestationalAge {
        GestationalAge {
            weeks: total / 7,
            days: total % 7,
        }
    }

    /// The number of days since the first day of the last menstrual period. (A value built
    /// field by field, past the checks of [`GestationalAge::new`], saturates instead of wrapping.)
    pub fn total_days(&self) -> u32 {
        self.weeks.saturating_mul(7).saturating_add(self.days)
    }

    /// Its category under the policy's boundaries (`maternal.gestation_weeks`), by completed
    /// weeks.
    pub fn category(&self, policy: &Policy) -> GestationCategory {
        let g = &policy.maternal.gestation_weeks;
        let w = self.weeks;
        use GestationCategory as C;
        match w {
            _ if w >= g.post_term_from => C::PostTerm,
            _ if w >= g.late_term_from => C::LateTerm,
            _ if w >= g.full_term_from => C::FullTerm,
            _ if w >= g.early_term_from => C::EarlyTerm,
            _ if w >= g.late_preterm_from => C::LatePreterm,
            _ if w >= g.moderate_preterm_from => C::ModeratePreterm,
            _ if w >= g.very_preterm_from => C::VeryPreterm,
            _ => C::ExtremelyPreterm,
        }
    }
}

impl From<GestationalAge> for crate::reason::Fact {
    fn from(g: GestationalAge) -> crate::reason::Fact {
        crate::reason::Fact::Pair(g.weeks, '+', g.days)
    }
}

impl std::fmt::Display for GestationalAge {
    /// `39+6`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}+{}", self.weeks, self.days)
    }
}

coded_enum! {
    /// Gestation at a date or at birth.
    GestationCategory {
        /// Below 28 weeks.
        ExtremelyPreterm => "extremely_preterm",
        /// 28 to below 32 weeks.
        VeryPreterm => "very_preterm",
        /// 32 to below 34 weeks.
        ModeratePreterm => "moderate_preterm",
        /// 34 to below 37 weeks.
        LatePreterm => "late_preterm",
        /// 37+0 to 38+6.
        EarlyTerm => "early_term",
        /// 39+0 to 40+6.
        FullTerm => "full_term",
        /// 41+0 to 41+6.
        LateTerm => "late_term",
        /// 42+0 and later.
        PostTerm => "post_term",
    }
}

impl GestationCategory {
    /// Whether the category is preterm (below early term).
    pub fn is_preterm(self) -> bool {
        matches!(
            self,
            GestationCategory::ExtremelyPreterm
                | GestationCategory::VeryPreterm
                | GestationCategory::ModeratePreterm
                | GestationCategory::LatePreterm
        )
    }
}

fn add_days(date: NaiveDate, days: i64, field: &str) -> Result<NaiveDate> {
    date.checked_add_signed(Duration::days(days))
        .and_then(crate::time::within_calendar)
        .ok_or_else(|| {
            RaktError::input(
                field,
                format!("{date} is out of the calendar's range (years 1 to 9999)"),
            )
        })
}

/// The expected date of delivery by Naegele's rule: the first day of the last menstrual period
/// plus the policy's `maternal.naegele_days` (280).
///
/// ```
/// use chrono::NaiveDate;
/// let lmp = NaiveDate::from_ymd_opt(2026, 2, 10).ok_or("date")?;
/// let edd = rakt::maternal::edd_from_lmp(lmp, &rakt::Policy::india())?;
/// assert_eq!(edd.to_string(), "2026-11-17");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn edd_from_lmp(lmp: NaiveDate, policy: &Policy) -> Result<NaiveDate> {
    add_days(lmp, i64::from(policy.maternal.naegele_days), "lmp")
}

/// The expected date of delivery from an ultrasound dating: the scan date plus what remains of
/// the policy's 280 days after the gestational age measured at the scan.
pub fn edd_from_ultrasound(
    scan: NaiveDate,
    age_at_scan: GestationalAge,
    policy: &Policy,
) -> Result<NaiveDate> {
    let age_at_scan = GestationalAge::new(age_at_scan.weeks, age_at_scan.days)?;
    let remaining = i64::from(policy.maternal.naegele_days) - i64::from(age_at_scan.total_days());
    add_days(scan, remaining, "scan")
}

/// The gestational age at `as_of` from the first day of the last menstrual period, in completed
/// weeks and days. A date before the LMP is refused.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let ga = rakt::maternal::gestational_age(d(2026, 2, 10)?, d(2026, 11, 16)?)?;
/// assert_eq!((ga.weeks, ga.days), (39, 6));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn gestational_age(lmp: NaiveDate, as_of: NaiveDate) -> Result<GestationalAge> {
    let days = (as_of - lmp).num_days();
    let days = u32::try_from(days).map_err(|_| {
        RaktError::input(
            "as_of",
            format!("{as_of} is before the last menstrual period {lmp}"),
        )
    })?;
    Ok(GestationalAge::from_days(days))
}

/// The gestational age at `as_of` from an expected date of delivery (the LMP is the EDD less the
/// policy's 280 days).
pub fn gestational_age_from_edd(
    edd: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<GestationalAge> {
    let lmp = add_days(edd, -i64::from(policy.maternal.naegele_days), "edd")?;
    gestational_age(lmp, as_of)
}

coded_enum! {
    /// Birth-weight category.
    BirthWeightCategory {
        /// Below 1000 g.
        ExtremelyLow => "extremely_low",
        /// 1000 g to below 1500 g.
        VeryLow => "very_low",
        /// 1500 g to below 2500 g.
        Low => "low",
        /// 2500 g and more.
        Normal => "normal",
    }
}

/// A birth weight and its categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BirthWeight {
    /// The weight in grams.
    pub grams: u32,
    /// Its category.
    pub category: BirthWeightCategory,
    /// Whether it is below the HMIS line (1800 g, item 4.4.2.a).
    pub below_hmis_line: bool,
}

/// Categorise a birth weight in grams (each line is "below": 2500 g exactly is normal).
///
/// ```
/// let w = rakt::maternal::birth_weight(1799, &rakt::Policy::india())?;
/// assert_eq!(w.category, rakt::maternal::BirthWeightCategory::Low);
/// assert!(w.below_hmis_line);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn birth_weight(grams: u32, policy: &Policy) -> Result<BirthWeight> {
    if grams == 0 {
        return Err(RaktError::input(
            "grams",
            "a birth weight must be more than 0 g",
        ));
    }
    crate::plausible::check_count("grams", grams, crate::plausible::BIRTH_WEIGHT_G)?;
    let b = &policy.maternal.birth_weight_grams;
    let category = if grams < b.extremely_low_below {
        BirthWeightCategory::ExtremelyLow
    } else if grams < b.very_low_below {
        BirthWeightCategory::VeryLow
    } else if grams < b.low_below {
        BirthWeightCategory::Low
    } else {
        BirthWeightCategory::Normal
    };
    Ok(BirthWeight {
        grams,
        category,
        below_hmis_line: grams < b.hmis_line_below,
    })
}

/// The signs of life the WHO live-birth definition names, seen after complete expulsion or
/// extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignsOfLife {
    /// Breathing.
    #[serde(default)]
    pub breathing: bool,
    /// A heartbeat.
    #[serde(default)]
    pub heartbeat: bool,
    /// Pulsation of the umbilical cord.
    #[serde(default)]
    pub cord_pulsation: bool,
    /// Definite movement of voluntary muscles.
    #[serde(default)]
    pub voluntary_movement: bool,
}

impl SignsOfLife {
    /// A live birth (WHO 1992): any sign of life, irrespective of the duration of pregnancy.
    pub fn is_live_birth(&self) -> bool {
        self.breathing || self.heartbeat || self.cord_pulsation || self.voluntary_movement
    }
}

coded_enum! {
    /// When a baby born dead died.
    FetalDeathTiming {
        /// During labour (intrapartum): a fresh stillbirth.
        Intrapartum => "intrapartum",
        /// Before labour (antepartum): a macerated stillbirth.
        Antepartum => "antepartum",
    }
}

coded_enum! {
    /// A baby born dead, as the HMIS monthly format counts it.
    FetalDeathClass {
        /// Fresh (intrapartum) stillbirth, 28 weeks and above (HMIS 4.1.3.a).
        FreshStillbirth => "fresh_stillbirth",
        /// Macerated (antepartum) stillbirth, 28 weeks and above (HMIS 4.1.3.b).
        MaceratedStillbirth => "macerated_stillbirth",
        /// Foetal death at 24–27 completed weeks (HMIS 4.1.3.c).
        FoetalDeath => "foetal_death",
        /// Before 24 weeks: not counted in these items.
        NotCounted => "not_counted",
    }
}

impl FetalDeathClass {
    /// The HMIS item number (newest facility format), if the class is counted.
    pub fn hmis_item(self) -> Option<&'static str> {
        match self {
            FetalDeathClass::FreshStillbirth => Some("4.1.3.a"),
            FetalDeathClass::MaceratedStillbirth => Some("4.1.3.b"),
            FetalDeathClass::FoetalDeath => Some("4.1.3.c"),
            FetalDeathClass::NotCounted => None,
        }
    }
}

/// Classify a baby born dead by completed weeks of gestation and when it died.
///
/// ```
/// use rakt::maternal::{classify_fetal_death, FetalDeathClass, FetalDeathTiming, GestationalAge};
/// let p = rakt::Policy::india();
/// let at = |w| GestationalAge::new(w, 0);
/// assert_eq!(classify_fetal_death(at(28)?, FetalDeathTiming::Intrapartum, &p), FetalDeathClass::FreshStillbirth);
/// assert_eq!(classify_fetal_death(GestationalAge::new(27, 6)?, FetalDeathTiming::Antepartum, &p), FetalDeathClass::FoetalDeath);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn classify_fetal_death(
    age: GestationalAge,
    timing: FetalDeathTiming,
    policy: &Policy,
) -> FetalDeathClass {
    let s = &policy.maternal.stillbirth_weeks;
    match (age.weeks, timing) {
        (w, FetalDeathTiming::Intrapartum) if w >= s.stillbirth_from => {
            FetalDeathClass::FreshStillbirth
        }
        (w, FetalDeathTiming::Antepartum) if w >= s.stillbirth_from => {
            FetalDeathClass::MaceratedStillbirth
        }
        (w, _) if w >= s.foetal_death_from => FetalDeathClass::FoetalDeath,
        _ => FetalDeathClass::NotCounted,
    }
}

coded_enum! {
    /// The age bins of the HMIS newborn and infant death items (16.1.x).
    NewbornDeathBin {
        /// Within 24 hours of birth.
        Within24Hours => "within_24_hours",
        /// 1 to 7 completed days.
        Days1To7 => "days_1_to_7",
        /// 8 to 28 completed days.
        Days8To28 => "days_8_to_28",
        /// More than 28 days and less than 12 months.
        Infant => "infant",
    }
}

/// The age at death of a baby born alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewbornDeath {
    /// Completed days of life.
    pub completed_days: u32,
    /// A neonatal death: fewer completed days than the policy's `maternal.neonatal_death_days`
    /// (28: days 0–27).
    pub neonatal: bool,
    /// The HMIS bin; none at 12 months or later.
    pub hmis_bin: Option<NewbornDeathBin>,
}

/// How old a baby born at `born` was when it died at `died`. A death before the birth is
/// refused.
///
/// The HMIS bins are the form's own (within 24 hours; 1–7 days; 8–28 days; over 28 days and
/// under 12 months); they overlap the WHO neonatal period differently at day 28, which is why
/// `neonatal` and `hmis_bin` are both given.
pub fn newborn_death(
    born: DateTime<FixedOffset>,
    died: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<NewbornDeath> {
    let age = died - born;
    if age < Duration::zero() {
        return Err(RaktError::input(
            "died",
            format!(
                "{} is before the birth at {}",
                died.to_rfc3339(),
                born.to_rfc3339()
            ),
        ));
    }
    let completed_days = u32::try_from(age.num_days()).unwrap_or(u32::MAX);
    let first_birthday = born.checked_add_months(Months::new(12));
    let hmis_bin = if age < Duration::hours(24) {
        Some(NewbornDeathBin::Within24Hours)
    } else if completed_days <= 7 {
        Some(NewbornDeathBin::Days1To7)
    } else if completed_days <= 28 {
        Some(NewbornDeathBin::Days8To28)
    } else if first_birthday.is_some_and(|b| died < b) {
        Some(NewbornDeathBin::Infant)
    } else {
        None
    };
    Ok(NewbornDeath {
        completed_days,
        neonatal: completed_days < policy.maternal.neonatal_death_days,
        hmis_bin,
    })
}

/// Whether a woman's death on `died` falls in the maternal-death window: at most the policy's
/// `maternal.maternal_death_days` (42, inclusive) after the end of pregnancy on `ended` (a death
/// while pregnant is the end of pregnancy itself: pass the same date). Whether the cause was
/// related to the pregnancy, not accidental or incidental, is for the reviewer to record.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).ok_or("date");
/// let p = rakt::Policy::india();
/// assert!(rakt::maternal::in_maternal_death_window(d(10, 1)?, d(11, 12)?, &p)?);  // day 42
/// assert!(!rakt::maternal::in_maternal_death_window(d(10, 1)?, d(11, 13)?, &p)?); // day 43
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn in_maternal_death_window(
    ended: NaiveDate,
    died: NaiveDate,
    policy: &Policy,
) -> Result<bool> {
    let days = (died - ended).num_days();
    if days < 0 {
        return Err(RaktError::input(
            "died",
            format!("{died} is before the end of pregnancy on {ended}"),
        ));
    }
    Ok(days <= i64::from(policy.maternal.maternal_death_days))
}
