//! The exception hierarchy and the translation of [`rakt::RaktError`] into it.
//!
//! ```text
//! RaktError(Exception)                          .kind, .reason
//! ├── InvalidBloodGroup(RaktError, ValueError)  .input
//! ├── InvalidPolicy(RaktError, ValueError)      .path
//! ├── InvalidInput(RaktError, ValueError)       .field
//! ├── NotApplicable(RaktError, ValueError)      .code
//! ├── PolicyValueMissing(RaktError, LookupError) .path, .policy
//! └── InvalidCode(RaktError, ValueError)        .structure, .input, .position
//! ```
//!
//! The classes are ordinary Python classes (made with `type()` when the module is initialised)
//! because a class deriving from two built-in exceptions cannot be written with `#[pyclass]`.
//! Their `__module__` is the public module, `rakt`, so that they pickle by reference. Details
//! are instance attributes, which `BaseException.__reduce__` carries through pickling.

use pyo3::exceptions::{PyException, PyLookupError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};
use rakt::RaktError;

/// The public module name: exceptions and classes are pickled by reference to it.
pub(crate) const PUBLIC_MODULE: &str = "rakt";
/// The native module, where the classes are registered.
const NATIVE_MODULE: &str = "rakt._rakt";

/// The root class name, used when a core error kind has no class of its own.
const ROOT: &str = "RaktError";

/// Which builtin the class also derives from.
enum Builtin {
    Value,
    Lookup,
}

/// (class name, extra builtin base, detail attributes, docstring)
const SUBCLASSES: [(&str, Builtin, &[&str], &str); 6] = [
    (
        "InvalidBloodGroup",
        Builtin::Value,
        &["input"],
        "A blood-group text that could not be understood. `.input` is the text as given.",
    ),
    (
        "InvalidPolicy",
        Builtin::Value,
        &["path"],
        "A policy file or value that was refused. `.path` is the dotted path of the field \
         (empty for the document as a whole).",
    ),
    (
        "InvalidInput",
        Builtin::Value,
        &["field"],
        "Any other input value that was refused. `.field` names the argument or field.",
    ),
    (
        "NotApplicable",
        Builtin::Value,
        &["code"],
        "A modification or event that cannot be applied to this unit. `.code` is the stable \
         code of the refusal, e.g. `UNIT_ALREADY_EXPIRED`.",
    ),
    (
        "PolicyValueMissing",
        Builtin::Lookup,
        &["path", "policy"],
        "The policy in use has no value for a rule this call needs. `.path` is the dotted path \
         of the missing parameter, `.policy` the policy's name.",
    ),
    (
        "InvalidCode",
        Builtin::Value,
        &["structure", "input"],
        "A coded value (an ISBT 128 data structure, another system's code) that is malformed or \
         unknown. `.structure` says what it was read as, `.input` is the text as given and \
         `.position` the 1-based position of the offending character.",
    ),
];

fn class_dict<'py>(
    py: Python<'py>,
    kind: &str,
    doc: &str,
    attrs: &[&str],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("__module__", PUBLIC_MODULE)?;
    dict.set_item("__doc__", doc)?;
    dict.set_item("kind", kind)?;
    dict.set_item("reason", "")?;
    for attr in attrs {
        dict.set_item(*attr, "")?;
    }
    if kind == "InvalidCode" {
        dict.set_item("position", 0)?;
    }
    Ok(dict)
}

/// Create the exception classes and add them to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let make_type = py.get_type::<PyType>();
    let root_doc = "Root of every error rakt raises. `.kind` is the stable name of the error \
                    (the class name), `.reason` says what was wrong; `str(e)` is the full message.";
    let root = make_type.call1((
        ROOT,
        PyTuple::new(py, [py.get_type::<PyException>()])?,
        class_dict(py, ROOT, root_doc, &[])?,
    ))?;
    m.add(ROOT, &root)?;
    for (name, builtin, attrs, doc) in SUBCLASSES {
        let extra = match builtin {
            Builtin::Value => py.get_type::<PyValueError>(),
            Builtin::Lookup => py.get_type::<PyLookupError>(),
        };
        let bases = PyTuple::new(py, [root.clone(), extra.into_any()])?;
        let class = make_type.call1((name, bases, class_dict(py, name, doc, attrs)?))?;
        m.add(name, class)?;
    }
    Ok(())
}

/// The Python exception for a core error.
pub(crate) fn to_py_err(py: Python<'_>, err: &RaktError) -> PyErr {
    build(py, err).unwrap_or_else(|e| e)
}

fn build(py: Python<'_>, err: &RaktError) -> PyResult<PyErr> {
    let module = py.import(NATIVE_MODULE)?;
    let kind = err.kind();
    let class = match module.getattr(kind) {
        Ok(class) => class,
        Err(_) => module.getattr(ROOT)?,
    };
    let instance = class.call1((err.to_string(),))?;
    instance.setattr("kind", kind)?;
    let details: Vec<(&str, &str)> = match err {
        RaktError::InvalidBloodGroup { input, reason } => {
            vec![("input", input), ("reason", reason)]
        }
        RaktError::InvalidPolicy { path, reason } => vec![("path", path), ("reason", reason)],
        RaktError::InvalidInput { field, reason } => vec![("field", field), ("reason", reason)],
        RaktError::PolicyValueMissing {
            policy,
            path,
            reason,
        } => vec![("path", path), ("policy", policy), ("reason", reason)],
        RaktError::NotApplicable { code, reason } => vec![("code", code), ("reason", reason)],
        RaktError::InvalidCode {
            structure,
            input,
            position,
            reason,
        } => {
            instance.setattr("position", *position)?;
            vec![
                ("structure", structure),
                ("input", input),
                ("reason", reason),
            ]
        }
        _ => Vec::new(),
    };
    for (name, value) in details {
        instance.setattr(name, value)?;
    }
    Ok(PyErr::from_value(instance))
}

/// A refused input value (the binding's own checks: naive datetimes, unknown codes, ...).
pub(crate) fn invalid_input(field: &str, reason: impl Into<String>) -> PyErr {
    let err = RaktError::InvalidInput {
        field: field.to_string(),
        reason: reason.into(),
    };
    Python::attach(|py| to_py_err(py, &err))
}

/// `?`-friendly translation of core results.
pub(crate) trait OrRaise<T> {
    /// The value, or the core error as its Python exception.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, RaktError> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|e| Python::attach(|py| to_py_err(py, &e)))
    }
}
