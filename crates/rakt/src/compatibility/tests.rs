use super::*;

fn g(s: &str) -> BloodGroup {
    BloodGroup::parse(s).unwrap()
}

fn verdict(c: Component, donor: &str, recipient: Recipient) -> Compatibility {
    compatibility(c, &g(donor), &recipient, &Policy::india())
}

fn adult_male(group: &str) -> Recipient {
    Recipient::new(g(group)).male(40)
}

/// Rows = recipient, columns = donor in BloodGroup::STANDARD order
/// (O- O+ A- A+ B- B+ AB- AB+ Oh- Oh+). I identical, C compatible, W with caveat,
/// X incompatible. Recipient: adult man, no anti-D (RhD-positive red cells to an RhD-negative
/// man are a caveat).
const RED_CELLS_ADULT_MALE: [(&str, &str); 10] = [
    ("O-", "I W X X X X X X W W"),
    ("O+", "C I X X X X X X W W"),
    ("A-", "C W I W X X X X W W"),
    ("A+", "C C C I X X X X W W"),
    ("B-", "C W X X I W X X W W"),
    ("B+", "C C X X C I X X W W"),
    ("AB-", "C W C W C W I W W W"),
    ("AB+", "C C C C C C C I W W"),
    ("Oh-", "X X X X X X X X I W"),
    ("Oh+", "X X X X X X X X C I"),
];

/// FFP for the same recipients (RhD irrelevant; reverse ABO).
const PLASMA: [(&str, &str); 10] = [
    ("O-", "I I C C C C C C X X"),
    ("O+", "I I C C C C C C X X"),
    ("A-", "X X I I X X C C X X"),
    ("A+", "X X I I X X C C X X"),
    ("B-", "X X X X I I C C X X"),
    ("B+", "X X X X I I C C X X"),
    ("AB-", "X X X X X X I I X X"),
    ("AB+", "X X X X X X I I X X"),
    ("Oh-", "C C C C C C C C I I"),
    ("Oh+", "C C C C C C C C I I"),
];

/// FFP in the UK profile: the starred groups of the UK table (B for A, A for B, A and B for
/// AB) are given with a caveat.
const PLASMA_UK: [(&str, &str); 10] = [
    ("O-", "I I C C C C C C X X"),
    ("O+", "I I C C C C C C X X"),
    ("A-", "X X I I W W C C X X"),
    ("A+", "X X I I W W C C X X"),
    ("B-", "X X W W I I C C X X"),
    ("B+", "X X W W I I C C X X"),
    ("AB-", "X X W W W W I I X X"),
    ("AB+", "X X W W W W I I X X"),
    ("Oh-", "C C C C C C C C I I"),
    ("Oh+", "C C C C C C C C I I"),
];

fn check_matrix(component: Component, rows: &[(&str, &str)], make: fn(&str) -> Recipient) {
    check_matrix_in(component, rows, make, &Policy::india());
}

fn check_matrix_in(
    component: Component,
    rows: &[(&str, &str)],
    make: fn(&str) -> Recipient,
    policy: &Policy,
) {
    for (recipient, row) in rows {
        let cells: Vec<&str> = row.split(' ').collect();
        for (donor, want) in BloodGroup::STANDARD.iter().zip(cells) {
            let v = compatibility(component, donor, &make(recipient), policy);
            let got = match v.rank {
                Rank::Identical => "I",
                Rank::Compatible => "C",
                Rank::CompatibleWithCaveat => "W",
                Rank::Incompatible => "X",
            };
            assert_eq!(
                got,
                want,
                "{component}: donor {donor} → recipient {recipient}: {:?}",
                v.codes()
            );
        }
    }
}

#[test]
fn red_cell_table_for_adult_men() {
    check_matrix(Component::RedCells, &RED_CELLS_ADULT_MALE, adult_male);
    check_matrix(Component::Granulocytes, &RED_CELLS_ADULT_MALE, adult_male);
}

#[test]
fn plasma_table_is_the_reverse_rule() {
    for c in [
        Component::FreshFrozenPlasma,
        Component::Plasma,
        Component::CryoPoorPlasma,
        Component::Cryoprecipitate,
    ] {
        check_matrix(c, &PLASMA, adult_male);
    }
}

