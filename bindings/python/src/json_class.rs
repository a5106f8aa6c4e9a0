//! `json_class!`: the `#[pymethods]` block of a frozen class wrapping a serde core value, with
//! the methods every such class shares — `to_json`, `from_json`, `__hash__` and `__reduce__`
//! (pickling through `cls.from_json(json)`) — after the class's own methods.

/// `json_class!(PyType { ...own methods... })`: the class must be a newtype `PyType(core)`
/// whose core value implements `Serialize`, `DeserializeOwned` and `Hash`.
macro_rules! json_class {
    ($py:ident { $($methods:tt)* }) => {
        #[::pyo3::pymethods]
        impl $py {
            $($methods)*

            fn __hash__(&self) -> u64 {
                use ::std::hash::{Hash, Hasher};
                let mut h = ::std::hash::DefaultHasher::new();
                self.0.hash(&mut h);
                h.finish()
            }

            /// The value as JSON (the core's field names).
            fn to_json(&self) -> ::pyo3::PyResult<String> {
                $crate::convert::to_json(&self.0)
            }

            /// A value from JSON written by `to_json`.
            #[classmethod]
            fn from_json(
                _cls: &::pyo3::Bound<'_, ::pyo3::types::PyType>,
                text: &str,
            ) -> ::pyo3::PyResult<Self> {
                $crate::convert::from_json(text).map($py)
            }

            fn __reduce__<'py>(
                slf: &::pyo3::Bound<'py, Self>,
            ) -> ::pyo3::PyResult<(
                ::pyo3::Bound<'py, ::pyo3::PyAny>,
                ::pyo3::Bound<'py, ::pyo3::types::PyTuple>,
            )> {
                use ::pyo3::types::PyAnyMethods;
                let from_json = slf.as_any().get_type().getattr("from_json")?;
                let json = $crate::convert::to_json(&slf.get().0)?;
                Ok((from_json, ::pyo3::types::PyTuple::new(slf.py(), [json])?))
            }
        }
    };
}

pub(crate) use json_class;
