//! Invariants that must hold for every input, checked with proptest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone};
use proptest::prelude::*;
use rakt::{
    ASubgroup, Abo, BloodGroup, Component, Expiry, Modification, PlateletSource, Policy,
    Preservative, Product, Rank, Recipient, Redating, RhD, Sex, Storage, compatibility,
    donor_preference,
};

fn abo() -> impl Strategy<Value = Abo> {
    prop::sample::select(Abo::ALL.to_vec())
}

fn rhd() -> impl Strategy<Value = Option<RhD>> {
    prop::option::of(prop::sample::select(vec![RhD::Positive, RhD::Negative]))
}

fn blood_group() -> impl Strategy<Value = BloodGroup> {
    (
        abo(),
        rhd(),
        prop::option::of(prop::sample::select(vec![ASubgroup::A1, ASubgroup::A2])),
        any::<bool>(),
    )
        .prop_map(|(abo, rhd, sub, weak)| {
            let base = match rhd {
                Some(r) => BloodGroup::new(abo, r),
                None => BloodGroup::rhd_unknown(abo),
            }
            .with_weak_d(weak);
            match sub {
                Some(s) => base.with_a_subgroup(s).unwrap_or(base),
                None => base,
            }
        })
}

fn recipient() -> impl Strategy<Value = Recipient> {
    (
        prop::option::of(blood_group()),
        prop::option::of(prop::sample::select(vec![
            Sex::Female,
            Sex::Male,
            Sex::Other,
        ])),
        prop::option::of(0u32..100),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(group, sex, age_years, anti_d, chronic)| Recipient {
            group,
            sex,
            age_years,
            anti_d,
            chronically_transfused: chronic,
        })
}

fn component() -> impl Strategy<Value = Component> {
    prop::sample::select(Component::ALL.to_vec())
}

fn policy() -> impl Strategy<Value = Policy> {
    prop::sample::select(vec![Policy::india(), Policy::us(), Policy::uk()])
}

fn product() -> impl Strategy<Value = Product> {
    prop::sample::select(vec![
        Product::whole_blood(Preservative::Cpda1).unwrap(),
        Product::red_cells(Preservative::Cpd),
        Product::red_cells(Preservative::Cpda1),
        Product::red_cells(Preservative::AdditiveSolution),
        Product::platelets(PlateletSource::RandomDonor),
        Product::platelets(PlateletSource::Apheresis),
        Product::simple(Component::FreshFrozenPlasma).unwrap(),
        Product::simple(Component::Plasma).unwrap(),
        Product::simple(Component::CryoPoorPlasma).unwrap(),
        Product::simple(Component::Cryoprecipitate).unwrap(),
        Product::simple(Component::Granulocytes).unwrap(),
    ])
}

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2020..2035, at a random minute, in one of a few offsets.
    (
        1_577_836_800i64..2_051_222_400,
        prop::sample::select(vec![0, 19_800, -18_000, 3_600]),
    )
        .prop_map(|(secs, off)| {
            FixedOffset::east_opt(off)
                .unwrap()
                .timestamp_opt(secs, 0)
                .unwrap()
        })
}