#[test]
fn uk_plasma_table_gives_the_starred_groups_with_a_caveat() {
    for c in [Component::FreshFrozenPlasma, Component::Cryoprecipitate] {
        check_matrix_in(c, &PLASMA_UK, adult_male, &Policy::uk());
    }
    check_matrix_in(
        Component::FreshFrozenPlasma,
        &PLASMA,
        adult_male,
        &Policy::us(),
    );
}

/// Rank letter and codes of one plasma verdict.
fn plasma_verdict(
    policy: &Policy,
    donor: &str,
    recipient: &Recipient,
) -> (Rank, Vec<&'static str>) {
    let v = compatibility(Component::FreshFrozenPlasma, &g(donor), recipient, policy);
    assert_eq!(v.compatible, v.rank != Rank::Incompatible);
    (v.rank, v.codes())
}

#[test]
fn ab_recipient_plasma_per_profile() {
    use Rank::*;
    let ab = adult_male("AB+");
    const HT: &str = "PLASMA_HIGH_TITRE_NEGATIVE_ONLY";
    // The UK accepts A and B plasma for a known AB recipient, with the caveat.
    let uk = Policy::uk();
    assert_eq!(
        plasma_verdict(&uk, "AB+", &ab),
        (Identical, vec!["ABO_IDENTICAL"])
    );
    assert_eq!(
        plasma_verdict(&uk, "A+", &ab),
        (CompatibleWithCaveat, vec![HT])
    );
    assert_eq!(
        plasma_verdict(&uk, "B-", &ab),
        (CompatibleWithCaveat, vec![HT, "RHD_NOT_REQUIRED"])
    );
    assert_eq!(
        plasma_verdict(&uk, "O+", &ab),
        (Incompatible, vec!["PLASMA_ABO_INCOMPATIBLE"])
    );
    let v = compatibility(Component::FreshFrozenPlasma, &g("A+"), &ab, &uk);
    assert_eq!(v.reasons[0].facts.text("antibodies").unwrap(), "anti-B");
    assert_eq!(v.reasons[0].confidence, Some(Confidence::Medium));
    // India and the US: compatible plasma only.
    for policy in [Policy::india(), Policy::us()] {
        assert_eq!(
            plasma_verdict(&policy, "AB-", &ab),
            (Identical, vec!["ABO_IDENTICAL", "RHD_NOT_REQUIRED"])
        );
        for donor in ["A+", "B+"] {
            assert_eq!(
                plasma_verdict(&policy, donor, &ab),
                (Incompatible, vec!["PLASMA_ABO_INCOMPATIBLE"]),
                "{} {donor}",
                policy.name
            );
        }
        assert_eq!(
            plasma_verdict(&policy, "O+", &ab),
            (Incompatible, vec!["PLASMA_ABO_INCOMPATIBLE"])
        );
    }
}

