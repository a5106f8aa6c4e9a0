//! ISBT 128 blood groups (data structure 002), product codes (003) and dates (004–009).
//! Kotlin: `decodeBloodGroup`, `encodeBloodGroup`, `parseProductCode`, `decodeDatetime`,
//! `encodeDate`, `encodeDatetime`, returning the records `BloodGroupCode`, `ProductCode` and
//! `IsbtDate`. Kinds, uses and families are the core's stable snake_case names.

use rakt::isbt128::{self as isbt, DateKind, GroupCode, IntendedUse, RhKell};

use crate::error::Result;
use crate::groups::BloodGroup;
use crate::time::{Date, Timestamp, WallDateTime, WallTime};
use crate::units::{DonationType, UnitStatus};

/// A decoded blood-group data structure (002): a group and intended use (Table 4), a pooled
/// or subgroup code, or a special message (Table 5), with its Rh/Kell or Mia/Mur character
/// (Table 6). Passed back to rakt, it is read again from `encoded`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct BloodGroupCode {
    /// The two group characters, e.g. `51`.
    pub code: String,
    /// `group` (Table 4), `pooled_or_subgroup` or `special` (Table 5).
    pub kind: String,
    /// For a Table 4 code: `O`, `A`, `B`, `AB`, `Oh` (Bombay), `para_bombay`, `para_bombay_O`,
    /// `para_bombay_A`, `para_bombay_B` or `para_bombay_AB`.
    pub label_group: Option<String>,
    /// For a Table 4 code: `positive`, `negative` or `unspecified`.
    pub rhd: Option<String>,
    /// For a Table 4 code, its column: `default`, `directed_only`, `emergency_only`,
    /// `directed_biohazard`, `directed_crossover`, `autologous_crossover`, `autologous_only`,
    /// `autologous_biohazard`.
    pub intended_use: Option<String>,
    /// The donation type the intended use implies (directed or autologous), if any.
    pub donation_type: Option<DonationType>,
    /// The pooled or subgroup code's name, e.g. `a1`, `pooled_abo_rhd_positive`.
    pub pooled_or_subgroup: Option<String>,
    /// The special message's name, e.g. `quarantine`.
    pub special_message: Option<String>,
    /// The unit status the special message implies (quarantine, discard), if any.
    pub implied_status: Option<UnitStatus>,
    /// The rakt blood group the code names, if it names one.
    pub blood_group: Option<BloodGroup>,
    /// The Table 6 character, e.g. `0`, `J`.
    pub rh_kell: String,
    /// Its C c E e phenotype, e.g. `C-c+E-e+`, `no_information`; null for `U`, `V`, `W`.
    pub rh_phenotype: Option<String>,
    /// Its Kell result: `no_information`, `negative`, `positive`; null for `U`, `V`, `W`.
    pub kell: Option<String>,
    /// The Mia/Mur result (`U` false, `V` true), else null.
    pub mia_mur_positive: Option<bool>,
    /// Whether a Special Testing bar code must be scanned (`W`).
    pub see_special_testing: bool,
    /// The four data characters, e.g. `5100`.
    pub data: String,
    /// The bar-code data with its data identifier, e.g. `=%5100`.
    pub encoded: String,
}

impl From<isbt::BloodGroupCode> for BloodGroupCode {
    fn from(g: isbt::BloodGroupCode) -> Self {
        let group = g.group_code();
        let rk = g.rh_kell();
        let (label_group, rhd) = match group {
            GroupCode::Group { group, rhd, .. } => {
                (Some(group.name()), Some(rhd.as_str().to_string()))
            }
            _ => (None, None),
        };
        BloodGroupCode {
            code: group.code().unwrap_or_default().to_string(),
            kind: group.kind().to_string(),
            label_group,
            rhd,
            intended_use: group.intended_use().map(|u| u.as_str().to_string()),
            donation_type: group
                .intended_use()
                .and_then(IntendedUse::donation_type)
                .map(Into::into),
            pooled_or_subgroup: match group {
                GroupCode::PooledOrSubgroup(p) => Some(p.as_str().to_string()),
                _ => None,
            },
            special_message: group.special_message().map(|m| m.as_str().to_string()),
            implied_status: group
                .special_message()
                .and_then(|m| m.implied_status())
                .map(Into::into),
            blood_group: g.blood_group().map(Into::into),
            rh_kell: rk.as_char().to_string(),
            rh_phenotype: rk.rh().map(|p| p.notation()),
            kell: rk.kell().map(|k| k.as_str().to_string()),
            mia_mur_positive: rk.mia_mur_positive(),
            see_special_testing: rk.see_special_testing(),
            data: g.data(),
            encoded: g.encode(),
        }
    }
}

/// Reads a blood-group data structure: `=%5100` or the four data characters `5100`. Refusals
/// are `RaktException.InvalidCode` naming the 1-based position.
#[uniffi::export]
pub fn decode_blood_group(text: String) -> Result<BloodGroupCode> {
    Ok(isbt::decode_blood_group(&text)?.into())
}