fn event(at: DateTime<FixedOffset>, kind: u8) -> Redating {
    match kind % 5 {
        0 => Redating::Irradiated { at },
        1 => Redating::Washed { at },
        2 => Redating::Opened { at },
        3 => Redating::Thawed {
            at,
            storage: Storage::Refrigerated,
        },
        _ => Redating::Thawed {
            at,
            storage: Storage::RoomTemperature,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn notation_round_trips(g in blood_group()) {
        prop_assert_eq!(BloodGroup::parse(&g.notation()).unwrap(), g);
        let json = serde_json::to_string(&g).unwrap();
        prop_assert_eq!(serde_json::from_str::<BloodGroup>(&json).unwrap(), g);
    }

    #[test]
    fn spellings_are_case_and_space_insensitive(
        abo in prop::sample::select(vec![Abo::O, Abo::A, Abo::B, Abo::AB, Abo::Oh]),
        positive in any::<bool>(),
        word in 0usize..6,
        upper in any::<bool>(),
        spaces in 0usize..3,
    ) {
        let rh = if positive {
            ["+", "pos", "positive", "+ve", "Rh positive", "RhD +"][word]
        } else {
            ["-", "neg", "negative", "-ve", "Rh negative", "RhD -"][word]
        };
        let text = format!("{}{}{}", abo.as_str(), " ".repeat(spaces), rh);
        let text = if upper { text.to_uppercase() } else { text.to_lowercase() };
        let g = BloodGroup::parse(&text).unwrap();
        prop_assert_eq!(g.abo(), abo);
        prop_assert_eq!(g.rhd(), Some(if positive { RhD::Positive } else { RhD::Negative }));
    }

    #[test]
    fn parsing_never_panics(text in ".{0,24}") {
        match BloodGroup::parse(&text) {
            Ok(g) => prop_assert_eq!(BloodGroup::parse(&g.notation()).unwrap(), g),
            Err(e) => prop_assert_eq!(e.kind(), "InvalidBloodGroup"),
        }
    }

    #[test]
    fn verdicts_are_consistent_and_deterministic(
        c in component(), d in blood_group(), r in recipient(), p in policy()
    ) {
        let v = compatibility(c, &d, &r, &p);
        prop_assert_eq!(&v, &compatibility(c, &d, &r, &p));
        prop_assert_eq!(v.compatible, v.rank != Rank::Incompatible);
        prop_assert!(!v.reasons.is_empty());
        prop_assert_eq!(v.emergency, r.group.is_none());
        // Most severe first.
        prop_assert!(v.reasons.windows(2).all(|w| w[0].severity >= w[1].severity));
    }

    #[test]
    fn preference_lists_exactly_the_compatible_groups(c in component(), r in recipient(), p in policy()) {
        let options = donor_preference(c, &r, &p);
        let listed: Vec<BloodGroup> = options.iter().map(|o| o.group).collect();
        let compatible: Vec<BloodGroup> = BloodGroup::STANDARD
            .iter()
            .copied()
            .filter(|d| compatibility(c, d, &r, &p).compatible)
            .collect();
        prop_assert_eq!(listed.len(), compatible.len());
        for d in &compatible {
            prop_assert!(listed.contains(d));
        }
        // Choices without a caveat come before choices with one.
        let first_caveat = options.iter().position(|o| o.rank == Rank::CompatibleWithCaveat);
        if let Some(i) = first_caveat {
            prop_assert!(options[i..].iter().all(|o| o.rank == Rank::CompatibleWithCaveat));
        }
    }

    #[test]
    fn a_modification_never_extends_expiry(
        prod in product(),
        collected in instant(),
        p in policy(),
        steps in prop::collection::vec((0i64..60 * 24 * 60, any::<u8>()), 1..5),
    ) {
        let Ok(mut e) = Expiry::compute(&prod, collected, &p) else { return Ok(()); };
        let mut at = collected;
        for (minutes, kind) in steps {
            at += TimeDelta::minutes(minutes);
            let before = e.clone();
            match e.redate(&event(at, kind), &p) {
                Ok(next) => {
                    prop_assert!(next.expires_at <= before.expires_at);
                    prop_assert!(next.product.modifications().is_superset(before.product.modifications()));
                    prop_assert_eq!(next.reasons.len(), before.reasons.len() + 1);
                    e = next;
                }
                // `redate` returns a new value, so a refusal cannot half-apply; it must be one of
                // the documented refusals, never anything else.
                Err(err) => prop_assert!(
                    matches!(err.kind(), "NotApplicable" | "PolicyValueMissing" | "InvalidInput"),
                    "{err}"
                ),
            }
        }
    }

    #[test]
    fn expiry_is_monotonic_in_time(
        prod in product(), collected in instant(), p in policy(),
        offset_minutes in -10_000i64..200_000, window_minutes in 0u64..20_000,
    ) {
        let Ok(e) = Expiry::compute(&prod, collected, &p) else { return Ok(()); };
        prop_assert!(e.expires_at > collected);
        prop_assert_eq!(e.expires_at.offset(), &p.offset());
        let t = collected + TimeDelta::minutes(offset_minutes);
        let later = t + TimeDelta::minutes(1);
        if e.is_expired(t) {
            prop_assert!(e.is_expired(later));
        }
        let within = e.expires_within(Duration::from_secs(window_minutes * 60), t);
        if within {
            prop_assert!(!e.is_expired(t));
            prop_assert!(e.is_expired(t + TimeDelta::minutes(window_minutes as i64)));
        }
    }

    #[test]
    fn pools_expire_no_later_than_any_constituent(
        collected in prop::collection::vec(0i64..(4 * 24 * 60), 2..6),
        p in policy(),
    ) {
        let start = FixedOffset::east_opt(19_800).unwrap().with_ymd_and_hms(2026, 1, 1, 6, 0, 0).unwrap();
        let prod = Product::platelets(PlateletSource::RandomDonor);
        let units: Vec<Expiry> = collected
            .iter()
            .map(|m| Expiry::compute(&prod, start + TimeDelta::minutes(*m), &p).unwrap())
            .collect();
        let pooled_at = units.iter().map(|u| u.collected_at).max().unwrap();
        match Expiry::pool(&units, pooled_at, &p) {
            Ok(pool) => {
                prop_assert!(units.iter().all(|u| pool.expires_at <= u.expires_at));
                prop_assert!(pool.product.has(Modification::Pooled));
            }
            Err(e) => prop_assert_eq!(e.kind(), "NotApplicable"),
        }
    }

    #[test]
    fn policy_overrides_round_trip(
        base in prop::sample::select(vec!["india", "us", "uk"]),
        cbp in 12u32..70, paed in 0u32..21, days in 1u32..60,
    ) {
        let text = format!(
            "name = \"p\"\nextends = \"{base}\"\n[compatibility]\nchild_bearing_potential_max_age = {cbp}\npaediatric_max_age = {paed}\n[shelf_life.red_cells_additive_solution]\ndays = {days}\n"
        );
        let p = Policy::from_toml(&text).unwrap();
        prop_assert_eq!(p.compatibility.child_bearing_potential_max_age, cbp);
        prop_assert_eq!(Policy::from_json(&p.to_json().unwrap()).unwrap(), p.clone());
        prop_assert_eq!(Policy::from_toml(&p.to_toml().unwrap()).unwrap(), p);
    }
}
