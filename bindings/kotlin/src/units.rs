//! A blood unit from vein to vein: its lifecycle driven by events, split and pool, release, and
//! what a reactive screening result sets off.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::components::Product;
use crate::donor::DeferralEvent;
use crate::error::{RaktException, Result};
use crate::events::{DiscardReason, UnitEvent, id_text};
use crate::expiry::Expiry;
use crate::groups::BloodGroup;
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::reasons::{Reason, reasons_from_core};
use crate::screening::{Grouping, ReleaseVerdict, TestResult, TtiMarker};
use crate::time::{Date, Timestamp};

mirror_enum! {
    /// Where a unit is in its life.
    pub enum UnitStatus => rakt::UnitStatus {
        /// Collected, not yet in quarantine.
        Collected,
        /// In quarantine, awaiting tests.
        Quarantined,
        /// Released into available stock.
        Released,
        /// Reserved for a named patient until a time.
        Reserved,
        /// Crossmatched for a named patient until a time.
        Crossmatched,
        /// Issued (dispensed) to a patient.
        Issued,
        /// Transfused.
        Transfused,
        /// Transfused, with a reaction.
        TransfusedWithReaction,
        /// Returned unused within the time limit and kept linked to the same patient.
        Returned,
        /// Discarded, with a reason.
        Discarded,
        /// Sent for fractionation (surplus plasma).
        Fractionated,
        /// Split or pooled into other units; no longer exists as itself.
        Processed,
    }
}

mirror_enum! {
    /// How the blood was donated.
    pub enum DonationType => rakt::DonationType {
        /// Voluntary, unpaid.
        Voluntary,
        /// Replacement (a relative or friend replacing blood used for a patient).
        Replacement,
        /// Autologous (for the donor).
        Autologous,
        /// Directed to a named recipient.
        Directed,
    }
}

/// The HL7 v2 code of a status: table 0510 (blood product dispense status) or, for transfused
/// units, table 0513; `null` for statuses those tables do not have (collected, quarantined,
/// fractionated, processed).
#[uniffi::export]
pub fn unit_status_to_hl7(status: UnitStatus) -> Option<String> {
    rakt::UnitStatus::from(status).hl7().map(str::to_string)
}

/// The status for an HL7 v2 table 0510 or 0513 code (`CR`, `RE`, `RA`, `RI`, `RS`, `RD`, `RQ`,
/// `DS`, `PT`, `RL`, `WA`, `TX`, `TR`). Another code is refused with
/// `RaktException.InvalidInput` (`field = "hl7"`).
#[uniffi::export]
pub fn unit_status_from_hl7(code: String) -> Result<UnitStatus> {
    Ok(rakt::UnitStatus::from_hl7(&code)?.into())
}

/// A volume from Kotlin (`Long`, mL) as the core's `u32`; out of range is refused.
pub(crate) fn volume(ml: i64, field: &str) -> Result<u32> {
    u32::try_from(ml)
        .map_err(|_| RaktException::input(field, format!("{ml} mL is not a volume in mL")))
}

/// What is known at collection.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Collection {
    /// Donation identification number (1–40 letters, digits, `-` or inner spaces).
    pub din: String,
    /// The component as made (preservative or platelet source; no re-dating modification).
    pub product: Product,
    /// Blood group on the label.
    pub group: BloodGroup,
    /// Volume in mL (> 0).
    pub volume_ml: i64,
    /// Voluntary, replacement, autologous or directed.
    pub donation_type: DonationType,
    /// When the blood was collected.
    pub collected_at: Timestamp,
    /// Division, for a component collected already divided (`A0`, `Ab`).
    #[uniffi(default = None)]
    pub division: Option<String>,
    /// The donor's identifier, needed for look-back.
    #[uniffi(default = None)]
    pub donor_id: Option<String>,
    /// Whether this is the donor's first donation (first-donation markers are then mandatory).
    #[uniffi(default = false)]
    pub first_donation: bool,
}

impl Collection {
    fn to_core(&self) -> Result<rakt::Collection> {
        Ok(rakt::Collection {
            din: self.din.clone(),
            division: self.division.clone(),
            product: self.product.to_core()?,
            group: self.group.to_core()?,
            volume_ml: volume(self.volume_ml, "volume_ml")?,
            donation_type: self.donation_type.into(),
            donor_id: self.donor_id.clone(),
            first_donation: self.first_donation,
            collected_at: self.collected_at.parse("collected_at")?,
        })
    }
}

/// Who a unit is held for, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Reservation {
    /// The patient's identifier.
    pub patient: String,
    /// The reservation or crossmatch lapses at this time (`null` once issued).
    pub until: Option<Timestamp>,
}

