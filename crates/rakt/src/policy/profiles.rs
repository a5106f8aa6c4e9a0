//! The built-in `india`, `us` and `uk` profiles, with a source for every value.
//!
//! Citations point at `research/blood.md` in the project's shared research, which quotes each
//! source. Confidence follows that file's tags: high = primary text, medium = faithful secondary
//! or two agreeing secondaries, low = a single secondary or an inference, unverified = no source
//! for this jurisdiction, value borrowed from the one cited.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveTime, Offset};
use rust_decimal::Decimal;

use super::{
    CompatibilityPolicy, Confidence, PlasmaOrder, PlateletOrder, Policy, RedateRule,
    RedatingPolicy, ShelfLife, ShelfLifePolicy, Source, StoragePolicy, TemperatureRange, ThawLife,
    TimeOfDay, UtcOffset,
};
use crate::blood_group::{Abo, RhD};

use Confidence::{High, Low, Medium, Unverified};
use ShelfLife::{Days, Hours, Months};

const CFR: &str = "21 CFR 610.53(b), table of dating periods (FDA eCFR, current as of 2023-12-22; research/blood.md §2.1)";
const SCHED_F: &str = "Drugs and Cosmetics Rules 1945, Schedule F Part XII-B (pre-2020 wording), as reproduced by the Uttar Pradesh Health Department (research/blood.md §2.2)";
const PMC_INDIA: &str =
    "Shelf lives applied in India: PMC5515544 Table I, Br J Haematol 2014 (research/blood.md §2.1)";
const NACO: &str = "NACO Standards for Blood Banks and Blood Transfusion Services 2007 §H-3, via a secondary mirror (research/blood.md §2.1)";
const RED_BOOK_SHELF: &str = "JPAC Red Book §7.6.3 (research/blood.md §2.1)";
const RED_BOOK_IRR: &str = "JPAC Red Book §8.28 and Lifeblood: irradiate up to 14 days after collection, then store up to 14 days (research/blood.md §2.1)";
const EU_ANNEX_IV: &str = "Directive 2004/33/EC Annex IV, as in the UK Blood Safety and Quality Regulations 2005, Schedule Part 4 (research/blood.md §2.1)";
const LEARNHAEM_UK: &str =
    "BSH guidance as summarised by learnhaem (research/blood.md §1.3–§1.5, §2.1)";
const ISBT_TIME: &str = "ISBT 128 ST-001 v6.2.2 §2.4.5: a date without a time expires at 23:59; day 0 = collection date per JPAC Red Book §6.5 (research/blood.md §0)";
const LIFEBLOOD_AGES: &str = "Australian Red Cross Lifeblood, Component compatibility: female ≤ 50 years, male ≤ 18 years need RhD-negative (research/blood.md §1.3)";
const BLOODWORKS: &str = "Bloodworks Northwest, emergency red blood cell use: O-negative for all < 16 years and females < 50 (research/blood.md §1.3)";
const UTMB: &str = "UTMB blood bank: females of child-bearing potential, generally women < 55 years (research/blood.md §1.3)";
const SANDLER: &str = "Sandler, Chen, Flegel, Br J Haematol 2017;179:10-19: serological weak D recipients are traditionally managed as RhD-negative, donors as RhD-positive (research/blood.md §1.10)";
const AU_PLASMA_EMERGENCY: &str = "transfusion.com.au plasma compatibility and U. Alberta transfusion module: group AB plasma when the group is unknown (research/blood.md §1.4)";
const AU_PLATELETS: &str = "transfusion.com.au ABO platelet compatibility tables, current version; the O row from the older version, whose third choice the current copy renders ambiguously (research/blood.md §1.5)";
const AU_PLASMA_TABLE: &str = "transfusion.com.au / Lifeblood plasma compatibility table: O: O, A, B, AB; A: A, AB, then B low-titre only; B: B, AB, then A low-titre only; AB: AB, then A if AB unobtainable, then B low-titre only; footnote d: low-titre anti-A/B plasma poses a lower risk of haemolysis (research/blood.md §1.4)";
const UK_PLASMA_TABLE: &str = "UK NHS-trust plasma table, FFP and cryo (notion.so copy): O: O/A/B; A: A/AB/B*; B: B/AB/A*; AB: AB/A*/B*; * = only suitable for emergency use and if the unit is tested and found negative for high-titre ABO antibodies (research/blood.md §1.4)";
const BSH_IRRADIATION: &str = "BSH irradiation guideline, Foukaneli et al., Br J Haematol 2020;191:704-724 (cited in research/blood.md §1.12); the statement on platelet and granulocyte re-dating itself was not retrieved";
const AABB_THAWED_FFP: &str = "AABB Circular of Information via BBGuy glossary: thawed FFP at 1–6 °C for 24 hours (research/blood.md §2.1)";
const CBAHI_CRYO: &str = "CBAHI LB.60.3 (Saudi standard mirroring AABB): thawed cryoprecipitate at 20–24 °C expires 6 hours after thawing, pooled 4 hours (research/blood.md §2.1)";
const VITALANT_WASHED: &str =
    "Vitalant: washed platelets expire in 4 hours (research/blood.md §1.12)";