#[test]
fn unknown_group_plasma_per_profile_agrees_with_the_ab_rule() {
    use Rank::*;
    let unknown = Recipient::unknown_group().male(45);
    let release = |extra: Option<&'static str>| {
        let mut codes = vec!["EMERGENCY_RELEASE"];
        codes.extend(extra);
        (CompatibleWithCaveat, codes)
    };
    let refused = (Incompatible, vec!["EMERGENCY_GROUP_NOT_PERMITTED"]);
    let uk = Policy::uk();
    let ht = Some("PLASMA_HIGH_TITRE_NEGATIVE_ONLY");
    assert_eq!(plasma_verdict(&uk, "A-", &unknown), release(ht));
    assert_eq!(plasma_verdict(&uk, "AB+", &unknown), release(None));
    assert_eq!(plasma_verdict(&uk, "B+", &unknown), refused);
    assert_eq!(plasma_verdict(&uk, "O+", &unknown), refused);
    // The emergency caveat is the very reason a known AB recipient gets for group A.
    let emergency = compatibility(Component::FreshFrozenPlasma, &g("A+"), &unknown, &uk);
    let known = compatibility(
        Component::FreshFrozenPlasma,
        &g("A+"),
        &adult_male("AB+"),
        &uk,
    );
    assert_eq!(emergency.reasons[1].code, known.reasons[0].code);
    assert_eq!(emergency.reasons[1].source, known.reasons[0].source);
    assert_eq!(emergency.reasons[1].confidence, known.reasons[0].confidence);
    assert_eq!(
        emergency.reasons[1].facts.text("antibodies").unwrap(),
        "anti-B"
    );
    for policy in [Policy::india(), Policy::us()] {
        assert_eq!(plasma_verdict(&policy, "AB-", &unknown), release(None));
        for donor in ["O+", "A+", "B+", "Oh+"] {
            assert_eq!(plasma_verdict(&policy, donor, &unknown), refused, "{donor}");
        }
    }
    for policy in [Policy::india(), Policy::us(), Policy::uk()] {
        assert_eq!(plasma_verdict(&policy, "Oh-", &unknown), refused);
    }
    let order: Vec<String> = donor_preference(Component::FreshFrozenPlasma, &unknown, &uk)
        .iter()
        .map(|o| o.group.to_string())
        .collect();
    // Every emergency unit has a caveat, so the policy's emergency order rules: UK practice
    // gives group A first, sparing scarce AB plasma.
    assert_eq!(order, ["A+", "A-", "AB+", "AB-"]);
}

#[test]
fn a_local_order_without_a_compatible_group_refuses_it() {
    let mut policy = Policy::india();
    policy.compatibility.plasma_order.o = vec![Abo::O, Abo::A, Abo::B];
    let (rank, codes) = plasma_verdict(&policy, "AB+", &adult_male("O+"));
    assert_eq!(rank, Rank::Incompatible);
    assert_eq!(codes, ["PLASMA_ABO_NOT_IN_POLICY"]);
}

#[test]
fn women_of_child_bearing_potential_and_children_need_rhd_negative() {
    let v = verdict(
        Component::RedCells,
        "O+",
        Recipient::new(g("O-")).female(50),
    );
    assert_eq!(v.rank, Rank::Incompatible);
    assert_eq!(v.codes(), ["RHD_NEGATIVE_REQUIRED", "ABO_IDENTICAL"]);
    assert_eq!(
        v.reasons[0].facts.text("protection").unwrap(),
        "female_child_bearing_potential"
    );
    assert_eq!(v.reasons[0].facts.text("age_limit").unwrap(), "50");
    // One year past the limit: a caveat, not a stop.
    let v = verdict(
        Component::RedCells,
        "O+",
        Recipient::new(g("O-")).female(51),
    );
    assert_eq!(v.rank, Rank::CompatibleWithCaveat);
    assert_eq!(v.codes(), ["RHD_POSITIVE_TO_RHD_NEGATIVE", "ABO_IDENTICAL"]);
    // Children: 17 is a child in India, 18 is not.
    let v = verdict(Component::RedCells, "A+", Recipient::new(g("A-")).male(17));
    assert_eq!(v.reasons[0].facts.text("protection").unwrap(), "child");
    assert!(!v.compatible);
    assert!(verdict(Component::RedCells, "A+", Recipient::new(g("A-")).male(18)).compatible);
}

#[test]
fn anti_d_and_chronic_transfusion_need_rhd_negative_at_any_age() {
    let old_man = Recipient::new(g("B-")).male(70);
    let v = verdict(Component::RedCells, "B+", old_man.clone().with_anti_d(true));
    assert_eq!(v.reasons[0].facts.text("protection").unwrap(), "anti_d");
    assert!(!v.compatible);
    let v = verdict(
        Component::RedCells,
        "B+",
        old_man.with_chronic_transfusion(true),
    );
    assert_eq!(
        v.reasons[0].facts.text("protection").unwrap(),
        "chronically_transfused"
    );
    assert!(!v.compatible);
}

