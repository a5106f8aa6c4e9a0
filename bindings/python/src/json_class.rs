//! `json_class!`: the `#[pymethods]` block of a frozen class wrapping a serde core value, with
//! the methods every such class shares — `to_json`, `from_json`, `__hash__` and `__reduce__`
//! (pickling through `cls.from_json(json)`) — after the class's own methods.

/// `json_class!(PyType { ...own methods... })`: the class must be a newtype `PyType(core)`
/// whose core value implements `Serialize`, `DeserializeOwned` and `Hash`.
///
/// `json_class!(PyType, from_json = core_fn, { ... })` reads JSON with the core's own
/// `core_fn(&str) -> rakt::Result<core>` instead, so that its typed error (the field it names)
/// reaches Python as it is.
macro_rules! json_class {
    ($py:ident { $($methods:tt)* }) => {
        $crate::json_class::json_class!(@class $py, |text: &str| $crate::convert::from_json(text), { $($methods)* });
    };
    ($py:ident, from_json = $from:path, { $($methods:tt)* }) => {
        $crate::json_class::json_class!(@class $py, |text: &str| {
            use $crate::errors::OrRaise;
            $from(text).or_raise()
        }, { $($methods)* });
    };
    (@class $py:ident, $read:expr, { $($methods:tt)* }) => {
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
                ($read)(text).map($py)
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