const INDIA_GAP_NOTE: &str = "No Indian value found; the Indian values that were found (CPDA-1 35 days, additive solution 42 days) equal 21 CFR 610.53, so the US value fills this gap.";

fn age_sources(
    s: &mut BTreeMap<String, Source>,
    cbp: Source,
    paed: Source,
    weak_d: Source,
    plasma: Source,
    platelets: Source,
    order: Source,
) {
    s.insert("compatibility.child_bearing_potential_max_age".into(), cbp);
    s.insert("compatibility.paediatric_max_age".into(), paed);
    s.insert("compatibility.weak_d_recipient_as".into(), weak_d);
    s.insert("compatibility.emergency_plasma".into(), plasma);
    s.insert("compatibility.emergency_platelets".into(), platelets);
    for abo in Abo::ALL {
        s.insert(format!("compatibility.platelet_order.{abo}"), order.clone());
    }
}

fn au_platelet_order() -> PlateletOrder {
    use Abo::*;
    PlateletOrder {
        o: vec![O, A, AB],
        a: vec![A, O, B, AB],
        b: vec![B, O, A, AB],
        ab: vec![AB, A, B, O],
        oh: vec![Oh],
    }
}

/// Only plasma without anti-A/anti-B against the recipient's red cells: the cautious reading,
/// for profiles with no source of their own on incompatible plasma.
fn compatible_plasma_order() -> PlasmaOrder {
    use Abo::*;
    PlasmaOrder {
        o: vec![O, A, B, AB],
        a: vec![A, AB],
        b: vec![B, AB],
        ab: vec![AB],
    }
}

/// The UK table: the starred (emergency, high-titre-negative) groups after the compatible ones.
/// Group AB, which the table does not list for O recipients, carries no anti-A or anti-B and is
/// kept last, as in the Lifeblood table.
fn uk_plasma_order() -> PlasmaOrder {
    use Abo::*;
    PlasmaOrder {
        o: vec![O, A, B, AB],
        a: vec![A, AB, B],
        b: vec![B, AB, A],
        ab: vec![AB, A, B],
    }
}

fn plasma_order_sources(s: &mut BTreeMap<String, Source>, source: &Source) {
    for abo in PlasmaOrder::RECIPIENTS {
        s.insert(format!("compatibility.plasma_order.{abo}"), source.clone());
    }
}

/// For profiles without a source of their own: compatible plasma only, the table's incompatible
/// choices recorded as alternatives.
fn compatible_plasma_order_source(why: &str) -> Source {
    Source::new(AU_PLASMA_TABLE, Unverified)
        .note(&format!("{why} Only plasma without anti-A or anti-B against the recipient's red cells, the cautious reading: the low-titre and 'if AB unobtainable' choices of the same table are not adopted, so group A plasma is refused for a known AB recipient, and emergency plasma stays AB."))
        .alt("AB: AB, A (if AB unobtainable), B (low-titre only); A: A, AB, B (low-titre only); B: B, AB, A (low-titre only)", AU_PLASMA_TABLE)
        .alt("AB: AB, A*, B*; A: A, AB, B*; B: B, AB, A* (* emergency only, tested negative for high-titre anti-A/B)", UK_PLASMA_TABLE)
}

fn platelet_order_source(confidence: Confidence) -> Source {
    Source::new(AU_PLATELETS, confidence)
        .note("Non-identical platelets are given with caveats (low-titre units where the plasma is incompatible). Bombay recipients: only Bombay platelets; no source was found, so the cautious choice.")
        .alt("O: O, A, then ambiguous", "transfusion.com.au, current version")
}

fn celsius(min: Option<i64>, max: Option<i64>) -> TemperatureRange {
    TemperatureRange {
        min_celsius: min.map(Decimal::from),
        max_celsius: max.map(Decimal::from),
    }
}

fn time_2359() -> TimeOfDay {
    TimeOfDay(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN))
}

fn offset(seconds: i32) -> UtcOffset {
    // Every offset used below is within ±24 h, so `east_opt` cannot fail; UTC is a safe fallback.
    UtcOffset(FixedOffset::east_opt(seconds).unwrap_or(chrono::Utc.fix()))
}

