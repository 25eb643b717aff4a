//! The crate's layers point one way: each module uses only the modules below it, so that the
//! model knows nothing of rules, rules nothing of readers, and only the binding knows JavaScript.
//! A scan of `crate::…` paths in every source file outside its tests (issue 15); the order is
//! the one `src/lib.rs` declares and docs/architecture.md explains. The same scan keeps
//! `core::fmt` out of the code the lite build compiles (everything but the readers).

use std::path::{Path, PathBuf};

/// Lowest first. A module may use its own layer and any layer before it.
const LAYERS: &[&str] = &[
    "prelude",
    "no_std",
    "base",
    "json",
    "model",
    "messages",
    "diagnostic",
    "options",
    "rules",
    "readers",
    "registry",
    "catalog",
    "api",
    "bulk",
    "wasm",
];

/// What the crate root re-exports, by the layer that defines it.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("Report", "model"),
    ("Format", "model"),
    ("Diagnostic", "diagnostic"),
    ("Severity", "diagnostic"),
    ("ValidationResult", "diagnostic"),
    ("Options", "options"),
    ("OptionsError", "options"),
    ("validate", "api"),
    ("validate_str", "api"),
    ("validate_report", "api"),
    ("check", "api"),
    ("Checked", "api"),
    ("VERSION", "api"),
];

fn layer(name: &str) -> Option<usize> {
    let name = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == name)
        .map_or(name, |(_, l)| l);
    LAYERS.iter().position(|l| *l == name)
}

/// The layer of a source file: its top-level module under `src/`.
fn file_layer(rel: &str) -> Option<usize> {
    let first = rel.split('/').next()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    layer(if module == "lib" { "api" } else { module })
}

/// The source without comments and without `#[cfg(test)]`/`#[cfg(all(test, …))]` items: tests
/// may reach up (a reader's test may validate what it read).
fn code_of(src: &str) -> String {
    let mut out = String::new();
    let mut lines = src.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test") {
            // Skip the item that follows: to its matching closing brace, or to its `;`.
            let mut depth = 0i32;
            let mut opened = false;
            for l in lines.by_ref() {
                let l = l.split("//").next().unwrap_or("");
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                opened |= l.contains('{');
                if (opened && depth <= 0) || (!opened && l.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" //").next().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// Every module named after `crate::`, including inside `use crate::{a::…, b};`.
fn used_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Upward uses in one file: (used module, its layer name).
fn violations(rel: &str, src: &str) -> Vec<String> {
    let Some(own) = file_layer(rel) else {
        return vec![format!("{rel}: not in a known layer (add it to LAYERS)")];
    };
    used_modules(&code_of(src))
        .into_iter()
        .filter_map(|m| match layer(&m) {
            Some(l) if l <= own => None,
            Some(_) => Some(format!(
                "{rel} ({}) uses crate::{m} ({}), a higher layer",
                LAYERS[own],
                layer(&m).map_or("?", |l| LAYERS[l])
            )),
            None => Some(format!("{rel} uses crate::{m}, which is in no known layer")),
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Files that are test modules (`#[cfg(test)] mod props;` in their parent): test code too.
fn test_only_files(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).expect("utf-8 source");
        let dir = f.parent().expect("in src");
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let t = line.trim_start();
            if !(t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test")) {
                continue;
            }
            if let Some(name) = lines.next().and_then(|l| {
                l.trim()
                    .strip_prefix("mod ")
                    .or_else(|| l.trim().strip_prefix("pub mod "))
                    .and_then(|r| r.strip_suffix(';'))
            }) {
                out.push(dir.join(format!("{name}.rs")));
            }
        }
    }
    out
}

/// Every source file outside the test modules: its path under `src/` and its text.
fn source_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let tests = test_only_files(&files);
    assert!(tests.iter().any(|t| t.ends_with("readers/props.rs")));
    let sources: Vec<(String, String)> = files
        .iter()
        .filter(|f| !tests.contains(f))
        .map(|f| {
            let rel = f
                .strip_prefix(&src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(f).expect("utf-8 source"))
        })
        .collect();
    assert!(sources.len() > 40, "scanned only {} files", sources.len());
    sources
}

#[test]
fn every_import_points_down() {
    let problems: Vec<String> = source_files()
        .iter()
        .flat_map(|(rel, text)| violations(rel, text))
        .collect();
    assert!(
        problems.is_empty(),
        "upward imports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn an_upward_import_is_caught() {
    // The cycles issue 15 found, reintroduced: each must fail the scan.
    let model = "use crate::prelude::*;\nuse crate::rules::sort_by_key;\n";
    assert_eq!(violations("model/layout.rs", model).len(), 1);
    let diagnostic = "pub equation: Option<crate::rules::arith::Equation>,\n";
    assert_eq!(violations("diagnostic.rs", diagnostic).len(), 1);
    let options = "let rule = crate::rules::find(id);\n";
    assert_eq!(violations("options.rs", options).len(), 1);
    let rules = "use crate::{diagnostic::Num, readers::RULES};\n";
    assert_eq!(
        violations("rules/mod.rs", rules),
        vec!["rules/mod.rs (rules) uses crate::readers (readers), a higher layer".to_string()]
    );
    // Down is fine, and so is anything inside tests.
    let ok = "use crate::model::Num;\n#[cfg(test)]\nmod tests {\n    use crate::api::check;\n}\n";
    assert!(violations("readers/tables.rs", ok).is_empty());
    assert_eq!(
        violations("readers/tables.rs", "crate::Report;\ncrate::check(x);\n").len(),
        1
    );
}

/// `core::fmt` calls in the code outside tests: what the lite build must not link (its
/// `write`, `format`, padding and integer printing cost 1.4 KB gzipped). Everything but the
/// readers (full build only) writes text with `base::text`'s `text!`.
fn fmt_calls(rel: &str, src: &str) -> Vec<String> {
    if rel.starts_with("readers/") {
        return Vec::new();
    }
    let code = code_of(src);
    [
        "format!(",
        "format_args!(",
        "write!(",
        "writeln!(",
        "print!(",
        "println!(",
    ]
    .iter()
    .filter(|m| code.contains(*m))
    .map(|m| format!("{rel}: {m}…) outside tests (use text! from base::text)"))
    .collect()
}

#[test]
fn the_lite_build_writes_text_without_core_fmt() {
    let problems: Vec<String> = source_files()
        .iter()
        .flat_map(|(rel, text)| fmt_calls(rel, text))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The scan catches a call, and leaves tests, comments and the readers alone.
    let call = "let m = format!(\"{n} 格\");\n";
    assert_eq!(fmt_calls("rules/t4_total.rs", call).len(), 1);
    assert!(fmt_calls("readers/text.rs", call).is_empty());
    let fine = "// format!(\"x\")\n#[cfg(test)]\nmod tests {\n    fn f() { format!(\"x\"); }\n}\n";
    assert!(fmt_calls("rules/t4_total.rs", fine).is_empty());
}
