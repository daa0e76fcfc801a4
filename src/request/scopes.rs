//! The data scopes (« Les données »): `idnat` and `donnees_sectorielles`.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::check::Checker;
use crate::diagnostic::{Diagnostic, params};
use crate::report::{Issue, Pointer};

/// One data scope of API Pro Santé Connect.
///
/// Ordered as DataPass stores them: `donnees_sectorielles` before `idnat`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// « Données sectorielles » : type d’activité (salarié ou libéral) et lieu d’activité.
    DonneesSectorielles,
    /// « Identifiant national » : RPPS (ou ADELI).
    Idnat,
}

impl Scope {
    /// Every scope, in DataPass's order.
    pub const ALL: [Self; 2] = [Self::DonneesSectorielles, Self::Idnat];

    /// The wire value (`idnat`, `donnees_sectorielles`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DonneesSectorielles => "donnees_sectorielles",
            Self::Idnat => "idnat",
        }
    }

    /// DataPass's French label.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::DonneesSectorielles => "Données sectorielles",
            Self::Idnat => "Identifiant national",
        }
    }

    /// DataPass's French help text.
    #[must_use]
    pub const fn help_fr(self) -> &'static str {
        match self {
            Self::DonneesSectorielles => "type d’activité (salarié ou libéral) et lieu d’activité",
            Self::Idnat => "RPPS (ou ADELI)",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not a scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scope: expected `idnat` or `donnees_sectorielles`")]
#[non_exhaustive]
pub struct UnknownScope;

impl FromStr for Scope {
    type Err = UnknownScope;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "idnat" => Ok(Self::Idnat),
            "donnees_sectorielles" => Ok(Self::DonneesSectorielles),
            _ => Err(UnknownScope),
        }
    }
}

impl Diagnostic for UnknownScope {
    fn code(&self) -> &'static str {
        "scopes.unknown"
    }
    fn subject_fr(&self) -> &'static str {
        "cette donnée"
    }
    fn subject_en(&self) -> &'static str {
        "this scope"
    }
    fn predicate_fr(&self) -> String {
        "n'existe pas : les données possibles sont « idnat » et « donnees_sectorielles »".to_owned()
    }
    fn predicate_en(&self) -> String {
        "does not exist: the possible scopes are `idnat` and `donnees_sectorielles`".to_owned()
    }
    fn params(&self) -> serde_json::Map<String, serde_json::Value> {
        params([("allowed", json!(["donnees_sectorielles", "idnat"]))])
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

pub(crate) fn check_scopes(draft: Option<&[String]>, c: &mut Checker) -> Option<Scopes> {
    let path = Pointer::root().key("scopes");
    let raw = draft.unwrap_or_default();
    if raw.is_empty() {
        c.error(Issue::new(
            "scopes.empty",
            &path,
            "Les données ne sont pas cochées : il faut au moins qu'une des données soit sélectionnée"
                .to_owned(),
            "No scope is selected: at least one scope is required".to_owned(),
            serde_json::Map::new(),
        ));
        return None;
    }
    let before = c.error_count();
    let mut set = BTreeSet::new();
    for (i, value) in raw.iter().enumerate() {
        match value.parse::<Scope>() {
            Ok(scope) => {
                set.insert(scope);
            }
            Err(e) => c.error(Issue::from_diagnostic(
                &path.index(i),
                &e,
                e.subject_fr(),
                e.subject_en(),
            )),
        }
    }
    if c.is_clean_since(before) {
        Scopes::new(set)
    } else {
        None
    }
}