/// Re-dating as in 21 CFR 610.53 and AABB practice; India borrows it (see INDIA_GAP_NOTE).
fn cfr_redating() -> RedatingPolicy {
    use crate::Component::{Cryoprecipitate, FreshFrozenPlasma, Granulocytes, Platelets, RedCells};
    let mut r = RedatingPolicy::default();
    r.irradiated.set(RedCells, RedateRule::Limit(Days(28)));
    r.irradiated.set(Platelets, RedateRule::Unchanged);
    r.irradiated.set(Granulocytes, RedateRule::Unchanged);
    r.washed.set(RedCells, RedateRule::Limit(Hours(24)));
    r.washed.set(Platelets, RedateRule::Limit(Hours(4)));
    r.opened.set(RedCells, RedateRule::Limit(Hours(24)));
    let thawed = |refrigerated, room_temperature| ThawLife {
        refrigerated,
        room_temperature,
    };
    r.thawed
        .set(FreshFrozenPlasma, thawed(Some(Hours(24)), None));
    r.thawed.set(Cryoprecipitate, thawed(None, Some(Hours(6))));
    r.pooled.set(Cryoprecipitate, Hours(4));
    r
}

/// Shelf lives of 21 CFR 610.53(b); India borrows those its own sources do not give.
fn cfr_shelf_life() -> ShelfLifePolicy {
    ShelfLifePolicy {
        whole_blood_cpd: Some(Days(21)),
        whole_blood_cpda1: Some(Days(35)),
        red_cells_cpd: Some(Days(21)),
        red_cells_cpda1: Some(Days(35)),
        red_cells_additive_solution: Some(Days(42)),
        platelets_random_donor: Some(Days(5)),
        platelets_apheresis: Some(Days(5)),
        fresh_frozen_plasma: Some(Months(12)),
        plasma: Some(Months(60)),
        cryo_poor_plasma: Some(Months(12)),
        cryoprecipitate: Some(Months(12)),
        granulocytes: Some(Hours(24)),
    }
}

fn cite(s: &mut BTreeMap<String, Source>, path: &str, source: Source) {
    s.insert(path.to_string(), source);
}

