//! The organisation (its SIRET) and the project (« Mon projet »): name and description.

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{Checker, DataPassCheck, Subject};
use crate::identifiers::Siret;
use crate::report::Path;
use crate::text::{ProjectDescription, ProjectName};

/// The organisation: its SIRET, as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationDraft {
    /// The SIRET of the establishment filing the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
}

/// The project's name and description.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectDraft {
    /// « Nom du projet » (made public by DataPass).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// « Description du projet (à quoi va-t-il servir ? qui l'utilisera ?) ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The organisation filing the request, identified by the SIRET chosen at sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organization {
    /// The establishment's SIRET.
    pub siret: Siret,
}

/// The project: its public name and what it is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Project {
    /// « Nom du projet », one line, at most 200 characters.
    pub name: ProjectName,
    /// « Description du projet », at most 10,000 characters.
    pub description: ProjectDescription,
}

pub(crate) fn check_organization(
    draft: Option<&OrganizationDraft>,
    c: &mut Checker,
) -> Option<Organization> {
    let organization = Path::ROOT.key("organization");
    let path = organization.key("siret");
    let subject = Subject::new(
        "le numéro SIRET de l'organisation",
        "the organisation's SIRET number",
    );
    let siret = c.parse::<Siret>(
        draft.and_then(|d| d.siret.as_deref()),
        &path,
        subject,
        DataPassCheck::Siret,
    )?;
    Some(Organization { siret })
}

pub(crate) fn check_project(draft: Option<&ProjectDraft>, c: &mut Checker) -> Option<Project> {
    let base = Path::ROOT.key("project");
    let name = c.parse::<ProjectName>(
        draft.and_then(|d| d.name.as_deref()),
        &base.key("name"),
        Subject::new("le nom du projet", "the project name"),
        DataPassCheck::Text,
    );
    let description = c.parse::<ProjectDescription>(
        draft.and_then(|d| d.description.as_deref()),
        &base.key("description"),
        Subject::new("la description du projet", "the project description"),
        DataPassCheck::Text,
    );
    Some(Project {
        name: name?,
        description: description?,
    })
}
