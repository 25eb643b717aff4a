//! The MinHash signature of a report's prose, by which a batch finds reports of different
//! issuers whose prose is mostly the same (`copied-report`, `js/cli/batch.mjs`, which compares
//! them and makes the same signature for the files it checks itself: PDF and Word files).
//!
//! The prose is normalised (every run of digits one `0`, only CJK characters and Latin letters
//! kept, full-width forms folded, the boilerplate every report prints removed), then each run of
//! eight characters is hashed; one-permutation hashing picks one of 64 bins by a hash's top bits,
//! where it competes with the rest of its bits; a bin no shingle reached borrows its neighbour's
//! value (rotation densification), marked as borrowed so that it equals only the same borrowing.
//!
//! The arithmetic is JavaScript's (`Math.imul`, UTF-16 code units): the two must give the same
//! signature for the same prose, or a PDF copied from a web page would never be found.
//! `tests/cli/record.test.mjs` checks that they agree on 120 reports.

use crate::prelude::*;

/// Values in a signature.
pub const SIG: usize = 64;
/// Characters in a shingle.
const K: usize = 8;
/// Less prose than this (after normalising) is not compared: empty or boilerplate-only prose
/// would look like a copy of every other.
const MIN_CHARS: usize = 120;
/// The rolling hash's base, and its power for the character leaving the window.
const BASE: u32 = 0x0100_0193;
const BASE_K: u32 = BASE.wrapping_pow(K as u32 - 1);
/// A bin no shingle reached.
const EMPTY: u32 = u32::MAX;
/// Values are 26 bits: above them, how far a borrowed value came from.
const VALUE_BITS: u32 = 26;

/// The prose as the comparison sees it, as UTF-16 code units (every unit kept is in the BMP).
fn normalise<'t>(parts: impl Iterator<Item = &'t str>) -> Vec<u16> {
    let mut out = Vec::new();
    let mut digits = false;
    for part in parts {
        for c in part.chars() {
            let mut u = u32::from(c);
            if (0xff01..=0xff5e).contains(&u) {
                u -= 0xfee0; // full-width forms
            }
            if (0x30..=0x39).contains(&u) {
                if !digits {
                    out.push(0x30);
                }
                digits = true;
                continue;
            }
            digits = false;
            let cjk = (0x4e00..=0x9fff).contains(&u) || (0x3400..=0x4dbf).contains(&u);
            let latin = (0x41..=0x5a).contains(&u) || (0x61..=0x7a).contains(&u);
            if cjk || latin {
                out.push(u as u16); // in the BMP (above)
            }
        }
    }
    // Each phrase removed wherever it stands, in the list's order (what `split(p).join('')`
    // does in the JS): removing one can join the text around it into another.
    let boilerplate = crate::readers::rules::text_reuse::BOILERPLATE;
    for phrase in boilerplate {
        let p: Vec<u16> = phrase.encode_utf16().collect();
        out = without(out, &p);
    }
    out
}

/// `text` with every occurrence of `p` removed, left to right. Each is looked for by its first
/// unit and only then compared: comparing at every position was a `memcmp` call per unit and
/// phrase, ~6,000 a portal page, 2% of the CLI's time in a worker.
fn without(text: Vec<u16>, p: &[u16]) -> Vec<u16> {
    let Some(&first) = p.first() else {
        return text;
    };
    let find = |from: usize| -> Option<usize> {
        let mut at = from;
        loop {
            at += text.get(at..)?.iter().position(|&c| c == first)?;
            if text.get(at..at + p.len()) == Some(p) {
                return Some(at);
            }
            at += 1;
        }
    };
    let Some(mut next) = find(0) else {
        return text;
    };
    let mut kept = Vec::with_capacity(text.len());
    let mut i = 0;
    loop {
        kept.extend_from_slice(text.get(i..next).unwrap_or_default());
        i = next + p.len();
        match find(i) {
            Some(n) => next = n,
            None => break,
        }
    }
    kept.extend_from_slice(text.get(i..).unwrap_or_default());
    kept
}

