//! What parsing a phone number costs: the measurements quoted in DESIGN.md.
//!
//! Build with `cargo build --release --example phone_cost`, then run
//! `target/release/examples/phone_cost MODE`:
//! - `first`: time of the first validation of `examples/requests/hospiconnect.json` (four
//!   French numbers) in this fresh process;
//! - `first-phone NUMBER`: time of the first parse of `NUMBER` in this fresh process;
//! - `warm NUMBER COUNT`: parses `NUMBER` once, then `COUNT` times, and prints the mean time.
//!   Under `valgrind --tool=callgrind`, the difference of the instruction counts of two runs
//!   (`COUNT` 100 and 1100) divided by 1000 is the instructions of one parse;
//! - `threads COUNT`: parses French numbers `COUNT` times on 1 thread, then on each of 2
//!   threads, 20 times, and prints the best rates.

use std::hint::black_box;
use std::time::Instant;

use datapass_psc::{PhoneNumber, validate_json};

/// The four numbers of the sample request.
const FRENCH: [&str; 4] = [
    "01 99 00 12 34",
    "+33 1 99 00 12 35",
    "01.99.00.12.36",
    "06 12 34 56 78",
];

/// Parses `input` and asks whether it is a mobile number; whether it is valid.
fn parse(input: &str) -> bool {
    let result = black_box(input).parse::<PhoneNumber>();
    if let Ok(phone) = &result {
        black_box(phone.is_mobile());
    }
    result.is_ok()
}

/// Parses per thread `count` French numbers on `threads` threads; the rate in parses per second.
fn rate(threads: u32, count: u32) -> f64 {
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for i in 0..count {
                    assert!(parse(FRENCH[i as usize % FRENCH.len()]));
                }
            });
        }
    });
    f64::from(threads * count) / start.elapsed().as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let count = |i: usize| arg(i).parse::<u32>().unwrap_or(100_000);
    match arg(0) {
        "first" => {
            let text = std::fs::read_to_string("examples/requests/hospiconnect.json")
                .expect("run from the crate's directory");
            let start = Instant::now();
            let report = validate_json(black_box(&text));
            let elapsed = start.elapsed();
            assert!(report.is_valid());
            println!("first validation: {:.3} ms", elapsed.as_secs_f64() * 1e3);
        }
        "first-phone" => {
            let start = Instant::now();
            let valid = parse(arg(1));
            let elapsed = start.elapsed();
            println!(
                "first parse ({valid}): {:.3} ms",
                elapsed.as_secs_f64() * 1e3
            );
        }
        "warm" => {
            let valid = parse(arg(1));
            let n = count(2);
            let start = Instant::now();
            for _ in 0..n {
                assert_eq!(parse(arg(1)), valid);
            }
            let elapsed = start.elapsed();
            if n > 0 {
                let nanos = elapsed.as_secs_f64() * 1e9 / f64::from(n);
                println!("warm parse ({valid}): {nanos:.0} ns");
            }
        }
        "threads" => {
            // On a shared machine another process can take a core at any time: the best of 20
            // short rounds of each is the rate the code allows.
            let n = count(1);
            let _ = parse(FRENCH[0]);
            let (mut one, mut two) = (0.0_f64, 0.0_f64);
            for _ in 0..20 {
                one = one.max(rate(1, n));
                two = two.max(rate(2, n));
            }
            println!(
                "best of 20: 1 thread {one:.0}/s, 2 threads {two:.0}/s, ratio {:.2}",
                two / one
            );
        }
        _ => eprintln!(
            "usage: phone_cost first | first-phone NUMBER | warm NUMBER [COUNT] | threads [COUNT]"
        ),
    }
}
