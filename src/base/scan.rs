//! Byte searches eight bytes at a time, for the readers' hot loops: the HTML tokenizer looking
//! for the next `<`, `&` or quote, and the prose rules looking for words. A byte equal to a
//! needle is a zero byte of the word XOR the needle repeated, found by the borrow trick; 64-bit
//! words are native in WebAssembly, so this needs no SIMD. std's substring search builds a
//! two-way searcher first, which costs more than the whole search in a sentence.

/// The index of the first byte at or after `from` that is one of `needles`, else `b.len()`.
#[inline]
pub fn find_any<const N: usize>(b: &[u8], from: usize, needles: [u8; N]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let rest = b.get(from..).unwrap_or_default();
    let mut at = from;
    let mut words = rest.chunks_exact(8);
    for w in &mut words {
        let Ok(w) = <[u8; 8]>::try_from(w) else {
            break;
        };
        let x = u64::from_le_bytes(w);
        let mut hit = 0;
        for n in needles {
            let y = x ^ (LO * u64::from(n));
            hit |= y.wrapping_sub(LO) & !y & HI;
        }
        if hit != 0 {
            // The lowest flagged byte is exact (a borrow only flags bytes above a match).
            return at + (hit.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|c| needles.contains(c))
        .map_or(b.len(), |k| at + k)
}

/// Where `needle` first occurs in `hay`: candidates found by the needle's last byte (in Chinese
/// text a UTF-8 continuation byte, one of 64 values: few candidates), then compared.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&last, head)) = needle.split_last() else {
        return Some(0);
    };
    let mut from = head.len();
    loop {
        let end = find_any(hay, from, [last]);
        let start = end.checked_sub(head.len())?;
        if end >= hay.len() {
            return None;
        }
        if hay.get(start..end) == Some(head) {
            return Some(start);
        }
        from = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn word_scan_and_find_agree_with_a_byte_loop() {
        // Bytes next to the needles and with the high bit set are where a borrow could flag a
        // byte wrongly; every length and start around the 8-byte words.
        let alphabet = [
            0u8, 1, b'\r', b'&', b'\'', b'<', b'=', b'-', 0x80, 0xbc, 0xe5, 0xff,
        ];
        for b in
            crate::base::random_inputs::<_, Vec<u8>>(0x9e37_79b9_7f4a_7c15u64, &alphabet, 40, 200)
        {
            let len = b.len();
            for from in 0..=len + 1 {
                let naive = |set: &[u8]| (from..len).find(|&i| set.contains(&b[i])).unwrap_or(len);
                assert_eq!(find_any(&b, from, [b'<']), naive(b"<"), "{b:?} {from}");
                assert_eq!(
                    find_any(&b, from, [b'<', b'-']),
                    naive(b"<-"),
                    "{b:?} {from}"
                );
                let crlf = find_any(&b, from, [b'\r', b'&', 0]);
                assert_eq!(crlf, naive(b"\r&\0"), "{b:?} {from}");
            }
            for needle in [&b"<"[..], b"-&", b"\xe5\x80", b"&'<", b""] {
                let naive = (0..=len.saturating_sub(needle.len()))
                    .find(|&i| b[i..].starts_with(needle))
                    .filter(|_| needle.len() <= len);
                assert_eq!(find(&b, needle), naive, "{b:?} {needle:?}");
            }
        }
        assert_eq!(
            find("本年度未收取费用".as_bytes(), "收取".as_bytes()),
            Some(12)
        );
    }
}