#[test]
fn missing_age_or_sex_is_treated_cautiously() {
    let v = verdict(Component::RedCells, "O+", Recipient::new(g("O-")));
    assert!(!v.compatible);
    assert_eq!(
        v.codes(),
        [
            "RHD_NEGATIVE_REQUIRED",
            "PROTECTION_ASSUMED",
            "ABO_IDENTICAL"
        ]
    );
    assert_eq!(v.reasons[1].facts.text("missing").unwrap(), "age_and_sex");
    let mut man_unknown_age = Recipient::new(g("O-"));
    man_unknown_age.sex = Some(Sex::Male);
    let v = verdict(Component::RedCells, "O+", man_unknown_age);
    assert_eq!(v.reasons[0].facts.text("protection").unwrap(), "child");
    assert_eq!(v.reasons[1].facts.text("missing").unwrap(), "age");
    let mut unknown_sex = Recipient::new(g("O-"));
    unknown_sex.age_years = Some(60);
    assert!(verdict(Component::RedCells, "O+", unknown_sex).compatible);
}

#[test]
fn whole_blood_is_abo_identical_only() {
    for donor in BloodGroup::STANDARD {
        for recipient in BloodGroup::STANDARD {
            let v = compatibility(
                Component::WholeBlood,
                &donor,
                &Recipient::new(recipient).female(60),
                &Policy::india(),
            );
            if donor.abo() != recipient.abo() {
                assert!(!v.compatible, "{donor} → {recipient}");
            }
            if donor == recipient {
                assert_eq!(v.rank, Rank::Identical, "{donor} → {recipient}");
            }
        }
    }
    let v = verdict(Component::WholeBlood, "O-", Recipient::unknown_group());
    assert_eq!(v.codes(), ["WHOLE_BLOOD_GROUP_UNKNOWN"]);
}

#[test]
fn platelets_follow_the_policy_order_with_caveats() {
    let v = verdict(Component::Platelets, "O+", adult_male("A+"));
    assert_eq!(v.rank, Rank::CompatibleWithCaveat);
    assert_eq!(
        v.codes(),
        ["PLATELET_ABO_NON_IDENTICAL", "PLATELET_PLASMA_INCOMPATIBLE"]
    );
    assert_eq!(v.reasons[0].facts.text("position").unwrap(), "2");
    assert_eq!(v.reasons[1].facts.text("antibodies").unwrap(), "anti-A");
    // O recipients: B is not in the order.
    let v = verdict(Component::Platelets, "B+", adult_male("O+"));
    assert_eq!(v.codes(), ["PLATELET_ABO_NOT_IN_POLICY"]);
    // A2 donor for an O recipient.
    let v = verdict(Component::Platelets, "A2+", adult_male("O+"));
    assert!(v.codes().contains(&"PLATELET_A2_PREFERRED"));
    // RhD-positive platelets for a young RhD-negative woman: anti-D immunoglobulin.
    let v = verdict(
        Component::Platelets,
        "A+",
        Recipient::new(g("A-")).female(25),
    );
    assert_eq!(
        v.codes(),
        ["PLATELET_RHD_ANTI_D_PROPHYLAXIS", "ABO_IDENTICAL"]
    );
    assert!(v.compatible);
}

#[test]
fn emergency_release_when_the_group_is_unknown() {
    let young_woman = Recipient::unknown_group().female(24);
    let v = verdict(Component::RedCells, "O-", young_woman.clone());
    assert!(v.compatible && v.emergency);
    assert_eq!(v.codes(), ["EMERGENCY_RELEASE"]);
    let v = verdict(Component::RedCells, "O+", young_woman.clone());
    assert_eq!(v.codes(), ["RHD_NEGATIVE_REQUIRED", "EMERGENCY_RELEASE"]);
    let v = verdict(Component::RedCells, "A-", young_woman);
    assert_eq!(v.codes(), ["EMERGENCY_GROUP_NOT_PERMITTED"]);
    assert_eq!(v.reasons[0].facts.text("allowed").unwrap(), "O");
    let man = Recipient::unknown_group().male(45);
    assert!(verdict(Component::RedCells, "O+", man.clone()).compatible);
    let order: Vec<String> = donor_preference(Component::RedCells, &man, &Policy::india())
        .iter()
        .map(|o| o.group.to_string())
        .collect();
    assert_eq!(order, ["O+", "O-"]);
    // Plasma: AB in India, A in the UK.
    assert!(verdict(Component::FreshFrozenPlasma, "AB+", man.clone()).compatible);
    assert!(!verdict(Component::FreshFrozenPlasma, "A+", man.clone()).compatible);
    let uk = compatibility(Component::FreshFrozenPlasma, &g("A+"), &man, &Policy::uk());
    assert!(uk.compatible);
}