pub(super) fn india() -> Policy {
    let mut s = BTreeMap::new();
    cite(
        &mut s,
        "utc_offset",
        Source::new("Indian Standard Time, UTC+05:30", High),
    );
    cite(
        &mut s,
        "expiry_time_of_day",
        Source::new(ISBT_TIME, Unverified)
            .note("No Indian source states the expiry time of day; ISBT 128 is the international default."),
    );
    age_sources(
        &mut s,
        Source::new(LIFEBLOOD_AGES, Unverified)
            .note("No Indian source found; AU/UK value. Inclusive: a woman aged 50 is of child-bearing potential.")
            .alt("54 (< 55)", UTMB)
            .alt("49 (< 50)", BLOODWORKS),
        Source::new(LEARNHAEM_UK, Unverified)
            .note("No Indian source found; UK value (< 18 years), also India's age of majority. Inclusive: a patient aged 17 is a child.")
            .alt("18 (male ≤ 18)", LIFEBLOOD_AGES)
            .alt("15 (< 16)", BLOODWORKS),
        Source::new(SANDLER, Unverified)
            .note("No Indian source found; the traditional, cautious practice."),
        Source::new(AU_PLASMA_EMERGENCY, Unverified)
            .note("No Indian source found.")
            .alt("A", "UK practice: fewer than 3% of group A donors have high-titre anti-B (research/blood.md §1.4)"),
        Source::new(
            "transfusion.com.au platelet compatibility: unknown group → A or O, low-titre anti-A/B (research/blood.md §1.5)",
            Unverified,
        )
        .note("No Indian source found.")
        .alt("A only", LEARNHAEM_UK),
        platelet_order_source(Unverified),
    );
    plasma_order_sources(
        &mut s,
        &compatible_plasma_order_source("No Indian source found."),
    );

    // India's own values (CPDA-1 35 d, additive 42 d) equal the US ones; platelets are India's.
    let shelf_life = ShelfLifePolicy {
        platelets_random_donor: Some(Days(3)),
        platelets_apheresis: Some(Days(3)),
        ..cfr_shelf_life()
    };
    cite(
        &mut s,
        "shelf_life.whole_blood_cpd",
        Source::new(CFR, Unverified).note(INDIA_GAP_NOTE),
    );
    cite(
        &mut s,
        "shelf_life.whole_blood_cpda1",
        Source::new(PMC_INDIA, Medium).alt("35 days", CFR),
    );
    cite(
        &mut s,
        "shelf_life.red_cells_cpd",
        Source::new(CFR, Unverified).note(INDIA_GAP_NOTE),
    );
    cite(
        &mut s,
        "shelf_life.red_cells_cpda1",
        Source::new(PMC_INDIA, Medium).alt("35 days", CFR),
    );
    cite(
        &mut s,
        "shelf_life.red_cells_additive_solution",
        Source::new(SCHED_F, Medium)
            .note("SAGM, ADSOL and Nutricel may be used for storing red cells up to 42 days; also applied in India per PMC5515544.")
            .alt("35 days", RED_BOOK_SHELF),
    );
    let platelet_note = "Cautious default from the Indian source: 3 days in a closed system. Centres using extended-storage platelet bags may set 5 days in a policy file.";
    cite(
        &mut s,
        "shelf_life.platelets_random_donor",
        Source::new(NACO, Low)
            .note(platelet_note)
            .alt("5 days with special bags", NACO)
            .alt("5 days", CFR),
    );
    cite(
        &mut s,
        "shelf_life.platelets_apheresis",
        Source::new(NACO, Low)
            .note("The Indian source does not give apheresis platelets separately; the random-donor value applies.")
            .alt("5 days with special bags", NACO)
            .alt("5 days", CFR),
    );
    cite(
        &mut s,
        "shelf_life.fresh_frozen_plasma",
        Source::new(CFR, Unverified)
            .note("No authoritative Indian value found (FFP, −18 °C or colder, 1 year in the US).")
            .alt("36 months at −25 °C or colder", LEARNHAEM_UK)
            .alt(
                "1 year at −18 °C",
                "an Indian hobby page, fundamentalduties.tripod.com (low)",
            ),
    );
    cite(
        &mut s,
        "shelf_life.plasma",
        Source::new(CFR, Unverified)
            .note("No Indian value found; US 'Plasma', −18 °C or colder, 5 years."),
    );
    cite(
        &mut s,
        "shelf_life.cryo_poor_plasma",
        Source::new(CFR, Unverified).note("No Indian value found; US 'Plasma Cryoprecipitate Reduced', 1 year (looked up in 21 CFR 610.53; not in research/blood.md)."),
    );
    cite(
        &mut s,
        "shelf_life.cryoprecipitate",
        Source::new(CFR, Unverified)
            .note("No Indian value found; US: 1 year from collection of the source blood.")
            .alt("36 months", EU_ANNEX_IV),
    );
    cite(
        &mut s,
        "shelf_life.granulocytes",
        Source::new(NACO, Low)
            .note("Transfuse as soon as possible, within 24 hours.")
            .alt("24 hours", EU_ANNEX_IV),
    );

    let redating = cfr_redating();
    cite(
        &mut s,
        "redating.irradiated.red_cells",
        Source::new(CFR, Unverified)
            .note("No Indian value found. 28 days from irradiation or the original expiry, whichever is earlier.")
            .alt("14 days after irradiation, and irradiation only up to 14 days after collection", RED_BOOK_IRR),
    );
    cite(
        &mut s,
        "redating.irradiated.platelets",
        Source::new(BSH_IRRADIATION, Unverified)
            .note("Irradiation does not shorten the platelet shelf life."),
    );
    cite(
        &mut s,
        "redating.irradiated.granulocytes",
        Source::new(BSH_IRRADIATION, Unverified)
            .note("Granulocytes already expire 24 hours after collection."),
    );
    cite(
        &mut s,
        "redating.washed.red_cells",
        Source::new(CFR, Unverified).note(
            "No Indian value found; US open system (washed): 24 hours after entering the bag.",
        ),
    );
    cite(
        &mut s,
        "redating.washed.platelets",
        Source::new(VITALANT_WASHED, Unverified).note("No Indian value found."),
    );
    cite(
        &mut s,
        "redating.opened.red_cells",
        Source::new(CFR, Unverified)
            .note("No Indian value found; US open system: 24 hours after entering the bag."),
    );
    cite(
        &mut s,
        "redating.thawed.fresh_frozen_plasma.refrigerated",
        Source::new(AABB_THAWED_FFP, Unverified)
            .note("No Indian value found.")
            .alt("5 days, relabelled Thawed Plasma", AABB_THAWED_FFP)
            .alt("up to 120 hours depending on indication", LEARNHAEM_UK),
    );
    cite(
        &mut s,
        "redating.thawed.cryoprecipitate.room_temperature",
        Source::new(CBAHI_CRYO, Unverified).note("No Indian value found."),
    );
    cite(
        &mut s,
        "redating.pooled.cryoprecipitate",
        Source::new(CBAHI_CRYO, Unverified)
            .note("No Indian value found; thawed and pooled: 4 hours."),
    );

    cite(
        &mut s,
        "storage.refrigerated",
        Source::new(SCHED_F, Medium)
            .note("Refrigerators for blood at 2–6 °C; label: keep at 2–6 °C."),
    );
    cite(
        &mut s,
        "storage.room_temperature",
        Source::new(NACO, Low).note("Platelets 22 ± 2 °C with continuous agitation."),
    );
    cite(
        &mut s,
        "storage.frozen",
        Source::new(CFR, Unverified)
            .note("No authoritative Indian value found; −18 °C or colder as in the US.")
            .alt("−25 °C or colder", LEARNHAEM_UK)
            .alt("−30 °C", "a UK teaching page, odpskills.co.uk (low)"),
    );

    let (unit, screening, donor) = super::donor_india::india(&mut s);
    let storage = StoragePolicy {
        refrigerated: celsius(Some(2), Some(6)),
        room_temperature: celsius(Some(20), Some(24)),
        frozen: celsius(None, Some(-18)),
    };
    let kpi = super::kpi::profile(&mut s);
    let maternal = super::maternal::maternal(&mut s);
    let hrp = super::hrp::hrp(&mut s, super::hrp::HrpVariant::Hmis);
    let referral = super::hrp::referral(&mut s);
    let blood_plan = super::hrp::blood_plan(&mut s);
    let early_warning =
        super::early_warning::early_warning(&mut s, super::early_warning::WarningVariant::Chart);
    Policy {
        name: "india".into(),
        description: "India: NBTC guidelines and the Drugs and Cosmetics Rules where they give a value; other values borrowed from the closest source and marked unverified.".into(),
        utc_offset: offset(5 * 3600 + 30 * 60),
        expiry_time_of_day: time_2359(),
        compatibility: CompatibilityPolicy {
            child_bearing_potential_max_age: 50,
            paediatric_max_age: 17,
            weak_d_recipient_as: RhD::Negative,
            emergency_plasma: vec![Abo::AB],
            emergency_platelets: vec![Abo::A, Abo::O],
            platelet_order: au_platelet_order(),
            plasma_order: compatible_plasma_order(),
        },
        shelf_life,
        redating,
        storage,
        unit,
        inventory: super::inventory::inventory(&mut s, "india", &storage),
        screening,
        donor,
        kpi,
        maternal,
        hrp,
        referral,
        blood_plan,
        early_warning,
        sources: s,
    }
}

