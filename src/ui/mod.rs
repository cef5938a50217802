//! The widget a person uses: Yew function components over one [`state::State`] reducer,
//! shared through a context. One component per file; callbacks are named `on<verb>`.

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
pub use setup_error::{SetupError, SetupErrorProps};

/// The reducer handle every component reads from the context.
pub type StateHandle = yew::UseReducerHandle<state::State>;
