//! The start screen: what the flow is for, how long it takes, and that nothing leaves the device.

use yew::prelude::*;

use super::common::{dispatch_on_click, heading};
use crate::ui::state::{Action, StateHandle};

/// The first screen a person sees.
pub fn start_screen(state: &StateHandle) -> Html {
    let flow = state.session.flow().flow();
    let onstart = dispatch_on_click(state, Action::Start);
    let words = state.settings.words_lang();
    html! {
        <section class="gt-screen gt-start">
            { heading(&flow.title, None) }
            <p class="gt-lead">{ flow.summary.clone() }</p>
            if let Some(minutes) = flow.minutes {
                <p lang={words}>{ state.settings.strings.start_minutes(minutes) }</p>
            }
            <p class="gt-privacy" lang={words}>{ state.settings.strings.privacy_note() }</p>
            <button type="button" class="gt-button gt-button-start" part="button start" onclick={onstart} lang={words}>
                { state.settings.strings.start() }
                <svg class="gt-button-arrow" aria-hidden="true" focusable="false" viewBox="0 0 33 40" width="17" height="19">
                    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                </svg>
            </button>
        </section>
    }
}