#[test]
fn weak_d_recipients_are_treated_as_negative_and_weak_d_donors_as_positive() {
    let v = verdict(
        Component::RedCells,
        "O+",
        Recipient::new(g("O+ weak D")).female(30),
    );
    assert!(!v.compatible);
    assert!(v.codes().contains(&"WEAK_D_RECIPIENT"));
    let v = verdict(
        Component::RedCells,
        "O- weak D",
        Recipient::new(g("O-")).female(30),
    );
    assert!(!v.compatible);
    assert!(v.codes().contains(&"WEAK_D_DONOR"));
}

#[test]
fn emergency_rhd_order_for_an_unknown_group_follows_the_protections_of_the_component() {
    let names = |c: Component, r: &Recipient| -> Vec<String> {
        donor_preference(c, r, &Policy::india())
            .iter()
            .map(|o| o.group.to_string())
            .collect()
    };
    let anti_d_man = Recipient::unknown_group().male(40).with_anti_d(true);
    let plain_man = Recipient::unknown_group().male(40);
    // Red cells: known anti-D protects the man: only RhD-negative group O.
    assert_eq!(names(Component::RedCells, &anti_d_man), ["O-"]);
    assert_eq!(names(Component::RedCells, &plain_man), ["O+", "O-"]);
    // Platelets: only age and sex protect, so anti-D leaves the man's order RhD-positive first;
    // a woman of 25 gets RhD-negative first.
    assert_eq!(
        names(Component::Platelets, &anti_d_man),
        ["A+", "A-", "O+", "O-"]
    );
    assert_eq!(
        names(Component::Platelets, &Recipient::unknown_group().female(25)),
        ["A-", "A+", "O-", "O+"]
    );
}

#[test]
fn a_recipient_from_a_group_knows_only_the_group() {
    let r = Recipient::from(g("B-"));
    assert_eq!(r, Recipient::new(g("B-")));
    assert_eq!(r.group, Some(g("B-")));
    assert_eq!((r.sex, r.age_years), (None, None));
    assert!(!r.anti_d && !r.chronically_transfused);
}

#[test]
fn unknown_rhd() {
    let v = verdict(Component::RedCells, "O", Recipient::new(g("O-")).male(40));
    assert_eq!(v.codes(), ["DONOR_RHD_UNKNOWN", "ABO_IDENTICAL"]);
    let v = verdict(Component::RedCells, "O-", Recipient::new(g("O")).male(40));
    assert_eq!(v.codes(), ["RECIPIENT_RHD_UNKNOWN", "ABO_IDENTICAL"]);
    assert_eq!(v.rank, Rank::CompatibleWithCaveat);
}

#[test]
fn preference_orders() {
    let names = |c: Component, r: &Recipient| -> Vec<String> {
        donor_preference(c, r, &Policy::india())
            .iter()
            .map(|o| o.group.to_string())
            .collect()
    };
    assert_eq!(
        names(Component::RedCells, &adult_male("AB+")),
        [
            "AB+", "AB-", "A+", "A-", "B+", "B-", "O+", "O-", "Oh+", "Oh-"
        ]
    );
    assert_eq!(
        names(Component::RedCells, &adult_male("A-")),
        ["A-", "O-", "A+", "O+", "Oh-", "Oh+"]
    );
    assert_eq!(
        names(Component::RedCells, &Recipient::new(g("A-")).female(30)),
        ["A-", "O-", "Oh-"]
    );
    assert_eq!(
        names(Component::FreshFrozenPlasma, &adult_male("O+")),
        ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"]
    );
    assert_eq!(
        names(Component::RedCells, &adult_male("Oh+")),
        ["Oh+", "Oh-"]
    );
    assert_eq!(
        names(Component::Platelets, &adult_male("A+")),
        ["A+", "A-", "O+", "O-", "B+", "B-", "AB+", "AB-"]
    );
}

