//! [`TypedVisitor`]: the visitor that checks a value's JSON type before handing it to the
//! `Deserialize` impl that asked for it, and counts the nesting of arrays and objects.

use std::fmt;

use serde::de::{self, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::access::{WrapMap, WrapSeq};
use super::context::Cx;
use super::problem::{Expected, Problem};
use super::wrap::{Error, WrapDe};

/// The JSON type a `Deserialize` impl asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Any,
    Boolean,
    Integer,
    Number,
    String,
    Null,
    Array,
    Object,
    Enum,
}

impl Kind {
    /// What a value of this kind must be, for a wrong-type problem.
    const fn expected(self) -> Option<Expected> {
        match self {
            Self::Any | Self::Enum => None,
            Self::Boolean => Some(Expected::Boolean),
            Self::Integer => Some(Expected::Integer),
            Self::Number => Some(Expected::Number),
            Self::String => Some(Expected::String),
            Self::Null => Some(Expected::Null),
            Self::Array => Some(Expected::Array),
            Self::Object => Some(Expected::Object),
        }
    }

    /// Whether a value of JSON type `found` is of this kind.
    fn accepts(self, found: Self) -> bool {
        self == Self::Any || self == found || (self == Self::Number && found == Self::Integer)
    }
}

/// Checks the JSON type of a value against `kind`, then hands it to `visitor`.
pub(crate) struct TypedVisitor<'a, 'de, V> {
    pub visitor: V,
    pub cx: &'a mut Cx<'de>,
    pub kind: Kind,
}

impl<'de, V: Visitor<'de>> TypedVisitor<'_, 'de, V> {
    /// Checks that a value of JSON type `found` is acceptable, recording a wrong-type problem
    /// otherwise.
    fn check<E: de::Error>(&mut self, found: Kind) -> Result<(), E> {
        if self.kind.accepts(found) {
            Ok(())
        } else {
            self.cx.record(match self.kind {
                Kind::Enum => Problem::InvalidValue,
                kind => Problem::InvalidType {
                    expected: kind.expected(),
                },
            });
            Err(E::custom(""))
        }
    }

    /// Calls the wrapped visitor, recording the problem it reports.
    fn call<E: de::Error>(
        self,
        found: Kind,
        f: impl FnOnce(V) -> Result<V::Value, Error<E>>,
    ) -> Result<V::Value, E> {
        let mut this = self;
        this.check::<E>(found)?;
        let expected = this.kind.expected();
        let cx = this.cx;
        f(this.visitor).map_err(|e| cx.absorb(e, expected))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TypedVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.call(Kind::Boolean, |visitor| visitor.visit_bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_i64(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_i128(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_u64(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.call(Kind::Integer, |visitor| visitor.visit_u128(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.call(Kind::Number, |visitor| visitor.visit_f64(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_char(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_str(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_borrowed_str(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.call(Kind::String, |visitor| visitor.visit_string(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        self.call(Kind::Any, |visitor| visitor.visit_bytes(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.call(Kind::Null, V::visit_none)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.call(Kind::Null, V::visit_unit)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let expected = self.kind.expected();
        let cx = self.cx;
        let result = self.visitor.visit_some(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, expected))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        let expected = self.kind.expected();
        let cx = self.cx;
        let result = self.visitor.visit_newtype_struct(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, expected))
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<V::Value, A::Error> {
        self.check::<A::Error>(Kind::Array)?;
        if self.cx.enter().is_err() {
            return Err(de::Error::custom(""));
        }
        let expected = self.kind.expected();
        let cx = self.cx;
        let mark = cx.mark();
        let result = self.visitor.visit_seq(WrapSeq::new(seq, &mut *cx));
        cx.leave();
        result.map_err(|e| {
            cx.back_to(mark);
            cx.absorb(e, expected)
        })
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<V::Value, A::Error> {
        self.check::<A::Error>(Kind::Object)?;
        if self.cx.enter().is_err() {
            return Err(de::Error::custom(""));
        }
        let expected = self.kind.expected();
        let cx = self.cx;
        let mark = cx.mark();
        let result = self.visitor.visit_map(WrapMap::new(map, &mut *cx));
        cx.leave();
        result.map_err(|e| {
            cx.back_to(mark);
            cx.absorb(e, expected)
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        // JSON has no enum values of its own: the crate's formats never ask for one.
        self.cx.record(Problem::InvalidValue);
        Err(de::Error::custom(""))
    }
}

/// Reads an optional value: `null` is `None`, anything else is read through the reader.
pub(crate) struct OptionVisitor<'a, 'de, V> {
    pub visitor: V,
    pub cx: &'a mut Cx<'de>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for OptionVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        let cx = self.cx;
        self.visitor.visit_none().map_err(|e| cx.absorb(e, None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let cx = self.cx;
        let result = self.visitor.visit_some(WrapDe {
            de: deserializer,
            cx: &mut *cx,
        });
        result.map_err(|e| cx.absorb(e, None))
    }
}
