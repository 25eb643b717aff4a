//! `contact-format` (warning): a malformed e-mail address, telephone number or web address in
//! the prose (the preamble before 一 included, where many reports print their contacts).
//!
//! Why: the contact details are how the public asks about the report; a space inside an
//! address or a digit too few makes them useless, and reviews check them.
//!
//! Checked: every `@` (spaces or full-width `＠`/`．` in the address, a missing name or domain);
//! the number after 电话 / 联系电话 / 传真 (7–8 digit local numbers, 0-prefixed area codes of
//! 3–4 digits, 11-digit mobiles, 400 and 12345 numbers); every `http…` and `www.` address
//! (scheme typos like `http//`, full-width dots, empty or invalid host labels).
//!
//! Example: `电子邮箱:ohzjj@ ouhai.gov.cn` → 电子邮箱中含空格.

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

use super::prose::{has as contains, ProseRule};

pub static RULE: RuleDef = RuleDef {
    id: "contact-format",
    severity: Severity::Warning,
    description: Label::new(
        "正文中的电子邮箱、电话或网址格式有误",
        "a malformed e-mail address, phone number or web address in the prose",
    ),
    check,
};

pub static PROSE: ProseRule = ProseRule {
    rule: &RULE,
    check: |ctx, _, out| check(ctx, out),
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    EmailSpace,
    EmailFullWidth,
    EmailIncomplete,
    PhoneDigits,
    UrlScheme,
    UrlFullWidth,
    UrlHost,
}

impl Problem {
    fn text(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Problem::EmailSpace, true) => "电子邮箱中含空格",
            (Problem::EmailSpace, false) => "the e-mail address contains a space",
            (Problem::EmailFullWidth, true) => "电子邮箱中含全角符号",
            (Problem::EmailFullWidth, false) => "the e-mail address contains full-width characters",
            (Problem::EmailIncomplete, true) => "电子邮箱缺少用户名或域名不完整",
            (Problem::EmailIncomplete, false) => "the e-mail address lacks a name or a complete domain",
            (Problem::PhoneDigits, true) => "电话号码位数或写法不对（应为区号-7至8位号码、11位手机号等）",
            (Problem::PhoneDigits, false) => "the phone number has the wrong number of digits or form (area code + 7–8 digits, 11-digit mobile, …)",
            (Problem::UrlScheme, true) => "网址的协议部分写错（应为 http:// 或 https://）",
            (Problem::UrlScheme, false) => "the web address has a broken scheme (http:// or https://)",
            (Problem::UrlFullWidth, true) => "网址中含全角句点或空格",
            (Problem::UrlFullWidth, false) => "the web address contains a full-width dot or a space",
            (Problem::UrlHost, true) => "网址的域名不完整",
            (Problem::UrlHost, false) => "the web address has an incomplete host name",
        }
    }
}

/// Every malformed contact in a text: (what was printed, problem).
pub fn findings(text: &str) -> Vec<(String, Problem)> {
    let mut out = Vec::new();
    // Most prose has no contact at all: look closer only where one may be.
    let has = |w: &str| contains(text, w);
    let has_mail = has("@") || has("＠");
    let has_url = ["http", "HTTP", "Http", "www", "WWW"]
        .iter()
        .any(|w| has(w));
    // Scanned chunk by chunk: the text of a whole part as `char`s took 4 bytes per character
    // (issue 19: memory per input byte); a chunk is at most a line.
    let mut chars = Vec::new();
    if has_mail {
        for_each_chunk(text, |chunk| {
            chars.clear();
            chars.extend(chunk.chars());
            emails(&chars, &mut out);
        });
    }
    if has_url {
        for_each_chunk(text, |chunk| {
            chars.clear();
            chars.extend(chunk.chars());
            urls(&chars, &mut out);
        });
    }
    if has("电") || has("传") {
        phones(text, &mut out);
    }
    out
}

