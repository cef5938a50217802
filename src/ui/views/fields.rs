//! A short form of text inputs, with inline errors and a warning for secrets.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::common::{
    back_link, described_by, error_message, error_summary, heading, onsubmit_continue, Message,
};
use super::rich::rich;
use crate::flow::fields::{is_secret, FieldProblem};
use crate::flow::model::{Field, Fields, Format};
use crate::flow::{Answer, Refusal};
use crate::i18n::Strings;
use crate::ui::state::{Action, StateHandle};

/// A fields node. What the person types is the state's draft, kept in the engine's session
/// even when Continue is refused, so an error never loses their answers.
pub fn fields_screen(state: &StateHandle, node: usize, fields: &Fields) -> Html {
    let session = &state.session;
    let values: &[String] = match &state.draft {
        Some(Answer::Values(v)) => v,
        _ => &[],
    };
    let strings = &state.settings.strings;
    let words = state.settings.words_lang();
    let problems: Vec<(usize, FieldProblem)> = match &state.refusal {
        Some(Refusal::Fields(p)) => p.clone(),
        _ => Vec::new(),
    };
    let input_id = |k: usize| state.id(&format!("f-{}", fields.fields[k].id));
    let message = |k: usize, p: FieldProblem| problem_text(strings, words, &fields.fields[k], p);
    let summary: Vec<(Message, String)> = problems
        .iter()
        .map(|&(k, p)| (message(k, p), input_id(k)))
        .collect();

    html! {
        <section key={node} class="gt-screen gt-fields">
            { back_link(state) }
            { error_summary(state, &summary) }
            { heading(&fields.text, None) }
            if let Some(hint) = &fields.hint {
                { rich(state, &session.rich(hint, &state.settings.config), "gt-rich gt-hint", None) }
            }
            <form novalidate=true onsubmit={onsubmit_continue(state)}>
            { for fields.fields.iter().enumerate().map(|(k, field)| {
                let id = input_id(k);
                let (hint_id, error_id, warn_id) = (format!("{id}-hint"), format!("{id}-error"), format!("{id}-warning"));
                let problem = problems.iter().find(|(i, _)| *i == k).map(|&(_, p)| message(k, p));
                let value = values.get(k).cloned().unwrap_or_default();
                let secret = is_secret(field, value.trim());
                let described = described_by([
                    field.hint.as_ref().map(|_| hint_id.clone()),
                    problem.as_ref().map(|_| error_id.clone()),
                    secret.then(|| warn_id.clone()),
                ]);
                let ontype = {
                    let state = state.clone();
                    Callback::from(move |e: InputEvent| {
                        state.dispatch(Action::Type(k, e.target_unchecked_into::<HtmlInputElement>().value()));
                    })
                };
                let (kind, autocomplete) = match field.format {
                    Format::Email => ("email", Some("email")),
                    Format::Phone => ("tel", Some("tel")),
                    _ => ("text", None),
                };
                html! {
                    <div class={if problem.is_some() { "gt-form-group gt-form-group-error" } else { "gt-form-group" }}>
                        <label class="gt-label" for={id.clone()}>
                            { field.label.clone() }
                            if !field.required { <span class="gt-optional" lang={words}>{" "}{ strings.optional() }</span> }
                        </label>
                        if let Some(hint) = &field.hint {
                            { rich(state, &session.rich(hint, &state.settings.config), "gt-rich gt-hint", Some(hint_id.clone())) }
                        }
                        if let Some(problem) = &problem {
                            { error_message(state, &error_id, problem) }
                        }
                        // What a person types (an address, a code) takes its own direction.
                        <input class="gt-input" part="input" type={kind} id={id} name={field.id.clone()} value={value}
                            dir="auto" oninput={ontype} spellcheck="false" autocomplete={autocomplete.unwrap_or("off")}
                            aria-invalid={problem.is_some().then_some("true")}
                            aria-describedby={described}
                            maxlength={field.max_length.map(|m| m.to_string())} />
                        if secret {
                            <p class="gt-warning" id={warn_id} lang={words}><strong>{ strings.secret_warning() }</strong></p>
                        }
                    </div>
                }
            }) }
                <button type="submit" class="gt-button" part="button" lang={words}>{ strings.proceed() }</button>
            </form>
        </section>
    }
}

/// The words for a field's problem; a pattern field's own message (in the flow's language)
/// wins. `words` is the interface words' `lang` when it is not the screen's.
pub fn problem_text(
    strings: &Strings,
    words: Option<&'static str>,
    field: &Field,
    problem: FieldProblem,
) -> Message {
    let text = match problem {
        FieldProblem::Missing => strings.field_missing().to_owned(),
        FieldProblem::TooLong { max } => strings.field_too_long(max as u32),
        FieldProblem::Email => strings.field_email().to_owned(),
        FieldProblem::Phone => strings.field_phone().to_owned(),
        FieldProblem::DateTime => strings.field_date_time().to_owned(),
        FieldProblem::LooksLikeCode => strings.field_code().to_owned(),
        FieldProblem::NoMatch => match &field.error {
            Some(own) => {
                return Message {
                    text: own.clone(),
                    lang: None,
                }
            }
            None => strings.field_no_match().to_owned(),
        },
    };
    Message { text, lang: words }
}
