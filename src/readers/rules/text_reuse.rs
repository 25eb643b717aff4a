//! `text-reuse` (warning): with last year's report given (`previous`; the CLI pairs consecutive
//! years itself), the share of this year's parts 一, 五 and 六 that repeats last year's prose.
//! More than half is the scoring sheets' 内容雷同 (over 50% overlap with last year's report);
//! part 五 more than half repeated gets its own message: the problems "solved" last year listed
//! again. The message gives the share and the longest repeated passage.
//!
//! How: both texts folded (`fold_prose`), every run of digits made one `0` (years and figures
//! change every year), punctuation dropped, and what every report shares removed: the part and
//! sub-part headings (主动公开情况 …), the 条例's name, the 勾稽 note, 信息处理费管理办法 and the
//! usual political opening. Then each run of eight characters of this year's text that also
//! occurs in last year's marks its characters repeated. Eight characters are a phrase, not a
//! word: two reports that share only headings and stock phrases stay far below half.
//!
//! Why: 内容雷同 is the fault review circulars name most (7 of the sources counted in issue 17).
//!
//! Example: a 2024 part 五 that is the 2023 part 五 with the years changed → 第五部分有 100% 与上年
//! 报告相同.

use super::prose::prose_rule;
use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Location, Num, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "text-reuse",
    severity: Severity::Warning,
    description: Label::new(
        "第一、五、六部分的文字过半与上年报告相同（内容雷同）",
        "more than half of parts 1, 5 and 6 repeats last year's report",
    ),
    check,
};

prose_rule!(check_prose);

/// Characters in a shingle.
const K: usize = 8;
/// Parts whose reuse is measured.
const MEASURED: [&str; 3] = ["overview", "problems", "other"];
/// What every report says, removed before comparing (in the normalised form: no punctuation).
pub(crate) const BOILERPLATE: [&str; 16] = [
    "中华人民共和国政府信息公开条例",
    "政府信息公开条例",
    "以下简称条例",
    "政府信息公开信息处理费管理办法",
    "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
    "以习近平新时代中国特色社会主义思想为指导",
    "习近平新时代中国特色社会主义思想",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "政府信息公开平台建设情况",
    "政府信息公开监督保障情况",
    "政府信息管理情况",
    "依申请公开情况",
    "主动公开情况",
];

/// A text for comparison: its characters and, for each, its byte offset in the folded text.
struct Norm {
    chars: Vec<char>,
    at: Vec<usize>,
}

fn normalise(folded: &str) -> Norm {
    let mut chars = Vec::with_capacity(folded.len() / 3);
    let mut at = Vec::with_capacity(folded.len() / 3);
    let mut digits = false;
    for (i, c) in folded.char_indices() {
        if c.is_ascii_digit() {
            if !digits {
                chars.push('0');
                at.push(i);
            }
            digits = true;
            continue;
        }
        digits = false;
        // CJK and ASCII answered without the Unicode tables (nearly every character here).
        let kept = match c {
            '\u{4e00}'..='\u{9fff}' => true,
            c if c.is_ascii() => c.is_ascii_alphanumeric(),
            c => c.is_alphanumeric(),
        };
        if kept {
            chars.push(c);
            at.push(i);
        }
    }
    // Drop the boilerplate: each phrase looked for only where one of the phrases' first
    // characters stands (a slice comparison at every character, for sixteen phrases, was most
    // of the time this rule took). Per phrase, left to right, a match skips its length.
    let mut keep = vec![true; chars.len()];
    let firsts: Vec<char> = BOILERPLATE
        .iter()
        .filter_map(|p| p.chars().next())
        .collect();
    let starts: Vec<usize> = (0..chars.len())
        .filter(|&i| chars.get(i).is_some_and(|c| firsts.contains(c)))
        .collect();
    for phrase in BOILERPLATE {
        let Some(first) = phrase.chars().next() else {
            continue;
        };
        let len = phrase.chars().count();
        let mut next = 0; // where the last match ended
        for &i in &starts {
            let found = i >= next
                && chars.get(i) == Some(&first)
                && chars
                    .get(i..i + len)
                    .is_some_and(|w| w.iter().copied().eq(phrase.chars()));
            if found {
                keep.get_mut(i..i + len)
                    .unwrap_or_default()
                    .iter_mut()
                    .for_each(|k| *k = false);
                next = i + len;
            }
        }
    }
    let mut n = Norm {
        chars: Vec::with_capacity(chars.len()),
        at: Vec::with_capacity(chars.len()),
    };
    for ((c, a), k) in chars.into_iter().zip(at).zip(keep) {
        if k {
            n.chars.push(c);
            n.at.push(a);
        }
    }
    n
}

