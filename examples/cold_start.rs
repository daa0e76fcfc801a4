//! Time the first validation of the shipped sample in a fresh process, then a warm one.
//!
//! `cargo run --release --example cold_start` (or without `--release`). The first validation
//! pays for everything built lazily on first use (the phone metadata in particular); the second
//! shows the steady cost. The sample is compiled in, so no file is read inside the timings.

use std::time::{Duration, Instant};

use datapass_psc::RequestDraft;

/// examples/requests/hospiconnect.json: a valid request with four French phone numbers.
const SAMPLE: &[u8] = include_bytes!("requests/hospiconnect.json");

/// Reads and validates the sample; returns the time it took.
fn validate_once() -> Result<Duration, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let draft = RequestDraft::from_json_slice(SAMPLE)?;
    let request = draft.validate()?;
    let elapsed = start.elapsed();
    std::hint::black_box(request);
    Ok(elapsed)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let first = validate_once()?;
    let second = validate_once()?;
    println!("profile: {profile}");
    println!("first validation (cold): {:.3} ms", ms(first));
    println!("second validation (warm): {:.3} ms", ms(second));
    Ok(())
}
