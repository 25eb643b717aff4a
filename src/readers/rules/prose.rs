//! The prose of a report as the prose rules read it, prepared once per validation: each part's
//! text folded (`base::fold::fold_prose`: half-width, whitespace dropped, so a PDF's broken
//! lines read as one), the issuer's kind, and the figures (`figures`), scanned on first use.
//! `run_prose` builds one `Prose` and hands it to every prose rule: the parts are folded and the
//! figures scanned once, whatever the number of rules that read them.

use std::cell::OnceCell;

use super::figures::{self, Mention, Quantity, ScanInfo};
use crate::base::fold::fold_prose;
use crate::base::scan::find;
use crate::diagnostic::Diagnostic;
use crate::model::decode::SECTION_KEYS;
use crate::model::layout::Label;
use crate::model::Report;
use crate::options::{IssuerKind, Options};
use crate::rules::{Context, RuleDef};

/// The six part headings, by index in `SECTION_KEYS`.
pub const HEADINGS: [Label; 6] = [
    Label::new("一、总体情况", "1. Overview"),
    Label::new("二、主动公开政府信息情况", "2. Proactive disclosure"),
    Label::new(
        "三、收到和处理政府信息公开申请情况",
        "3. Applications received and handled",
    ),
    Label::new(
        "四、政府信息公开行政复议、行政诉讼情况",
        "4. Administrative review and litigation",
    ),
    Label::new(
        "五、存在的主要问题及改进情况",
        "5. Main problems and improvements",
    ),
    Label::new("六、其他需要报告的事项", "6. Other matters"),
];

/// Parts whose figures count what tables 三 and 四 count (一, 三, 四): the others speak of
/// proposals, plans and fees in the same words (办理人大代表建议 20 件，均已办结).
const FACT_PARTS: [&str; 3] = ["overview", "applications", "reviewLitigation"];

pub struct Part<'a> {
    /// Index in `SECTION_KEYS`.
    pub index: usize,
    pub key: &'static str,
    /// As given.
    pub raw: &'a str,
    /// Folded.
    pub text: String,
}

pub struct Figures {
    pub mentions: Vec<Mention>,
    pub quantities: Vec<Quantity>,
}

pub struct Prose<'a> {
    pub report: &'a Report,
    /// The parts present, in the order of the format.
    pub parts: Vec<Part<'a>>,
    pub issuer_kind: Option<IssuerKind>,
    issuer: String,
    figures: OnceCell<Figures>,
}

impl<'a> Prose<'a> {
    pub fn new(report: &'a Report, options: &Options) -> Prose<'a> {
        let parts = SECTION_KEYS
            .iter()
            .enumerate()
            .filter_map(|(index, &key)| {
                report.section(key).map(|raw| Part {
                    index,
                    key,
                    raw,
                    text: fold_prose(raw),
                })
            })
            .collect();
        Prose {
            report,
            parts,
            issuer_kind: crate::rules::issuer::kind(report, options),
            issuer: report.issuer.as_deref().map(fold_prose).unwrap_or_default(),
            figures: OnceCell::new(),
        }
    }

    pub fn part(&self, key: &str) -> Option<&Part<'a>> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// The figures of every part, scanned on first use.
    pub fn figures(&self) -> &Figures {
        self.figures.get_or_init(|| {
            let info = ScanInfo {
                year: self.report.year,
                issuer: &self.issuer,
                government: self.issuer_kind == Some(IssuerKind::Government),
            };
            let (mut mentions, mut quantities) = (Vec::new(), Vec::new());
            let mut sentence = 0;
            for p in &self.parts {
                figures::scan(
                    p.index,
                    &p.text,
                    &info,
                    FACT_PARTS.contains(&p.key),
                    &mut sentence,
                    &mut mentions,
                    &mut quantities,
                );
            }
            Figures {
                mentions,
                quantities,
            }
        })
    }
}

/// Whether `hay` contains `needle`. Out of line: the prose rules search for hundreds of words,
/// and the search inlined at every call site made the full build several KB larger.
#[inline(never)]
pub fn has(hay: &str, needle: &str) -> bool {
    find(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// Whether any of `words` occurs in `hay`.
#[inline(never)]
pub fn has_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| has(hay, w))
}

/// Where the first of `words` starts in `hay`, if any does.
#[inline(never)]
pub fn first_of(hay: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| find(hay.as_bytes(), w.as_bytes()))
        .min()
}

/// Whether `h` starts with `w`: the first two bytes compared in line, the rest only when they
/// match (a call to `memcmp` at every character of the prose was a tenth of `check`).
#[inline]
pub fn at(h: &[u8], w: &[u8]) -> bool {
    match (w, h) {
        ([a, b, rest @ ..], [x, y, more @ ..]) => a == x && b == y && more.starts_with(rest),
        _ => h.starts_with(w),
    }
}

/// A rule that reads the prose: its entry, and its check given the prepared prose.
pub struct ProseRule {
    pub rule: &'static RuleDef,
    pub check: fn(&Context, &Prose, &mut Vec<Diagnostic>),
}

/// A prose rule's two entry points from its check on prepared prose (`check_prose`): `PROSE`,
/// for `run_prose`, which prepares the prose once for all of them, and the `RuleDef`'s `check`,
/// which prepares it for this rule alone (`rules()`, a rule's own tests).
macro_rules! prose_rule {
    ($check:ident) => {
        pub static PROSE: $crate::readers::rules::prose::ProseRule =
            $crate::readers::rules::prose::ProseRule {
                rule: &RULE,
                check: $check,
            };

        fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
            $crate::readers::rules::prose::run_alone(ctx, out, $check);
        }
    };
}
pub(crate) use prose_rule;

/// Run one prose rule alone (its `RuleDef::check`): the prose prepared for it only.
pub fn run_alone(
    ctx: &Context,
    out: &mut Vec<Diagnostic>,
    check: fn(&Context, &Prose, &mut Vec<Diagnostic>),
) {
    check(ctx, &Prose::new(ctx.report, ctx.options), out);
}

/// How a message names a part: 一、总体情况 / 1. Overview.
pub fn heading(ctx: &Context, index: usize) -> &'static str {
    HEADINGS.get(index).map_or("", |h| ctx.locale().pick(*h))
}
