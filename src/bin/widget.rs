//! The WebAssembly entry point that Trunk builds; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    troubleshooter::embed::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("`widget` is the WebAssembly entry point: build it with `make demo` or `make dist`.");
}
