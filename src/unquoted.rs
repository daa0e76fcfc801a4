//! Visitor methods that refuse a value of the wrong JSON type without quoting it. Serde's
//! defaults write the value into the message (``invalid type: integer `612345678` ``), and a
//! value of a request may be personal; these say only its type.

/// Expands, inside a `serde::de::Visitor` impl, to the `visit_*` methods of the JSON types
/// listed (`bool`, `number`, `str`), each refusing its value as `invalid type: a number,
/// expected …`. Bytes, which JSON never gives, are refused the same way.
macro_rules! refuse_unquoted {
    ($($kind:ident),* $(,)?) => {
        $( $crate::unquoted::refuse_unquoted!(@ $kind); )*
        fn visit_bytes<E: ::serde::de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("bytes"), &self))
        }
    };
    (@ bool) => {
        fn visit_bool<E: ::serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("a boolean"), &self))
        }
    };
    (@ number) => {
        fn visit_i64<E: ::serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("an integer"), &self))
        }
        fn visit_u64<E: ::serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("an integer"), &self))
        }
        fn visit_i128<E: ::serde::de::Error>(self, _: i128) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("an integer"), &self))
        }
        fn visit_u128<E: ::serde::de::Error>(self, _: u128) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("an integer"), &self))
        }
        fn visit_f64<E: ::serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("a number"), &self))
        }
    };
    (@ str) => {
        fn visit_str<E: ::serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::invalid_type(::serde::de::Unexpected::Other("a string"), &self))
        }
    };
}
pub(crate) use refuse_unquoted;
