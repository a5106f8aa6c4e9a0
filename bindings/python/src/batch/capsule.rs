//! Arrow tables in and out of Python through the Arrow PyCapsule interface
//! (`__arrow_c_stream__`, `__arrow_c_array__`), which pyarrow, pandas, polars and Spark's
//! Arrow path all speak, on arrow-rs's implementation of the Arrow C data interface.
//!
//! This is the binding's only `unsafe` code: taking what a capsule points to. Each block says
//! why it is sound; everything else goes through arrow-rs's own checks (the imported arrays are
//! validated as they are read).

use std::ffi::CStr;
use std::sync::{Arc, Mutex};

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use arrow_array::ffi_stream::{ArrowArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{
    Array, RecordBatch, RecordBatchIterator, RecordBatchOptions, RecordBatchReader, StructArray,
};
use arrow_schema::{ArrowError, Schema, SchemaRef};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

/// The capsule names the interface fixes.
const STREAM: &CStr = c"arrow_array_stream";
const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";

/// An Arrow error as a Python `ValueError`.
fn error(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("Arrow: {e}"))
}

/// `data` as a reader of record batches: a stream (`__arrow_c_stream__`: a pyarrow Table or
/// RecordBatchReader, a pandas or polars DataFrame, ...) or one record batch
/// (`__arrow_c_array__` of a struct array). `None` when `data` offers neither.
pub(crate) fn import(
    data: &Bound<'_, PyAny>,
) -> PyResult<Option<Box<dyn RecordBatchReader + Send>>> {
    if data.hasattr("__arrow_c_stream__")? {
        let capsule = data.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let pointer = capsule.pointer_checked(Some(STREAM))?;
        // SAFETY: a capsule named "arrow_array_stream" holds an `ArrowArrayStream` (the
        // interface's contract; the name was checked). `from_raw` moves the stream out and
        // leaves a released one in its place, so the capsule's destructor releases nothing
        // twice; the capsule is alive for the duration of the call.
        let reader =
            unsafe { ArrowArrayStreamReader::from_raw(pointer.as_ptr().cast()) }.map_err(error)?;
        return Ok(Some(Box::new(reader)));
    }
    if data.hasattr("__arrow_c_array__")? {
        let pair = data.call_method0("__arrow_c_array__")?;
        let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) = pair.extract()?;
        let schema_pointer = schema.pointer_checked(Some(SCHEMA))?;
        let array_pointer = array.pointer_checked(Some(ARRAY))?;
        // SAFETY: the capsules are named "arrow_schema" and "arrow_array" (checked), so they
        // hold an `ArrowSchema` and an `ArrowArray`. The schema is only borrowed while its
        // capsule is alive (it releases it); the array is moved out and a released one left
        // in its place, so its capsule's destructor releases nothing twice. `from_ffi` reads
        // the array with that schema and validates it.
        let data = unsafe {
            let schema = &*schema_pointer.as_ptr().cast::<FFI_ArrowSchema>();
            let array = std::ptr::replace(
                array_pointer.as_ptr().cast::<FFI_ArrowArray>(),
                FFI_ArrowArray::empty(),
            );
            from_ffi(array, schema)
        }
        .map_err(error)?;
        let batch = record_batch(data)?;
        let schema = batch.schema();
        return Ok(Some(Box::new(RecordBatchIterator::new(
            [Ok(batch)],
            schema,
        ))));
    }
    Ok(None)
}

/// A struct array with no null rows as a record batch (as the interface exports one).
fn record_batch(data: arrow_data::ArrayData) -> PyResult<RecordBatch> {
    if !matches!(data.data_type(), arrow_schema::DataType::Struct(_)) {
        return Err(PyValueError::new_err(format!(
            "Arrow: a record batch is exported as a struct array, not {}",
            data.data_type()
        )));
    }
    let rows = StructArray::from(data);
    if rows.null_count() > 0 {
        return Err(PyValueError::new_err(
            "Arrow: a record batch has no null rows; this struct array has some",
        ));
    }
    let len = rows.len();
    let (fields, columns, _) = rows.into_parts();
    RecordBatch::try_new_with_options(
        Arc::new(Schema::new(fields)),
        columns,
        &RecordBatchOptions::new().with_row_count(Some(len)),
    )
    .map_err(error)
}

/// A stream of record batches handed to Python once, through `__arrow_c_stream__`.
#[pyclass(module = "rakt", name = "_ArrowStream", frozen)]
pub(crate) struct Stream(Mutex<Option<FFI_ArrowArrayStream>>);

#[pymethods]
impl Stream {
    /// The stream as an `arrow_array_stream` capsule; a second call is an error (the stream is
    /// read once). The requested schema is not honoured, as the interface allows.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let stream = self
            .0
            .lock()
            .map_err(|_| PyValueError::new_err("Arrow: the stream's lock is poisoned"))?
            .take()
            .ok_or_else(|| PyValueError::new_err("Arrow: this stream has been read already"))?;
        PyCapsule::new_with_value(py, stream, STREAM)
    }
}

/// `reader` as a `pyarrow.RecordBatchReader`, which reads (and decides) each batch as Python
/// asks for it.
pub(crate) fn reader<'py>(
    py: Python<'py>,
    reader: Box<dyn RecordBatchReader + Send>,
) -> PyResult<Bound<'py, PyAny>> {
    let stream = Stream(Mutex::new(Some(FFI_ArrowArrayStream::new(reader))));
    py.import("pyarrow")?
        .getattr("RecordBatchReader")?
        .call_method1("from_stream", (Bound::new(py, stream)?,))
}

/// `batches` as a `pyarrow.Table` of `schema`, one chunk per batch.
pub(crate) fn table<'py>(
    py: Python<'py>,
    batches: Vec<RecordBatch>,
    schema: SchemaRef,
) -> PyResult<Bound<'py, PyAny>> {
    let batches = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    reader(py, Box::new(batches))?.call_method0("read_all")
}
