//! An explanation with Continue.

use yew::prelude::*;

use super::common::{back_link, dispatch_on_click, heading};
use super::rich::rich;
use crate::flow::model::Info;
use crate::ui::state::{Action, StateHandle};

/// An info node: its explanation, then Continue.
pub fn info_screen(state: &StateHandle, node: usize, info: &Info) -> Html {
    let oncontinue = dispatch_on_click(state, Action::Continue);
    html! {
        <section key={node} class="gt-screen gt-info">
            { back_link(state) }
            { heading(&info.title, None) }
            { rich(state, &state.session.rich(&info.body, &state.settings.config), "gt-rich", None) }
            <button type="button" class="gt-button" part="button" onclick={oncontinue} lang={state.settings.words_lang()}>{ state.settings.strings.proceed() }</button>
        </section>
    }
}
