//! The two boxes the applicant ticks before submitting: the terms of service, and the data
//! protection officer informed.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use super::check::Checker;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::report::Path;

/// A checkbox that must be ticked: always `true`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Ticked;

impl Serialize for Ticked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(true)
    }
}

impl JsonSchema for Ticked {
    fn schema_name() -> Cow<'static, str> {
        "Ticked".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "boolean", "const": true})
    }
}

/// A box left unticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckboxError {
    /// `terms_accepted` is absent or false.
    #[error("terms of service not accepted")]
    TermsNotAccepted,
    /// `dpo_informed` is absent or false.
    #[error("data protection officer not informed")]
    DpoNotInformed,
}

impl CheckboxError {
    /// The box's key in the wire format.
    const fn key(self) -> &'static str {
        match self {
            Self::TermsNotAccepted => "terms_accepted",
            Self::DpoNotInformed => "dpo_informed",
        }
    }
}

impl Diagnostic for CheckboxError {
    fn describe(&self) -> Description {
        const YOU: (&str, &str) = ("vous", "you");
        match self {
            Self::TermsNotAccepted => Description::new(
                Code::TermsNotAccepted,
                YOU,
                "devez valider les conditions générales d’utilisation avant de continuer",
                "must accept the terms of service before continuing",
            ),
            Self::DpoNotInformed => Description::new(
                Code::DpoNotInformed,
                YOU,
                "devez confirmer avoir informé le délégué à la protection des données de votre \
                 organisation avant de continuer",
                "must confirm that your organisation's data protection officer is informed before \
                 continuing",
            ),
        }
    }
}

/// Checks that the box `unticked` names is ticked.
pub(super) fn check_checkbox(
    value: Option<bool>,
    unticked: CheckboxError,
    c: &mut Checker,
) -> Option<Ticked> {
    if value == Some(true) {
        Some(Ticked)
    } else {
        c.error_at(&Path::ROOT.key(unticked.key()), &unticked);
        None
    }
}
