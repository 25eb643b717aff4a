//! Property tests: no input panics the readers, and time grows linearly with the input.

use super::{detect, parse, InputKind, ParseOptions};
use crate::api::check;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn opts(kind: InputKind) -> ParseOptions {
    ParseOptions {
        kind: Some(kind),
        ..ParseOptions::default()
    }
}

/// Pieces real reports are made of, to make random documents that reach deep into the readers.
fn fragment() -> impl Strategy<Value = String> {
    let labels: Vec<String> = crate::model::layout::T3_ROWS
        .iter()
        .map(|r| r.label.zh.to_string())
        .chain(
            [
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "第二十条第（一）项",
                "规章",
                "行政许可",
                "自然人",
                "总计",
                "行政复议",
            ]
            .map(String::from),
        )
        .collect();
    prop_oneof![
        proptest::sample::select(labels),
        "[0-9]{1,20}".prop_map(String::from),
        Just("<table>".to_string()),
        Just("</table>".to_string()),
        Just("<tr>".to_string()),
        Just("</tr>".to_string()),
        (0u32..2000, 0u32..2000).prop_map(|(r, c)| format!("<td rowspan=\"{r}\" colspan={c}>")),
        Just("</td>".to_string()),
        Just("<br>".to_string()),
        Just("<p>".to_string()),
        Just("&nbsp;".to_string()),
        Just(" | ".to_string()),
        Just("\n".to_string()),
        Just("   ".to_string()),
        Just("件".to_string()),
        Just("@ ".to_string()),
        Just("电话：".to_string()),
        Just("http//".to_string()),
        ".{0,8}".prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = detect(&s);
        for kind in [InputKind::Text, InputKind::Html, InputKind::Json] {
            let _ = check(&s, &opts(kind)).to_json();
        }
    }

    #[test]
    fn arbitrary_documents_never_panic(doc in document()) {
        for kind in [InputKind::Text, InputKind::Html] {
            let _ = parse(&doc, &opts(kind)).to_json();
            let _ = check(&doc, &opts(kind)).to_json();
        }
    }

    #[test]
    fn mangled_reports_never_panic(cut in 0usize..4000, junk in ".{0,6}", at in 0usize..4000) {
        // The sample report with a piece inserted and the rest cut off, anywhere, even inside
        // a character (the cut is moved to the next boundary).
        let s = super::testing::SAMPLE_TXT;
        let boundary = |s: &str, i: usize| (i.min(s.len())..=s.len()).find(|&k| s.is_char_boundary(k)).unwrap_or(s.len());
        let b = |i: usize| boundary(s, i);
        let (a, c) = (b(at), b(cut));
        let mut t = String::new();
        t.push_str(&s[..a.min(c)]);
        t.push_str(&junk);
        t.push_str(&s[a.min(c)..c]);
        let _ = check(&t, &ParseOptions::default());
        let h = super::testing::SAMPLE_HTML;
        let _ = check(&h[..boundary(h, cut)].replace("td", &junk), &ParseOptions::default());
    }
}

fn time(input: &str, kind: InputKind) -> Duration {
    let start = Instant::now();
    let _ = check(input, &opts(kind));
    start.elapsed()
}

/// Input of `n` bytes or a little more, by repeating `unit`.
fn grow(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len().max(1) + 1)
}

#[test]
fn several_megabytes_take_linear_time() {
    let text = super::testing::SAMPLE_TXT;
    let html = super::testing::SAMPLE_HTML;
    let cases: [(&str, InputKind); 9] = [
        (text, InputKind::Text),
        (html, InputKind::Html),
        ("一、本年新收政府信息公开申请数量 ", InputKind::Text),
        ("1234567890123456789 ", InputKind::Text),
        ("<tr><td rowspan=512 colspan=64>1</td>", InputKind::Html),
        ("<table><tr><td>规章<table>", InputKind::Html),
        ("ab@ . . . ", InputKind::Text),
        ("行政复议 1 2 3\n", InputKind::Text),
        ("|||||||", InputKind::Text),
    ];
    for (unit, kind) in cases {
        let small = grow(unit, 500_000);
        let large = grow(unit, 4_000_000);
        let t1 = time(&small, kind);
        let t4 = time(&large, kind);
        // 8 times the input may take at most ~16 times as long (noise), plus a little.
        assert!(
            t4 <= t1 * 16 + Duration::from_millis(500),
            "{unit:?}: {t1:?} for {} bytes, {t4:?} for {}",
            small.len(),
            large.len()
        );
        assert!(t4 < Duration::from_secs(30), "{unit:?}: {t4:?}");
    }
}
