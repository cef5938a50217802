//! Putting the widget into a page: the `<guided-troubleshooter>` element's attributes, mounting
//! into its shadow root, and the events it sends to the host page.

pub mod settings;

#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(target_arch = "wasm32")]
mod mount;

#[cfg(target_arch = "wasm32")]
pub use mount::{mount_widget, WidgetHandle};