pub(super) fn us() -> Policy {
    let mut s = BTreeMap::new();
    cite(
        &mut s,
        "utc_offset",
        Source::new(
            "UTC; US facilities set their own offset in a policy file",
            Low,
        )
        .note("The US spans several time zones: override utc_offset for the facility."),
    );
    cite(&mut s, "expiry_time_of_day", Source::new(ISBT_TIME, High));
    age_sources(
        &mut s,
        Source::new(BLOODWORKS, Medium)
            .note("Inclusive: < 50 years means a woman aged 49 is of child-bearing potential.")
            .alt("54 (< 55)", UTMB)
            .alt("50 (≤ 50)", LIFEBLOOD_AGES),
        Source::new(BLOODWORKS, Medium).note("< 16 years.").alt("17 (< 18)", LEARNHAEM_UK),
        Source::new(SANDLER, High).note("AABB Standards do not require weak-D testing of recipients."),
        Source::new(AU_PLASMA_EMERGENCY, Unverified).note("No US source retrieved; AB plasma, as in Canada and Australia."),
        Source::new(
            "transfusion.com.au platelet compatibility: unknown group → A or O, low-titre anti-A/B (research/blood.md §1.5)",
            Unverified,
        )
        .note("No US source retrieved."),
        platelet_order_source(Unverified),
    );
    plasma_order_sources(
        &mut s,
        &compatible_plasma_order_source("No US source retrieved."),
    );
    let shelf_life = cfr_shelf_life();
    for key in [
        "whole_blood_cpd",
        "whole_blood_cpda1",
        "red_cells_cpd",
        "red_cells_cpda1",
        "red_cells_additive_solution",
        "fresh_frozen_plasma",
        "plasma",
        "cryo_poor_plasma",
        "cryoprecipitate",
    ] {
        cite(&mut s, &format!("shelf_life.{key}"), Source::new(CFR, High));
    }
    for key in ["platelets_random_donor", "platelets_apheresis"] {
        cite(
            &mut s,
            &format!("shelf_life.{key}"),
            Source::new(CFR, High)
                .note("20–24 °C; a device's FDA-cleared instructions may allow longer (e.g. 7 days with bacterial testing).")
                .alt("7 days with large-volume delayed sampling ≥ 48 h", "FDA guidance 2019/2020 via Intercept summary (research/blood.md §2.1)"),
        );
    }
    cite(
        &mut s,
        "shelf_life.granulocytes",
        Source::new(
            "AABB practice: transfuse within 24 hours (ccmcc; research/blood.md §2.1)",
            Medium,
        ),
    );

    let redating = cfr_redating();
    cite(
        &mut s,
        "redating.irradiated.red_cells",
        Source::new(CFR, High)
            .note("28 days from irradiation or the original dating, whichever is shorter."),
    );
    cite(
        &mut s,
        "redating.irradiated.platelets",
        Source::new(BSH_IRRADIATION, Unverified),
    );
    cite(
        &mut s,
        "redating.irradiated.granulocytes",
        Source::new(BSH_IRRADIATION, Unverified),
    );
    cite(
        &mut s,
        "redating.washed.red_cells",
        Source::new(CFR, High).note("Open system (e.g. washed): 24 hours after entering the bag."),
    );
    cite(
        &mut s,
        "redating.washed.platelets",
        Source::new(VITALANT_WASHED, Medium),
    );
    cite(
        &mut s,
        "redating.opened.red_cells",
        Source::new(CFR, High).note("Open system: 24 hours after entering the bag."),
    );
    cite(
        &mut s,
        "redating.thawed.fresh_frozen_plasma.refrigerated",
        Source::new(AABB_THAWED_FFP, Medium)
            .alt("5 days, relabelled Thawed Plasma", AABB_THAWED_FFP),
    );
    cite(
        &mut s,
        "redating.thawed.cryoprecipitate.room_temperature",
        Source::new(CBAHI_CRYO, Medium),
    );
    cite(
        &mut s,
        "redating.pooled.cryoprecipitate",
        Source::new(CBAHI_CRYO, Medium),
    );

    cite(
        &mut s,
        "storage.refrigerated",
        Source::new(CFR, High).note("Between 1 and 6 °C."),
    );
    cite(
        &mut s,
        "storage.room_temperature",
        Source::new(CFR, High).note("Platelets between 20 and 24 °C."),
    );
    cite(
        &mut s,
        "storage.frozen",
        Source::new(CFR, High).note("Fresh frozen plasma −18 °C or colder."),
    );

    let (unit, screening, donor) = super::donor_profiles::us(&mut s);
    let storage = StoragePolicy {
        refrigerated: celsius(Some(1), Some(6)),
        room_temperature: celsius(Some(20), Some(24)),
        frozen: celsius(None, Some(-18)),
    };
    let kpi = super::kpi::profile(&mut s);
    let maternal = super::maternal::maternal(&mut s);
    let hrp = super::hrp::hrp(&mut s, super::hrp::HrpVariant::Us);
    let referral = super::hrp::referral(&mut s);
    let blood_plan = super::hrp::blood_plan(&mut s);
    let early_warning =
        super::early_warning::early_warning(&mut s, super::early_warning::WarningVariant::Chart);
    Policy {
        name: "us".into(),
        description: "United States: 21 CFR 610.53 dating periods and AABB practice.".into(),
        utc_offset: offset(0),
        expiry_time_of_day: time_2359(),
        compatibility: CompatibilityPolicy {
            child_bearing_potential_max_age: 49,
            paediatric_max_age: 15,
            weak_d_recipient_as: RhD::Negative,
            emergency_plasma: vec![Abo::AB],
            emergency_platelets: vec![Abo::A, Abo::O],
            platelet_order: au_platelet_order(),
            plasma_order: compatible_plasma_order(),
        },
        shelf_life,
        redating,
        storage,
        unit,
        inventory: super::inventory::inventory(&mut s, "us", &storage),
        screening,
        donor,
        kpi,
        maternal,
        hrp,
        referral,
        blood_plan,
        early_warning,
        sources: s,
    }
}