#[test]
fn every_verdict_explains_itself_in_both_languages() {
    for c in Component::ALL {
        for d in BloodGroup::STANDARD {
            for r in BloodGroup::STANDARD {
                let v = compatibility(c, &d, &Recipient::new(r), &Policy::india());
                assert!(!v.reasons.is_empty(), "{c} {d} {r}");
                for reason in &v.reasons {
                    assert!(reason.source.is_some(), "{c} {d} {r} {}", reason.code);
                    for lang in [crate::Lang::En, crate::Lang::Hi] {
                        let m = reason.message(lang);
                        assert!(!m.contains('{'), "{c} {d} {r}: {m}");
                    }
                }
            }
        }
    }
}

#[test]
fn platelets_are_identical_only_when_abo_and_rhd_both_match() {
    let rank = |d: &str, r: &str| verdict(Component::Platelets, d, adult_male(r)).rank;
    assert_eq!(rank("A-", "A-"), Rank::Identical);
    // Same ABO, other RhD: compatible, not identical.
    assert_eq!(rank("A+", "A-"), Rank::Compatible);
    // Same RhD, other ABO: not identical either (and a caution).
    let v = verdict(Component::Platelets, "AB+", adult_male("A+"));
    assert_eq!(v.codes(), ["PLATELET_ABO_NON_IDENTICAL"]);
    assert_eq!(v.rank, Rank::CompatibleWithCaveat);
}

#[test]
fn platelet_anti_d_prophylaxis_only_for_rhd_positive_platelets_to_an_rhd_negative_recipient() {
    let young_woman = |group: &str| Recipient::new(g(group)).female(25);
    let codes = |d: &str, r: &str| verdict(Component::Platelets, d, young_woman(r)).codes();
    // RhD-positive platelets to an RhD-negative woman: anti-D immunoglobulin.
    assert_eq!(
        codes("A+", "A-"),
        ["PLATELET_RHD_ANTI_D_PROPHYLAXIS", "ABO_IDENTICAL"]
    );
    // RhD-negative platelets to her: nothing to give.
    assert_eq!(codes("A-", "A-"), ["ABO_IDENTICAL"]);
    // An RhD-positive woman needs no anti-D, whatever the platelets' RhD.
    assert_eq!(codes("A+", "A+"), ["ABO_IDENTICAL"]);
    assert_eq!(codes("A-", "A+"), ["ABO_IDENTICAL"]);
}

/// `decide_compatibility` gives `compatibility`'s verdict, rank, emergency flag and reason
/// codes (in order) for every component, donor and recipient variant, in every profile that
/// sets compatibility rules differently.
#[test]
fn deciding_agrees_with_explaining_everywhere() {
    let groups: Vec<BloodGroup> = [
        "O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+",
    ]
    .iter()
    .chain(&["O weak D", "A2-", "A2+", "AB", "O"])
    .map(|s| g(s))
    .collect();
    let mut recipients: Vec<Option<BloodGroup>> = groups.iter().copied().map(Some).collect();
    recipients.push(None);
    let (mut checked, mut codes) = (0, 0);
    for name in ["india", "uk", "us"] {
        let policy = Policy::builtin(name).unwrap();
        for component in Component::ALL {
            for donor in &groups {
                for &group in &recipients {
                    for sex in [None, Some(Sex::Female), Some(Sex::Male)] {
                        for age in [None, Some(8), Some(30), Some(60)] {
                            for (anti_d, chronic) in [(false, false), (true, false), (false, true)]
                            {
                                let r = Recipient {
                                    group,
                                    sex,
                                    age_years: age,
                                    anti_d,
                                    chronically_transfused: chronic,
                                };
                                let full = compatibility(component, donor, &r, &policy);
                                let d = decide_compatibility(component, donor, &r, &policy);
                                assert_eq!(d, full.decision(), "{component:?} {donor} {r:?}");
                                checked += 1;
                                codes += d.codes.len();
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * 8 * 15 * 16 * 3 * 4 * 3);
    // Every verdict has at least one reason.
    assert!(codes >= checked);
}
