//! The one macro for fixed-vocabulary enums (states, actors, events, scopes, requester kinds…):
//! one row per variant gives its wire string and its labels, from which come the enum, `ALL`,
//! `as_str`, the label functions, `Display`, `FromStr`, serde and the JSON Schema.

use std::fmt;

/// A string that is not a word of a vocabulary (a state, an actor, an event…). The message
/// lists the accepted words and never quotes the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind}: expected {}", Expected(self.expected))]
#[non_exhaustive]
pub struct UnknownWord {
    /// What was expected (`request state`).
    pub kind: &'static str,
    /// The accepted words.
    pub expected: &'static [&'static str],
}

/// Formats a list of words as `a, b or c`.
struct Expected(&'static [&'static str]);

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, word) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == self.0.len() { " or " } else { ", " })?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

/// Defines a vocabulary enum. Each row is `Variant = "wire" { label: "text", … }`; the `labels`
/// block (possibly empty) declares the label functions every row must fill (a missing one does
/// not compile).
///
/// `FromStr` and `Deserialize` accept the wire strings only. `FromStr` fails with
/// [`UnknownWord`], unless the enum names its own error type with `error: Type` (which must
/// implement `From<UnknownWord>`).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $kind:literal $(, error: $err:ty)? {
            labels { $( $(#[$ldoc:meta])* $lvis:vis fn $label:ident; )* }
            variants $rows:tt
        }
    ) => {
        $crate::vocabulary::vocabulary!(@enum [$(#[$meta])*] $vis $name $kind $rows);

        impl $name {
            $(
                $(#[$ldoc])*
                #[must_use]
                $lvis const fn $label(self) -> &'static str {
                    $crate::vocabulary::vocabulary!(@label self $label $rows)
                }
            )*
        }

        impl TryFrom<&str> for $name {
            type Error = <Self as ::std::str::FromStr>::Err;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::vocabulary::vocabulary!(@err $($err)?);

            /// Accepts the wire string only.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_wire(s).ok_or_else(|| {
                    $crate::vocabulary::UnknownWord { kind: $kind, expected: &Self::WIRE }.into()
                })
            }
        }
    };
    (@enum [$(#[$meta:meta])*] $vis:vis $name:ident $kind:literal {
        $( $(#[$vdoc:meta])* $variant:ident = $wire:literal $({ $($lf:ident: $lv:expr),* $(,)? })?, )*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::schemars::JsonSchema)]
        $vis enum $name {
            $( $(#[$vdoc])* #[serde(rename = $wire)] $variant, )*
        }

        impl $name {
            #[doc = concat!("Every ", $kind, ", in order.")]
            pub const ALL: [Self; [$($wire),*].len()] = [$(Self::$variant),*];

            #[doc = concat!("The wire strings of every ", $kind, ", in order.")]
            pub const WIRE: [&'static str; [$($wire),*].len()] = [$($wire),*];

            #[doc = concat!("The wire string of the ", $kind, ".")]
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire,)* }
            }

            /// The variant written `wire`, if any.
            #[must_use]
            pub fn from_wire(wire: &str) -> Option<Self> {
                match wire { $($wire => Some(Self::$variant),)* _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            /// Writes the wire string.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", $kind))
                    }
                    $crate::unquoted::refuse_unquoted!(bool, number);
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_wire(v).ok_or_else(|| {
                            E::custom($crate::vocabulary::UnknownWord { kind: $kind, expected: &$name::WIRE })
                        })
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }
    };
    (@err) => { $crate::vocabulary::UnknownWord };
    (@err $err:ty) => { $err };
    // A label of `self`: each row binds its labels as locals, and the one named `$label` is
    // returned (a row without it does not compile).
    (@label $self:ident $label:ident {
        $( $(#[$vdoc:meta])* $variant:ident = $wire:literal $({ $($lf:ident: $lv:expr),* $(,)? })?, )*
    }) => {
        match $self {
            $(Self::$variant => {
                #[allow(unused_variables)]
                let ($($($lf,)*)?) = ($($($lv,)*)?);
                $label
            })*
        }
    };
}
pub(crate) use vocabulary;
