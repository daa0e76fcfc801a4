//! The data scopes (« Les données »): `idnat` and `donnees_sectorielles`.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use super::check::Checker;
use super::datapass_checks::blank;
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::report::Path;
use crate::vocabulary::{UnknownWord, vocabulary};

vocabulary! {
    /// One data scope of API Pro Santé Connect.
    ///
    /// Ordered as DataPass stores them: `donnees_sectorielles` before `idnat`.
    pub enum Scope: "scope", error: UnknownScope {
        labels {
            /// DataPass's French label (« Identifiant national »).
            pub fn label_fr;
            /// DataPass's French help text (« RPPS (ou ADELI) »).
            pub fn help_fr;
        }
        variants {
            /// « Données sectorielles » : type d’activité (salarié ou libéral) et lieu d’activité.
            DonneesSectorielles = "donnees_sectorielles" {
                label_fr: "Données sectorielles",
                help_fr: "type d’activité (salarié ou libéral) et lieu d’activité",
            },
            /// « Identifiant national » : RPPS (ou ADELI).
            Idnat = "idnat" {
                label_fr: "Identifiant national",
                help_fr: "RPPS (ou ADELI)",
            },
        }
    }
}

/// A string that is not a scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scope: expected `idnat` or `donnees_sectorielles`")]
#[non_exhaustive]
pub struct UnknownScope;

impl From<UnknownWord> for UnknownScope {
    fn from(_: UnknownWord) -> Self {
        Self
    }
}

impl Diagnostic for UnknownScope {
    fn describe(&self) -> Description {
        Description::new(
            Code::ScopesUnknown,
            ("cette donnée", "this scope"),
            "n'existe pas : les données possibles sont « idnat » et « donnees_sectorielles »",
            "does not exist: the possible scopes are `idnat` and `donnees_sectorielles`",
        )
        .with("allowed", Scope::WIRE.to_vec())
    }
}

/// A non-empty set of scopes, serialized sorted (`["donnees_sectorielles", "idnat"]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Scopes(BTreeSet<Scope>);

impl JsonSchema for Scopes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scopes".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // No `uniqueItems`: duplicates are accepted and collapsed.
        schemars::json_schema!({
            "type": "array",
            "items": generator.subschema_for::<Scope>(),
            "minItems": 1,
            "description": "At least one scope; duplicates are collapsed and the crate writes the set sorted.",
        })
    }
}

impl Scopes {
    /// Builds a set from scopes; `None` when empty (at least one scope is required).
    #[must_use]
    pub fn new(scopes: impl IntoIterator<Item = Scope>) -> Option<Self> {
        let set: BTreeSet<Scope> = scopes.into_iter().collect();
        (!set.is_empty()).then_some(Self(set))
    }

    /// Whether `scope` is requested.
    #[must_use]
    pub fn contains(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    /// The scopes, sorted.
    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        self.0.iter().copied()
    }
}

/// No scope is selected (blank entries do not count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no scope is selected")]
struct NoScope;

impl Diagnostic for NoScope {
    fn describe(&self) -> Description {
        Description::new(
            Code::ScopesEmpty,
            ("les données", ""),
            "ne sont pas cochées : il faut au moins qu'une des données soit sélectionnée",
            "No scope is selected: at least one scope is required",
        )
    }
}

pub(crate) fn check_scopes(draft: Option<&[String]>, c: &mut Checker) -> Option<Scopes> {
    let path = Path::ROOT.key("scopes");
    let raw = draft.unwrap_or_default();
    // DataPass drops blank entries before it checks that one scope is left.
    if raw.iter().all(|scope| blank(scope)) {
        c.error_at(&path, &NoScope);
        return None;
    }
    let before = c.error_count();
    let mut set = BTreeSet::new();
    for (i, value) in raw.iter().enumerate() {
        match value.parse::<Scope>() {
            Ok(scope) => {
                set.insert(scope);
            }
            Err(e) => c.error_at(&path.index(i), &e),
        }
    }
    if c.is_clean_since(before) {
        Scopes::new(set)
    } else {
        None
    }
}
