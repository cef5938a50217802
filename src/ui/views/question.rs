//! A single-choice question: a fieldset of radio buttons and Continue (the GOV.UK pattern).

use yew::prelude::*;

use super::common::{
    back_link, described_by, error_message, error_summary, heading, onsubmit_continue, Message,
};
use super::rich::rich;
use crate::flow::model::Question;
use crate::flow::{Answer, Refusal};
use crate::ui::state::{Action, StateHandle};

/// One question per screen. Continue with nothing chosen shows an error summary and an inline
/// message linked to the first option.
pub fn question_screen(state: &StateHandle, node: usize, question: &Question) -> Html {
    let session = &state.session;
    let selected = match state.draft {
        Some(Answer::Choice(c)) => Some(c),
        _ => None,
    };
    let strings = &state.settings.strings;
    let group = state.id(&format!("q-{}", question.id));
    let first_option = format!("{group}-0");
    let error_id = format!("{group}-error");
    let hint_id = format!("{group}-hint");
    let missing = matches!(state.refusal, Some(Refusal::NoChoice));
    let words = state.settings.words_lang();
    let choose_one = || Message {
        text: strings.choose_one().to_owned(),
        lang: words,
    };

    let described = described_by([
        question.hint.as_ref().map(|_| hint_id.clone()),
        missing.then(|| error_id.clone()),
    ]);

    html! {
        <section key={node} class="gt-screen gt-question">
            { back_link(state) }
            if missing {
                { error_summary(state, &[(choose_one(), first_option.clone())]) }
            }
            <form novalidate=true onsubmit={onsubmit_continue(state)}>
                <div class={if missing { "gt-form-group gt-form-group-error" } else { "gt-form-group" }}>
                    <fieldset class="gt-fieldset" aria-describedby={described}>
                        <legend class="gt-legend">{ heading(&question.text, None) }</legend>
                        if let Some(hint) = &question.hint {
                            { rich(state, &session.rich(hint, &state.settings.config), "gt-rich gt-hint", Some(hint_id.clone())) }
                        }
                        if missing {
                            { error_message(state, &error_id, &choose_one()) }
                        }
                        <div class="gt-radios">
                        { for question.options.iter().enumerate().map(|(i, option)| {
                            let id = format!("{group}-{i}");
                            let option_hint = format!("{id}-hint");
                            let onchoose = {
                                let state = state.clone();
                                Callback::from(move |_: Event| state.dispatch(Action::Choose(i)))
                            };
                            html! {
                                <div class="gt-radio">
                                    <input class="gt-radio-input" type="radio" id={id.clone()} name={group.clone()}
                                        value={option.id.clone()} checked={selected == Some(i)} onchange={onchoose}
                                        aria-describedby={option.hint.as_ref().map(|_| option_hint.clone())} />
                                    <label class="gt-radio-label" for={id}>{ option.label.clone() }</label>
                                    if let Some(hint) = &option.hint {
                                        { rich(state, &session.rich(hint, &state.settings.config), "gt-rich gt-radio-hint", Some(option_hint)) }
                                    }
                                </div>
                            }
                        }) }
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class="gt-button" part="button" lang={words}>{ strings.proceed() }</button>
            </form>
        </section>
    }
}
