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

/// Whether a character other than an ASCII digit is kept (a letter or a number). CJK, ASCII
/// and the CJK and full-width punctuation blocks are answered without the Unicode tables: a
/// table lookup for every `，` and `（` was a tenth of this function.
#[inline]
fn kept(c: char) -> bool {
    match c {
        '\u{4e00}'..='\u{9fff}' => true,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        // CJK Symbols and Punctuation: 々〆〇, the Hangzhou numerals and the kana repeat marks
        // are letters or numbers, the rest punctuation.
        '\u{3000}'..='\u{303f}' => matches!(
            c,
            '\u{3005}'..='\u{3007}'
                | '\u{3021}'..='\u{3029}'
                | '\u{3031}'..='\u{3035}'
                | '\u{3038}'..='\u{303c}'
        ),
        // Full-width ASCII forms and the full-width signs (￥￡…); the half-width katakana and
        // Hangul between them go to the tables.
        '\u{ff00}'..='\u{ff65}' => matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ'),
        '\u{ffe0}'..='\u{ffef}' => false,
        // General Punctuation: “”‘’…— and the spaces, no letter among them.
        '\u{2000}'..='\u{206f}' => false,
        c => c.is_alphanumeric(),
    }
}

/// The letters and numbers of a text given as (offset, character), each run of ASCII digits as
/// one `0`, passed to `out`.
#[inline(always)]
fn letters(text: impl Iterator<Item = (usize, char)>, mut out: impl FnMut(usize, char)) {
    let mut digits = false;
    for (i, c) in text {
        if c.is_ascii_digit() {
            if !digits {
                out(i, '0');
            }
            digits = true;
            continue;
        }
        digits = false;
        if kept(c) {
            out(i, c);
        }
    }
}

/// The longest boilerplate phrase, in characters.
const LONGEST: usize = 32;

/// A phrase's characters, decoded once at compile time (a phrase is compared, character by
/// character, wherever its first character stands: decoding its UTF-8 there each time was most
/// of what dropping the boilerplate cost), and how many there are.
const fn phrase_chars(s: &str) -> ([char; LONGEST], usize) {
    let mut out = ['\0'; LONGEST];
    let mut n = 0;
    let mut rest = s.as_bytes();
    while n < LONGEST {
        // Continuation bytes' low six bits; a lead byte's own bits by its length.
        let (code, tail) = match rest {
            [] => break,
            [a @ 0..=0x7f, tail @ ..] => (*a as u32, tail),
            [a @ 0xc0..=0xdf, b, tail @ ..] => {
                (((*a as u32 & 0x1f) << 6) | (*b as u32 & 0x3f), tail)
            }
            [a @ 0xe0..=0xef, b, c, tail @ ..] => (
                ((*a as u32 & 0x0f) << 12) | ((*b as u32 & 0x3f) << 6) | (*c as u32 & 0x3f),
                tail,
            ),
            [a, b, c, d, tail @ ..] => (
                ((*a as u32 & 0x07) << 18)
                    | ((*b as u32 & 0x3f) << 12)
                    | ((*c as u32 & 0x3f) << 6)
                    | (*d as u32 & 0x3f),
                tail,
            ),
            // Not reached for a `str`.
            [_, tail @ ..] => (0xfffd, tail),
        };
        out[n] = match char::from_u32(code) {
            Some(c) => c,
            None => '\u{fffd}',
        };
        n += 1;
        rest = tail;
    }
    (out, n)
}

/// `BOILERPLATE` decoded.
static PHRASES: [([char; LONGEST], usize); BOILERPLATE.len()] = {
    let mut out = [(['\0'; LONGEST], 0); BOILERPLATE.len()];
    let mut i = 0;
    while i < BOILERPLATE.len() {
        out[i] = phrase_chars(BOILERPLATE[i]);
        i += 1;
    }
    out
};

/// For each value of a character's low eight bits, the phrases whose first character has
/// them (bit k: `PHRASES[k]`): a character that starts none, nearly every one, is passed over
/// with one look-up, and one that may start some is compared with those only.
static STARTING: [u16; 256] = {
    let mut out = [0u16; 256];
    let mut k = 0;
    while k < PHRASES.len() {
        let (chars, len) = PHRASES[k];
        if len > 0 {
            out[chars[0] as usize & 0xff] |= 1 << k;
        }
        k += 1;
    }
    out
};

// One bit a phrase in `STARTING`.
const _: () = assert!(BOILERPLATE.len() <= 16);