/// murmur3's 32-bit finaliser: spreads a rolling hash over all 32 bits.
fn fmix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// The signature of the prose `parts` (in the order the report's JSON lists them), or `None`
/// when there is too little prose to compare.
pub fn signature<'t>(parts: impl Iterator<Item = &'t str>) -> Option<[u32; SIG]> {
    let text = normalise(parts);
    if text.len() < MIN_CHARS {
        return None;
    }
    let mut sig = [EMPTY; SIG];
    let mut h: u32 = 0;
    for (i, &c) in text.iter().enumerate() {
        if let Some(&gone) = i.checked_sub(K).and_then(|j| text.get(j)) {
            h = h.wrapping_sub(u32::from(gone).wrapping_mul(BASE_K));
        }
        h = h.wrapping_mul(BASE).wrapping_add(u32::from(c));
        if i + 1 < K {
            continue;
        }
        let f = fmix(h);
        let v = f & ((1 << VALUE_BITS) - 1);
        if let Some(bin) = sig.get_mut((f >> VALUE_BITS) as usize) {
            *bin = (*bin).min(v);
        }
    }
    for b in 0..SIG {
        if sig[b] != EMPTY {
            continue;
        }
        let borrowed = (1..SIG).find_map(|d| {
            let v = sig[(b + d) % SIG];
            (v != EMPTY && v < 1 << VALUE_BITS).then(|| v.wrapping_add((d as u32) << VALUE_BITS))
        });
        if let Some(v) = borrowed {
            sig[b] = v;
        }
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prose of `n` sentences of words from a small list, as a report's parts might hold.
    fn prose(n: usize) -> String {
        const WORDS: [&str; 13] = [
            "公开", "目录", "平台", "申请", "办理", "复议", "诉讼", "政策", "解读", "培训", "考核",
            "网站", "专栏",
        ];
        (0..n)
            .map(|i| {
                let w = |k: usize| WORDS[(i * k + k) % WORDS.len()];
                format!(
                    "本年度{}{}{}工作第{i}项，{}{}。",
                    w(7),
                    w(3),
                    w(1),
                    w(5),
                    w(11)
                )
            })
            .collect()
    }

    #[test]
    fn too_little_prose_has_no_signature() {
        assert_eq!(signature(["政府信息公开条例"].into_iter()), None);
        assert_eq!(signature(core::iter::empty()), None);
        // Boilerplate only: nothing left to compare.
        let stock = "中华人民共和国政府信息公开条例".repeat(20);
        assert_eq!(signature([stock.as_str()].into_iter()), None);
    }

    #[test]
    fn the_same_prose_has_the_same_signature_and_other_prose_another() {
        let a = prose(30);
        let sa = signature([a.as_str()].into_iter()).unwrap();
        assert_eq!(Some(sa), signature([a.as_str()].into_iter()));
        // Split into parts anywhere, it is the same prose.
        let (x, y) = a.split_at(a.char_indices().nth(40).unwrap().0);
        assert_eq!(Some(sa), signature([x, y].into_iter()));
        // A third more prose of its own: related, not the same.
        let b = format!(
            "{a}{}",
            "各地市民通过热线咨询办事流程并提出意见建议后由专人跟踪回复确保件件有着落"
        );
        let sb = signature([b.as_str()].into_iter()).unwrap();
        let same = sa.iter().zip(&sb).filter(|(p, q)| p == q).count();
        assert!(same > 16 && same < SIG, "{same} of 64 bins equal");
    }

    #[test]
    fn digits_widths_and_punctuation_do_not_count() {
        let a = prose(30);
        let b = a
            .replace('1', "１２")
            .replace('，', ",")
            .replace('本', "本 ");
        assert_eq!(
            signature([a.as_str()].into_iter()),
            signature([b.as_str()].into_iter())
        );
    }

    /// Values the JavaScript signature (`js/cli/batch.mjs`) gives for this prose: pinned, so
    /// that neither side changes alone (the Node test compares them on many more).
    #[test]
    fn it_is_the_javascript_signature() {
        let a = prose(30);
        let s = signature([a.as_str()].into_iter()).unwrap();
        assert_eq!(&s[..4], &JS_FIRST_FOUR);
    }
    /// `without` against the comparison at every position it replaced, on random texts over a
    /// few units, so that phrases overlap, repeat and join.
    #[test]
    fn without_removes_what_the_plain_scan_removed() {
        fn plain(text: &[u16], p: &[u16]) -> Vec<u16> {
            let mut kept = Vec::new();
            let mut i = 0;
            while i < text.len() {
                if !p.is_empty() && text.get(i..i + p.len()) == Some(p) {
                    i += p.len();
                } else {
                    kept.push(text[i]);
                    i += 1;
                }
            }
            kept
        }
        let texts: Vec<Vec<u16>> = crate::base::random_inputs(7, &[1, 2, 3], 24, 40);
        let phrases: Vec<Vec<u16>> = crate::base::random_inputs(11, &[1, 2, 3], 5, 6);
        for t in &texts {
            for p in &phrases {
                assert_eq!(without(t.clone(), p), plain(t, p), "{t:?} without {p:?}");
            }
        }
    }

    const JS_FIRST_FOUR: [u32; 4] = [19509719, 7265989, 12701950, 11472124];
}
