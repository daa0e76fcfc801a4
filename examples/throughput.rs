//! Validate the shipped sample N times on one thread, then split across two threads.
//!
//! `cargo run --release --example throughput [N]` (N defaults to 20000). Prints requests per
//! second for each run and the ratio two threads / one thread (2.0 would be perfect scaling).

use std::time::Instant;

use datapass_psc::RequestDraft;

/// examples/requests/hospiconnect.json: a valid request with four French phone numbers.
const SAMPLE: &[u8] = include_bytes!("requests/hospiconnect.json");

/// Reads and validates the sample `n` times; panics if it is ever refused.
fn validate_many(n: usize) {
    for _ in 0..n {
        let draft =
            RequestDraft::from_json_slice(std::hint::black_box(SAMPLE)).expect("the sample reads");
        std::hint::black_box(draft.validate().expect("the sample is valid"));
    }
}

/// Validates `n` requests in total across `threads` threads; returns requests per second.
#[allow(clippy::cast_precision_loss)]
fn run(n: usize, threads: usize) -> f64 {
    let start = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            // Share the remainder so that exactly `n` requests are validated.
            let share = n / threads + usize::from(t < n % threads);
            scope.spawn(move || validate_many(share));
        }
    });
    n as f64 / start.elapsed().as_secs_f64()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(arg) => arg.parse()?,
        None => 20_000,
    };
    // Warm-up: builds the phone metadata and everything else built on first use.
    validate_many(100);
    let one = run(n, 1);
    let two = run(n, 2);
    println!("requests: {n}");
    println!("1 thread:  {one:.0} requests/s");
    println!("2 threads: {two:.0} requests/s");
    println!("ratio 2 threads / 1 thread: {:.2}", two / one);
    Ok(())
}