pub(super) fn uk() -> Policy {
    let mut s = BTreeMap::new();
    cite(
        &mut s,
        "utc_offset",
        Source::new("Greenwich Mean Time, UTC+00:00", High)
            .note("British Summer Time (UTC+01:00) is not modelled: set utc_offset in a policy file during BST."),
    );
    cite(&mut s, "expiry_time_of_day", Source::new(ISBT_TIME, High));
    age_sources(
        &mut s,
        Source::new(LEARNHAEM_UK, Medium)
            .note("Women of child-bearing potential, ≤ 50 years as in AU/UK tables.")
            .alt("54 (< 55)", UTMB),
        Source::new(LEARNHAEM_UK, Medium).note("< 18 years.").alt("18 (male ≤ 18)", LIFEBLOOD_AGES),
        Source::new(SANDLER, High),
        Source::new(LEARNHAEM_UK, Medium)
            .note("UK practice: group A plasma when the group is unknown (fewer than 3% of group A donors have high-titre anti-B), sparing scarce AB plasma; AB plasma, which has no anti-A or anti-B, stays acceptable. Group A carries anti-B, and the recipient may be AB, so it is given with the same caveat as group A plasma for a known AB recipient (compatibility.plasma_order.AB, from the UK table): a unit tested negative for high-titre anti-B, in an emergency only.")
            .alt("AB", AU_PLASMA_EMERGENCY),
        Source::new(LEARNHAEM_UK, Medium).note("UK practice: group A platelets when the group is unknown."),
        platelet_order_source(Unverified),
    );
    plasma_order_sources(
        &mut s,
        &Source::new(UK_PLASMA_TABLE, Low)
            .note("The starred groups are given with the caveat PLASMA_HIGH_TITRE_NEGATIVE_ONLY (emergency only, when plasma without that antibody is unobtainable; a unit tested negative for high-titre anti-A/anti-B). The same caveat as group A emergency plasma: an unknown recipient may be AB. The Lifeblood table lists the same non-identical groups (low-titre only; A for AB if AB unobtainable); learnhaem gives group A plasma when the group is unknown because fewer than 3% of group A donors have high-titre anti-B. AB, not listed for O recipients by the UK table, is compatible and kept last.")
            .alt("AB: AB, A (if AB unobtainable), B (low-titre only)", AU_PLASMA_TABLE)
            .alt("compatible plasma only (AB: AB)", "the india and us profiles, the cautious reading"),
    );
    let shelf_life = ShelfLifePolicy {
        red_cells_additive_solution: Some(Days(35)),
        platelets_random_donor: Some(Days(5)),
        platelets_apheresis: Some(Days(5)),
        fresh_frozen_plasma: Some(Months(36)),
        plasma: Some(Months(36)),
        cryo_poor_plasma: Some(Months(36)),
        cryoprecipitate: Some(Months(36)),
        granulocytes: Some(Hours(24)),
        ..ShelfLifePolicy::default()
    };
    cite(
        &mut s,
        "shelf_life.red_cells_additive_solution",
        Source::new(RED_BOOK_SHELF, High).alt("42 days", "JPAC Red Book 2009 edition"),
    );
    for key in ["platelets_random_donor", "platelets_apheresis"] {
        cite(
            &mut s,
            &format!("shelf_life.{key}"),
            Source::new(LEARNHAEM_UK, Medium).alt(
                "7 days with bacterial screening or pathogen inactivation",
                LEARNHAEM_UK,
            ),
        );
    }
    cite(
        &mut s,
        "shelf_life.fresh_frozen_plasma",
        Source::new(LEARNHAEM_UK, Medium).note("At −25 °C or colder."),
    );
    for key in ["plasma", "cryo_poor_plasma", "cryoprecipitate"] {
        cite(
            &mut s,
            &format!("shelf_life.{key}"),
            Source::new(EU_ANNEX_IV, Medium)
                .note("Plasma and cryoprecipitate: up to 36 months according to processes."),
        );
    }
    cite(
        &mut s,
        "shelf_life.granulocytes",
        Source::new(EU_ANNEX_IV, High),
    );

    let mut redating = RedatingPolicy {
        irradiate_within_days_of_collection: Some(14),
        ..RedatingPolicy::default()
    };
    redating
        .irradiated
        .set(crate::Component::RedCells, RedateRule::Limit(Days(14)));
    redating
        .irradiated
        .set(crate::Component::Platelets, RedateRule::Unchanged);
    redating
        .irradiated
        .set(crate::Component::Granulocytes, RedateRule::Unchanged);
    redating.thawed.set(
        crate::Component::FreshFrozenPlasma,
        ThawLife {
            refrigerated: Some(Hours(24)),
            room_temperature: Some(Hours(4)),
        },
    );
    redating.thawed.set(
        crate::Component::Cryoprecipitate,
        ThawLife {
            refrigerated: None,
            room_temperature: Some(Hours(4)),
        },
    );
    redating.pooled.set(crate::Component::Platelets, Hours(6));
    cite(
        &mut s,
        "redating.irradiated.red_cells",
        Source::new(RED_BOOK_IRR, High)
            .note("For intrauterine or exchange transfusion use within 24 hours of irradiation."),
    );
    cite(
        &mut s,
        "redating.irradiate_within_days_of_collection",
        Source::new(RED_BOOK_IRR, High),
    );
    cite(
        &mut s,
        "redating.irradiated.platelets",
        Source::new(BSH_IRRADIATION, Unverified),
    );
    cite(
        &mut s,
        "redating.irradiated.granulocytes",
        Source::new(BSH_IRRADIATION, Unverified),
    );
    cite(
        &mut s,
        "redating.thawed.fresh_frozen_plasma.refrigerated",
        Source::new(
            "droracle summary of UK practice: 24 hours in general (research/blood.md §2.1)",
            Low,
        )
        .alt(
            "up to 120 hours at 4 ± 2 °C depending on indication",
            LEARNHAEM_UK,
        ),
    );
    cite(
        &mut s,
        "redating.thawed.fresh_frozen_plasma.room_temperature",
        Source::new(LEARNHAEM_UK, Medium).note("4 hours at 22 ± 2 °C."),
    );
    cite(
        &mut s,
        "redating.thawed.cryoprecipitate.room_temperature",
        Source::new(
            "NHS trust transfusion page: thawed cryoprecipitate 4 hours (research/blood.md §2.1)",
            Low,
        ),
    );
    cite(
        &mut s,
        "redating.pooled.platelets",
        Source::new(LEARNHAEM_UK, Medium).note("Open-system pools within 6 hours."),
    );

    cite(
        &mut s,
        "storage.refrigerated",
        Source::new(RED_BOOK_SHELF, High).note("4 ± 2 °C."),
    );
    cite(
        &mut s,
        "storage.room_temperature",
        Source::new(LEARNHAEM_UK, Medium).note("22 ± 2 °C with agitation."),
    );
    cite(
        &mut s,
        "storage.frozen",
        Source::new(LEARNHAEM_UK, Medium).note("−25 °C or colder."),
    );

    let (unit, screening, donor) = super::donor_profiles::uk(&mut s);
    let storage = StoragePolicy {
        refrigerated: celsius(Some(2), Some(6)),
        room_temperature: celsius(Some(20), Some(24)),
        frozen: celsius(None, Some(-25)),
    };
    let kpi = super::kpi::profile(&mut s);
    let maternal = super::maternal::maternal(&mut s);
    let hrp = super::hrp::hrp(&mut s, super::hrp::HrpVariant::Uk);
    let referral = super::hrp::referral(&mut s);
    let blood_plan = super::hrp::blood_plan(&mut s);
    let early_warning =
        super::early_warning::early_warning(&mut s, super::early_warning::WarningVariant::Chart);
    Policy {
        name: "uk".into(),
        description: "United Kingdom: JPAC Red Book and BSH guidance. Whole blood and red cells in CPD/CPDA-1, washed and opened red cells have no UK value in the sources and are left out.".into(),
        utc_offset: offset(0),
        expiry_time_of_day: time_2359(),
        compatibility: CompatibilityPolicy {
            child_bearing_potential_max_age: 50,
            paediatric_max_age: 17,
            weak_d_recipient_as: RhD::Negative,
            emergency_plasma: vec![Abo::A, Abo::AB],
            emergency_platelets: vec![Abo::A],
            platelet_order: au_platelet_order(),
            plasma_order: uk_plasma_order(),
        },
        shelf_life,
        redating,
        storage,
        unit,
        inventory: super::inventory::inventory(&mut s, "uk", &storage),
        screening,
        donor,
        kpi,
        maternal,
        hrp,
        referral,
        blood_plan,
        early_warning,
        sources: s,
    }
}

