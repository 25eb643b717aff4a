//! The html5lib tokenizer tests (`../shared/testsuites/html5lib-tokenizer/*.test`) against the
//! readers' HTML tokenizer (`src/readers/tokens.rs`), on the token kinds it emits: start tags
//! (name, attributes, self-closing), end tags and text. Prints its counts (pass, fail, out of
//! scope by reason) and fails on any failure. Skips with a note when the folder is absent.
//!
//! Compared as the html5lib README says: adjacent character tokens joined, parse errors not
//! compared. What the tokenizer does not do, and why, decides what is in scope:
//! - it reports no parse errors (a reader wants the text; the `errors` of a test are ignored);
//! - it skips comments and doctypes without emitting them (a report has no data in them), so
//!   `Comment` and `DOCTYPE` tokens are dropped from the expected output before comparing;
//! - after a `<script>`, `<style>`, `<title>`, `<textarea>`, `<plaintext>` … start tag it
//!   switches to the state a tree builder would (a page's scripts must not be read as tables),
//!   where the html5lib tokenizer tests, run without a tree builder, stay in data: when such a
//!   test differs after that start tag (and only there), it is out of scope;
//! - it has no CDATA section state (CDATA sections exist only inside SVG and MathML; outside
//!   them `<![CDATA[` is a bogus comment, which the tokenizer does implement);
//! - it reads text, not bytes: an input with a lone surrogate (the `doubleEscaped` tests) cannot
//!   reach it, since pages are decoded to UTF-8 first;
//! - `xmlViolationTests` describe output for an XML consumer, not HTML tokens.
//!
//! Each test runs once per initial state it lists, with its `lastStartTag`, through
//! `tokenize_in` (`tokenize` is that from the data state).
//!
//! The differential half tokenizes random fragments with html5gum, the WHATWG tokenizer the
//! readers used before, with its state switching on (the same table as ours), and requires the
//! same tokens of the same kinds: it reaches what the suite leaves out of scope (comments'
//! ends, raw-text switching). Last, the entity table is checked to be sorted for its search.
#![cfg(feature = "readers")]

mod suites;

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use xxgknb::readers::tokens::{tokenize_in, Mode, Sink, Tag};

/// A token as the suite writes it, for the kinds the tokenizer emits.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Start(String, BTreeMap<String, String>, bool),
    End(String),
    Text(String),
}

#[derive(Default)]
struct Collect(Vec<Tok>);

impl Sink for Collect {
    fn start(&mut self, tag: &Tag) {
        let attrs = tag
            .attrs()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.0
            .push(Tok::Start(tag.name.clone(), attrs, tag.self_closing));
    }
    fn end(&mut self, name: &str) {
        self.0.push(Tok::End(name.to_string()));
    }
    fn text(&mut self, s: &str) {
        if let Some(Tok::Text(t)) = self.0.last_mut() {
            t.push_str(s);
        } else if !s.is_empty() {
            self.0.push(Tok::Text(s.to_string()));
        }
    }
}

/// What is tested: the input, the state to start in and the last start tag, to tokens.
type Tokenizer = dyn Fn(&str, Mode, Option<&str>) -> Vec<Tok>;

fn ours(input: &str, mode: Mode, last_start_tag: Option<&str>) -> Vec<Tok> {
    let mut c = Collect::default();
    tokenize_in(input, mode, last_start_tag, &mut c);
    c.0
}

/// The start tags after which the tokenizer leaves the data state (its `mode_after`).
const SWITCHING_TAGS: &[&str] = &[
    "textarea",
    "title",
    "plaintext",
    "script",
    "style",
    "iframe",
    "xmp",
    "noembed",
    "noframe",
    "noscript",
];

fn mode_of(state: &str) -> Result<Mode, &'static str> {
    Ok(match state {
        "Data state" => Mode::Data,
        "RCDATA state" => Mode::RcData,
        "RAWTEXT state" => Mode::RawText,
        "Script data state" => Mode::Script,
        "PLAINTEXT state" => Mode::PlainText,
        "CDATA section state" => return Err("CDATA section state (only in SVG and MathML)"),
        _ => return Err("an initial state the suite added since"),
    })
}

