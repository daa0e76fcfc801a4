//! The one macro for validated string newtypes: their conversions and serde go through their
//! `FromStr`, the one checked way in.

/// Implements, for a type with a `FromStr` whose error is a [`Diagnostic`](crate::Diagnostic):
/// `TryFrom<&str>`, `TryFrom<String>`, `From<T> for String` (through `Display`), `Serialize`
/// (the `Display` form) and `Deserialize` (through `FromStr`, with a message that names the
/// code and never quotes the input).
///
/// With `as_str` first, also `Display` and `AsRef<str>` from the type's `as_str()`. Generic
/// parameters go in `@[…]` before the type.
macro_rules! string_newtype {
    (as_str $(@[$($gen:tt)*])? $ty:ty, $err:ty, $expecting:expr) => {
        impl<$($($gen)*)?> ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<$($($gen)*)?> AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        $crate::newtype::string_newtype!($(@[$($gen)*])? $ty, $err, $expecting);
    };
    ($(@[$($gen:tt)*])? $ty:ty, $err:ty, $expecting:expr) => {
        impl<$($($gen)*)?> From<$ty> for String {
            fn from(value: $ty) -> Self {
                value.to_string()
            }
        }

        impl<$($($gen)*)?> TryFrom<&str> for $ty {
            type Error = $err;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl<$($($gen)*)?> TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl<$($($gen)*)?> ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de, $($($gen)*)?> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct Visitor<T>(::std::marker::PhantomData<T>);
                impl<T> ::serde::de::Visitor<'_> for Visitor<T>
                where
                    T: ::std::str::FromStr,
                    T::Err: $crate::diagnostic::Diagnostic,
                {
                    type Value = T;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }
                    $crate::unquoted::refuse_unquoted!(bool, number);
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<T, E> {
                        v.parse().map_err(|e: T::Err| {
                            E::custom(format_args!(
                                "invalid value: expected {} ({})",
                                $expecting,
                                $crate::diagnostic::Diagnostic::code(&e)
                            ))
                        })
                    }
                }
                deserializer.deserialize_any(Visitor::<Self>(::std::marker::PhantomData))
            }
        }
    };
}
pub(crate) use string_newtype;
