//! [`WrapDe`]: a deserializer that wraps another and checks structure as the bytes go by.
//!
//! Every typed request of a `Deserialize` impl (`deserialize_str`, `deserialize_struct`…) is
//! turned into `deserialize_any` with a [`TypedVisitor`] that knows what JSON type is expected,
//! so the wrapped deserializer never judges types itself: every data problem is found by this
//! module, with its path, and the wrapped deserializer only ever reports malformed input.

use std::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};

use super::context::Cx;
use super::problem::Problem;
use super::visit::{Kind, OptionVisitor, TypedVisitor};

/// The error of a wrapped deserializer: a problem found (not yet located), a problem already
/// recorded in the context, or an error of the wrapped deserializer itself (malformed input),
/// kept as it is.
#[derive(Debug)]
pub(crate) enum Error<E> {
    Found(Problem),
    Recorded,
    Inner(E),
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Found(problem) => write!(f, "{problem:?}"),
            Self::Recorded => f.write_str("the document does not fit its format"),
            Self::Inner(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error> std::error::Error for Error<E> {}

impl<E: de::Error> de::Error for Error<E> {
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

/// A deserializer that checks the structure of what `de` reads, recording problems in `cx`.
pub(crate) struct WrapDe<'a, 'de, D> {
    pub de: D,
    pub cx: &'a mut Cx<'de>,
}

impl<'de, D: Deserializer<'de>> WrapDe<'_, 'de, D> {
    /// Reads any value, checking that it has the JSON type `kind`.
    fn typed<V: Visitor<'de>>(self, visitor: V, kind: Kind) -> Result<V::Value, Error<D::Error>> {
        let cx = self.cx;
        let result = self.de.deserialize_any(TypedVisitor {
            visitor,
            cx: &mut *cx,
            kind,
        });
        result.map_err(|e| cx.lift(e))
    }
}

macro_rules! typed {
    ($($method:ident => $kind:ident,)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.typed(visitor, Kind::$kind)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for WrapDe<'_, 'de, D> {
    type Error = Error<D::Error>;

    typed! {
        deserialize_any => Any,
        deserialize_bool => Boolean,
        deserialize_i8 => Integer,
        deserialize_i16 => Integer,
        deserialize_i32 => Integer,
        deserialize_i64 => Integer,
        deserialize_i128 => Integer,
        deserialize_u8 => Integer,
        deserialize_u16 => Integer,
        deserialize_u32 => Integer,
        deserialize_u64 => Integer,
        deserialize_u128 => Integer,
        deserialize_f32 => Number,
        deserialize_f64 => Number,
        deserialize_char => String,
        deserialize_str => String,
        deserialize_string => String,
        deserialize_bytes => Any,
        deserialize_byte_buf => Any,
        deserialize_unit => Null,
        deserialize_seq => Array,
        deserialize_map => Object,
        deserialize_identifier => String,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let cx = self.cx;
        let result = self.de.deserialize_option(OptionVisitor {
            visitor,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.lift(e))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Null)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Array)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Array)
    }

    /// A struct is read from an object only: serde also accepts the array of its field values,
    /// which no format of the crate allows.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Object)
    }

    /// The crate's formats have no externally tagged enums: an enum value is a value that does
    /// not fit.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.typed(visitor, Kind::Enum)
    }

    /// The value of a key the format does not know: refused, reported or skipped as the
    /// format's policy says; a skipped value is still read through this reader, so its depth
    /// and its duplicate keys are checked.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.cx.start_skipping().is_err() {
            return Err(Error::Recorded);
        }
        let cx = self.cx;
        let result = self.de.deserialize_any(TypedVisitor {
            visitor,
            cx: &mut *cx,
            kind: Kind::Any,
        });
        cx.stop_skipping();
        result.map_err(|e| cx.lift(e))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}