/// FNV-1a of a shingle.
fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

fn shingles(n: &Norm) -> impl Iterator<Item = u64> + '_ {
    n.chars.windows(K).map(hash)
}

/// How much of a part repeats: characters repeated, characters in all, and the longest
/// repeated run (start and end in the normalised text).
struct Reuse {
    repeated: usize,
    total: usize,
    longest: (usize, usize),
}

/// Last year's shingles in an open-addressing hash set (linear probing, twice as many slots as
/// shingles): a lookup is one probe or two. A sorted list searched by halves, and sorted by
/// the crate's merge sort, cost a pair of reports more than the rest of this rule.
struct Shingles {
    slots: Vec<u64>,
    /// Whether the hash 0 is in (0 marks an empty slot).
    zero: bool,
}

impl Shingles {
    fn of<'t>(texts: impl Iterator<Item = &'t str>) -> Shingles {
        let norms: Vec<Norm> = texts
            .map(|t| normalise(&crate::base::fold::fold_prose(t)))
            .collect();
        let count: usize = norms
            .iter()
            .map(|n| n.chars.len().saturating_sub(K - 1))
            .sum();
        let mut set = Shingles {
            slots: vec![0; (2 * count).next_power_of_two().max(16)],
            zero: false,
        };
        for n in &norms {
            for h in shingles(n) {
                set.insert(h);
            }
        }
        set
    }

    fn slot(&self, h: u64) -> usize {
        // The FNV hash's high bits are its best mixed.
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    fn insert(&mut self, h: u64) {
        if h == 0 {
            self.zero = true;
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        while let Some(s) = self.slots.get_mut(i) {
            if *s == 0 {
                *s = h;
                return;
            }
            if *s == h {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn contains(&self, h: &u64) -> bool {
        if *h == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(*h);
        while let Some(&s) = self.slots.get(i) {
            if s == *h {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
        false
    }
}

fn reuse(n: &Norm, last: &Shingles) -> Reuse {
    let mut covered = vec![false; n.chars.len()];
    for (i, h) in shingles(n).enumerate() {
        if last.contains(&h) {
            covered[i..i + K].iter_mut().for_each(|c| *c = true);
        }
    }
    let (mut longest, mut run_start) = ((0, 0), None);
    for (i, &c) in covered.iter().chain([&false]).enumerate() {
        match (c, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                if i - s > longest.1 - longest.0 {
                    longest = (s, i);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    Reuse {
        repeated: covered.iter().filter(|&&c| c).count(),
        total: n.chars.len(),
        longest,
    }
}

/// The folded text of a repeated run, clipped for a message.
fn excerpt(folded: &str, n: &Norm, (s, e): (usize, usize)) -> (String, usize) {
    let (Some(&from), Some(&last)) = (n.at.get(s), n.at.get(e.saturating_sub(1))) else {
        return (String::new(), 0);
    };
    let to = last + folded[last..].chars().next().map_or(0, char::len_utf8);
    let text = folded.get(from..to).unwrap_or("");
    let mut clipped: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        clipped.push('…');
    }
    (clipped, e - s)
}

fn percent(r: &Reuse) -> i64 {
    (100 * r.repeated / r.total.max(1)) as i64
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let Some(prev) = ctx.previous() else {
        return;
    };
    if prev.sections.is_empty() {
        return;
    }
    let last = Shingles::of(prev.sections.iter().map(|(_, text)| text.as_str()));
    let parts: Vec<_> = prose
        .parts
        .iter()
        .filter(|p| MEASURED.contains(&p.key))
        .map(|p| {
            let n = normalise(&p.text);
            let r = reuse(&n, &last);
            (p, n, r)
        })
        .collect();
    let repeated: usize = parts.iter().map(|(_, _, r)| r.repeated).sum();
    let total: usize = parts.iter().map(|(_, _, r)| r.total).sum();
    let py = prev.year.map_or(0, i64::from);
    if total >= 50 && 2 * repeated > total {
        let all = Reuse {
            repeated,
            total,
            longest: (0, 0),
        };
        let longest = parts
            .iter()
            .max_by_key(|(_, _, r)| r.longest.1 - r.longest.0)
            .map(|(p, n, r)| excerpt(&p.text, n, r.longest))
            .unwrap_or_default();
        let (p, (ex, len)) = (percent(&all), longest);
        let message = if ctx.zh() {
            format!("第一、五、六部分的文字有 {p}% 与上年（{py} 年度）报告相同，超过一半（评分细则视为内容雷同）；最长的一段为「{ex}」（{len} 字）。请根据本年度的工作重新撰写。")
        } else {
            format!("{p}% of the text of parts 1, 5 and 6 repeats last year's ({py}) report, more than half (scoring sheets count it as copied); the longest passage: \"{ex}\" ({len} characters).")
        };
        let mut d = ctx.diag(&RULE, "/sections", message);
        d.related = parts
            .iter()
            .map(|(p, _, _)| format!("/sections/{}", p.key))
            .collect();
        d.actual = Some(Num::Int(p));
        out.push(d);
    }
    if let Some((p, n, r)) = parts.iter().find(|(p, _, _)| p.key == "problems") {
        if r.total >= 20 && 2 * r.repeated > r.total {
            let (ex, _) = excerpt(&p.text, n, r.longest);
            let share = percent(r);
            let message = if ctx.zh() {
                format!("第五部分「存在的主要问题及改进情况」有 {share}% 与上年（{py} 年度）报告相同：上年列出的问题和改进措施又被原样列出（「{ex}」）。请写明本年度的问题和改进情况。")
            } else {
                format!("{share}% of part 5 (problems and improvements) repeats last year's ({py}) report: last year's problems and measures listed again (\"{ex}\").")
            };
            let mut d = ctx.diag(&RULE, "/sections/problems", message);
            d.actual = Some(Num::Int(share));
            d.location = Some(Location {
                excerpt: Some(ex),
                ..Location::default()
            });
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode::decode;
    use crate::options::Options;
    use crate::readers::rules::narrative_mismatch::tests::department;
    use serde_json::{json, Value};

    fn run(this: &Value, prev: &Value, locale: &str) -> Vec<Diagnostic> {
        let report = decode(this);
        let o = Options {
            previous: Some(Box::new(decode(prev))),
            locale: crate::messages::Locale::parse(locale).unwrap(),
            ..Options::default()
        };
        let mut out = Vec::new();
        (RULE.check)(&Context::new(&report, &o), &mut out);
        out
    }

    /// The share of part `key` of `this` that repeats `prev`.
    fn share(this: &Value, prev: &Value, key: &str) -> i64 {
        let texts = prev["sections"].as_object().unwrap().values();
        let last = Shingles::of(texts.map(|t| t.as_str().unwrap()));
        let n = normalise(&crate::base::fold::fold_prose(
            this["sections"][key].as_str().unwrap(),
        ));
        percent(&reuse(&n, &last))
    }

    #[test]
    fn the_shingle_set_holds_what_was_put_in_and_nothing_else() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Few distinct values, 0 among them, and colliding slots.
            match seed >> 60 {
                0 => 0,
                1 => 1 << 40,
                2 => (1 << 40) + 1,
                _ => seed,
            }
        };
        for n in [0usize, 1, 7, 8, 100, 1000] {
            let put: Vec<u64> = (0..n).map(|_| next()).collect();
            let mut set = Shingles {
                slots: vec![0; (2 * n).next_power_of_two().max(16)],
                zero: false,
            };
            put.iter().for_each(|&h| set.insert(h));
            for h in put.iter().copied().chain((0..200).map(|_| next())) {
                assert_eq!(set.contains(&h), put.contains(&h), "{h} of {n}");
            }
        }
    }

    #[test]
    fn boilerplate_is_dropped_wherever_it_stands() {
        let n = normalise(
            "依据中华人民共和国政府信息公开条例，本机关主动公开情况如下：主动公开条例2件",
        );
        let text: String = n.chars.iter().collect();
        assert_eq!(text, "依据本机关如下主动公开条例0件");
        // Each kept character keeps its place in the folded text.
        assert_eq!(n.at.len(), n.chars.len());
        assert_eq!(n.at[0], 0);
    }

    #[test]
    fn consecutive_reports_that_share_only_boilerplate_pass() {
        let (this, prev) = (department(2024), department(2023));
        assert!(run(&this, &prev, "zh-CN").is_empty());
        // Headings, the 条例, the stock phrases: a little, far from half.
        assert!(
            share(&this, &prev, "overview") < 10,
            "{}",
            share(&this, &prev, "overview")
        );
        assert!(share(&this, &prev, "problems") < 10);
    }

    #[test]
    fn part_five_word_for_word_is_flagged() {
        let prev = department(2023);
        let mut this = department(2024);
        // Last year's problems, with the years moved on by one.
        let old = prev["sections"]["problems"]
            .as_str()
            .unwrap()
            .replace("2024年", "2025年");
        this["sections"]["problems"] = json!(old);
        let d = run(&this, &prev, "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/sections/problems");
        assert_eq!(d[0].actual, Some(Num::Int(100)));
        assert!(d[0].message.starts_with("第五部分「存在的主要问题及改进情况」有 100% 与上年（2023 年度）报告相同：上年列出的问题和改进措施又被原样列出（「一是公开内容与群众关切的契合度还不够高"), "{}", d[0].message);
        let d = run(&this, &prev, "en");
        assert!(d[0].message.starts_with(
            "100% of part 5 (problems and improvements) repeats last year's (2023) report"
        ));
    }

    #[test]
    fn a_report_mostly_copied_is_flagged_with_its_share_and_longest_passage() {
        let prev = department(2023);
        let mut this = department(2024);
        for key in ["overview", "problems", "other"] {
            let old = prev["sections"][key]
                .as_str()
                .unwrap()
                .replace("2023", "2024");
            this["sections"][key] = json!(old);
        }
        // One new sentence of this year's own.
        let overview = format!(
            "{}今年新增政策解读栏目一个。",
            this["sections"]["overview"].as_str().unwrap()
        );
        this["sections"]["overview"] = json!(overview);
        let d = run(&this, &prev, "zh-CN");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].path, "/sections");
        assert_eq!(
            d[0].related,
            [
                "/sections/overview",
                "/sections/problems",
                "/sections/other"
            ]
        );
        let Some(Num::Int(p)) = d[0].actual else {
            panic!()
        };
        assert!((90..100).contains(&p), "{p}");
        assert!(
            d[0].message
                .contains("报告相同，超过一半（评分细则视为内容雷同）；最长的一段为「"),
            "{}",
            d[0].message
        );
        // Without last year's report, or with a report two years old, nothing to compare.
        let mut old = prev.clone();
        old["year"] = json!(2022);
        assert!(run(&this, &old, "zh-CN").is_empty());
    }
}
