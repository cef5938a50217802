//! The widget a person uses: Yew function components over one [`state::State`] reducer,
//! shared through a context, and plain view functions for the parts without state of their
//! own (a component costs code size in every build). One screen or part per file; callbacks
//! are named `on<verb>`.

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

/// The reducer handle every component reads from the context.
pub type StateHandle = yew::UseReducerHandle<state::State>;
