//! Compound messages, data structure 023 (`=+aabbb`, ST-001 §2.4.23): the content of the 2-D
//! Data Matrix symbols on current labels. `aa` is the number of structures that follow;
//! `bbb` is `000` for a message whose order is not specified, otherwise an entry of ICCBBA's
//! Table W2 \[RT017\], which fixes the structures and their order.
//!
//! RT017 is published on ICCBBA's website only. rakt holds the entries ICCBBA quotes in
//! ST-017 v1.0.0 §4.2 (Table 3, messages 034–037, for medical devices containing MPHO); any
//! other message type is reported as not listed, and its structures are still read and
//! checked one by one.

use crate::error::{RaktError, Result};

const STRUCTURE: &str = "ISBT 128 compound message (023)";

/// The entries of Table W2 \[RT017\] that rakt knows: message type and the structures, in order.
const RT017: [(u16, &[&str]); 4] = [
    (34, &["034", "032", "001"]),
    (35, &["034", "032", "001", "004"]),
    (36, &["034", "032", "001", "008"]),
    (37, &["034", "032", "001", "004", "008"]),
];

/// How the order of a compound message's structures is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompoundSequence {
    /// `000`: only the number of structures is given, in any order.
    Unspecified,
    /// An entry of Table W2 \[RT017\] that rakt knows: these structure numbers, in this order.
    Listed(&'static [&'static str]),
    /// A message type that is not among the RT017 entries rakt knows; its structures are read
    /// but their order is not checked.
    Unlisted,
}

impl CompoundSequence {
    /// `unspecified`, `listed` or `unlisted`.
    pub fn as_str(self) -> &'static str {
        match self {
            CompoundSequence::Unspecified => "unspecified",
            CompoundSequence::Listed(_) => "listed",
            CompoundSequence::Unlisted => "unlisted",
        }
    }
}

/// The header of a compound message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CompoundMessage {
    count: u8,
    message_type: u16,
}

impl CompoundMessage {
    /// The number of structures that follow the header.
    pub fn count(&self) -> u8 {
        self.count
    }

    /// The message type, `000` when the order is not specified.
    pub fn message_type(&self) -> String {
        format!("{:03}", self.message_type)
    }

    /// How the order of the structures is given.
    pub fn sequence(&self) -> CompoundSequence {
        if self.message_type == 0 {
            return CompoundSequence::Unspecified;
        }
        RT017
            .iter()
            .find(|(t, _)| *t == self.message_type)
            .map_or(CompoundSequence::Unlisted, |(_, s)| {
                CompoundSequence::Listed(s)
            })
    }

    /// `=+aabbb`.
    pub fn encode(&self) -> String {
        format!("=+{:02}{:03}", self.count, self.message_type)
    }
}

/// Reads the header `=+aabbb` (data structure 023): two digits of count, three of message
/// type. A listed message type must have as many structures as its RT017 entry.
pub fn decode_compound(text: &str) -> Result<CompoundMessage> {
    let (data, at) = super::fixed_data(STRUCTURE, text, "=+", 5, "aabbb")?;
    if let Some(i) = data.chars().position(|c| !c.is_ascii_digit()) {
        return Err(RaktError::code(STRUCTURE, text, at + i, "a digit expected"));
    }
    let number = |from: usize, to: usize| -> u16 {
        data.get(from..to)
            .and_then(|d| d.parse().ok())
            .unwrap_or_default()
    };
    let message = CompoundMessage {
        count: u8::try_from(number(0, 2)).unwrap_or_default(),
        message_type: number(2, 5),
    };
    let listed = match message.sequence() {
        CompoundSequence::Listed(s) => s.len(),
        _ => usize::from(message.count),
    };
    if listed != usize::from(message.count) {
        return Err(RaktError::code(
            STRUCTURE,
            text,
            at,
            format!(
                "message type {} of ICCBBA Table W2 [RT017] holds {} structures, not {}",
                message.message_type(),
                listed,
                message.count
            ),
        ));
    }
    Ok(message)
}