/// `india` with the FLW app's HRP cut-offs (severe anaemia `Hb < 7`).
pub(super) fn india_flw() -> Policy {
    india_hrp_variant(
        "india_flw",
        "India, with the high-risk pregnancy cut-offs of the NHM-deployed FLW app (PSMRI/FLW-Mobile-App) throughout: severe anaemia Hb < 7 g/dL.",
        super::hrp::HrpVariant::Flw,
    )
}

/// `india` with the OpenCHS/Avni mother module's HRP cut-offs.
pub(super) fn india_openchs() -> Policy {
    india_hrp_variant(
        "india_openchs",
        "India, with the high-risk pregnancy cut-offs of the OpenCHS/Avni mother module: height <= 145 cm, age > 30, gravida >= 5, weight <= 35 kg, Hb < 7 g/dL; the others as india.",
        super::hrp::HrpVariant::OpenChs,
    )
}

fn india_hrp_variant(name: &str, description: &str, variant: super::hrp::HrpVariant) -> Policy {
    let mut p = india();
    p.sources.retain(|k, _| !k.starts_with("hrp."));
    p.hrp = super::hrp::hrp(&mut p.sources, variant);
    p.name = name.into();
    p.description = description.into();
    p
}

/// `india` with the aggregate-score variant of obstetric early warning.
pub(super) fn india_meows_score() -> Policy {
    let mut p = india();
    p.sources.retain(|k, _| !k.starts_with("early_warning."));
    p.early_warning = super::early_warning::early_warning(
        &mut p.sources,
        super::early_warning::WarningVariant::Score,
    );
    p.name = "india_meows_score".into();
    p.description = "India, with the aggregate-score variant of obstetric early warning (points per vital sign; a single 3 or a total of 5 is red, 3-4 amber) in place of the coloured chart.".into();
    p
}