/// The blood-group data structure of a rakt blood group in a Table 4 column (`intendedUse`,
/// default `default`) with a Table 6 character (`rhKell`, default `0`). An unknown column or
/// character is `RaktException.InvalidInput` (`intended_use`, `rh_kell`); a group Table 4 has
/// no code for (Bombay of unknown RhD) is `NotApplicable` (`ISBT128_GROUP_NOT_CODED`).
#[uniffi::export(default(intended_use = "default", rh_kell = "0"))]
pub fn encode_blood_group(
    group: BloodGroup,
    intended_use: String,
    rh_kell: String,
) -> Result<BloodGroupCode> {
    let group = group.to_core()?;
    let column = IntendedUse::parse(&intended_use)?;
    let rh_kell = RhKell::parse(&rh_kell)?;
    let code = GroupCode::for_group(&group, column)?;
    Ok(isbt::BloodGroupCode::new(code, rh_kell)?.into())
}

/// A parsed product code (data structure 003). Passed back to rakt, it is read again from
/// `encoded`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ProductCode {
    /// The five-character product description code, e.g. `E4306`.
    pub description_code: String,
    /// The family, e.g. `blood_component`, `tissue`, `national`, `local`.
    pub family: String,
    /// The collection type (Table 7), e.g. `volunteer_homologous`, for the families with one.
    pub collection_type: Option<String>,
    /// The donation type the collection type implies, if rakt models it.
    pub donation_type: Option<DonationType>,
    /// The two-character division (`00` undivided), for the families with a collection type.
    pub division: Option<String>,
    /// The three-character division or pack code of the other families.
    pub pack_code: Option<String>,
    /// The eight data characters, e.g. `E4306V00`.
    pub data: String,
    /// The bar-code data with its data identifier, e.g. `=<E4306V00`.
    pub encoded: String,
}

impl From<isbt::ProductCode> for ProductCode {
    fn from(p: isbt::ProductCode) -> Self {
        ProductCode {
            description_code: p.description_code().to_string(),
            family: p.family().as_str().to_string(),
            collection_type: p.collection_type().map(|t| t.as_str().to_string()),
            donation_type: p
                .collection_type()
                .and_then(|t| t.donation_type())
                .map(Into::into),
            division: p.division().map(str::to_string),
            pack_code: p.pack_code().map(str::to_string),
            data: p.data(),
            encoded: p.encode(),
        }
    }
}

/// Reads a product code: `=<E4306V00` or `E4306V00`. Refusals are
/// `RaktException.InvalidCode` naming the 1-based position.
#[uniffi::export]
pub fn parse_product_code(text: String) -> Result<ProductCode> {
    Ok(isbt::parse_product_code(&text)?.into())
}

/// A date or date and time from a label (data structures 004–009). The times are local times
/// of the labelling facility. Passed back to rakt, it is read again from `encoded`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct IsbtDate {
    /// `expiration`, `collection` or `production`.
    pub kind: String,
    /// The structure number, `004` to `009`.
    pub structure: String,
    /// The calendar date.
    pub date: Date,
    /// The local time, for the date-and-time structures (005, 007, 009).
    pub time: Option<WallTime>,
    /// The local date and time; 23:59 for a date alone.
    pub datetime: WallDateTime,
    /// The data characters, `cyyjjj` or `cyyjjjhhmm`.
    pub data: String,
    /// The bar-code data with its data identifier, e.g. `&>0183652359`.
    pub encoded: String,
}

impl From<isbt::IsbtDate> for IsbtDate {
    fn from(d: isbt::IsbtDate) -> Self {
        IsbtDate {
            kind: d.kind().as_str().to_string(),
            structure: d.structure().to_string(),
            date: d.date().into(),
            time: d.time().map(Into::into),
            datetime: d.datetime().into(),
            data: d.data(),
            encoded: d.encode(),
        }
    }
}

/// Reads a date structure: `=>cyyjjj`, `&>cyyjjjhhmm`, `=*`, `&*`, `=}`, `&}`. Refusals are
/// `RaktException.InvalidCode` naming the 1-based position.
#[uniffi::export]
pub fn decode_datetime(text: String) -> Result<IsbtDate> {
    Ok(isbt::decode_datetime(&text)?.into())
}

/// A date-only structure (004, 006, 008) of `kind` (`expiration`, `collection`,
/// `production`). Years outside 2000–2999 are refused with `InvalidInput`.
#[uniffi::export]
pub fn encode_date(kind: String, date: Date) -> Result<IsbtDate> {
    let kind = DateKind::parse(&kind)?;
    Ok(isbt::IsbtDate::date_only(kind, date.parse("date")?)?.into())
}

/// A date-and-time structure (005, 007, 009) of `kind` at the local time of `at` (in its own
/// offset), to the minute.
#[uniffi::export]
pub fn encode_datetime(kind: String, at: Timestamp) -> Result<IsbtDate> {
    let kind = DateKind::parse(&kind)?;
    let at = at.parse("at")?;
    Ok(isbt::IsbtDate::date_time(kind, at.naive_local())?.into())
}
