//! `copied-report` (warning): another issuer's report of the same year has mostly the same prose
//! (an estimated Jaccard similarity of their 8-character shingles of at least 0.7, digits and
//! boilerplate aside).
//!
//! Why: copying another unit's report (内容雷同) is among what review circulars and scoring
//! sheets name; only a batch of reports can show it.
//!
//! Example: two towns' 2024 reports with the same part 一 and 五 but for the name and the figures →
//! 正文与同年度其他单位的报告大部分相同（内容雷同）：乙镇.html（乙镇人民政府，约 93% 相同）。
//! Emitted by the command line (`js/cli/batch.mjs`: MinHash signatures and LSH bands, linear in
//! the number of reports), which sees the whole batch; the entry here names it for `rules()`.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "copied-report",
    severity: Severity::Warning,
    description: Label::new(
        "与同年度其他单位报告的正文大部分相同（内容雷同）",
        "another issuer's report of the same year has mostly the same prose",
    ),
    check: emitted_by_the_cli,
};
