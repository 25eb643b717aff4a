//! What the conformance tests (`tests/conformance_*.rs`) share: finding a suite under
//! `../shared/testsuites`, with a note when it is absent, and printing where `npm test` shows it.

use std::io::Write;
use std::path::PathBuf;

/// `../shared/testsuites/<relative>` beside the repository, or `None` (and a note saying which
/// tests are skipped) when it is absent: a clone without the shared folder still tests.
pub fn suite_dir(relative: &str, what: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testsuites")
        .join(relative);
    if dir.is_dir() {
        Some(dir)
    } else {
        show(&format!(
            "note: {} is absent; {what} skipped\n",
            dir.display()
        ));
        None
    }
}

/// Straight to stderr: the harness captures `println!` and `eprintln!` of passing tests, and
/// the counts (and the notes of skipped suites) are what `npm test` must show.
pub fn show(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}