/// A blood unit and its history: an immutable object. `BloodUnit.collect` makes one; `apply`
/// returns a NEW unit with the event recorded, or throws a `RaktException` (usually
/// `NotApplicable` with a stable `code`) and this unit stays exactly as it was. `toString()` is
/// the id and status (`DIN-1/A0 (released)`); `equals`/`hashCode` compare everything,
/// history included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Object)]
#[uniffi::export(Display, Eq, Hash)]
pub struct BloodUnit {
    inner: rakt::BloodUnit,
}

impl fmt::Display for BloodUnit {
    /// `DIN (status)` or `DIN/A0 (status)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.inner.id(), self.inner.status())
    }
}

impl BloodUnit {
    /// The core unit.
    pub(crate) fn core(&self) -> &rakt::BloodUnit {
        &self.inner
    }

    pub(crate) fn wrap(inner: rakt::BloodUnit) -> Arc<Self> {
        Arc::new(BloodUnit { inner })
    }

    fn wrap_all(units: Vec<rakt::BloodUnit>) -> Vec<Arc<Self>> {
        units.into_iter().map(BloodUnit::wrap).collect()
    }
}

fn cores(units: &[Arc<BloodUnit>]) -> Vec<rakt::BloodUnit> {
    units.iter().map(|u| u.inner.clone()).collect()
}

#[uniffi::export]
impl BloodUnit {
    /// A newly collected unit (status `COLLECTED`), its expiry computed from `policy` (`null`:
    /// the `india` profile). Refused when the DIN, division, volume, actor, product or group is
    /// invalid, or the policy has no shelf life for the product.
    #[uniffi::constructor(default(policy = None))]
    pub fn collect(
        collection: Collection,
        actor: String,
        policy: Option<Arc<Policy>>,
    ) -> Result<Arc<Self>> {
        let collection = collection.to_core()?;
        Ok(BloodUnit::wrap(rakt::BloodUnit::collect(
            collection,
            &actor,
            resolve(&policy),
        )?))
    }

