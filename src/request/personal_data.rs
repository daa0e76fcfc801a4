//! The processing of personal data: recipients, retention period and its justification.

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{Checker, DataPassCheck, Subject};
use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};
use crate::identifiers::RetentionPeriod;
use crate::report::{Issue, Path, Pointer};
use crate::text::{Justification, Recipient};

/// The processing of personal data: recipients and retention.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalDataDraft {
    /// « Destinataires des données »: 1 to 20 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<String>>,
    /// « Durée de conservation » in months; any integer loads, 0–1200 is valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<i64>,
    /// Required when the retention period is above 36 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_justification: Option<String>,
}

/// The most recipients accepted.
pub const MAX_RECIPIENTS: usize = 20;

/// Recipients and retention of the personal data processed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalData {
    /// 1 to 20 recipients, in the order given.
    #[schemars(length(min = 1, max = MAX_RECIPIENTS))]
    recipients: Vec<Recipient>,
    /// The retention period in months.
    retention_months: RetentionPeriod,
    /// Required above 36 months.
    #[serde(default)]
    retention_justification: Option<Justification>,
}

impl PersonalData {
    /// The recipients, in the order given.
    #[must_use]
    pub fn recipients(&self) -> &[Recipient] {
        &self.recipients
    }

    /// The retention period.
    #[must_use]
    pub fn retention(&self) -> RetentionPeriod {
        self.retention_months
    }

    /// The justification of the retention period, if given.
    #[must_use]
    pub fn retention_justification(&self) -> Option<&Justification> {
        self.retention_justification.as_ref()
    }

    /// The warnings this block carries (`retention.above_usual` above 36 months).
    #[must_use]
    pub fn warnings(&self) -> Vec<Issue> {
        retention_warning(self.retention_months)
            .into_iter()
            .collect()
    }
}

/// The `retention.above_usual` warning, for a period above 36 months.
fn retention_warning(period: RetentionPeriod) -> Option<Issue> {
    period.requires_justification().then(|| {
        Issue::from_error(
            Pointer::root()
                .key("personal_data")
                .key("retention_months")
                .as_str(),
            &RetentionAboveUsual { found: period },
        )
    })
}

/// A retention period above the usual 36 months: a warning, and a justification is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("retention period above the usual 36 months")]
struct RetentionAboveUsual {
    found: RetentionPeriod,
}

impl Diagnostic for RetentionAboveUsual {
    fn describe(&self) -> Description {
        let usual = RetentionPeriod::USUAL_MAX.months();
        Description::new(
            Code::RetentionAboveUsual,
            ("cette durée", "this period"),
            format!("excède la durée communément constatée ({usual} mois)"),
            format!("exceeds the usual period ({usual} months)"),
        )
        .with("usual_max", usual)
        .with("found", self.found.months())
    }
}

/// A retention period above 36 months without justification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a retention period above 36 months needs a justification")]
struct JustificationRequired;

impl Diagnostic for JustificationRequired {
    fn describe(&self) -> Description {
        let usual = RetentionPeriod::USUAL_MAX.months();
        Description::new(
            Code::RetentionJustificationRequired,
            ("", ""),
            format!(
                "Veuillez justifier cette durée : elle excède la durée communément constatée \
                 ({usual} mois)"
            ),
            format!("Justify this period: it exceeds the usual period ({usual} months)"),
        )
        .with("threshold", usual)
    }
}

/// More recipients than allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many recipients: at most {MAX_RECIPIENTS}, found {found}")]
#[non_exhaustive]
pub struct TooManyRecipients {
    /// The number of recipients.
    pub found: usize,
}

impl Diagnostic for TooManyRecipients {
    fn describe(&self) -> Description {
        let found = self.found;
        Description::new(
            Code::RecipientsTooMany,
            ("les destinataires des données", "the data recipients"),
            format!("sont trop nombreux ({MAX_RECIPIENTS} au maximum, {found} indiqués)"),
            format!("are too many (at most {MAX_RECIPIENTS}, {found} given)"),
        )
        .with("max", MAX_RECIPIENTS)
        .with("found", found)
    }
}

pub(crate) fn check_personal_data(
    draft: Option<&PersonalDataDraft>,
    c: &mut Checker,
) -> Option<PersonalData> {
    let base = Path::ROOT.key("personal_data");
    let before = c.error_count();

    // Recipients.
    let recipients_path = base.key("recipients");
    let raw = draft
        .and_then(|d| d.recipients.as_deref())
        .unwrap_or_default();
    let mut recipients = Vec::with_capacity(raw.len());
    if raw.is_empty() {
        c.required(
            &recipients_path,
            Subject::new("les destinataires des données", "the data recipients"),
        );
    } else if raw.len() > MAX_RECIPIENTS {
        c.error_at(&recipients_path, &TooManyRecipients { found: raw.len() });
    } else {
        for (i, value) in raw.iter().enumerate() {
            if let Some(r) = c.parse::<Recipient>(
                Some(value),
                &recipients_path.index(i),
                Subject::new("ce destinataire", "this recipient"),
                DataPassCheck::None,
            ) {
                recipients.push(r);
            }
        }
    }

    // Retention.
    let retention = match draft.and_then(|d| d.retention_months) {
        None => {
            c.required(
                &base.key("retention_months"),
                Subject::new(
                    "la durée de conservation des données",
                    "the data retention period",
                ),
            );
            None
        }
        Some(months) => match RetentionPeriod::try_from(months) {
            Ok(period) => Some(period),
            Err(e) => {
                c.error_at(&base.key("retention_months"), &e);
                None
            }
        },
    };

    // Justification: required above 36 months, checked whenever given.
    let justification_path = base.key("retention_justification");
    let justification_subject = Subject::new(
        "la justification de la durée de conservation",
        "the justification of the retention period",
    );
    let raw_justification = draft.and_then(|d| d.retention_justification.as_deref());
    let justification = if retention.is_some_and(RetentionPeriod::requires_justification) {
        if raw_justification.is_none_or(|j| j.trim().is_empty()) {
            c.error_at(&justification_path, &JustificationRequired);
            None
        } else {
            c.parse::<Justification>(
                raw_justification,
                &justification_path,
                justification_subject,
                DataPassCheck::None,
            )
            .map(Some)
        }
    } else {
        c.parse_optional::<Justification>(
            raw_justification,
            &justification_path,
            justification_subject,
            DataPassCheck::None,
        )
        .ok()
    };

    if let Some(warning) = retention.and_then(retention_warning) {
        c.warning(warning);
    }
    if !c.is_clean_since(before) {
        return None;
    }
    Some(PersonalData {
        recipients,
        retention_months: retention?,
        retention_justification: justification?,
    })
}
