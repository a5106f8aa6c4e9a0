//! Arbitrary centre tariffs and bills: prices, quantities and exemption percentages from any
//! decimal (up to `Decimal::MAX` and `MIN`), empty, blank and repeated exemption codes, any
//! dates. Besides "no panic": an accepted bill's lines and totals equal an independent
//! computation with checked arithmetic (quantity × price rounded to the paisa half away from
//! zero, the waiver the first statutory or applicable centre exemption gives, net = gross −
//! waived) and are never negative; a tariff `bill` accepts passes `validate()` or is only above
//! the NBTC ceilings (`bill` does not apply them); a bill refused for the tariff's own entries
//! (centre, prices, exemptions) is refused by `validate()` with the same error.
#![no_main]

mod common;

use common::{Day, Dec, pick};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use rakt::RaktError;
use rakt::tariff::{
    self, Bill, CentreExemption, CentreTariff, Sector, StatutoryExemption, TariffItem,
};
use rust_decimal::{Decimal, RoundingStrategy};

#[derive(Arbitrary, Debug)]
struct Input {
    centre: Text,
    private: bool,
    effective_from: Day,
    prices: Vec<(u8, Dec)>,
    exemptions: Vec<(Text, Vec<u8>, Dec)>,
    lines: Vec<(u8, Dec)>,
    statutory: Vec<u8>,
    claimed: Vec<Text>,
    date: Day,
}

/// A name or code: one of a few (so that codes repeat and match), empty, blank, or any text.
#[derive(Arbitrary, Debug)]
enum Text {
    Code(u8),
    Empty,
    Blank,
    Any(String),
}

impl Text {
    fn get(&self) -> String {
        match self {
            Text::Code(n) => format!("E{}", n % 4),
            Text::Empty => String::new(),
            Text::Blank => " \u{200b}".into(),
            Text::Any(s) => s.clone(),
        }
    }
}

fn paisa(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// What an accepted bill must say, line by line: (gross, waived, net), or None on overflow.
fn expected(
    t: &CentreTariff,
    lines: &[(TariffItem, Decimal)],
    statutory: &[StatutoryExemption],
    claimed: &[String],
) -> Option<Vec<(Decimal, Decimal, Decimal)>> {
    let applicable: Vec<&CentreExemption> = claimed
        .iter()
        .filter_map(|c| t.exemptions.iter().find(|e| &e.code == c))
        .collect();
    let mut out = Vec::new();
    for (item, quantity) in lines {
        let gross = paisa(quantity.checked_mul(*t.prices.get(item)?)?);
        let waived = if !statutory.is_empty() {
            gross
        } else if let Some(e) = applicable
            .iter()
            .find(|e| e.items.is_empty() || e.items.contains(item))
        {
            paisa(
                gross
                    .checked_mul(e.percent)?
                    .checked_div(Decimal::ONE_HUNDRED)?,
            )
        } else {
            Decimal::ZERO
        };
        out.push((gross, waived, gross.checked_sub(waived)?));
    }
    Some(out)
}

fn check_bill(b: &Bill, want: &[(Decimal, Decimal, Decimal)]) {
    assert_eq!(b.lines.len(), want.len(), "one bill line per line billed");
    let mut sums = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (line, (gross, waived, net)) in b.lines.iter().zip(want) {
        assert_eq!(
            (line.gross, line.waived, line.net),
            (*gross, *waived, *net),
            "bill line {line:?}"
        );
        assert!(
            line.net >= Decimal::ZERO && line.waived >= Decimal::ZERO,
            "negative line {line:?}"
        );
        sums.0 = sums
            .0
            .checked_add(*gross)
            .expect("the bill's gross total fits");
        sums.1 = sums
            .1
            .checked_add(*waived)
            .expect("the bill's waived total fits");
        sums.2 = sums.2.checked_add(*net).expect("the bill's total fits");
    }
    assert_eq!(
        (b.gross_total, b.waived_total, b.total),
        sums,
        "the totals are the sums of the lines"
    );
    assert!(b.total >= Decimal::ZERO, "a negative bill: {b:?}");
}

/// An error about the tariff's own entries, which `validate()` checks too.
fn about_entries(e: &RaktError) -> bool {
    matches!(e, RaktError::InvalidInput { field, .. }
        if field == "centre" || field.starts_with("prices.") || field.starts_with("exemptions"))
}

fuzz_target!(|input: Input| {
    let sector = if input.private {
        Sector::Private
    } else {
        Sector::Government
    };
    let mut t = CentreTariff::new(&input.centre.get(), sector, input.effective_from.get());
    for (item, price) in &input.prices {
        t.prices.insert(pick(TariffItem::ALL, *item), price.get());
    }
    for (code, items, percent) in &input.exemptions {
        t.exemptions.push(CentreExemption {
            code: code.get(),
            description: "fuzz".into(),
            items: items.iter().map(|i| pick(TariffItem::ALL, *i)).collect(),
            percent: percent.get(),
        });
    }
    let lines: Vec<(TariffItem, Decimal)> = input
        .lines
        .iter()
        .map(|(i, q)| (pick(TariffItem::ALL, *i), q.get()))
        .collect();
    let statutory: Vec<StatutoryExemption> = input
        .statutory
        .iter()
        .map(|s| pick(StatutoryExemption::ALL, *s))
        .collect();
    let claimed: Vec<String> = input.claimed.iter().map(Text::get).collect();
    let claimed_refs: Vec<&str> = claimed.iter().map(String::as_str).collect();

    let billed = tariff::bill(&t, &lines, &statutory, &claimed_refs, input.date.get());
    let validated = t.validate();
    match &billed {
        Ok(b) => {
            let want = expected(&t, &lines, &statutory, &claimed)
                .expect("an accepted bill computes without overflow");
            check_bill(b, &want);
            if let Err(e) = &validated {
                assert!(
                    matches!(e, RaktError::NotApplicable { code, .. } if code == "TARIFF_ABOVE_CEILING"),
                    "bill accepted a tariff validate() refuses for {e}"
                );
            }
        }
        Err(e) if about_entries(e) => {
            assert_eq!(
                validated.as_ref().err(),
                Some(e),
                "bill refused the tariff's entries, validate() did not"
            );
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
