//! [`Kind`]: the JSON type a `Deserialize` impl asks the reader for, and that a wrong-type
//! problem names.

/// A JSON type: what a `Deserialize` impl asked for, or (but for `Any` and `Enum`) what a value
/// should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Any value.
    Any,
    Boolean,
    Integer,
    Number,
    String,
    Null,
    Array,
    Object,
    /// An enum value, which JSON has not: never accepted.
    Enum,
}

impl Kind {
    /// What a value of this kind must be, for a wrong-type problem; `None` when no JSON type can
    /// be named.
    pub(crate) const fn expected(self) -> Option<Self> {
        match self {
            Self::Any | Self::Enum => None,
            kind => Some(kind),
        }
    }

    /// Whether a value of JSON type `found` is of this kind.
    pub(crate) fn accepts(self, found: Self) -> bool {
        self == Self::Any || self == found || (self == Self::Number && found == Self::Integer)
    }

    /// The JSON Schema type name, then the French and English words for messages.
    pub(crate) const fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Boolean => ("boolean", "true ou false", "true or false"),
            Self::Integer => ("integer", "un nombre entier", "an integer"),
            Self::Number => ("number", "un nombre", "a number"),
            Self::String => ("string", "du texte", "a string"),
            Self::Array => ("array", "une liste", "an array"),
            Self::Object => ("object", "un objet", "an object"),
            Self::Null => ("null", "null", "null"),
            Self::Any | Self::Enum => ("", "une valeur", "a value"),
        }
    }
}
