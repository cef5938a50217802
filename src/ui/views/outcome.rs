//! An outcome: what happens next, the steps, and for contact outcomes the handoff.

use yew::prelude::*;

use super::common::{back_link, heading, panel, sends};
use super::handoff::{email_panel, phone_panel};
use super::qr::qr_code;
use super::rich::{inline, rich};
use super::state::Action;
use super::StateHandle;
use crate::flow::model::Outcome;
use crate::flow::{markup, Handoff};

/// The end of a flow.
pub fn outcome_screen(state: &StateHandle, node: usize, outcome: &Outcome) -> Html {
    let session = &state.session;
    let strings = state.strings;
    let steps = session.rich_lines(&outcome.steps, &state.config);
    let handoff = Handoff::for_session(session, &state.config);
    let body = outcome
        .body
        .as_deref()
        .map(|b| session.rich(b, &state.config));
    // The web links of the outcome, to take away by QR code from a kiosk.
    let mut links: Vec<(String, String)> = Vec::new();
    if state.plain_links() {
        let runs = body
            .iter()
            .flatten()
            .flat_map(markup::block_runs)
            .chain(steps.iter().flatten());
        for run in runs {
            if let markup::Inline::Link { text, href } = run {
                if href.starts_with("https:") && !links.iter().any(|(_, h)| h == href) {
                    links.push((text.clone(), href.clone()));
                }
            }
        }
    }
    let onrestart = sends(state, Action::Restart);
    html! {
        <section key={node} class={format!("gt-screen gt-outcome gt-outcome-{}", outcome.kind.as_str())}>
            { back_link(state) }
            { heading(&outcome.title) }
            if let Some(body) = body {
                { rich(state, &body, "gt-rich", None) }
            }
            if !steps.is_empty() {
                <h3 class="gt-subheading">{ strings.steps_title }</h3>
                <ol class="gt-steps">
                    { for steps.iter().map(|runs| html! { <li>{ inline(state, runs) }</li> }) }
                </ol>
            }
            if let Some(handoff) = handoff {
                if !handoff.withheld.is_empty() {
                    <p class="gt-warning"><strong>{ strings.withheld }</strong></p>
                }
                if let Some(email) = &handoff.email {
                    { email_panel(state, email, &handoff.reference) }
                }
                if let Some(phone) = &handoff.phone {
                    { phone_panel(state, phone, handoff.email.is_some()) }
                }
                <p class="gt-reference">{ strings.reference }{": "}<code>{ handoff.reference }</code></p>
            }
            if !links.is_empty() {
                { panel(state, "gt-panel gt-links", "links-title", strings.links_title, html! {
                    <ul class="gt-link-list">
                    { for links.iter().map(|(text, href)| html! {
                        <li>
                            { qr_code(state, href, text) }
                            <span>{ text.clone() }<br /><span class="gt-url">{ href.clone() }</span></span>
                        </li>
                    }) }
                    </ul>
                }) }
            }
            if state.kiosk.is_some() {
                // On a kiosk, ending the visit clears everything for the next person.
                <button type="button" class="gt-button gt-restart" part="button" onclick={onrestart}>{ strings.finish }</button>
            } else {
                <button type="button" class="gt-button gt-button-secondary gt-restart" part="button secondary" onclick={onrestart}>{ strings.start_again }</button>
            }
        </section>
    }
}