/// The text in pieces that no address can span, cut at characters that stop every scan
/// below and that the scans only ever see as a stop (so a piece's edges are read as the
/// whole text's would be): a line break (but not right after `@`, where a domain may follow
/// on the next line), and any non-ASCII character but the full-width `．＠。，` the scans
/// look for.
fn for_each_chunk(text: &str, mut f: impl FnMut(&str)) {
    let mut start = 0;
    let mut after_at = false;
    for (i, c) in text.char_indices() {
        let stop =
            (!c.is_ascii() && !matches!(c, '．' | '＠' | '。' | '，')) || (c == '\n' && !after_at);
        if stop {
            if let Some(chunk) = text.get(start..i).filter(|t| !t.is_empty()) {
                f(chunk);
            }
            start = i + c.len_utf8();
        }
        if !matches!(c, ' ' | '\n') {
            after_at = matches!(c, '@' | '＠');
        }
    }
    if let Some(chunk) = text.get(start..).filter(|t| !t.is_empty()) {
        f(chunk);
    }
}

fn email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn emails(chars: &[char], out: &mut Vec<(String, Problem)>) {
    for (i, &c) in chars.iter().enumerate() {
        if c != '@' && c != '＠' {
            continue;
        }
        // Name: email characters right before, possibly after stray spaces.
        let mut j = i;
        let mut space = false;
        while j > 0 && chars[j - 1] == ' ' {
            j -= 1;
            space = true;
        }
        let name_end = j;
        while j > 0 && (email_char(chars[j - 1]) || chars[j - 1] == '．') {
            j -= 1;
        }
        let name: String = chars[j..name_end].iter().collect();
        // Domain: spaces right after `@` or around dots are the typos seen in real reports.
        let mut k = i + 1;
        while k < chars.len() && matches!(chars[k], ' ' | '\n') {
            space |= chars[k] == ' ';
            k += 1;
        }
        let dom_start = k;
        while k < chars.len() {
            let c = chars[k];
            if email_char(c) || c == '．' {
                k += 1;
            } else if c == ' '
                && k > dom_start
                && (matches!(chars[k - 1], '.' | '．')
                    || (k + 1 < chars.len() && matches!(chars[k + 1], '.' | '．')))
            {
                space = true;
                k += 1;
            } else {
                break;
            }
        }
        let domain: String = chars[dom_start..k].iter().collect();
        let domain = domain.trim_end_matches(['.', ' ']).to_string();
        if name.is_empty() && domain.is_empty() {
            continue;
        }
        let printed: String = chars[j..k].iter().collect::<String>().trim().to_string();
        let full_width = c == '＠' || printed.contains('．');
        let plain_domain: String = domain
            .chars()
            .filter(|c| *c != ' ')
            .map(|c| if c == '．' { '.' } else { c })
            .collect();
        let problem = if space {
            Some(Problem::EmailSpace)
        } else if full_width {
            Some(Problem::EmailFullWidth)
        } else if name.is_empty() || !host_ok(&plain_domain) {
            Some(Problem::EmailIncomplete)
        } else {
            None
        };
        if let Some(p) = problem {
            out.push((printed, p));
        }
    }
}

/// `ouhai.gov.cn`: two or more labels of letters, digits and hyphens, a top-level label of
/// letters (or a dotted IPv4 address).
fn host_ok(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return false;
    }
    let tld = labels[labels.len() - 1];
    (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        || (labels.len() == 4 && labels.iter().all(|l| l.parse::<u8>().is_ok()))
}

fn phones(text: &str, out: &mut Vec<(String, Problem)>) {
    // pdftotext spaces out labels (`电 话 ：`): look at the text without whitespace.
    let t: String = crate::base::fold::fold_prose(text)
        .chars()
        .map(|c| if matches!(c, '—' | '–') { '-' } else { c })
        .collect();
    // 联系电话 and 咨询电话 end in 电话.
    for label in ["电话", "传真"] {
        for (i, _) in t.match_indices(label) {
            let mut rest = &t[i + label.len()..];
            for skip in ["号码", ":", "为", "是"] {
                rest = rest.strip_prefix(skip).unwrap_or(rest);
            }
            let run: String = rest
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit()
                        || matches!(c, '-' | '(' | ')' | '、' | '/' | ',' | '或' | '转')
                })
                .collect();
            for alt in run.split(['、', '/', ',', '或']) {
                let alt = alt.split('转').next().unwrap_or("");
                let number: String = alt.chars().filter(|c| *c != '(' && *c != ')').collect();
                let number = number.trim_matches('-');
                if !number.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                if !phone_ok(number) {
                    out.push((
                        alt.trim_matches([')', '(']).to_string(),
                        Problem::PhoneDigits,
                    ));
                }
            }
        }
    }
}

