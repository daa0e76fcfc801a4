//! `datapass_psc._native`: the extension module of the Python package `datapass_psc`, over the
//! `datapass-psc` crate. The crate holds every rule; this module reads Python's arguments,
//! calls the crate (through [`core`] only) and gives back Python objects.

mod core;
mod document;
mod errors;
mod functions;
mod identifiers;
mod imported;
mod json_writer;
mod pyvalue;
mod report;
mod results;
mod view;

/// The extension module.
#[pyo3::pymodule]
mod _native {
    #[pymodule_export]
    use crate::functions::{
        _generate_request, _panic_for_tests, eligibility, export_datapass, import_datapass,
        parse_request, replay, schemas, validate, validate_step, verify_signature, webhook,
    };
    #[pymodule_export]
    use crate::identifiers::{Email, PhoneNumber, RetentionPeriod, Siren, Siret};
    #[pymodule_export]
    use crate::imported::Imported;
    #[pymodule_export]
    use crate::report::{Issue, Report};
    #[pymodule_export]
    use crate::results::{Decision, Habilitation, HistoryEntry, Item, Record};
}
