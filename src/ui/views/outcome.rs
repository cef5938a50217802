//! An outcome: what happens next, the steps, and for contact outcomes the handoff.

use yew::prelude::*;

use super::common::{back_link, dispatch_on_click, heading, panel};
use super::handoff::{email_panel, phone_panel};
use super::qr::qr_code;
use super::rich::{inline, rich};
use crate::flow::model::{Outcome, OutcomeKind};
use crate::ui::state::{Action, ScreenContent, StateHandle};

/// The end of a flow, drawn from the content the state derived for it.
pub fn outcome_screen(state: &StateHandle, node: usize, outcome: &Outcome) -> Html {
    let ScreenContent::Outcome(content) = &state.content else {
        return html! {};
    };
    let strings = &state.settings.strings;
    let onrestart = dispatch_on_click(state, Action::Restart);
    let words = state.settings.words_lang();
    html! {
        <section key={node} class={format!("gt-screen gt-outcome gt-outcome-{}", outcome.kind.as_str())}>
            { back_link(state) }
            { heading(&outcome.title, None) }
            if let Some(body) = &content.body {
                { rich(state, body, "gt-rich", None) }
            }
            if !content.steps.is_empty() {
                <h3 class="gt-subheading" lang={words}>{ strings.steps_title() }</h3>
                <ol class="gt-steps">
                    { for content.steps.iter().map(|runs| html! { <li>{ inline(state, runs) }</li> }) }
                </ol>
            }
            if outcome.kind == OutcomeKind::SelfFix {
                { fixed_question(state) }
            }
            if let Some(handoff) = &content.handoff {
                if handoff.withheld {
                    <p class="gt-warning" lang={words}><strong>{ strings.withheld() }</strong></p>
                }
                if let Some(email) = &handoff.email {
                    { email_panel(state, email, handoff.lang.as_ref()) }
                }
                if let Some(phone) = &handoff.phone {
                    { phone_panel(state, phone, handoff.lang.as_ref()) }
                }
                <p class="gt-reference" lang={words}>{ strings.reference() }{": "}<bdi><code>{ handoff.reference.clone() }</code></bdi></p>
            }
            if !content.links.is_empty() {
                { panel(state, "gt-panel gt-links", "links-title", strings.links_title(), html! {
                    <ul class="gt-link-list">
                    { for content.links.iter().map(|link| html! {
                        <li>
                            if let Some(code) = &link.qr {
                                { qr_code(code, &link.text) }
                            }
                            <span>{ link.text.clone() }<br /><bdi class="gt-url">{ link.href.clone() }</bdi></span>
                        </li>
                    }) }
                    </ul>
                }) }
            }
            if state.settings.kiosk() {
                // On a kiosk, ending the visit clears everything for the next person.
                <button type="button" class="gt-button gt-restart" part="button" onclick={onrestart} lang={words}>{ strings.finish() }</button>
            } else {
                <button type="button" class="gt-button gt-button-secondary gt-restart" part="button secondary" onclick={onrestart} lang={words}>{ strings.start_again() }</button>
            }
        </section>
    }
}

/// "Did this fix it?" under a self-fix outcome's steps, then what the answer says. No moves on
/// to IT where the flow has a way; the answer shown instead takes the focus from the buttons.
fn fixed_question(state: &StateHandle) -> Html {
    let strings = &state.settings.strings;
    let words = state.settings.words_lang();
    let answer = |state: &StateHandle, fixed: bool| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.report_fixed(fixed);
            state.dispatch(Action::Fixed(fixed));
        })
    };
    let answered = match state.fixed {
        Some(true) => strings.fixed_thanks(),
        Some(false) => strings.not_fixed_no_way(),
        None => {
            let title = state.id("fixed-title");
            return html! {
                <div class="gt-fixed" role="group" aria-labelledby={title.clone()} lang={words}>
                    <h3 class="gt-subheading" id={title}>{ strings.fixed_question() }</h3>
                    <div class="gt-actions">
                        <button type="button" class="gt-button gt-button-secondary gt-fixed-yes" part="button secondary" onclick={answer(state, true)}>{ strings.fixed_yes() }</button>
                        <button type="button" class="gt-button gt-button-secondary gt-fixed-no" part="button secondary" onclick={answer(state, false)}>{ strings.fixed_no() }</button>
                    </div>
                </div>
            };
        }
    };
    html! {
        <p class="gt-fixed gt-fixed-answer" role="status" tabindex="-1" lang={words}>{ answered }</p>
    }
}