/// Which characters of `chars` to keep: `false` on boilerplate; empty when there is none.
fn without_boilerplate(chars: &[char]) -> Vec<bool> {
    // Each phrase is matched against the text before any is dropped, left to right, a match
    // skipping its length: `next` is where each phrase's last match ended.
    let mut next = [0usize; BOILERPLATE.len()];
    let mut keep: Vec<bool> = Vec::new(); // empty until a phrase is found
    for (i, &c) in chars.iter().enumerate() {
        let mut starting = STARTING
            .get(u32::from(c) as usize & 0xff)
            .copied()
            .unwrap_or(0);
        while starting != 0 {
            let k = starting.trailing_zeros() as usize;
            starting &= starting - 1;
            let (Some((phrase, len)), Some(next)) = (PHRASES.get(k), next.get_mut(k)) else {
                continue;
            };
            let phrase = phrase.get(..*len).unwrap_or_default();
            let rest = chars.get(i..).unwrap_or_default();
            if phrase.first() != Some(&c) || i < *next || !rest.starts_with(phrase) {
                continue;
            }
            if keep.is_empty() {
                keep = vec![true; chars.len()];
            }
            keep.get_mut(i..i + phrase.len())
                .unwrap_or_default()
                .iter_mut()
                .for_each(|k| *k = false);
            *next = i + phrase.len();
        }
    }
    keep
}

/// `v` without the elements whose `keep` is `false` (all of them kept when `keep` is empty).
fn retain_kept<T>(v: &mut Vec<T>, keep: &[bool]) {
    if !keep.is_empty() {
        let mut k = keep.iter();
        v.retain(|_| k.next().copied().unwrap_or(true));
    }
}

fn normalise(folded: &str) -> Norm {
    let mut chars = Vec::with_capacity(folded.len() / 3);
    let mut at = Vec::with_capacity(folded.len() / 3);
    letters(folded.char_indices(), |i, c| {
        chars.push(c);
        at.push(i);
    });
    let keep = without_boilerplate(&chars);
    retain_kept(&mut chars, &keep);
    retain_kept(&mut at, &keep);
    Norm { chars, at }
}

/// `normalise(&fold_prose(text)).chars`, folded on the way: last year's texts are only
/// shingled, and neither a folded copy of them nor the offsets are needed (a copy folded first
/// and the offsets were a twentieth of a pair's instructions).
fn normalise_unfolded(text: &str) -> Vec<char> {
    use crate::base::fold::{half_width, is_invisible};
    let mut chars = Vec::with_capacity(text.len() / 3);
    let folded = text.chars().filter_map(|c| match c {
        // CJK ideographs, most of the text: neither white space nor full-width forms.
        '\u{4e00}'..='\u{9fff}' => Some(c),
        c if c.is_whitespace() || is_invisible(c) => None,
        c => Some(half_width(c)),
    });
    letters(folded.map(|c| (0, c)), |_, c| chars.push(c));
    let keep = without_boilerplate(&chars);
    retain_kept(&mut chars, &keep);
    chars
}

/// FNV-1a of a shingle.
fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

