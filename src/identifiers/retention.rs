//! The retention period of personal data, in months.

use std::borrow::Cow;
use std::fmt;

use chrono::{Months, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::codes::Code;
use crate::diagnostic::{Description, Diagnostic};

/// How long personal data is kept (« durée de conservation »), in whole months, from 0 to 1200.
///
/// ```
/// use datapass_psc::RetentionPeriod;
/// use chrono::NaiveDate;
///
/// let period = RetentionPeriod::new(13)?;
/// assert_eq!(period.months(), 13);
/// assert!(!period.requires_justification());
/// // Calendar-month arithmetic, clamped to the end of the month.
/// let collected = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
/// assert_eq!(period.deletion_date(collected), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
/// # Ok::<(), datapass_psc::RetentionPeriodError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RetentionPeriod(u16);

/// Why a number of months is not a valid [`RetentionPeriod`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RetentionPeriodError {
    /// The number of months is outside 0–1200.
    #[error(
        "retention period out of range: expected 0 to {} months, found {found}",
        RetentionPeriod::MAX.0
    )]
    OutOfRange {
        /// The number given.
        found: i64,
    },
}

impl RetentionPeriod {
    /// The longest period accepted: 1200 months (100 years).
    pub const MAX: Self = Self(1200);
    /// The usual maximum (36 months): a longer period requires a justification and gets the
    /// warning `retention.above_usual`.
    pub const USUAL_MAX: Self = Self(36);

    /// Checks that `months` is within 0–1200.
    ///
    /// # Errors
    /// [`RetentionPeriodError::OutOfRange`] for `1201` and above.
    pub const fn new(months: u16) -> Result<Self, RetentionPeriodError> {
        if months <= Self::MAX.0 {
            Ok(Self(months))
        } else {
            Err(RetentionPeriodError::OutOfRange {
                found: months as i64,
            })
        }
    }

    /// The number of months.
    #[must_use]
    pub const fn months(self) -> u16 {
        self.0
    }

    /// Whether the period exceeds [`Self::USUAL_MAX`] (36 months), so that a justification is
    /// required and the warning `retention.above_usual` is given.
    #[must_use]
    pub const fn requires_justification(self) -> bool {
        self.0 > Self::USUAL_MAX.0
    }

    /// The date at which data collected on `collected_on` must be deleted: that date plus the
    /// period in calendar months, clamped to the end of the month (31 January + 1 month is
    /// 28 or 29 February). Saturates at [`NaiveDate::MAX`] instead of overflowing.
    #[must_use]
    pub fn deletion_date(self, collected_on: NaiveDate) -> NaiveDate {
        collected_on
            .checked_add_months(Months::new(u32::from(self.0)))
            .unwrap_or(NaiveDate::MAX)
    }
}

impl TryFrom<u16> for RetentionPeriod {
    type Error = RetentionPeriodError;
    fn try_from(months: u16) -> Result<Self, Self::Error> {
        Self::new(months)
    }
}

impl TryFrom<i64> for RetentionPeriod {
    type Error = RetentionPeriodError;
    fn try_from(months: i64) -> Result<Self, Self::Error> {
        match u16::try_from(months) {
            Ok(m) => Self::new(m),
            Err(_) => Err(RetentionPeriodError::OutOfRange { found: months }),
        }
    }
}

impl From<RetentionPeriod> for u16 {
    fn from(period: RetentionPeriod) -> Self {
        period.0
    }
}

impl fmt::Debug for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RetentionPeriod({} months)", self.0)
    }
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} months", self.0)
    }
}

impl serde::Serialize for RetentionPeriod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for RetentionPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RetentionPeriod;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a retention period in months (0 to 1200)")
            }
            crate::unquoted::refuse_unquoted!(bool, str);
            fn visit_i64<E: serde::de::Error>(self, months: i64) -> Result<RetentionPeriod, E> {
                // The code, not the message: the message quotes the number.
                RetentionPeriod::try_from(months).map_err(|e| {
                    E::custom(format_args!(
                        "invalid value: expected 0 to 1200 months ({})",
                        e.code()
                    ))
                })
            }
            fn visit_u64<E: serde::de::Error>(self, months: u64) -> Result<RetentionPeriod, E> {
                self.visit_i64(i64::try_from(months).unwrap_or(i64::MAX))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<RetentionPeriod, E> {
                Err(E::invalid_type(
                    serde::de::Unexpected::Other("a number with a fraction"),
                    &self,
                ))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for RetentionPeriod {
    fn schema_name() -> Cow<'static, str> {
        "RetentionPeriod".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "datapass_psc::RetentionPeriod".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let (max, usual) = (Self::MAX.0, Self::USUAL_MAX.0);
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": max,
            "description": format!(
                "Retention period in months (durée de conservation), 0 to {max}; above {usual} a \
                 justification is required."
            ),
        })
    }
}

impl Diagnostic for RetentionPeriodError {
    fn describe(&self) -> Description {
        match *self {
            Self::OutOfRange { found } => {
                let max = RetentionPeriod::MAX.0;
                Description::new(
                    Code::RetentionOutOfRange,
                    (
                        "la durée de conservation des données",
                        "the data retention period",
                    ),
                    format!("doit être comprise entre 0 et {max} mois ({found} indiqué)"),
                    format!("must be between 0 and {max} months ({found} given)"),
                )
                .with("min", 0)
                .with("max", max)
                .with("found", found)
            }
        }
    }
}
