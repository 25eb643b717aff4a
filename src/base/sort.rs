//! A stable merge sort by a key computed once per element. Small in the wasm (std's sorts add
//! kilobytes) and O(n log n), so a report with 100,000 unknown keys still sorts at once.

use crate::prelude::*;

/// Sort `v` stably by `key`. Only the key collection and the final move are generic: the
/// merge itself is compiled once (comparisons through `&dyn`), so that each use costs the
/// size-optimised wasm a few dozen bytes instead of a copy of the whole sort.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[b] < keys[a]);
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| items.get_mut(i).and_then(Option::take)),
    );
}

/// The indices `0..n` in stable sorted order, where `after(a, b)` says that item `a` sorts
/// after item `b`. Two `usize` per item: for long lists whose keys need not be collected
/// first (`sort_by_key` holds a key and an `Option<T>` per item as well).
pub fn stable_order(n: usize, after: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut a, mut b) = (start, mid);
            for slot in &mut merged[start..end] {
                // Ties take the left run first: stable.
                let take_b = a >= mid || (b < end && after(order[a], order[b]));
                *slot = if take_b { order[b] } else { order[a] };
                if take_b {
                    b += 1;
                } else {
                    a += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    #[test]
    fn merge_sort_is_stable_and_sorts() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        super::sort_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            vec![
                (0, 5),
                (1, 1),
                (1, 3),
                (1, 7),
                (2, 2),
                (2, 6),
                (3, 0),
                (3, 4)
            ]
        );
        let mut big: Vec<u32> = (0..10_000).rev().collect();
        super::sort_by_key(&mut big, |&x| x);
        assert!(big.windows(2).all(|w| w[0] < w[1]));
    }
}
