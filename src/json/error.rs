//! [`Error`]: the error type of the reader's deserializer, built by serde's derived code
//! through the `serde::de::Error` constructors as typed problems, never as message text.

use std::fmt;

use serde::de::{self, Unexpected};

use super::problem::Problem;

/// The error of a wrapped deserializer: a problem found (not yet located), a problem already
/// recorded in the context, or an error of the wrapped deserializer itself (malformed input),
/// kept as it is.
#[derive(Debug)]
pub(crate) enum ReadError<E> {
    Found(Problem),
    Recorded,
    Inner(E),
}

impl<E: fmt::Display> fmt::Display for ReadError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Found(problem) => write!(f, "{problem:?}"),
            Self::Recorded => f.write_str("the document does not fit its format"),
            Self::Inner(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error> std::error::Error for ReadError<E> {}

impl<E: de::Error> de::Error for ReadError<E> {
    fn custom<T: fmt::Display>(_: T) -> Self {
        // The message of a value's own parser is not kept: it may quote the value.
        Self::Found(Problem::InvalidValue)
    }

    fn invalid_type(_: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Self::Found(Problem::InvalidType { expected: None })
    }

    fn invalid_value(unexpected: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        match unexpected {
            // An integer out of the field's range (`-1` for a size, a number beyond `i64`): the
            // JSON type is what the format cannot hold.
            Unexpected::Signed(_) | Unexpected::Unsigned(_) | Unexpected::Float(_) => {
                Self::Found(Problem::InvalidType { expected: None })
            }
            _ => Self::Found(Problem::InvalidValue),
        }
    }

    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Self::Found(Problem::InvalidValue)
    }

    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Self::Found(Problem::InvalidValue)
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        Self::Found(Problem::UnknownField {
            field: Some(field.to_owned()),
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Self::Found(Problem::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::Found(Problem::DuplicateKey {
            field: Some(field.to_owned()),
        })
    }
}
