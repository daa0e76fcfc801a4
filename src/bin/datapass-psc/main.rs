//! The `datapass-psc` command-line tool.

fn main() {
    eprintln!("datapass-psc: no subcommand implemented yet");
    std::process::exit(2);
}
