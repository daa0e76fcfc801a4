//! A fixed workload for instruction counting with callgrind.
//!
//! `instructions value K` parses the shipped sample into a `serde_json::Value` K times;
//! `instructions validate K` reads it into a `RequestDraft` and validates it K times. Both first
//! run one warm-up iteration of both workloads, so that lazily built data (the phone metadata)
//! is the same constant in every run. Per-iteration cost, from two runs:
//!
//! ```text
//! valgrind --tool=callgrind --callgrind-out-file=cg.%p target/release/examples/instructions validate 100
//! valgrind --tool=callgrind --callgrind-out-file=cg.%p target/release/examples/instructions validate 1100
//! (total(1100) - total(100)) / 1000
//! ```

use datapass_psc::RequestDraft;

/// examples/requests/hospiconnect.json: a valid request with four French phone numbers.
const SAMPLE: &[u8] = include_bytes!("requests/hospiconnect.json");

fn value() {
    let value: serde_json::Value =
        serde_json::from_slice(std::hint::black_box(SAMPLE)).expect("the sample is JSON");
    std::hint::black_box(value);
}

fn validate() {
    let draft =
        RequestDraft::from_json_slice(std::hint::black_box(SAMPLE)).expect("the sample reads");
    std::hint::black_box(draft.validate().expect("the sample is valid"));
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let work: fn() = match args.next().as_deref() {
        Some("value") => value,
        Some("validate") => validate,
        _ => return Err("usage: instructions value|validate K".into()),
    };
    let iterations: usize = args.next().ok_or("missing K")?.parse()?;
    value();
    validate();
    for _ in 0..iterations {
        work();
    }
    Ok(())
}
