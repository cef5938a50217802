//! "Are you still there?" on a kiosk, while the idle countdown runs (`idle_reset` drives it).

use yew::prelude::*;

use super::common::dispatch_on_click;
use crate::ui::state::{Action, StateHandle};

/// "Are you still there?" with the seconds left, while the countdown runs.
pub fn idle_prompt(state: &StateHandle) -> Html {
    let Some(seconds) = state.idle_left else {
        return html! {};
    };
    let oncontinue = dispatch_on_click(state, Action::Idle(None));
    let strings = &state.settings.strings;
    let (title_id, text_id) = (state.id("idle-title"), state.id("idle-text"));
    html! {
        <div class="gt-idle" role="alertdialog" aria-modal="true" aria-labelledby={title_id.clone()}
            aria-describedby={text_id.clone()}>
            <div class="gt-idle-box" lang={state.settings.words_lang()}>
                <h2 class="gt-idle-title" id={title_id}>{ strings.idle_title() }</h2>
                <p id={text_id} aria-live="polite">{ strings.idle_text(seconds) }</p>
                <button type="button" class="gt-button" part="button" onclick={oncontinue}>{ strings.idle_continue() }</button>
            </div>
        </div>
    }
}
