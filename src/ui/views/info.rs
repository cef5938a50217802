//! An explanation with Continue.

use yew::prelude::*;

use super::common::{back_link, heading, sends};
use super::rich::rich;
use super::state::Action;
use super::StateHandle;
use crate::flow::model::Info;

/// An info node: its explanation, then Continue.
pub fn info_screen(state: &StateHandle, node: usize, info: &Info) -> Html {
    let oncontinue = sends(state, Action::Continue);
    html! {
        <section key={node} class="gt-screen gt-info">
            { back_link(state) }
            { heading(&info.title) }
            { rich(state, &state.session.rich(&info.body, &state.config), "gt-rich", None) }
            <button type="button" class="gt-button" part="button" onclick={oncontinue}>{ state.strings.continue_ }</button>
        </section>
    }
}
