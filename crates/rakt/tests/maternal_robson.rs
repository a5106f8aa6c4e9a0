#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Robson groups: two or more cases of every group and subgroup, the order of assignment,
//! cannot-classify and contradictions.

use proptest::prelude::*;
use rakt::Policy;
use rakt::maternal::{
    LabourOnset, Presentation, RobsonClass, RobsonGroup, RobsonInput, RobsonVariable, robson_group,
};

use LabourOnset::{CaesareanBeforeLabour as Cs, Induced as Ind, Spontaneous as Sp};
use Presentation::{Breech, Cephalic, TransverseOrOblique as Tr};

fn birth(
    parity: u32,
    cs: u32,
    onset: LabourOnset,
    fetuses: u32,
    pres: Presentation,
    weeks: u32,
) -> RobsonInput {
    RobsonInput {
        parity: Some(parity),
        previous_caesareans: Some(cs),
        onset: Some(onset),
        fetuses: Some(fetuses),
        presentation: Some(pres),
        gestation_weeks: Some(weeks),
    }
}

fn group(i: &RobsonInput) -> String {
    robson_group(i, &Policy::india()).unwrap().to_string()
}

#[test]
fn every_group_and_subgroup_twice_or_more() {
    let cases: &[(RobsonInput, &str)] = &[
        (birth(0, 0, Sp, 1, Cephalic, 37), "1"),
        (birth(0, 0, Sp, 1, Cephalic, 41), "1"),
        (birth(0, 0, Ind, 1, Cephalic, 40), "2a"),
        (birth(0, 0, Ind, 1, Cephalic, 37), "2a"),
        (birth(0, 0, Cs, 1, Cephalic, 39), "2b"),
        (birth(0, 0, Cs, 1, Cephalic, 42), "2b"),
        (birth(1, 0, Sp, 1, Cephalic, 38), "3"),
        (birth(4, 0, Sp, 1, Cephalic, 37), "3"),
        (birth(2, 0, Ind, 1, Cephalic, 41), "4a"),
        (birth(1, 0, Ind, 1, Cephalic, 37), "4a"),
        (birth(1, 0, Cs, 1, Cephalic, 39), "4b"),
        (birth(3, 0, Cs, 1, Cephalic, 38), "4b"),
        (birth(1, 1, Sp, 1, Cephalic, 39), "5"),
        (birth(2, 2, Cs, 1, Cephalic, 37), "5"),
        (birth(3, 1, Ind, 1, Cephalic, 40), "5"),
        (birth(0, 0, Sp, 1, Breech, 39), "6"),
        (birth(0, 0, Cs, 1, Breech, 33), "6"),
        (birth(1, 0, Sp, 1, Breech, 38), "7"),
        (birth(2, 1, Cs, 1, Breech, 30), "7"),
        (birth(0, 0, Sp, 2, Cephalic, 38), "8"),
        (birth(1, 1, Cs, 3, Breech, 32), "8"),
        (birth(0, 0, Cs, 1, Tr, 38), "9"),
        (birth(2, 1, Sp, 1, Tr, 34), "9"),
        (birth(0, 0, Sp, 1, Cephalic, 36), "10"),
        (birth(1, 1, Cs, 1, Cephalic, 28), "10"),
        (birth(3, 0, Ind, 1, Cephalic, 33), "10"),
    ];
    for (input, want) in cases {
        assert_eq!(group(input), *want, "{input:?}");
    }
}

#[test]
fn the_order_of_assignment() {
    // Multiple beats everything: twins, breech, previous caesarean, preterm.
    assert_eq!(group(&birth(1, 1, Cs, 2, Breech, 30)), "8");
    // Transverse beats preterm and previous caesarean.
    assert_eq!(group(&birth(1, 1, Sp, 1, Tr, 30)), "9");
    // Breech beats preterm and previous caesarean.
    assert_eq!(group(&birth(1, 1, Sp, 1, Breech, 30)), "7");
    // Preterm cephalic beats a previous caesarean: 36 weeks is 10, 37 is 5.
    assert_eq!(group(&birth(1, 1, Sp, 1, Cephalic, 36)), "10");
    assert_eq!(group(&birth(1, 1, Sp, 1, Cephalic, 37)), "5");
    // Exactly 37 completed weeks is term; 36 is not.
    assert_eq!(group(&birth(0, 0, Sp, 1, Cephalic, 37)), "1");
    assert_eq!(group(&birth(0, 0, Sp, 1, Cephalic, 36)), "10");
    assert_eq!(
        robson_group(&birth(0, 0, Ind, 1, Cephalic, 38), &Policy::india())
            .unwrap()
            .group()
            .unwrap()
            .number(),
        2
    );
}

fn missing(i: RobsonInput) -> Vec<&'static str> {
    match robson_group(&i, &Policy::india()).unwrap() {
        RobsonClass::CannotClassify { missing } => missing.iter().map(|m| m.as_str()).collect(),
        other => panic!("classified: {other}"),
    }
}

