//! Message vocabulary shared by the rules: the locale, and how cells, rows and columns are
//! named in each language. Each rule writes its own sentences, keyed by its id.

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
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}