    /// A unit saved with [`BloodUnit::to_json`], e.g. by an app between sessions. The JSON is
    /// the core's; it restores the unit as saved, after checking that its history explains it
    /// (the status follows from the events, the volume is > 0, ...). A unit that is not
    /// explained is `InvalidInput` naming the field (`history`, `status`, `volume_ml`, `group`,
    /// `expiry`, ...); text that is not a unit's JSON has field `json`. Its expiry is checked
    /// against a policy when it enters an `Inventory`.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        Ok(BloodUnit::wrap(rakt::BloodUnit::from_json(&text)?))
    }

    /// The unit as JSON, with its whole history: save it and read it back with
    /// `BloodUnit.fromJson`.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string(&self.inner).map_err(|e| RaktException::input("json", e.to_string()))
    }

    /// Apply an event: the new unit. Refused (this unit unchanged) as the core decides:
    /// `NotApplicable` with `code` `INVALID_TRANSITION`, `EVENT_OUT_OF_ORDER`,
    /// `RELEASE_NOT_ALLOWED`, `UNIT_EXPIRED`, `WRONG_PATIENT`, `RESERVATION_EXPIRED`, ...; or
    /// `InvalidInput` naming the field (`actor`, `patient`, `until`, `reason`, `details`).
    #[uniffi::method(default(policy = None))]
    pub fn apply(&self, event: UnitEvent, policy: Option<Arc<Policy>>) -> Result<Arc<Self>> {
        let event = event.to_core()?;
        Ok(BloodUnit::wrap(self.inner.apply(&event, resolve(&policy))?))
    }

    /// The unit's id: `DIN`, or `DIN/A0` for a divided product.
    pub fn id(&self) -> String {
        id_text(self.inner.id())
    }

    /// The donation identification number.
    pub fn din(&self) -> String {
        self.inner.id().din.clone()
    }

    /// The division (`A0`, `Ab`), for divided products.
    pub fn division(&self) -> Option<String> {
        self.inner.id().division.clone()
    }

    /// The status as recorded by the last event.
    pub fn status(&self) -> UnitStatus {
        self.inner.status().into()
    }

    /// The status at `asOf`: a reservation or crossmatch that has lapsed counts as released.
    pub fn status_at(&self, as_of: Timestamp) -> Result<UnitStatus> {
        Ok(self.inner.status_at(as_of.parse("as_of")?).into())
    }

    /// Whether the unit is expired at `asOf` (true at the expiry instant itself).
    pub fn is_expired(&self, as_of: Timestamp) -> Result<bool> {
        Ok(self.inner.is_expired(as_of.parse("as_of")?))
    }

    /// The group on the label.
    pub fn group(&self) -> BloodGroup {
        self.inner.group().into()
    }

    /// Volume in mL.
    pub fn volume_ml(&self) -> i64 {
        i64::from(self.inner.volume_ml())
    }

    /// The product (component, preservative, modifications).
    pub fn product(&self) -> Product {
        Product::from(self.inner.product())
    }

    /// The expiry, with how it was reached (facility-local time).
    pub fn expiry(&self) -> Expiry {
        self.inner.expiry().clone().into()
    }

    /// When the (earliest) blood was collected.
    pub fn collected_at(&self) -> Timestamp {
        self.inner.collected_at().into()
    }

    /// The donor's identifier.
    pub fn donor_id(&self) -> Option<String> {
        self.inner.donor_id().map(str::to_string)
    }

    /// Voluntary, replacement, autologous or directed.
    pub fn donation_type(&self) -> DonationType {
        self.inner.donation_type().into()
    }

    /// Who the unit is held for or issued to.
    pub fn reservation(&self) -> Option<Reservation> {
        self.inner.reservation().map(|r| Reservation {
            patient: r.patient.clone(),
            until: r.until.map(Into::into),
        })
    }

    /// Why the unit was discarded.
    pub fn discard_reason(&self) -> Option<DiscardReason> {
        self.inner.discard_reason().map(Into::into)
    }

    /// The recorded screening results (a marker not in the map is not tested).
    pub fn screening_results(&self) -> HashMap<TtiMarker, TestResult> {
        self.inner
            .screening()
            .results()
            .iter()
            .map(|(m, r)| ((*m).into(), (*r).into()))
            .collect()
    }

    /// Whether this is the donor's first donation (first-donation markers are then mandatory).
    pub fn first_donation(&self) -> bool {
        self.inner.screening().first_donation
    }

    /// The grouping results.
    pub fn grouping(&self) -> Grouping {
        self.inner.grouping().into()
    }

    /// Every event, oldest first (append-only), with its reasons.
    pub fn history(&self) -> Vec<UnitEvent> {
        self.inner.history().iter().map(UnitEvent::from).collect()
    }

    /// The `EmergencyIssue` event that released the unit before compatibility testing, for
    /// follow-up (`null` when it was not released so).
    pub fn emergency_release(&self) -> Option<UnitEvent> {
        self.inner.emergency_release().map(UnitEvent::from)
    }

    /// The ids of the units this one was split or pooled from.
    pub fn parents(&self) -> Vec<String> {
        self.inner.parents().iter().map(id_text).collect()
    }

    /// Whether the unit may be released at `asOf` under `policy` (`null`: `india`), and
    /// exactly what is missing (`TTI_NOT_TESTED`, `TTI_AWAITING_REPEAT`, `TTI_REACTIVE`,
    /// `GROUPING_NOT_CONFIRMED`, `UNIT_EXPIRED`, ...; or `RELEASE_ALLOWED`).
    #[uniffi::method(default(policy = None))]
    pub fn release_verdict(
        &self,
        as_of: Timestamp,
        policy: Option<Arc<Policy>>,
    ) -> Result<ReleaseVerdict> {
        let as_of = as_of.parse("as_of")?;
        Ok(self.inner.release_verdict(as_of, resolve(&policy)).into())
    }

    /// Split into parts of the given volumes (mL), e.g. paediatric aliquots: the parent (status
    /// `PROCESSED`) and the children (divisions `A0`, `B0`, … or `Xa`, `Xb`, … of an `X0`),
    /// which keep the parent's product, expiry, screening, grouping and status.
    pub fn split(
        &self,
        volumes_ml: Vec<i64>,
        at: Timestamp,
        actor: String,
    ) -> Result<SplitOutcome> {
        let volumes = volumes_ml
            .iter()
            .map(|v| volume(*v, "volumes_ml"))
            .collect::<Result<Vec<_>>>()?;
        let at = at.parse("at")?;
        let (parent, children) = self.inner.split(&volumes, at, &actor)?;
        Ok(SplitOutcome {
            parent: BloodUnit::wrap(parent),
            children: BloodUnit::wrap_all(children),
        })
    }
}

/// The result of `BloodUnit.split`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SplitOutcome {
    /// The parent, now `PROCESSED`.
    pub parent: Arc<BloodUnit>,
    /// The children, in division order.
    pub children: Vec<Arc<BloodUnit>>,
}

/// The result of `poolUnits`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PoolOutcome {
    /// The constituents, now `PROCESSED`, in the order given.
    pub constituents: Vec<Arc<BloodUnit>>,
    /// The pool, `RELEASED`.
    pub pool: Arc<BloodUnit>,
}