/// `\uXXXX` escapes of a `doubleEscaped` test, decoded; `None` for a lone surrogate.
fn unescape(s: &str) -> Option<String> {
    let mut units: Vec<u16> = Vec::new();
    let mut rest = s;
    while let Some(k) = rest.find("\\u") {
        units.extend(rest[..k].encode_utf16());
        let hex = rest.get(k + 2..k + 6)?;
        units.push(u16::from_str_radix(hex, 16).ok()?);
        rest = &rest[k + 6..];
    }
    units.extend(rest.encode_utf16());
    String::from_utf16(&units).ok()
}

/// The expected output on the kinds the tokenizer emits, or why the test is out of scope.
fn expected(output: &[Value], double_escaped: bool) -> Result<Vec<Tok>, &'static str> {
    let text = |v: &Value| -> Result<String, &'static str> {
        let s = v.as_str().ok_or("a malformed test")?;
        if double_escaped {
            unescape(s).ok_or("lone surrogates (not UTF-8 text)")
        } else {
            Ok(s.to_string())
        }
    };
    let mut toks: Vec<Tok> = Vec::new();
    for t in output {
        let kind = t.get(0).and_then(Value::as_str).unwrap_or_default();
        let tok = match kind {
            "Character" => Tok::Text(text(&t[1])?),
            "StartTag" => {
                let mut attrs = BTreeMap::new();
                for (k, v) in t[2].as_object().ok_or("a malformed test")? {
                    attrs.insert(k.clone(), text(v)?);
                }
                Tok::Start(text(&t[1])?, attrs, t.get(3) == Some(&Value::Bool(true)))
            }
            "EndTag" => Tok::End(text(&t[1])?),
            "Comment" | "DOCTYPE" => continue,
            _ => return Err("a token kind the suite added since"),
        };
        match (toks.last_mut(), tok) {
            (Some(Tok::Text(a)), Tok::Text(b)) => a.push_str(&b),
            (_, Tok::Text(b)) if b.is_empty() => {}
            (_, tok) => toks.push(tok),
        }
    }
    Ok(toks)
}

/// Where the tokenizer leaves the data state and html5lib's tests do not: just after the first
/// start tag of [`SWITCHING_TAGS`] that has tokens after it.
fn switch_point(toks: &[Tok]) -> Option<usize> {
    let i = toks.iter().position(
        |t| matches!(t, Tok::Start(name, _, _) if SWITCHING_TAGS.contains(&name.as_str())),
    )?;
    (i + 1 < toks.len()).then_some(i + 1)
}

const SWITCHED: &str = "after a start tag the tokenizer switches state after, as a tree builder \
                        would (the tokens up to it pass)";

#[derive(Default)]
struct Tally {
    pass: usize,
    /// Test description, state, input, expected and got.
    fail: Vec<String>,
    out_of_scope: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn skip(&mut self, why: &'static str) {
        *self.out_of_scope.entry(why).or_default() += 1;
    }

    fn out_of_scope_total(&self) -> usize {
        self.out_of_scope.values().sum()
    }
}

/// Runs one test file's JSON (every test, in every initial state it lists).
fn run_tests(json: &Value, tokenizer: &Tokenizer, tally: &mut Tally) {
    if let Some(v) = json.get("xmlViolationTests").and_then(Value::as_array) {
        for _ in v {
            tally.skip("xmlViolationTests (output for an XML consumer)");
        }
    }
    let Some(tests) = json.get("tests").and_then(Value::as_array) else {
        return;
    };
    for test in tests {
        let double_escaped = test.get("doubleEscaped") == Some(&Value::Bool(true));
        let states: Vec<&str> = match test.get("initialStates").and_then(Value::as_array) {
            Some(s) => s.iter().filter_map(Value::as_str).collect(),
            None => vec!["Data state"],
        };
        let last_start_tag = test.get("lastStartTag").and_then(Value::as_str);
        let raw_input = test["input"].as_str().unwrap_or_default();
        let input = if double_escaped {
            unescape(raw_input)
        } else {
            Some(raw_input.to_string())
        };
        let want = match input {
            Some(_) => expected(
                test["output"].as_array().map_or(&[], Vec::as_slice),
                double_escaped,
            ),
            None => Err("lone surrogates (not UTF-8 text)"),
        };
        for state in states {
            let (want, mode, input) = match (
                want.as_ref().map_err(|e| *e),
                mode_of(state),
                input.as_ref(),
            ) {
                (Ok(w), Ok(m), Some(i)) => (w, m, i),
                (Err(why), ..) | (_, Err(why), _) => {
                    tally.skip(why);
                    continue;
                }
                (_, _, None) => {
                    tally.skip("lone surrogates (not UTF-8 text)");
                    continue;
                }
            };
            let got = tokenizer(input, mode, last_start_tag);
            let switched = switch_point(want);
            if got == *want {
                tally.pass += 1;
            } else if switched.is_some_and(|k| got.get(..k) == want.get(..k)) {
                tally.skip(SWITCHED);
            } else {
                tally.fail.push(format!(
                    "{} [{state}]\n  input:    {input:?}\n  expected: {want:?}\n  got:      {got:?}",
                    test["description"].as_str().unwrap_or_default()
                ));
            }
        }
    }
}

