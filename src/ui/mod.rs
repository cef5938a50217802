//! The widget a person uses: two Yew function components ([`Root`], which shows the setup, and
//! [`App`], which owns the one [`state::State`] reducer) and plain view functions for every
//! screen and part, each given the reducer handle. Everything a screen remembers (the option
//! chosen, the text typed, a copy's status, the kiosk countdown) is in that one state, so no
//! part needs state of its own, and each component Yew does not have to instantiate is code the
//! page does not download. One screen or part per file; callbacks are named `on<verb>`.

mod app;
mod common;
pub mod events;
mod form;
mod handoff;
mod idle;
mod info;
mod outcome;
mod progress;
mod qr;
mod question;
mod review;
mod rich;
mod root;
mod setup_error;
mod start;
pub mod state;
mod storage;

pub use app::{App, AppProps};
pub use root::{Root, RootProps, Setup};

/// The reducer handle every view function is given.
pub type StateHandle = yew::UseReducerHandle<state::State>;
