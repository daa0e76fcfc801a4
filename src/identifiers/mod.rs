//! Validated identifiers and bounded values: [`Siren`], [`Siret`], [`Email`], [`PhoneNumber`],
//! [`RetentionPeriod`], each re-exported at the crate root.
//!
//! Each type has one checked way in ([`FromStr`](std::str::FromStr), with `TryFrom` delegating to
//! it), stores its canonical form, and goes through the same parser when deserialized.

mod digits;
mod email;
mod phone;
mod retention;
mod siret;

pub use digits::DigitsError;
#[cfg(feature = "proptest")]
pub(crate) use digits::luhn_check_digit;
pub(crate) use digits::{luhn, scan_digits};
pub use email::{Email, EmailError};
pub use phone::{PhoneNumber, PhoneNumberError};
pub(crate) use phone::{engine_loaded as phone_engine_loaded, fast_path as phone_fast_path};
pub use retention::{RetentionPeriod, RetentionPeriodError};
pub use siret::{Siren, SirenError, Siret, SiretError};