fn suite() -> Option<PathBuf> {
    suites::suite_dir("html5lib-tokenizer", "html5lib tokenizer tests")
}

fn run_suite(dir: &Path, tokenizer: &Tokenizer) -> Tally {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("suite folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "test"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .test files in {}", dir.display());
    let mut tally = Tally::default();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("test file");
        let json: Value = serde_json::from_str(&text).expect("test file is JSON");
        run_tests(&json, tokenizer, &mut tally);
    }
    tally
}

#[test]
fn html5lib_tokenizer_tests_pass_on_what_the_tokenizer_emits() {
    let Some(dir) = suite() else { return };
    let tally = run_suite(&dir, &ours);
    let mut report = format!(
        "html5lib tokenizer tests: {} pass, {} fail, {} out of scope\n",
        tally.pass,
        tally.fail.len(),
        tally.out_of_scope_total()
    );
    for (why, n) in &tally.out_of_scope {
        report.push_str(&format!("  out of scope: {n:>4}  {why}\n"));
    }
    suites::show(&report);
    let shown: Vec<&String> = tally.fail.iter().take(20).collect();
    assert!(
        tally.fail.is_empty(),
        "{} html5lib tokenizer tests fail (first 20):\n{}",
        tally.fail.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Most of the suite is in scope; a change that quietly widened the scoping would show here.
    assert!(tally.pass > 10 * tally.out_of_scope_total(), "{report}");
}

/// The harness is strict: a test whose expectation the tokenizer does not meet is a failure.
#[test]
fn a_wrong_expectation_fails() {
    let suite: Value = serde_json::from_str(
        r#"{"tests": [
            {"description": "right", "input": "<a B=1>x&amp;</a>",
             "output": [["StartTag", "a", {"b": "1"}], ["Character", "x&"], ["EndTag", "a"]]},
            {"description": "wrong attribute", "input": "<a b=1>",
             "output": [["StartTag", "a", {"b": "2"}]]},
            {"description": "wrong self-closing", "input": "<br/>",
             "output": [["StartTag", "br", {}]]},
            {"description": "wrong text", "input": "&notin",
             "output": [["Character", "\u2209"]]},
            {"description": "a comment is not text", "input": "<!--x-->",
             "output": [["Character", "x"]]},
            {"description": "right in RCDATA, then wrong in RAWTEXT", "input": "&amp;</xmp>",
             "initialStates": ["RCDATA state", "RAWTEXT state"], "lastStartTag": "xmp",
             "output": [["Character", "&"], ["EndTag", "xmp"]]},
            {"description": "differs only after a switching tag", "input": "<b><script>x</b>",
             "output": [["StartTag", "b", {}], ["StartTag", "script", {}], ["Character", "x"],
                        ["EndTag", "b"]]},
            {"description": "wrong before a switching tag", "input": "<b><script>x</b>",
             "output": [["StartTag", "i", {}], ["StartTag", "script", {}], ["Character", "x"],
                        ["EndTag", "b"]]}
        ]}"#,
    )
    .expect("JSON");
    let mut tally = Tally::default();
    run_tests(&suite, &ours, &mut tally);
    assert_eq!(tally.pass, 2, "{:?}", tally.fail);
    let failed: Vec<&str> = tally
        .fail
        .iter()
        .map(|f| f.split(" [").next().unwrap_or_default())
        .collect();
    assert_eq!(
        failed,
        [
            "wrong attribute",
            "wrong self-closing",
            "wrong text",
            "a comment is not text",
            "right in RCDATA, then wrong in RAWTEXT",
            "wrong before a switching tag"
        ]
    );
    assert_eq!(tally.out_of_scope.get(SWITCHED), Some(&1));
}

