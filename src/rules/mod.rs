//! Whose rule each check is ([`Origin`], the table [`Check::ALL`]) and which origins block
//! ([`Rules`]).
//!
//! The crate is stricter than DataPass where it checks its own form, and says so: every
//! [`Issue`](crate::Issue) carries its origin. Under [`Rules::Strict`] (the default) every issue
//! is an error; under [`Rules::DataPass`] only DataPass's rules and the document's structure
//! block, the others are warnings.

mod checks;
mod origin;

pub use checks::Check;
pub use origin::{Origin, Rules};
