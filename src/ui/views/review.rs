//! "Check your answers" before a handoff, with a Change link on each answer.

use yew::prelude::*;

use super::common::{back_link, dispatch_on_click, heading};
use crate::ui::state::{Action, ScreenContent, StateHandle};

/// The summary of questions and answers shown before a contact outcome.
pub fn review_screen(state: &StateHandle) -> Html {
    let strings = &state.settings.strings;
    let onconfirm = dispatch_on_click(state, Action::Confirm);
    let words = state.settings.words_lang();
    let intro = match &state.content {
        ScreenContent::Review { intro } => intro.as_str(),
        _ => "",
    };
    html! {
        <section class="gt-screen gt-review">
            { back_link(state) }
            { heading(strings.check_title(), words) }
            <p lang={words}>{ intro }</p>
            <dl class="gt-summary">
            { for state.session.summary().into_iter().map(|row| {
                let onchange = dispatch_on_click(state, Action::Change(row.node));
                let (value, lang) = if row.value.is_empty() { (strings.not_given().to_owned(), words) } else { (row.value.clone(), None) };
                html! {
                    <div class="gt-summary-row">
                        <dt class="gt-summary-key">{ row.label.clone() }</dt>
                        <dd class="gt-summary-value" {lang}>{ value }</dd>
                        <dd class="gt-summary-action">
                            <button type="button" class="gt-link" onclick={onchange}>
                                <span lang={words}>{ strings.change() }</span><span class="gt-visually-hidden">{" "}{ row.label.clone() }</span>
                            </button>
                        </dd>
                    </div>
                }
            }) }
            </dl>
            <button type="button" class="gt-button" part="button" onclick={onconfirm} lang={words}>{ strings.check_continue() }</button>
        </section>
    }
}