/// A deliberately broken tokenizer fails the real suite: one that forgets the self-closing
/// flag, and one that decodes no character references.
#[test]
fn a_broken_tokenizer_fails_the_suite() {
    let Some(dir) = suite() else { return };
    let no_self_closing = |input: &str, mode: Mode, last: Option<&str>| -> Vec<Tok> {
        ours(input, mode, last)
            .into_iter()
            .map(|t| match t {
                Tok::Start(n, a, _) => Tok::Start(n, a, false),
                t => t,
            })
            .collect()
    };
    let tally = run_suite(&dir, &no_self_closing);
    assert!(tally.fail.len() > 10, "{} failures", tally.fail.len());
    let no_references = |input: &str, mode: Mode, last: Option<&str>| -> Vec<Tok> {
        // `&` read as `&amp;` is itself: the references stay undecoded.
        ours(&input.replace('&', "&amp;"), mode, last)
    };
    let tally = run_suite(&dir, &no_references);
    assert!(tally.fail.len() > 1000, "{} failures", tally.fail.len());
}

#[test]
fn double_escaped_inputs_decode() {
    assert_eq!(unescape("a\\u0041\\uD83D\\uDE00").as_deref(), Some("aA😀"));
    assert_eq!(unescape("\\uD800"), None);
    assert_eq!(unescape("\\uDFFFx"), None);
}

/// The entity table is binary-searched: its names must be strictly ascending by bytes, or some
/// references would silently not decode. The legacy names (no `;`) also come with their `;`.
#[test]
fn entity_table_is_sorted_for_binary_search() {
    use xxgknb::readers::entities::ENTITIES;
    assert_eq!(ENTITIES.len(), 2231);
    for pair in ENTITIES.windows(2) {
        assert!(
            pair[0].0.as_bytes() < pair[1].0.as_bytes(),
            "{:?} before {:?}",
            pair[0].0,
            pair[1].0
        );
    }
    let find = |name: &str| {
        ENTITIES
            .binary_search_by(|(k, _)| k.as_bytes().cmp(name.as_bytes()))
            .map(|i| ENTITIES[i].1)
    };
    let legacy: Vec<_> = ENTITIES.iter().filter(|(k, _)| !k.ends_with(';')).collect();
    assert_eq!(legacy.len(), 106);
    for (name, value) in legacy {
        assert_eq!(find(&format!("{name};")), Ok(*value), "{name}");
    }
    // A table out of order would fail this decoding of its last names.
    let mut c = Collect::default();
    tokenize_in("&zwnj;&Aacute;&yuml", Mode::Data, None, &mut c);
    assert_eq!(c.0, [Tok::Text("\u{200c}Á\u{ff}".into())]);
}

// ---- Differential: the tokenizer against html5gum on generated fragments ----

/// html5gum's tokens on the kinds ours emits, with its tree-builder-like state switching on
/// (the same start tags switch the same ways: `naive_next_state`, ours `mode_after`).
fn html5gum_tokens(input: &str) -> Vec<Tok> {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).expect("UTF-8 in, UTF-8 out");
    let mut toks: Vec<Tok> = Vec::new();
    let mut pending: Vec<u8> = Vec::new();
    for token in Tokenizer::new_with_emitter(input, emitter) {
        let tok = match token.expect("a string reader does not fail") {
            Token::StartTag(t) => Tok::Start(
                text(&t.name),
                t.attributes
                    .iter()
                    .map(|(k, v)| (text(k), text(&v.value)))
                    .collect(),
                t.self_closing,
            ),
            Token::EndTag(t) => Tok::End(text(&t.name)),
            // Text may be cut anywhere, even inside a character: joined before decoding.
            Token::String(s) => {
                pending.extend_from_slice(&s.value);
                continue;
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => continue,
        };
        if !pending.is_empty() {
            toks.push(Tok::Text(text(&std::mem::take(&mut pending))));
        }
        toks.push(tok);
    }
    if !pending.is_empty() {
        toks.push(Tok::Text(text(&pending)));
    }
    toks
}