/// Pool released units of the same product and blood group into a new unit `poolDin` at `at`,
/// expiring with the earliest constituent (or earlier if `policy` limits pools; `null`:
/// `india`).
#[uniffi::export(default(policy = None))]
pub fn pool_units(
    units: Vec<Arc<BloodUnit>>,
    pool_din: String,
    at: Timestamp,
    actor: String,
    policy: Option<Arc<Policy>>,
) -> Result<PoolOutcome> {
    let at = at.parse("at")?;
    let units = cores(&units);
    let (constituents, pool) =
        rakt::BloodUnit::pool(&units, &pool_din, at, &actor, resolve(&policy))?;
    Ok(PoolOutcome {
        constituents: BloodUnit::wrap_all(constituents),
        pool: BloodUnit::wrap(pool),
    })
}

/// The release verdict of a unit at `asOf` (the same as `unit.releaseVerdict(asOf, policy)`).
#[uniffi::export(default(policy = None))]
pub fn screening_release(
    unit: Arc<BloodUnit>,
    as_of: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<ReleaseVerdict> {
    unit.release_verdict(as_of, policy)
}

/// A unit from the donor's donations, with its status now.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LookbackEntry {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub unit: String,
    /// Its status now.
    pub status: UnitStatus,
    /// When it was collected.
    pub collected_at: Timestamp,
}

impl From<&rakt::unit::LookbackEntry> for LookbackEntry {
    fn from(e: &rakt::unit::LookbackEntry) -> Self {
        LookbackEntry {
            unit: id_text(&e.unit),
            status: e.status.into(),
            collected_at: e.collected_at.into(),
        }
    }
}

/// The NBTC "donor referral" record for a reactive donation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DonorReferral {
    /// The donor's identifier, when the unit has one.
    pub donor_id: Option<String>,
    /// The donation identification number.
    pub din: String,
    /// The markers that were repeat reactive or indeterminate.
    pub markers: Vec<TtiMarker>,
    /// Their results.
    pub results: HashMap<TtiMarker, TestResult>,
    /// The day of the finding, in facility time.
    pub date: Date,
    /// The deferral events to add to the donor's record (one `TTI_REACTIVE` per marker);
    /// `assessDonor` applies the policy's deferral for each.
    pub deferral_events: Vec<DeferralEvent>,
    /// One `TTI_REACTIVE` reason per marker.
    pub reasons: Vec<Reason>,
}

/// The outcome of `handleReactive`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReactiveOutcome {
    /// Every component of the donation that could be discarded, now discarded (reason
    /// `TtiReactive`).
    pub discarded: Vec<Arc<BloodUnit>>,
    /// Components of the donation already issued or final: they cannot be discarded and need
    /// follow-up (recall, recipient notification).
    pub not_discarded: Vec<LookbackEntry>,
    /// The donor referral.
    pub referral: DonorReferral,
    /// Units of the donor's earlier donations still in stock, for quarantine (look-back).
    pub lookback: Vec<LookbackEntry>,
}

impl From<rakt::ReactiveOutcome> for ReactiveOutcome {
    fn from(o: rakt::ReactiveOutcome) -> Self {
        let r = &o.referral;
        ReactiveOutcome {
            not_discarded: o.not_discarded.iter().map(Into::into).collect(),
            lookback: o.lookback.iter().map(Into::into).collect(),
            referral: DonorReferral {
                donor_id: r.donor_id.clone(),
                din: r.din.clone(),
                markers: r.markers.iter().map(|m| (*m).into()).collect(),
                results: r
                    .results
                    .iter()
                    .map(|(m, t)| ((*m).into(), (*t).into()))
                    .collect(),
                date: r.date.into(),
                deferral_events: r.deferral_events.iter().map(Into::into).collect(),
                reasons: reasons_from_core(&r.reasons),
            },
            discarded: BloodUnit::wrap_all(o.discarded),
        }
    }
}

/// Act on a unit whose screening has a repeat-reactive or indeterminate result, at `at`:
/// discard every component of the same donation in `stock` that is not yet issued or final,
/// refer the donor (with the deferral events for the donor's record), and list the donor's
/// earlier units still in stock for look-back. Refused with `NotApplicable`
/// (`NO_REACTIVE_RESULT`) when the unit has no such result.
#[uniffi::export(default(policy = None))]
pub fn handle_reactive(
    unit: Arc<BloodUnit>,
    stock: Vec<Arc<BloodUnit>>,
    at: Timestamp,
    actor: String,
    policy: Option<Arc<Policy>>,
) -> Result<ReactiveOutcome> {
    let at = at.parse("at")?;
    let stock = cores(&stock);
    let outcome = rakt::handle_reactive(&unit.inner, &stock, at, &actor, resolve(&policy))?;
    Ok(outcome.into())
}
