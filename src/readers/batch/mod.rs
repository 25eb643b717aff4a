//! The command line's rules: what `xxgknb check` reports about the files themselves (unreadable,
//! undecodable, declared charset wrong), about the core (no readers, a failure on one file) and
//! about the batch (two reports of one issuer and year, copied prose, a region's sums). The CLI emits them (`js/cli/`); their
//! entries here make `rules()` list them with descriptions in both languages, so that every rule
//! id a user can meet is in the catalogue and the docs.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, RuleDef};

mod aggregate_sum;
mod charset_mismatch;
mod charset_unknown;
mod copied_report;
mod cross_year_ambiguous;
mod file_undecodable;
mod file_unreadable;
mod internal_error;
mod reader_unavailable;
mod time_limit;

/// Their `check`: the core has nothing to check; the CLI emits them from what it sees.
fn emitted_by_the_cli(_: &Context, _: &mut Vec<Diagnostic>) {}

/// Every rule of the command line, in the order it can report them for one file.
pub static RULES: &[&RuleDef] = &[
    &file_unreadable::RULE,
    &file_undecodable::RULE,
    &charset_mismatch::RULE,
    &charset_unknown::RULE,
    &reader_unavailable::RULE,
    &internal_error::RULE,
    &time_limit::RULE,
    &cross_year_ambiguous::RULE,
    &copied_report::RULE,
    &aggregate_sum::RULE,
];

#[cfg(test)]
mod tests {
    use crate::options::Options;

    /// Each id is in `rules()` and options accept it (so that `--rule id=off` reaches it).
    #[test]
    fn are_listed_and_configurable() {
        let listed = crate::catalog::rules_json();
        for id in super::RULES.iter().map(|r| r.id) {
            assert!(listed.contains(&format!("\"{id}\"")), "{id}");
            let o = Options::from_json(
                &format!(r#"{{"rules": {{"{id}": "warning"}}}}"#),
                crate::registry::rule_id,
            );
            assert!(o.is_ok(), "{id}: {:?}", o.err());
        }
    }

    #[test]
    fn the_readers_never_emit_them() {
        // Only the CLI, which sees the files and the batch, can tell; text never gives them.
        let p = crate::readers::parse("", &crate::readers::ParseOptions::default());
        for rule in super::RULES {
            assert!(
                p.diagnostics.iter().all(|d| d.rule != rule.id),
                "{}",
                rule.id
            );
        }
    }
}