#[test]
fn missing_variables_are_named_only_when_needed() {
    assert_eq!(
        missing(RobsonInput::default()),
        [
            "fetuses",
            "presentation",
            "gestation_weeks",
            "previous_caesareans",
            "parity",
            "onset"
        ]
    );
    // Twins need nothing else.
    let twins = RobsonInput {
        fetuses: Some(2),
        ..RobsonInput::default()
    };
    assert_eq!(group(&twins), "8");
    // A breech singleton needs only parity.
    let breech = RobsonInput {
        fetuses: Some(1),
        presentation: Some(Breech),
        ..RobsonInput::default()
    };
    assert_eq!(missing(breech), ["parity"]);
    // Unknown fetuses: a transverse lie could still be group 8.
    let lie = RobsonInput {
        presentation: Some(Tr),
        ..RobsonInput::default()
    };
    assert_eq!(missing(lie), ["fetuses"]);
    // A preterm cephalic singleton needs nothing more.
    let preterm = RobsonInput {
        fetuses: Some(1),
        presentation: Some(Cephalic),
        gestation_weeks: Some(34),
        ..RobsonInput::default()
    };
    assert_eq!(group(&preterm), "10");
    // A term cephalic singleton with a previous caesarean needs neither parity nor onset.
    let previous = RobsonInput {
        previous_caesareans: Some(1),
        gestation_weeks: Some(39),
        ..preterm
    };
    assert_eq!(group(&previous), "5");
    let no_onset = RobsonInput {
        parity: Some(0),
        previous_caesareans: Some(0),
        ..previous
    };
    assert_eq!(missing(no_onset), ["onset"]);
    let text = robson_group(&no_onset, &Policy::india())
        .unwrap()
        .to_string();
    assert_eq!(text, "cannot classify: missing onset");
    assert_eq!(RobsonVariable::ALL.len(), 6);
}

#[test]
fn contradictions_are_errors_naming_the_field() {
    let field = |i: RobsonInput| match robson_group(&i, &Policy::india()) {
        Err(rakt::RaktError::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(birth(0, 1, Sp, 1, Cephalic, 39)),
        "previous_caesareans"
    );
    assert_eq!(
        field(birth(1, 2, Sp, 1, Cephalic, 39)),
        "previous_caesareans"
    );
    assert_eq!(field(birth(0, 0, Sp, 0, Cephalic, 39)), "fetuses");
    assert_eq!(field(birth(0, 0, Sp, 1, Cephalic, 19)), "gestation_weeks");
    assert_eq!(field(birth(0, 0, Sp, 1, Cephalic, 46)), "gestation_weeks");
    // Contradictions are refused even when the group would not need the field.
    assert_eq!(
        field(birth(0, 3, Sp, 2, Cephalic, 39)),
        "previous_caesareans"
    );
    assert_eq!(group(&birth(0, 0, Sp, 1, Cephalic, 20)), "10");
    assert_eq!(group(&birth(0, 0, Sp, 1, Cephalic, 45)), "1");
}

fn onset() -> impl Strategy<Value = LabourOnset> {
    prop::sample::select(LabourOnset::ALL.to_vec())
}

fn presentation() -> impl Strategy<Value = Presentation> {
    prop::sample::select(Presentation::ALL.to_vec())
}

proptest! {
    /// Every complete, consistent birth falls in exactly the group the table describes.
    #[test]
    fn every_complete_birth_matches_the_table(
        parity in 0u32..6, cs_share in 0u32..6, o in onset(), fetuses in 1u32..4,
        p in presentation(), weeks in 20u32..46,
    ) {
        let cs = cs_share.min(parity);
        let g = robson_group(&birth(parity, cs, o, fetuses, p, weeks), &Policy::india())
            .unwrap()
            .group()
            .unwrap();
        let single = fetuses == 1;
        let ceph = p == Cephalic;
        let term = weeks >= 37;
        let want = if !single {
            RobsonGroup::G8
        } else if p == Tr {
            RobsonGroup::G9
        } else if p == Breech {
            if parity == 0 { RobsonGroup::G6 } else { RobsonGroup::G7 }
        } else if !term {
            RobsonGroup::G10
        } else if cs > 0 {
            RobsonGroup::G5
        } else {
            match (parity == 0, o) {
                (true, Sp) => RobsonGroup::G1,
                (true, Ind) => RobsonGroup::G2a,
                (true, Cs) => RobsonGroup::G2b,
                (false, Sp) => RobsonGroup::G3,
                (false, Ind) => RobsonGroup::G4a,
                (false, Cs) => RobsonGroup::G4b,
            }
        };
        prop_assert!(ceph || g.number() >= 6);
        prop_assert_eq!(g, want);
    }
}
