//! The base layer: small helpers every other layer may use, and that use nothing of the crate but
//! the prelude. Numbers (`numeric`), text folding (`fold`), dates (`dates`) and sorting (`sort`)
//! each live here once, and text made without `core::fmt` (`text`); `scan` holds the byte
//! searches of the readers' hot loops.

pub mod dates;
pub mod fold;
pub mod numeric;
pub mod scan;
pub mod sort;
pub mod text;

/// Random test inputs drawn from a given alphabet (a small linear congruential generator: the
/// same sequence on every run), for the differential tests of the byte searches and folding.
#[cfg(test)]
pub(crate) fn pick<T: Copy>(seed: &mut u64, alphabet: &[T]) -> T {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    alphabet[(*seed >> 33) as usize % alphabet.len()]
}

/// `per_length` random inputs of each length below `lengths`, each that many [`pick`]s from
/// `alphabet` (characters, pieces of text or bytes), in the order the differential tests draw
/// them.
#[cfg(test)]
pub(crate) fn random_inputs<T: Copy, C: FromIterator<T>>(
    mut seed: u64,
    alphabet: &[T],
    lengths: usize,
    per_length: usize,
) -> Vec<C> {
    let mut out = Vec::with_capacity(lengths * per_length);
    for len in 0..lengths {
        for _ in 0..per_length {
            out.push((0..len).map(|_| pick(&mut seed, alphabet)).collect());
        }
    }
    out
}
