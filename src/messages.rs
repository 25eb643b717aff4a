//! Message vocabulary shared by the rules: the locale, and how cells, rows and columns are
//! named in each language. Each rule writes its own sentences, keyed by its id.

use crate::prelude::*;

use crate::model::layout::Label;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Locale> {
        match s {
            "zh-CN" | "zh" | "zh-Hans" => Some(Locale::ZhCn),
            "en" | "en-US" | "en-GB" => Some(Locale::En),
            _ => None,
        }
    }

    /// Pick the label of this locale.
    pub fn pick(self, l: Label) -> &'static str {
        match self {
            Locale::ZhCn => l.zh,
            Locale::En => l.en,
        }
    }
}

/// Upper-case the first letter, for English names that start a sentence.
pub fn cap(s: &str) -> String {
    let mut s = String::from(s);
    // An ASCII letter or nothing: `make_ascii_uppercase` leaves any other first char alone.
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// `items.join(sep)` in a plain loop: std's generic join costs the lite build 0.4 KB gzipped.
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_ref());
    }
    out
}
