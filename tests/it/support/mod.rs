//! Helpers shared by the integration tests: the samples, one-line parse assertions, the
//! lifecycle fixtures, and the one table of single-field mutations.
#![allow(dead_code)]

pub mod lifecycle;
pub mod mutations;
pub mod parse;
pub mod phone_engine;
pub mod properties;
pub mod request;
