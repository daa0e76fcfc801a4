//! Validated identifiers and bounded values: [`Siren`], [`Siret`], [`Email`], [`PhoneNumber`],
//! [`RetentionPeriod`].
//!
//! Each type has one checked way in ([`FromStr`](std::str::FromStr), with `TryFrom` delegating to
//! it), stores its canonical form, and goes through the same parser when deserialized.

mod email;
mod phone;
mod retention;
pub(crate) mod siret;

pub use email::{Email, EmailError};
pub use phone::{PhoneNumber, PhoneNumberError};
pub use retention::{RetentionPeriod, RetentionPeriodError};
pub use siret::{Siren, SirenError, Siret, SiretError};

/// Implements the conversion and serde traits of a string newtype from its `FromStr` and
/// `as_str()`: `Display`, `AsRef<str>`, `From<T> for String`, `TryFrom<&str>`,
/// `TryFrom<String>`, `Serialize` (the canonical string) and `Deserialize` (through `FromStr`).
macro_rules! string_newtype {
    ($ty:ident, $err:ty, $expecting:literal) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl From<$ty> for String {
            fn from(value: $ty) -> Self {
                value.as_str().to_owned()
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $err;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct Visitor;
                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}
pub(crate) use string_newtype;

/// Schema pattern for the whitespace around a value: what `str::trim` removes. ECMA-262's `\s`,
/// which JSON Schema uses, lacks NEXT LINE (U+0085), a Unicode White_Space character.
pub(crate) const TRIM: &str = "[\\s\\u0085]*";

/// Builds a string schema with a pattern and a description.
pub(crate) fn string_schema(pattern: &str, description: &str) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "pattern": pattern,
        "description": description,
    })
}
