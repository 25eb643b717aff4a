//! Every rule of the build in one place, above both rule families: the core's (`rules`) and, in
//! the full build, the readers' extraction and prose rules (`readers::rules`). `rules()` lists
//! them from here, options name them through [`rule_id`], and [`run`] runs them in order.
//! Adding a rule: write its file in its family and add it to that family's list.

use crate::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::options::Options;
use crate::rules::RuleDef;

/// Every rule of the build: the core's, then (full build) the readers' and the command line's
/// (about files and batches: the CLI runs on the full build). No empty chains in the lite build,
/// whose size counts.
pub fn all() -> impl Iterator<Item = &'static RuleDef> {
    let rules = crate::rules::all();
    #[cfg(feature = "readers")]
    let rules = rules
        .chain(crate::readers::rules::RULES)
        .chain(crate::readers::batch::RULES);
    rules.copied()
}

pub fn find(id: &str) -> Option<&'static RuleDef> {
    all().find(|r| r.id == id)
}

/// The static id of a rule of this build, for options that name rules.
pub fn rule_id(id: &str) -> Option<&'static str> {
    find(id).map(|r| r.id)
}

/// The rules that compare a report with last year's (`previous`): all that
/// [`crate::api::cross_year`] runs, with [`UNREAD`].
pub const CROSS_YEAR: [&str; 4] = [
    "cross-year-carryover",
    "tables-unchanged",
    "t2-carryover",
    "text-reuse",
];

/// The rules that say the input was not read as a report: kept on where only a few rules run
/// (`cross_year`), so that a text that is no report never passes for one without findings.
pub const UNREAD: [&str; 3] = ["input-too-large", "invalid-json", "invalid-structure"];

/// Run every rule on a decoded report: the core's rules (with culprit location), then the prose
/// rules on `sections` wherever the report came from; severity overrides applied, ordered.
pub fn run(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let mut out = crate::rules::run(report, options);
    #[cfg(feature = "readers")]
    out.extend(crate::readers::rules::run_prose(report, options));
    crate::rules::finish(&mut out, options);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        let ids: Vec<&str> = all().map(|r| r.id).collect();
        for (i, id) in ids.iter().enumerate() {
            assert!(!ids[..i].contains(id), "{id} listed twice");
            assert_eq!(rule_id(id), Some(*id));
        }
        assert_eq!(rule_id("no-such-rule"), None);
        #[cfg(feature = "readers")]
        assert!(ids.contains(&"narrative-mismatch"));
        // The lite build has only the carry-over of the cross-year rules.
        for id in UNREAD.iter().chain(&CROSS_YEAR[..1]) {
            assert_eq!(rule_id(id), Some(*id));
        }
        #[cfg(feature = "readers")]
        for id in &CROSS_YEAR[1..] {
            assert_eq!(rule_id(id), Some(*id));
        }
    }
}