/// What report pages and hostile pages are made of: tags of each raw-text kind, attributes
/// quoted three ways, character references of every shape, comments, doctypes, bogus
/// comments, CDATA, the script escapes, CR LF and NUL, Chinese text.
const HTML_PIECES: &[&str] = &[
    "<",
    "</",
    ">",
    "/>",
    "/",
    "=",
    "\"",
    "'",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x0c",
    "\0",
    "a",
    "b",
    "td",
    "TR",
    "table",
    "p",
    "br",
    "span",
    "script",
    "SCRIPT",
    "style",
    "title",
    "textarea",
    "plaintext",
    "xmp",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "noframe",
    "<td>",
    "</td>",
    "<tr>",
    "<script>",
    "</script>",
    "</script ",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<plaintext>",
    "<xmp>",
    "</xmp>",
    " x=1",
    " colspan=\"2\"",
    " rowspan='3'",
    " a b",
    " x=",
    "=y",
    " x=\"",
    " a=b/",
    " A=B",
    " x=1 x=2",
    "&",
    "&amp;",
    "&amp",
    "&lt",
    "&notin;",
    "&notit;",
    "&not",
    "&AElig",
    "&ampx",
    "&#",
    "&#x",
    "&#65;",
    "&#x4e2d;",
    "&#0;",
    "&#128;",
    "&#x110000;",
    "&#xD800;",
    "&#13;",
    "&#9999999999;",
    "&#x1F600",
    "&x;",
    "&;",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<!---",
    "--",
    "<!",
    "<!DOCTYPE html>",
    "<!doctype",
    "<?xml?>",
    "<![CDATA[",
    "]]>",
    "<!--<script>",
    "<!--<script",
    "表三",
    "（一）",
    "１２",
    "😀",
    "\u{a0}",
    "x",
    "1",
    "-",
];

fn fragment() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HTML_PIECES), 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// Random fragments give html5gum's tokens: start tags with their attributes and
    /// self-closing flag, end tags, text (comments, doctypes and errors aside).
    #[test]
    fn fragments_tokenize_as_html5gum_does(input in fragment()) {
        prop_assert_eq!(ours(&input, Mode::Data, None), html5gum_tokens(&input), "{:?}", input);
    }
}

/// The reference is read right: every kind of token comes through it (comments and doctypes
/// aside), with its state switching on (`</b>` in a script is text), the first of two equal
/// attributes winning, CR LF folded.
#[test]
fn the_html5gum_comparison_sees_each_token_kind() {
    let input =
        "<!DOCTYPE html><td Colspan=2 x=\"a&amp;b\" colspan=3 />表&notin;<!--c--></TD><br/>\
                 <script>if (a</b) {}</script><title>&lt;</title>\r\n";
    let want = vec![
        Tok::Start(
            "td".into(),
            BTreeMap::from([("colspan".into(), "2".into()), ("x".into(), "a&b".into())]),
            true,
        ),
        Tok::Text("表∉".into()),
        Tok::End("td".into()),
        Tok::Start("br".into(), BTreeMap::new(), true),
        Tok::Start("script".into(), BTreeMap::new(), false),
        Tok::Text("if (a</b) {}".into()),
        Tok::End("script".into()),
        Tok::Start("title".into(), BTreeMap::new(), false),
        Tok::Text("<".into()),
        Tok::End("title".into()),
        Tok::Text("\n".into()),
    ];
    assert_eq!(html5gum_tokens(input), want);
    assert_eq!(ours(input, Mode::Data, None), want);
}

/// Whole pages too: every HTML file of the repository (report fixtures, the CLI's and the
/// form's test pages, the demo with its scripts and styles) gives html5gum's tokens.
#[test]
fn the_repository_s_html_pages_tokenize_as_html5gum_does() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("folder").flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
            {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    walk(&root.join("tests"), &mut pages);
    walk(&root.join("www"), &mut pages);
    assert!(pages.len() >= 5, "{pages:?}");
    for page in pages {
        let text = String::from_utf8_lossy(&std::fs::read(&page).expect("page")).into_owned();
        let got = ours(&text, Mode::Data, None);
        assert!(got.len() > 10, "{}", page.display());
        assert_eq!(got, html5gum_tokens(&text), "{}", page.display());
    }
}