fn phone_ok(n: &str) -> bool {
    let groups: Vec<&str> = n.split('-').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let d: String = groups.concat();
    let len = d.len();
    match groups.len() {
        1 => {
            (7..=8).contains(&len)
                || (len == 11 && d.starts_with('1'))
                || ((10..=12).contains(&len) && d.starts_with('0'))
                || (len == 5 && d.starts_with("123"))
                || (len == 10 && d.starts_with("400"))
        }
        2 | 3 => {
            let (a, b) = (groups[0], groups[1]);
            let area =
                a.starts_with('0') && (3..=4).contains(&a.len()) && (7..=8).contains(&b.len());
            let ext_ok = groups.get(2).is_none_or(|e| (1..=6).contains(&e.len()));
            (area && ext_ok)
                || (len == 11 && d.starts_with('1'))
                || (len == 10 && d.starts_with("400"))
        }
        _ => false,
    }
}

fn urls(chars: &[char], out: &mut Vec<(String, Problem)>) {
    let lower = |i: usize| chars.get(i).map(|c| c.to_ascii_lowercase());
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| lower(i + k) == Some(c));
    let mut i = 0;
    while i < chars.len() {
        let prev_ok =
            i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || matches!(chars[i - 1], '/' | '.'));
        let start = i;
        let (host_from, scheme_bad) = if prev_ok && at(i, "http") {
            let mut k = i + 4;
            if lower(k) == Some('s') {
                k += 1;
            }
            if at(k, "://") {
                (k + 3, false)
            } else if at(k, ":/") || at(k, "//") || at(k, ":\\\\") || at(k, ":") {
                let mut j = k;
                while j < chars.len() && matches!(chars[j], ':' | '/' | '\\') {
                    j += 1;
                }
                (j, true)
            } else {
                i += 1;
                continue;
            }
        } else if prev_ok
            && at(i, "www")
            && chars
                .get(i + 3)
                .is_some_and(|c| matches!(c, '.' | '．' | '。' | ',' | '，'))
        {
            (i, false)
        } else {
            i += 1;
            continue;
        };
        // The host: ASCII letters, digits, hyphens and dots; a full-width dot or a space
        // between labels is a typo when letters follow.
        let mut k = host_from;
        let mut full_width = false;
        while k < chars.len() {
            let c = chars[k];
            let next_alpha = chars.get(k + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                k += 1;
            } else if next_alpha
                && k > host_from
                && ((matches!(c, '．' | '。' | '，' | ',') && chars[k - 1].is_ascii_alphanumeric())
                    || (c == ' ' && chars[k - 1] == '.'))
            {
                full_width = true;
                k += 1;
            } else {
                break;
            }
        }
        let host: String = chars[host_from..k].iter().collect();
        let host = host.trim_end_matches('.');
        // The rest of the address (path), for the excerpt only.
        let mut e = k;
        while e < chars.len()
            && (chars[e].is_ascii_graphic() && !matches!(chars[e], ')' | '>' | '"' | '\''))
        {
            e += 1;
        }
        let printed: String = chars[start..e].iter().collect();
        let problem = if scheme_bad {
            Some(Problem::UrlScheme)
        } else if full_width {
            Some(Problem::UrlFullWidth)
        } else if !host_ok(host) {
            Some(Problem::UrlHost)
        } else {
            None
        };
        if let Some(p) = problem {
            out.push((printed.trim_end_matches(['.', ',']).to_string(), p));
        }
        i = e.max(i + 1);
    }
}

