//! `mutual`: checks partnership agreements. See `crates/mutual_cli`.

fn main() -> std::process::ExitCode {
    mutual_cli::main()
}
