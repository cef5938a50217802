//! The widget a person uses. State here, views there:
//!
//! - [`settings`]: how the page set the widget up, one value from mount to the reducer (pure
//!   data, also built natively for the attribute parser's tests).
//! - `state`: the one reducer state (the engine's session, the draft answer, the outcome's
//!   derived content, the kiosk countdown...), its actions, the events it tells the host page
//!   and the page's remote control. It imports no view.
//! - `views`: plain view functions, one screen or part per file, each given the state handle.
//!   They only draw: what they show is worked out in the state.
//! - `App` and `Root`: the only two Yew components, since each component is its own copy of
//!   Yew's lifecycle code that the page downloads. `App` owns the reducer and its effects.
//! - `dom` and `storage`: the browser calls (clipboard, selection, printing, focus, history,
//!   sessionStorage), so that views are views.
//!
//! Callbacks are named `on<verb>`.

pub mod settings;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod idle_reset;
#[cfg(target_arch = "wasm32")]
mod root;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod views;

#[cfg(target_arch = "wasm32")]
pub use app::{App, AppProps};
#[cfg(target_arch = "wasm32")]
pub use root::{Root, RootProps, Setup};
pub use settings::Settings;
