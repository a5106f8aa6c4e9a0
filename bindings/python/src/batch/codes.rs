//! Code columns written dictionary-encoded: each cell an `int16` key into the piece's dictionary
//! of the codes it holds, in the order they are first met. A code is one of rakt's stable
//! `&'static str` codes, so its key is found by the text's address (remembered after the first
//! meeting) rather than by hashing or copying its characters.

use std::sync::Arc;

use arrow_array::types::Int16Type;
use arrow_array::{ArrayRef, DictionaryArray, Int16Array, ListArray, StringArray};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::ArrowError;

use super::{Out, code_item};

/// Slots of the address memo (a power of two, above the number of codes one column holds).
const MEMO: usize = 256;

/// The dictionary of one code column of one piece.
struct Dict {
    /// The codes met, each once, in the order first met; a key is a position here.
    values: Vec<&'static str>,
    /// Keys remembered by the address and length of the text they were found for: an equal
    /// address and length is the same text, so the same key. Address 0 is an empty slot.
    memo: Box<[(usize, usize, i16); MEMO]>,
}

impl Dict {
    fn new() -> Self {
        Dict {
            values: Vec::new(),
            memo: Box::new([(0, 0, 0); MEMO]),
        }
    }

    /// The key of `code`: remembered by its address, or found by its text (and added when new).
    #[inline]
    fn key(&mut self, code: &'static str) -> Result<i16, ArrowError> {
        let addr = code.as_ptr() as usize;
        let slot = (addr ^ (addr >> 8)) & (MEMO - 1);
        if let Some(&(a, len, key)) = self.memo.get(slot)
            && a == addr
            && len == code.len()
        {
            return Ok(key);
        }
        self.find(code, addr, slot)
    }

    #[cold]
    fn find(&mut self, code: &'static str, addr: usize, slot: usize) -> Result<i16, ArrowError> {
        let at = match self.values.iter().position(|v| *v == code) {
            Some(at) => at,
            None => {
                self.values.push(code);
                self.values.len() - 1
            }
        };
        let key = i16::try_from(at).map_err(|_| {
            ArrowError::ComputeError(format!(
                "more than {} distinct codes in one column",
                i16::MAX
            ))
        })?;
        if let Some(m) = self.memo.get_mut(slot) {
            *m = (addr, code.len(), key);
        }
        Ok(key)
    }

    /// The dictionary array of `keys` (with `nulls`) over the codes met.
    fn array(
        self,
        keys: Vec<i16>,
        nulls: &mut NullBufferBuilder,
    ) -> Result<DictionaryArray<Int16Type>, ArrowError> {
        let keys = Int16Array::new(ScalarBuffer::from(keys), nulls.finish());
        let values: ArrayRef = Arc::new(StringArray::from_iter_values(self.values));
        DictionaryArray::try_new(keys, values)
    }
}

impl Out {
    /// A nullable code column, dictionary-encoded.
    pub(crate) fn codes<I: IntoIterator<Item = Option<&'static str>>>(
        values: I,
    ) -> Result<ArrayRef, ArrowError> {
        let values = values.into_iter();
        let n = values.size_hint().0;
        let mut dict = Dict::new();
        let mut keys = Vec::with_capacity(n);
        let mut nulls = NullBufferBuilder::new(n);
        for v in values {
            match v {
                Some(code) => {
                    keys.push(dict.key(code)?);
                    nulls.append_non_null();
                }
                None => {
                    keys.push(0);
                    nulls.append_null();
                }
            }
        }
        Ok(Arc::new(dict.array(keys, &mut nulls)?))
    }

    /// A list-of-codes column (a null list where `None`), its items dictionary-encoded.
    pub(crate) fn code_lists<L, I>(values: I) -> Result<ArrayRef, ArrowError>
    where
        L: IntoIterator<Item = &'static str>,
        I: IntoIterator<Item = Option<L>>,
    {
        let values = values.into_iter();
        let n = values.size_hint().0;
        let mut dict = Dict::new();
        let mut keys = Vec::with_capacity(n);
        let mut offsets: Vec<i32> = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut lists = NullBufferBuilder::new(n);
        for v in values {
            match v {
                Some(items) => {
                    for code in items {
                        keys.push(dict.key(code)?);
                    }
                    lists.append_non_null();
                }
                None => lists.append_null(),
            }
            let end = i32::try_from(keys.len()).map_err(|_| {
                ArrowError::ComputeError("a list column's items overflow 32-bit offsets".into())
            })?;
            offsets.push(end);
        }
        let items = keys.len();
        let mut none = NullBufferBuilder::new(items);
        none.append_n_non_nulls(items);
        let values = dict.array(keys, &mut none)?;
        let list = ListArray::try_new(
            code_item(),
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            Arc::new(values),
            lists.finish(),
        )?;
        Ok(Arc::new(list))
    }
}
