//! Webhook signatures: any secret, body and header, and the right header for them.
#![no_main]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&split, rest)) = data.split_first() else {
        return;
    };
    let (secret, rest) = rest.split_at(usize::from(split).min(rest.len()));
    let (header, body) = rest.split_at(rest.len().min(72));
    let header = String::from_utf8_lossy(header);
    common::properties::webhook_signature(secret, body, &header);
    let right = common::properties::sign(secret, body);
    assert_eq!(
        datapass_psc::datapass::verify_signature(secret, body, &right),
        Ok(())
    );
    common::properties::webhook_signature(secret, body, &right);
});
