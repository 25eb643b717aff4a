//! The readers' rules. Extraction rules (`table-not-found`, `row-not-found`, `unreadable-cell`,
//! `ambiguous-cells`, `glued-cells`, `format-pre-2019`, `report-repeated`) are emitted by the reader while it
//! reads: each is defined once, in its file (id, severity, description and a `finding` that
//! writes its message), and the reader calls that; their `check` is empty. The document rules
//! (`no-text-layer`, `encrypted-document`, `unreadable-document`, `document-too-large`) are
//! emitted by the package's file readers (`js/documents/`), which see the PDF or Word file;
//! their entries here name them for `rules()` and let options turn them off. The prose rules
//! check `Report::sections` (`PROSE`), on the prose prepared once (`prose::Prose`).

use crate::diagnostic::{Diagnostic, Location};
use crate::model::layout::{layout, CellId};
use crate::options::Options;
use crate::rules::{Context, RuleDef};
use crate::Report;
use prose::{Prose, ProseRule};

pub mod ambiguous_cells;
pub mod contact_format;
mod document_too_large;
mod encrypted_document;
mod figures;
pub mod format_pre_2019;
pub mod glued_cells;
mod narrative_conflict;
pub mod narrative_mismatch;
mod narrative_scope;
mod no_text_layer;
mod part5_perfunctory;
mod part6_fees;
pub mod prose;
pub mod report_repeated;
mod required_elements;
pub mod row_not_found;
mod section_missing;
mod stale_year;
pub mod table_not_found;
pub(crate) mod text_reuse;
pub mod unreadable_cell;
mod unreadable_document;

/// Every rule of the readers, in the order they report.
pub static RULES: &[&RuleDef] = &[
    &table_not_found::RULE,
    &row_not_found::RULE,
    &unreadable_cell::RULE,
    &ambiguous_cells::RULE,
    &glued_cells::RULE,
    &format_pre_2019::RULE,
    &report_repeated::RULE,
    &no_text_layer::RULE,
    &encrypted_document::RULE,
    &unreadable_document::RULE,
    &document_too_large::RULE,
    &section_missing::RULE,
    &narrative_mismatch::RULE,
    &contact_format::RULE,
    &narrative_scope::RULE,
    &narrative_conflict::RULE,
    &part5_perfunctory::RULE,
    &part6_fees::RULE,
    &stale_year::RULE,
    &required_elements::RULE,
    &text_reuse::RULE,
];

/// The `check` of an extraction rule: the reader emits it while reading, there is nothing to
/// check in a report already read.
fn no_check(_: &Context, _: &mut Vec<Diagnostic>) {}

/// An extraction finding of `rule` at `path`, the cells it concerns in `related`.
fn extraction(
    rule: &RuleDef,
    path: String,
    cells: &[CellId],
    message: String,
    at: Option<Location>,
) -> Diagnostic {
    let l = layout();
    let mut d = Diagnostic::new(rule.id, rule.severity, path, message);
    d.related = cells.iter().map(|&c| l.cell(c).path.clone()).collect();
    d.location = at;
    d
}

/// The pointer of the row of the first of `cells` (table 四: the table).
fn row_path(cells: &[CellId]) -> String {
    let l = layout();
    match cells.first().map(|&c| l.cell(c)) {
        Some(c) if c.table == crate::model::TableId::ReviewLitigation => {
            "/reviewLitigation".to_string()
        }
        Some(c) => c
            .path
            .rsplit_once('/')
            .map_or(c.path.clone(), |(r, _)| r.to_string()),
        None => String::new(),
    }
}

/// A split as messages show it: `20|0|0|0|0|1|21`.
fn show(values: &[i64]) -> String {
    let parts: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    crate::messages::join(&parts, "|")
}

/// The prose rules, for `check` (and for `validate` on JSON with `sections`).
pub static PROSE: &[&ProseRule] = &[
    &section_missing::PROSE,
    &narrative_mismatch::PROSE,
    &contact_format::PROSE,
    &narrative_scope::PROSE,
    &narrative_conflict::PROSE,
    &part5_perfunctory::PROSE,
    &part6_fees::PROSE,
    &stale_year::PROSE,
    &required_elements::PROSE,
    &text_reuse::PROSE,
];

/// Run the prose rules on a report's `sections` (called by `crate::registry::run`, so by
/// `validate` and `check` alike): the prose is prepared once for all of them.
pub fn run_prose(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if report.sections.is_empty() {
        return out;
    }
    let ctx = Context::new(report, options);
    let prose = Prose::new(report, options);
    for p in PROSE {
        if !options.is_off(p.rule.id) {
            (p.check)(&ctx, &prose, &mut out);
        }
    }
    out
}

/// `contact-format` and `stale-year` on the text before 一 that a reader found (contacts and
/// the 统计期限 are often printed there); the model has no field for it, so only `check` sees it.
pub fn run_preamble(report: &Report, options: &Options, preamble: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if preamble.is_empty() {
        return out;
    }
    let ctx = Context::new(report, options);
    if !options.is_off(contact_format::RULE.id) {
        contact_format::check_text(&ctx, preamble, "/sections", &mut out);
    }
    if let Some(year) = report.year {
        stale_year::period(
            &ctx,
            &crate::base::fold::fold_prose(preamble),
            year,
            &mut out,
        );
    }
    out
}

/// The check of the document rules: none here. The package's file readers (`js/documents/`)
/// emit them, having seen the file; the entries name them for `rules()` and options.
pub(crate) fn emitted_by_the_file_readers(_: &Context, _: &mut Vec<Diagnostic>) {}

/// What every document rule must be (their own tests call it): listed by `rules()`, accepted by
/// options, and never emitted by the text readers (only the file readers, which see the file,
/// can tell a scan or a password).
#[cfg(test)]
pub(crate) fn assert_document_rule(rule: &RuleDef) {
    let listed = crate::catalog::rules_json();
    assert!(listed.contains(&format!("\"{}\"", rule.id)), "{listed}");
    let o = crate::api::options(&format!(r#"{{"rules": {{"{}": "warning"}}}}"#, rule.id));
    assert!(o.is_ok(), "{:?}", o.err());
    for input in ["", "<p></p>", "%PDF-1.7", "PK"] {
        let p = crate::readers::parse(input, &crate::readers::ParseOptions::default());
        assert!(p.diagnostics.iter().all(|d| d.rule != rule.id), "{input}");
    }
}
