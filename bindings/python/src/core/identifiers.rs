//! The crate's identifiers, behind wrappers that give the binding their canonical form, their
//! `Debug` (which masks personal data) and their accessors.

use chrono::NaiveDate;

use super::{Failure, Problem, guard};

/// One wrapper per string identifier: parsing through the crate's `FromStr`, the canonical form
/// and the crate's `Debug`.
macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident($inner:ty)) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name($inner);

        impl $name {
            /// Parses `input` with the crate's `FromStr`.
            pub fn parse(input: &str) -> Result<Self, Failure> {
                guard(|| {
                    match input.parse::<$inner>() {
                        Ok(value) => Ok(Self(value)),
                        Err(e) => Err(Failure::Invalid(Problem::of(&e)?)),
                    }
                })
            }

            /// The canonical form.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The crate's `Debug`, which masks personal data.
            pub fn debug(&self) -> String {
                format!("{:?}", self.0)
            }
        }
    };
}

identifier!(
    /// A SIREN.
    Siren(datapass_psc::Siren)
);
identifier!(
    /// A SIRET.
    Siret(datapass_psc::Siret)
);
identifier!(
    /// An email address.
    Email(datapass_psc::Email)
);
identifier!(
    /// A phone number.
    PhoneNumber(datapass_psc::PhoneNumber)
);

impl Siren {
    /// Grouped by three digits (`732 829 320`).
    pub fn grouped(&self) -> String {
        self.0.grouped()
    }

    /// Whether it is La Poste's SIREN.
    pub fn is_la_poste(&self) -> bool {
        self.0.is_la_poste()
    }
}

impl Siret {
    /// Its first 9 digits.
    pub fn siren(&self) -> Siren {
        Siren(self.0.siren())
    }

    /// Its last 5 digits.
    pub fn nic(&self) -> &str {
        self.0.nic()
    }

    /// Grouped as `732 829 320 00074`.
    pub fn grouped(&self) -> String {
        self.0.grouped()
    }
}

impl Email {
    /// The part after the last `@`.
    pub fn domain(&self) -> &str {
        self.0.domain()
    }

    /// The masked form (`j***@exemple.fr`).
    pub fn masked(&self) -> String {
        self.0.masked()
    }
}

impl PhoneNumber {
    /// The ISO 3166 code of its region, if any.
    pub fn region(&self) -> Option<&'static str> {
        self.0.region()
    }

    /// Whether the metadata calls it mobile.
    pub fn is_mobile(&self) -> bool {
        self.0.is_mobile()
    }

    /// The masked form (`+336******78`).
    pub fn masked(&self) -> String {
        self.0.masked()
    }
}

/// A retention period, in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetentionPeriod(datapass_psc::RetentionPeriod);

impl RetentionPeriod {
    /// Checks `months` with the crate.
    pub fn new(months: i64) -> Result<Self, Failure> {
        guard(|| match datapass_psc::RetentionPeriod::try_from(months) {
            Ok(period) => Ok(Self(period)),
            Err(e) => Err(Failure::Invalid(Problem::of(&e)?)),
        })
    }

    /// The number of months.
    pub fn months(self) -> u16 {
        self.0.months()
    }

    /// Whether a justification is required (above the usual 36 months).
    pub fn requires_justification(self) -> bool {
        self.0.requires_justification()
    }

    /// The deletion date of data collected on `collected_on`.
    pub fn deletion_date(self, collected_on: NaiveDate) -> Result<NaiveDate, Failure> {
        guard(|| Ok(self.0.deletion_date(collected_on)))
    }

    /// The crate's `Display` (`12 months`).
    pub fn display(self) -> String {
        self.0.to_string()
    }

    /// The crate's `Debug`.
    pub fn debug(self) -> String {
        format!("{:?}", self.0)
    }
}
