//! Export the JSON Schemas with the library: `cargo run --example export_schema [DIR]`.
//!
//! Without a directory, lists each schema's file name and title; with one, writes the files
//! exactly as `datapass-psc schema --out DIR` does.

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1);
    for (name, schema) in datapass_psc::schema::all() {
        match &dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let path = std::path::Path::new(dir).join(name);
                std::fs::write(&path, datapass_psc::schema::to_file_contents(&schema))?;
                println!("wrote {}", path.display());
            }
            None => println!(
                "{name}: {}",
                schema["title"].as_str().unwrap_or("(untitled)")
            ),
        }
    }
    Ok(())
}
