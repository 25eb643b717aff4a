//! What std would provide to the lite WebAssembly build, which goes without it: a panic handler.
//!
//! Nothing in the core is meant to panic (property tests feed it arbitrary input natively, with
//! std). Should it happen, the handler traps, as std's does with `panic = "abort"`, so the
//! JavaScript call throws a `RuntimeError`. What it saves: std's handler formats the message,
//! which keeps every panic site's formatting code (char escaping, Unicode printability tables,
//! range and location printing) in the module.

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// `std::sync::OnceLock` for a build with one thread: a `OnceCell` that may live in a `static`.
pub struct OnceLock<T>(core::cell::OnceCell<T>);

// Sound only without threads: wasm32 built without the `atomics` feature cannot share memory.
#[cfg(target_feature = "atomics")]
compile_error!("the no_std build assumes one thread; build with the `std` feature");
unsafe impl<T: Send + Sync> Sync for OnceLock<T> {}

impl<T> OnceLock<T> {
    pub const fn new() -> Self {
        OnceLock(core::cell::OnceCell::new())
    }

    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}
