//! `mutual explain RULE`: the rule's documentation, the same Markdown the
//! editor shows on hover and `docs/rules/` publishes.

use std::io::Write;
use std::process::ExitCode;

use mutual_check::rules;

use crate::cli::ExplainArgs;

pub fn run(args: ExplainArgs) -> ExitCode {
    let Some(rule) = rules::find(&args.rule) else {
        eprintln!("mutual: {}", unknown_rule(&args.rule));
        return ExitCode::from(2);
    };
    let mut out = std::io::stdout().lock();
    if let Err(err) = out
        .write_all(rule.markdown().as_bytes())
        .and_then(|()| out.flush())
    {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("mutual: could not write the documentation: {err}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// "there is no rule `x`", with a "did you mean" when a rule is close.
pub fn unknown_rule(name: &str) -> String {
    let names = rules::ALL.iter().map(|r| r.name);
    match mutual_syntax::suggest::closest(name, names) {
        Some(close) => format!("there is no rule `{name}`: did you mean `{close}`?"),
        None => format!("there is no rule `{name}` (`mutual rules` lists every rule)"),
    }
}
