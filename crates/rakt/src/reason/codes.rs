//! [`ReasonCodes`]: the codes of a decision, in order, kept inline when there are few.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use super::ReasonCode;

/// How many codes are kept without allocating.
const INLINE: usize = 6;

/// The reason codes of a decision, in order, as a slice (`Deref<Target = [ReasonCode]>`). Up to
/// six are kept inline, so that deciding a verdict with a handful of reasons allocates nothing;
/// more spill to the heap. Compares, hashes and prints as its slice.
///
/// ```
/// use rakt::{ReasonCode, ReasonCodes};
/// let mut codes = ReasonCodes::new();
/// codes.push(ReasonCode::RhdNotRequired);
/// codes.push(ReasonCode::PlasmaAboIncompatible);
/// codes.sort_by_severity();
/// assert_eq!(codes, [ReasonCode::PlasmaAboIncompatible, ReasonCode::RhdNotRequired]);
/// assert_eq!(codes.len(), 2);
/// ```
#[derive(Clone)]
pub struct ReasonCodes(Repr);

#[derive(Clone)]
enum Repr {
    Inline {
        len: u8,
        codes: [ReasonCode; INLINE],
    },
    Heap(Vec<ReasonCode>),
}

/// The filler of unused inline slots (never read).
const FILL: ReasonCode = ReasonCode::AboIdentical;

impl ReasonCodes {
    /// No codes.
    pub const fn new() -> ReasonCodes {
        ReasonCodes(Repr::Inline {
            len: 0,
            codes: [FILL; INLINE],
        })
    }

    /// Adds a code at the end.
    #[inline]
    pub fn push(&mut self, code: ReasonCode) {
        match &mut self.0 {
            Repr::Inline { len, codes } => match codes.get_mut(usize::from(*len)) {
                Some(slot) => {
                    *slot = code;
                    *len += 1;
                }
                None => {
                    let mut heap = Vec::with_capacity(INLINE * 2);
                    heap.extend_from_slice(codes);
                    heap.push(code);
                    self.0 = Repr::Heap(heap);
                }
            },
            Repr::Heap(v) => v.push(code),
        }
    }

    /// Sorts the codes most severe first, keeping the order of codes of equal severity.
    pub fn sort_by_severity(&mut self) {
        let codes: &mut [ReasonCode] = match &mut self.0 {
            Repr::Inline { len, codes } => codes.get_mut(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(v) => v,
        };
        codes.sort_by_key(|c| std::cmp::Reverse(c.severity()));
    }

    /// The codes as a slice.
    #[inline]
    pub fn as_slice(&self) -> &[ReasonCode] {
        match &self.0 {
            Repr::Inline { len, codes } => codes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(v) => v,
        }
    }
}

impl Default for ReasonCodes {
    fn default() -> ReasonCodes {
        ReasonCodes::new()
    }
}

impl Deref for ReasonCodes {
    type Target = [ReasonCode];

    fn deref(&self) -> &[ReasonCode] {
        self.as_slice()
    }
}

impl fmt::Debug for ReasonCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl PartialEq for ReasonCodes {
    fn eq(&self, other: &ReasonCodes) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for ReasonCodes {}

impl Hash for ReasonCodes {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<const N: usize> PartialEq<[ReasonCode; N]> for ReasonCodes {
    fn eq(&self, other: &[ReasonCode; N]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<[ReasonCode]> for ReasonCodes {
    fn eq(&self, other: &[ReasonCode]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<Vec<ReasonCode>> for ReasonCodes {
    fn eq(&self, other: &Vec<ReasonCode>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl FromIterator<ReasonCode> for ReasonCodes {
    fn from_iter<I: IntoIterator<Item = ReasonCode>>(iter: I) -> ReasonCodes {
        let mut codes = ReasonCodes::new();
        for c in iter {
            codes.push(c);
        }
        codes
    }
}

impl<'a> IntoIterator for &'a ReasonCodes {
    type Item = &'a ReasonCode;
    type IntoIter = std::slice::Iter<'a, ReasonCode>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the number of codes, inline or spilled: the codes in order, equal and
        /// hashed as the same slice, and sorted as a stable sort by severity sorts them.
        #[test]
        fn behaves_as_its_slice(picks in proptest::collection::vec(0usize..ReasonCode::ALL.len(), 0..20)) {
            use std::collections::hash_map::DefaultHasher;
            let want: Vec<ReasonCode> = picks.iter().map(|&i| ReasonCode::ALL[i]).collect();
            let mut codes: ReasonCodes = want.iter().copied().collect();
            prop_assert_eq!(codes.as_slice(), want.as_slice());
            prop_assert_eq!(&codes, &want);
            let hash = |x: &dyn Fn(&mut DefaultHasher)| { let mut h = DefaultHasher::new(); x(&mut h); h.finish() };
            prop_assert_eq!(hash(&|h| codes.hash(h)), hash(&|h| want.as_slice().hash(h)));
            let mut sorted = want.clone();
            sorted.sort_by_key(|c| std::cmp::Reverse(c.severity()));
            codes.sort_by_severity();
            prop_assert_eq!(codes.as_slice(), sorted.as_slice());
            prop_assert_eq!(format!("{codes:?}"), format!("{sorted:?}"));
        }
    }

    #[test]
    fn six_inline_and_the_seventh_spills() {
        let mut codes = ReasonCodes::new();
        for _ in 0..INLINE {
            codes.push(ReasonCode::RhdNotRequired);
        }
        assert!(matches!(codes.0, Repr::Inline { len: 6, .. }));
        codes.push(ReasonCode::AboIdentical);
        assert!(matches!(codes.0, Repr::Heap(_)));
        assert_eq!(codes.len(), 7);
        assert_eq!(codes[6], ReasonCode::AboIdentical);
        assert_eq!(codes[5], ReasonCode::RhdNotRequired);
    }
}
