//! A `dict` or `list` as its JSON text: exactly
//! `json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")`,
//! written without recursion, so that no nesting can overflow the stack.
//!
//! What `json.dumps` does, this does: `str`, `int`, `float`, `bool` and `None` keys (the
//! others are a `TypeError`), `NaN` and `Infinity` written as such (the crate then refuses them
//! as `json.syntax`, as it would refuse that text), a cycle refused with `ValueError`, any other
//! type a `TypeError`. Lone surrogates are written as `surrogatepass` encodes them, which the
//! crate refuses as it refuses any invalid UTF-8.

use std::collections::HashSet;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// The items of an array or an object, read from their storage (as `json.dumps` does: a
/// subclass's `__getitem__` is not called).
enum Items<'py> {
    /// A list's items.
    List(Bound<'py, PyList>),
    /// A tuple's items.
    Tuple(Bound<'py, PyTuple>),
    /// A dict's `(key, value)` pairs, taken once (`dict.items()` as a list).
    Pairs(Bound<'py, PyList>),
}

impl<'py> Items<'py> {
    /// Item `i`, or `None` past the end (the length is read at each step).
    fn get(&self, i: usize) -> PyResult<Option<Bound<'py, PyAny>>> {
        let (len, item) = match self {
            Self::List(l) | Self::Pairs(l) => (l.len(), l.get_item(i)),
            Self::Tuple(t) => (t.len(), t.get_item(i)),
        };
        if i >= len { Ok(None) } else { item.map(Some) }
    }
}

/// The items still to write of one array or object.
struct Frame<'py> {
    items: Items<'py>,
    /// The next item.
    next: usize,
    /// The container's identity, for cycle detection.
    id: usize,
}

impl<'py> Frame<'py> {
    fn new(container: &Bound<'py, PyAny>, items: Items<'py>) -> Self {
        Self {
            items,
            next: 0,
            id: container.as_ptr().addr(),
        }
    }

    fn object(&self) -> bool {
        matches!(self.items, Items::Pairs(_))
    }
}

/// What to do with a value.
enum Step<'py> {
    /// Written.
    Done,
    /// An array or an object, opened: its items follow.
    Open(Frame<'py>),
}

/// `value` (a `dict`, `list` or `tuple`) as JSON bytes; see the module's documentation.
pub fn write(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(2048);
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut open: HashSet<usize> = HashSet::new();
    let mut pending = Some(value.clone());
    loop {
        if let Some(value) = pending.take()
            && let Step::Open(frame) = value_step(&value, &mut out)?
        {
            if !open.insert(frame.id) {
                return Err(PyValueError::new_err("Circular reference detected"));
            }
            stack.push(frame);
        }
        let Some(frame) = stack.last_mut() else {
            return Ok(out);
        };
        let Some(item) = frame.items.get(frame.next)? else {
            out.push(if frame.object() { b'}' } else { b']' });
            open.remove(&frame.id);
            stack.pop();
            continue;
        };
        if frame.next > 0 {
            out.push(b',');
        }
        frame.next += 1;
        if frame.object() {
            let pair = item.cast_into::<PyTuple>()?;
            write_key(&pair.get_item(0)?, &mut out)?;
            out.push(b':');
            pending = Some(pair.get_item(1)?);
        } else {
            pending = Some(item);
        }
    }
}

fn value_step<'py>(value: &Bound<'py, PyAny>, out: &mut Vec<u8>) -> PyResult<Step<'py>> {
    if value.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(b) = value.cast::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if let Ok(s) = value.cast::<PyString>() {
        write_string(s, out)?;
    } else if let Ok(i) = value.cast::<PyInt>() {
        write_int(i, out)?;
    } else if let Ok(f) = value.cast::<PyFloat>() {
        write_float(f, out)?;
    } else if let Ok(l) = value.cast::<PyList>() {
        out.push(b'[');
        return Ok(Step::Open(Frame::new(value, Items::List(l.clone()))));
    } else if let Ok(t) = value.cast::<PyTuple>() {
        out.push(b'[');
        return Ok(Step::Open(Frame::new(value, Items::Tuple(t.clone()))));
    } else if let Ok(d) = value.cast::<PyDict>() {
        out.push(b'{');
        return Ok(Step::Open(Frame::new(value, Items::Pairs(d.items()))));
    } else {
        return Err(PyTypeError::new_err(format!(
            "Object of type {} is not JSON serializable",
            value.get_type().name()?
        )));
    }
    Ok(Step::Done)
}

/// A key as `json.dumps` writes it: a string, or a float, `True`, `False`, `None` or an int
/// turned into one.
fn write_key(key: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    if let Ok(s) = key.cast::<PyString>() {
        return write_string(s, out);
    }
    out.push(b'"');
    if let Ok(f) = key.cast::<PyFloat>() {
        write_float(f, out)?;
    } else if key.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(b) = key.cast::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if let Ok(i) = key.cast::<PyInt>() {
        write_int(i, out)?;
    } else {
        return Err(PyTypeError::new_err(format!(
            "keys must be str, int, float, bool or None, not {}",
            key.get_type().name()?
        )));
    }
    out.push(b'"');
    Ok(())
}

static INT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static FLOAT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `int.__repr__(i)`, as `json.dumps` writes an int (of a subclass too: an `IntEnum` is its
/// number).
fn write_int(i: &Bound<'_, PyInt>, out: &mut Vec<u8>) -> PyResult<()> {
    if let Ok(n) = i.extract::<i64>() {
        out.extend_from_slice(n.to_string().as_bytes());
        return Ok(());
    }
    let repr = INT_REPR.import(i.py(), "builtins", "int")?;
    let text = repr
        .call_method1("__repr__", (i,))?
        .cast_into::<PyString>()?;
    out.extend_from_slice(text.to_cow()?.as_bytes());
    Ok(())
}

/// `float.__repr__(f)`, or `NaN`, `Infinity`, `-Infinity`, as `json.dumps` writes them.
fn write_float(f: &Bound<'_, PyFloat>, out: &mut Vec<u8>) -> PyResult<()> {
    let x = f.value();
    if x.is_nan() {
        out.extend_from_slice(b"NaN");
    } else if x.is_infinite() {
        out.extend_from_slice(if x > 0.0 { b"Infinity" } else { b"-Infinity" });
    } else {
        let float = FLOAT_REPR.import(f.py(), "builtins", "float")?;
        let text = float
            .call_method1("__repr__", (f,))?
            .cast_into::<PyString>()?;
        out.extend_from_slice(text.to_cow()?.as_bytes());
    }
    Ok(())
}

/// A string as `json.dumps(..., ensure_ascii=False)` writes it, encoded with `surrogatepass`.
fn write_string(s: &Bound<'_, PyString>, out: &mut Vec<u8>) -> PyResult<()> {
    let bytes = utf8(s)?;
    out.push(b'"');
    for &b in bytes.as_bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                out.push(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'));
            }
            _ => out.push(b),
        }
    }
    out.push(b'"');
    Ok(())
}

/// `s.encode("utf-8", "surrogatepass")`: its UTF-8 bytes, lone surrogates written as the
/// (invalid) three bytes Python's `surrogatepass` gives them.
pub fn utf8<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyBytes>> {
    match s.encode_utf8() {
        Ok(bytes) => Ok(bytes),
        Err(_) => Ok(s
            .call_method1("encode", ("utf-8", "surrogatepass"))?
            .cast_into::<PyBytes>()?),
    }
}
