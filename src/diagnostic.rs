//! [`Diagnostic`]: the shape every rejection of this crate shares — a stable [`Code`], French
//! and English messages, and parameters for front ends that write their own text.
//!
//! Each error type owns its code and its wording, next to the rule that produces it, in one
//! [`Diagnostic::describe`] match. A message is built from a *subject* (the value, with its
//! article: « le numéro SIRET ») and a *predicate* supplied by the error (« ne respecte pas la
//! formule de Luhn »). The request module replaces the generic subject with the field's own
//! (« le numéro SIRET de l'organisation »).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde_json::Value;

use crate::codes::Code;

/// A rejection with a stable code and user-facing messages.
///
/// Implemented by every error type of the crate that can end up in a
/// [`ValidationReport`](crate::ValidationReport).
///
/// ```
/// use datapass_psc::{Code, Diagnostic, Siret};
/// let error = "732 829 320 00075".parse::<Siret>().unwrap_err();
/// assert_eq!(error.code(), Code::SiretChecksum);
/// assert_eq!(
///     error.message_en(),
///     "The SIRET number is not valid: the SIRET check digit fails the Luhn formula and it is not \
///      a La Poste SIRET"
/// );
/// ```
pub trait Diagnostic: std::error::Error {
    /// The code, the generic subject, the predicate in both languages and the parameters,
    /// from one match.
    fn describe(&self) -> Description;

    /// The stable code, such as [`Code::SiretChecksum`].
    fn code(&self) -> Code {
        self.describe().code
    }

    /// A complete French sentence naming the value generically.
    fn message_fr(&self) -> String {
        self.describe().message_fr()
    }

    /// A complete English sentence naming the value generically.
    fn message_en(&self) -> String {
        self.describe().message_en()
    }

    /// Data a front end needs to write its own text (`{"index": 13}`), possibly empty.
    fn params(&self) -> Params {
        self.describe().params
    }
}

/// What a [`Diagnostic`] says: its code, its generic subject and its predicate in French and
/// English, and its parameters. Messages never quote a personal value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Description {
    /// The stable code.
    pub code: Code,
    /// The value named generically in French, with its article (« le numéro SIRET »).
    pub subject_fr: &'static str,
    /// The value named generically in English ("the SIRET number").
    pub subject_en: &'static str,
    /// What is wrong, in French, as the rest of the sentence (« ne possède pas 14 chiffres »).
    pub predicate_fr: Cow<'static, str>,
    /// What is wrong, in English ("does not have 14 digits").
    pub predicate_en: Cow<'static, str>,
    /// Data for front ends.
    pub params: Params,
    /// Whether the French sentence puts the predicate first (« Veuillez renseigner » + « le
    /// prénom du demandeur »); English always puts the subject first.
    pub predicate_first_fr: bool,
}

impl Description {
    /// A description without parameters.
    #[must_use]
    pub fn new(
        code: Code,
        (subject_fr, subject_en): (&'static str, &'static str),
        predicate_fr: impl Into<Cow<'static, str>>,
        predicate_en: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            code,
            subject_fr,
            subject_en,
            predicate_fr: predicate_fr.into(),
            predicate_en: predicate_en.into(),
            params: Params::new(),
            predicate_first_fr: false,
        }
    }

    /// This description with its French predicate before the subject (« Veuillez renseigner »
    /// + « le prénom du demandeur »).
    #[must_use]
    pub fn predicate_first_in_french(mut self) -> Self {
        self.predicate_first_fr = true;
        self
    }

    /// The French sentence naming the value with `subject`.
    #[must_use]
    pub fn sentence_fr(&self, subject: &str) -> String {
        if self.predicate_first_fr {
            sentence(&self.predicate_fr, subject)
        } else {
            sentence(subject, &self.predicate_fr)
        }
    }

    /// The English sentence naming the value with `subject`.
    #[must_use]
    pub fn sentence_en(&self, subject: &str) -> String {
        sentence(subject, &self.predicate_en)
    }

    /// This description with one more parameter.
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<Value>) -> Self {
        self.params.insert(key, value);
        self
    }

    /// The French sentence with the generic subject.
    #[must_use]
    pub fn message_fr(&self) -> String {
        self.sentence_fr(self.subject_fr)
    }

    /// The English sentence with the generic subject.
    #[must_use]
    pub fn message_en(&self) -> String {
        self.sentence_en(self.subject_en)
    }
}

/// Joins two parts into a sentence starting with a capital letter (the second alone when the
/// first is empty).
fn sentence(first: &str, second: &str) -> String {
    let mut out = String::with_capacity(first.len() + second.len() + 1);
    let mut chars = first.chars();
    if let Some(initial) = chars.next() {
        out.extend(initial.to_uppercase());
        out.push_str(chars.as_str());
        if !second.is_empty() {
            out.push(' ');
        }
    }
    out.push_str(second);
    out
}

/// The parameters of an issue, in the order the error gives them (`{"max": 100, "found":
/// 101}`); serialized as a JSON object.
///
/// ```
/// use datapass_psc::Params;
/// let params = Params::new().with("max", 100).with("found", 101);
/// assert_eq!(params.get("found"), Some(&serde_json::json!(101)));
/// assert_eq!(serde_json::to_string(&params)?, r#"{"max":100,"found":101}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(Cow<'static, str>, Value)>);

impl Params {
    /// No parameter.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// These parameters with one more (replacing a parameter of the same name).
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<Value>) -> Self {
        self.insert(key, value);
        self
    }

    /// Sets a parameter, replacing one of the same name in place.
    pub fn insert(&mut self, key: impl Into<Cow<'static, str>>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The parameter named `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether there is a parameter named `key`.
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The parameters, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many parameters.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no parameter.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `params["max"]`: the parameter, or `null` when there is none (as `serde_json::Value` indexes).
impl std::ops::Index<&str> for Params {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl From<Params> for serde_json::Map<String, Value> {
    fn from(params: Params) -> Self {
        params
            .0
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .collect()
    }
}

impl serde::Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParamsVisitor;
        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of parameters")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Params::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    if params.get(&key).is_some() {
                        return Err(serde::de::Error::custom("duplicate parameter"));
                    }
                    params.0.push((Cow::Owned(key), value));
                }
                Ok(params)
            }
        }
        deserializer.deserialize_map(ParamsVisitor)
    }
}

impl JsonSchema for Params {
    fn schema_name() -> Cow<'static, str> {
        "Params".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "object"})
    }
}