/// Check one text (a part of the prose, or the preamble); `path` names where it is.
pub fn check_text(ctx: &Context, text: &str, path: &str, out: &mut Vec<Diagnostic>) {
    for (printed, problem) in findings(text) {
        let message = if ctx.zh() {
            format!("联系方式「{printed}」格式有误：{}。", problem.text(true))
        } else {
            format!(
                "The contact \"{printed}\" is malformed: {}.",
                problem.text(false)
            )
        };
        let mut d = ctx.diag(&RULE, path, message);
        d.input = Some(printed.clone());
        d.location = Some(Location {
            excerpt: Some(printed),
            ..Location::default()
        });
        out.push(d);
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (key, text) in &ctx.report.sections {
        check_text(ctx, text, &format!("/sections/{key}"), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(s: &str) -> Vec<Problem> {
        findings(s).into_iter().map(|(_, p)| p).collect()
    }

    #[test]
    fn accepts_well_formed_contacts() {
        for s in [
            "电子邮箱：office@example.gov.cn。",
            "电话：0517-83605210，邮编：223001",
            "电 话 ： 0571-8722258 ，传真:88524236",
            "联系电话为13812345678",
            "可在门户网站(www.example.gov.cn)下载",
            "见 http://www.example.gov.cn/zwgk/2020/ 专栏",
            "电话咨询服务",
            "(<http://www.example.gov.cn/>)",
        ] {
            assert!(problems(s).is_empty(), "{s}: {:?}", findings(s));
        }
    }

    #[test]
    fn flags_malformed_contacts() {
        assert_eq!(
            problems("电子邮箱:office@ example.gov.cn。"),
            [Problem::EmailSpace]
        );
        assert_eq!(
            problems("邮箱：office＠example.gov.cn"),
            [Problem::EmailFullWidth]
        );
        assert_eq!(problems("邮箱：office@example"), [Problem::EmailIncomplete]);
        assert_eq!(problems("电话：0517-836052"), [Problem::PhoneDigits]);
        assert_eq!(problems("电话：885242361"), [Problem::PhoneDigits]);
        assert_eq!(
            problems("网址 http//www.example.gov.cn"),
            [Problem::UrlScheme]
        );
        assert_eq!(
            problems("网址 www.example。gov.cn"),
            [Problem::UrlFullWidth]
        );
        assert_eq!(problems("网址 www..example.gov.cn"), [Problem::UrlHost]);
    }

    #[test]
    fn chunks_find_what_the_whole_text_finds() {
        // Scanning piece by piece must find exactly what one scan of the whole text finds:
        // thousands of texts mixing addresses, their typos, line breaks, spaces, full-width
        // marks and Chinese, against the scans run over all of the text's characters.
        const PARTS: [&str; 20] = [
            "a", "ab.cn", "@", "＠", " ", "\n", "http", "://", "http//", "www", ".", "．", "。",
            "，", "gov", "邮箱", "-", "/", "x1", "\u{3000}",
        ];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 16) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push_str(PARTS[(seed % PARTS.len() as u32) as usize]);
            }
            let all: Vec<char> = text.chars().collect();
            let mut whole = Vec::new();
            emails(&all, &mut whole);
            urls(&all, &mut whole);
            let found: Vec<_> = findings(&text)
                .into_iter()
                .filter(|f| f.1 != Problem::PhoneDigits)
                .collect();
            let has = |w: &str| contains(&text, w);
            let gated = has("@") || has("＠") || ["http", "www"].iter().any(|w| has(w));
            if gated {
                assert_eq!(found, whole, "{text:?}");
            }
        }
    }

    #[test]
    fn message_names_the_contact() {
        use crate::model::Report;
        use crate::options::Options;
        let report = Report {
            sections: vec![(
                "overview".into(),
                "电子邮箱:office@ example.gov.cn。".into(),
            )],
            ..Report::default()
        };
        let o = Options::default();
        let mut out = Vec::new();
        (RULE.check)(&Context::new(&report, &o), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].path, "/sections/overview");
        assert_eq!(
            out[0].message,
            "联系方式「office@ example.gov.cn」格式有误：电子邮箱中含空格。"
        );
    }
}
