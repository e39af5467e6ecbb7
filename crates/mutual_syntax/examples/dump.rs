//! Prints the syntax errors (and optionally the tree) of a file: `cargo run -p mutual_syntax --example dump FILE [--tree]`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a tool for people: it prints
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: dump FILE [--tree]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let parse = mutual_syntax::parse(&text);
    let index = mutual_syntax::LineIndex::new(&text);
    if args.iter().any(|a| a == "--tree") {
        println!("{:#?}", parse.file);
    }
    for e in &parse.errors {
        let (l, c) = index.line_col(&text, e.span.start as usize);
        println!(
            "{path}:{l}:{c}: {}{}",
            e.message,
            e.help
                .as_ref()
                .map(|h| format!(" (help: {h})"))
                .unwrap_or_default()
        );
    }
}
