//! Pieces every screen uses: its heading, the Back link, panels, the error summary and
//! messages, and the click handlers that dispatch an action or report a handoff.

use yew::prelude::*;

use crate::ui::dom::{self, in_widget};
use crate::ui::state::{Action, HandoffAction, State, StateHandle};

/// A screen's heading. When a screen replaces another, [`crate::ui::App`] moves focus to it, so
/// that keyboard and screen-reader users start reading at the top of the new screen. `lang` is
/// the text's language when it is not the screen's (an interface word in English).
pub fn heading(text: &str, lang: Option<&'static str>) -> Html {
    html! {
        <h2 class="gt-heading" part="heading" tabindex="-1" {lang}>{ text.to_owned() }</h2>
    }
}

/// The Back link at the top of every screen after the start.
pub fn back_link(state: &StateHandle) -> Html {
    let onback = {
        let state = state.clone();
        Callback::from(move |_| {
            // With history integration, Back goes through the browser so both stay in step.
            let through_browser =
                state.history.as_ref().is_some_and(|h| h.has_entries()) && dom::history_back();
            if !through_browser {
                state.dispatch(Action::Back);
            }
        })
    };
    html! {
        <button type="button" class="gt-back" part="back" onclick={onback} lang={state.settings.words_lang()}>{ state.settings.strings.back() }</button>
    }
}

/// A panel of an outcome (`class` is `gt-panel` and its own), labelled by its heading `title`,
/// whose element id is made from `title_name`.
pub fn panel(
    state: &StateHandle,
    class: &'static str,
    title_name: &str,
    title: &str,
    body: Html,
) -> Html {
    let title_id = state.id(title_name);
    html! {
        <section {class} part="panel" aria-labelledby={title_id.clone()}>
            <h3 class="gt-subheading" id={title_id} lang={state.settings.words_lang()}>{ title }</h3>
            { body }
        </section>
    }
}

/// A click handler that dispatches `action`.
pub fn dispatch_on_click(state: &StateHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(action.clone()))
}

/// Continue on a form: sends the screen's draft.
pub fn onsubmit_continue(state: &StateHandle) -> Callback<SubmitEvent> {
    let state = state.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        state.dispatch(Action::Continue);
    })
}

/// An `aria-describedby` value from the ids that apply, or none when none does.
pub fn described_by<const N: usize>(ids: [Option<String>; N]) -> Option<String> {
    let ids: Vec<String> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// Words for the person, with their `lang` when it is not the screen's: an interface word in
/// English on screens in another language (a flow's own error message is in the flow's).
pub struct Message {
    /// The words.
    pub text: String,
    /// Their language, when not the screen's.
    pub lang: Option<&'static str>,
}

/// The GOV.UK error summary: a list of what is wrong (message, id of its input), each linked to
/// its input. [`crate::ui::App`] focuses it whenever an answer is refused, so the person hears what
/// to fix.
pub fn error_summary(state: &State, errors: &[(Message, String)]) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    let title_id = state.id("error-title");
    html! {
        <div class="gt-error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby={title_id.clone()}>
            <h3 class="gt-error-summary-title" id={title_id} lang={state.settings.words_lang()}>{ state.settings.strings.error_summary_title() }</h3>
            <ul>
            { for errors.iter().map(|(message, target)| {
                let href = format!("#{target}");
                let target = target.clone();
                let onfocusfield = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    if let Some(field) = in_widget(&e, &target) {
                        let _ = field.focus();
                    }
                });
                html! { <li><a {href} onclick={onfocusfield} lang={message.lang}>{ message.text.clone() }</a></li> }
            }) }
            </ul>
        </div>
    }
}

/// An inline error message above an input.
pub fn error_message(state: &State, id: &str, message: &Message) -> Html {
    html! {
        <p class="gt-error-message" id={id.to_owned()}>
            <span class="gt-visually-hidden" lang={state.settings.words_lang()}>{ state.settings.strings.error_prefix() }{" "}</span>
            <span lang={message.lang}>{ message.text.clone() }</span>
        </p>
    }
}

/// A click handler that tells the host page a handoff was used.
pub fn report_on_click(state: &StateHandle, action: HandoffAction) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.report_handoff(action))
}
