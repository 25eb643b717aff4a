//! `unknown-field`: a key the model does not have, with the nearest real key as a suggestion.
//!
//! Why: a typo in a key (`naturel`) silently drops that cell; the user sees a missing cell and
//! does not know why.
//!
//! Example: `/applications/received/naturel` → 是否应为「natural」？

use crate::prelude::*;

use super::{Context, RuleDef, MAX_LISTED};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::decode::SECTION_KEYS;
use crate::model::layout::{layout, Label};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "unknown-field";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "模型中没有的字段（可能是拼写错误）",
        "a key the model does not have (likely a typo)",
    ),
    check,
};

/// Keys the model has at `parent` (a JSON Pointer).
fn siblings(parent: &str) -> Vec<String> {
    let l = layout();
    match parent {
        "" => [
            "year",
            "format",
            "issuer",
            "publishedOn",
            "sections",
            "proactive",
            "applications",
            "reviewLitigation",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        "/sections" => SECTION_KEYS.iter().map(|s| s.to_string()).collect(),
        _ => {
            let mut node = 0;
            for seg in parent.trim_start_matches('/').split('/') {
                match l.nodes[node]
                    .children
                    .iter()
                    .copied()
                    .find(|&c| l.nodes[c].key == seg)
                {
                    Some(c) => node = c,
                    None => return Vec::new(),
                }
            }
            l.nodes[node]
                .children
                .iter()
                .map(|&c| l.nodes[c].key.clone())
                .collect()
        }
    }
}

fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The model key a typo most likely meant.
pub fn suggest(path: &str) -> Option<String> {
    let (parent, key) = crate::model::decode::split_pointer(path)?;
    let len = key.chars().count();
    let limit = (len / 3).clamp(1, 3);
    siblings(parent)
        .into_iter()
        // Lengths further apart than the limit cannot be within it: a key of thousands of
        // characters is not compared (the distance costs the product of the lengths). Model
        // keys are ASCII: their length in bytes is in characters.
        .filter(|s| len.abs_diff(s.len()) <= limit)
        .map(|s| (distance(key, &s), s))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, s)| s)
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = &ctx.report.unknown;
    for path in all.iter().take(MAX_LISTED) {
        let key = path.rsplit('/').next().unwrap_or(path);
        let message = match (suggest(path), ctx.zh()) {
            (Some(s), true) => text!("字段「{path}」不在报告模型中，其中的数据未被读取；是否应为「{s}」？", path, s),
            (Some(s), false) => text!("\"{path}\" is not in the report model and was not read; did you mean \"{s}\"?", path, s),
            (None, true) => text!("字段「{path}」不在报告模型中，其中的数据未被读取；请删除或改为模型中的字段名（{key}）。", path, key),
            (None, false) => text!("\"{path}\" is not in the report model and was not read; remove it or use a model key instead of \"{key}\".", path, key),
        };
        out.push(ctx.diag(&RULE, path.clone(), message));
    }
    // Past the first ones, one finding for the rest: a file of a million keys is answered at
    // the cost of reading it, not with a million suggestions.
    if let Some(next) = all.get(MAX_LISTED) {
        let more = all.len() - MAX_LISTED;
        let message = if ctx.zh() {
            text!(
                "另有 {more} 个模型中没有的字段未列出（下一个为「{next}」）。",
                more,
                next
            )
        } else {
            text!(
                "{more} more keys not in the model are not listed (the next is \"{next}\").",
                more,
                next
            )
        };
        out.push(ctx.diag(&RULE, "", message));
    }
}

#[cfg(test)]
mod tests {
    use super::suggest;
    use crate::rules::testing::check;
    use serde_json::json;

    #[test]
    fn passes_on_model_keys() {
        assert!(check(
            "unknown-field",
            &json!({"year": 2024, "$schema": "x", "applications": {"received": {"natural": 1}}})
        )
        .is_empty());
    }

    #[test]
    fn fails_with_a_suggestion() {
        let d = check(
            "unknown-field",
            &json!({"year": 2024, "applications": {"received": {"naturel": 1}}}),
        );
        assert_eq!(d[0].path, "/applications/received/naturel");
        assert_eq!(d[0].message, "字段「/applications/received/naturel」不在报告模型中，其中的数据未被读取；是否应为「natural」？");
        assert_eq!(suggest("/reviewLitigaton"), Some("reviewLitigation".into()));
        assert_eq!(suggest("/zzz"), None);
        assert_eq!(suggest(&format!("/{}", "y".repeat(5000))), None);
        assert_eq!(
            suggest("/applications/received/naturall"),
            Some("natural".into())
        );
    }

    #[test]
    fn many_unknown_keys_end_in_one_summary() {
        let mut doc = serde_json::Map::new();
        doc.insert("year".into(), json!(2024));
        for i in 0..crate::rules::MAX_LISTED + 3 {
            doc.insert(format!("k{i:04}"), json!(1));
        }
        let d = check("unknown-field", &serde_json::Value::Object(doc));
        assert_eq!(d.len(), crate::rules::MAX_LISTED + 1);
        let last = &d[crate::rules::MAX_LISTED];
        assert_eq!(last.path, "");
        assert_eq!(
            last.message,
            "另有 3 个模型中没有的字段未列出（下一个为「/k0100」）。"
        );
    }
}
