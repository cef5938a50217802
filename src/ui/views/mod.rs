//! The views: plain functions from the state to `Html`, one screen or part per file. They read
//! the state and dispatch actions; what they show that takes work (an outcome's texts, links
//! and QR codes) is derived in the state, so a view only draws.

mod common;
mod fields;
mod handoff;
mod idle;
mod info;
mod outcome;
mod progress;
mod qr;
mod question;
mod review;
mod rich;
mod setup_error;
mod start;

pub use fields::fields_screen;
pub use idle::idle_prompt;
pub use info::info_screen;
pub use outcome::outcome_screen;
pub use progress::progress;
pub use question::question_screen;
pub use review::review_screen;
pub use setup_error::setup_error;
pub use start::start_screen;