fn shingles(chars: &[char]) -> impl Iterator<Item = u64> + '_ {
    chars.windows(K).map(hash)
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
        let norms: Vec<Vec<char>> = texts.map(normalise_unfolded).collect();
        let count: usize = norms.iter().map(|n| n.len().saturating_sub(K - 1)).sum();
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
    for (i, h) in shingles(&n.chars).enumerate() {
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

    /// `normalise` as first written: a filter over every character, then each phrase looked
    /// for at every place, one phrase after another.
    fn normalise_slowly(folded: &str) -> (String, Vec<usize>) {
        let mut chars = Vec::new();
        let mut at = Vec::new();
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
            if ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphanumeric() {
                chars.push(c);
                at.push(i);
            }
        }
        let mut keep = vec![true; chars.len()];
        for phrase in BOILERPLATE {
            let p: Vec<char> = phrase.chars().collect();
            let mut next = 0;
            for i in 0..chars.len() {
                if i >= next && chars[i..].starts_with(&p) {
                    keep[i..i + p.len()].iter_mut().for_each(|k| *k = false);
                    next = i + p.len();
                }
            }
        }
        let chars = chars.iter().zip(&keep).filter(|(_, &k)| k).map(|(c, _)| *c);
        let at = at.iter().zip(&keep).filter(|(_, &k)| k).map(|(a, _)| *a);
        (chars.collect(), at.collect())
    }

    #[test]
    fn the_phrases_decoded_at_compile_time_are_the_phrases() {
        for (p, (chars, len)) in BOILERPLATE.iter().zip(&PHRASES) {
            assert_eq!(chars[..*len].iter().collect::<String>(), *p);
        }
        // Every length of UTF-8, and a text longer than the table holds (cut, not overrun).
        let (chars, len) = phrase_chars("a\u{e9}中😀");
        assert_eq!(chars[..len], ['a', '\u{e9}', '中', '😀']);
        let (chars, len) = phrase_chars(&"中".repeat(40));
        assert_eq!((len, chars[LONGEST - 1]), (LONGEST, '中'));
    }

    #[test]
    fn kept_is_letters_and_numbers_for_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if !c.is_ascii_digit() {
                let slow = ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphanumeric();
                assert_eq!(kept(c), slow, "{c:?} U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn normalise_keeps_letters_numbers_and_places_and_drops_boilerplate() {
        // Raw and folded: boilerplate, digit runs (ASCII and full-width), CJK and full-width
        // punctuation, full-width letters, 々〇〆, a Roman numeral, half-width katakana, a
        // non-BMP ideograph and an emoji. Pinned with the output of the first `normalise`.
        let raw = "依据《中华人民共和国政府信息公开条例》（以下简称《条例》），2023年本机关主动公开情况：ＡＢＣ全角ａｂ，数字１２３件、𠀀字（非BMP）😀，其他需要报告的事项。主动公开政府信息情况，主动公开情况12.5万条、々〇〆Ⅻ²½ｶﾞ￥";
        let cases: [(String, &str, &[usize]); 2] = [
            (
                raw.to_string(),
                "依据0年本机关ＡＢＣ全角ａｂ数字１２３件𠀀字非BMP00万条々〇〆Ⅻ²½ｶﾞ",
                &[
                    0, 3, 90, 94, 97, 100, 103, 127, 130, 133, 136, 139, 142, 145, 151, 154, 157,
                    160, 163, 166, 172, 176, 182, 185, 186, 187, 279, 282, 283, 286, 292, 295, 298,
                    301, 304, 306, 308, 311,
                ],
            ),
            (
                crate::base::fold::fold_prose(raw),
                "依据0年本机关ABC全角ab数字0件𠀀字非BMP00万条々〇〆Ⅻ²½ｶﾞ",
                &[
                    0, 3, 84, 88, 91, 94, 97, 119, 120, 121, 122, 125, 128, 129, 131, 134, 137,
                    140, 146, 150, 154, 157, 158, 159, 245, 248, 249, 252, 258, 261, 264, 267, 270,
                    272, 274, 277,
                ],
            ),
        ];
        for (text, chars, at) in cases {
            let n = normalise(&text);
            assert_eq!(n.chars.iter().collect::<String>(), chars);
            assert_eq!(n.at, at);
        }
    }

    /// The boilerplate phrases, each phrase's halves, and `extra`: pieces for random texts.
    fn phrase_pieces(extra: &[&str]) -> Vec<String> {
        let mut pieces: Vec<String> = BOILERPLATE.iter().map(|p| p.to_string()).collect();
        for p in BOILERPLATE {
            let c: Vec<char> = p.chars().collect();
            pieces.push(c[..c.len() / 2].iter().collect());
            pieces.push(c[c.len() / 2..].iter().collect());
        }
        pieces.extend(extra.iter().map(|s| s.to_string()));
        pieces
    }

    #[test]
    fn normalise_agrees_with_the_slow_way_on_random_text() {
        // Pieces of phrases glued in any order: overlapping and nested phrases, phrases cut
        // by punctuation or digits, characters that share a phrase's first character's mask
        // bit (中 U+4E2D and 中 U+4E2D+0x100), and characters of every class `kept` answers.
        let pieces = phrase_pieces(&[
            "，", "1", "２", "a", "Ｚ", "々", "〇", "\u{542d}", "\u{4f2d}", " ", "😀", "𠀀", "ｶ",
            "—",
        ]);
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        for t in crate::base::random_inputs::<_, String>(3u64, &pieces, 24, 400) {
            let n = normalise(&t);
            let (chars, at) = normalise_slowly(&t);
            assert_eq!(n.chars.iter().collect::<String>(), chars, "{t:?}");
            assert_eq!(n.at, at, "{t:?}");
        }
    }

    #[test]
    fn last_years_texts_fold_on_the_way_as_folded_first() {
        // White space inside phrases and digit runs, full-width digits and letters, the
        // ideographic space, invisible characters, and what `kept` answers by ranges.
        let pieces = phrase_pieces(&[
            "1", "２", " ", "\n", "\u{3000}", "\u{200b}", "\u{feff}", "\u{a0}", "\u{2003}", "，",
            "。", "ａ", "Ｚ", "（", "々", "😀", "𠀀", "—", "x", "\u{85}",
        ]);
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        for t in crate::base::random_inputs::<_, String>(11u64, &pieces, 24, 400) {
            let folded = normalise(&crate::base::fold::fold_prose(&t));
            assert_eq!(normalise_unfolded(&t), folded.chars, "{t:?}");
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
