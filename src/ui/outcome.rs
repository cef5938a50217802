//! An outcome: what happens next, the steps, and for contact outcomes the handoff.

use yew::prelude::*;

use super::common::{use_state_handle, BackLink, Heading};
use super::handoff::{EmailPanel, PhonePanel};
use super::qr::QrCode;
use super::question::NodeProps;
use super::rich::{inline, Rich};
use super::state::Action;
use crate::flow::{markup, Handoff, Node};

/// The end of a flow.
#[function_component]
pub fn OutcomeScreen(props: &NodeProps) -> Html {
    let state = use_state_handle();
    let session = &state.session;
    let Node::Outcome(outcome) = session.flow().node(props.node) else {
        return html! {};
    };
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
    let onrestart = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Restart))
    };
    html! {
        <section class={format!("gt-screen gt-outcome gt-outcome-{}", outcome.kind.as_str())}>
            <BackLink />
            <Heading text={outcome.title.clone()} />
            if let Some(body) = body {
                <Rich blocks={body} plain_links={state.plain_links()} />
            }
            if !steps.is_empty() {
                <h3 class="gt-subheading">{ strings.steps_title }</h3>
                <ol class="gt-steps">
                    { for steps.iter().map(|runs| html! { <li>{ inline(runs, state.plain_links()) }</li> }) }
                </ol>
            }
            if let Some(handoff) = handoff {
                if !handoff.withheld.is_empty() {
                    <p class="gt-warning"><strong>{ strings.withheld }</strong></p>
                }
                if let Some(email) = handoff.email.clone() {
                    <EmailPanel {email} reference={handoff.reference.clone()} />
                }
                if let Some(phone) = handoff.phone.clone() {
                    <PhonePanel {phone} />
                }
                <p class="gt-reference">{ strings.reference }{": "}<code>{ handoff.reference }</code></p>
            }
            if !links.is_empty() {
                <section class="gt-panel gt-links" part="panel" aria-labelledby={state.id("links-title")}>
                    <h3 class="gt-subheading" id={state.id("links-title")}>{ strings.links_title }</h3>
                    <ul class="gt-link-list">
                    { for links.iter().map(|(text, href)| html! {
                        <li>
                            <QrCode text={href.clone()} label={text.clone()} />
                            <span>{ text.clone() }<br /><span class="gt-url">{ href.clone() }</span></span>
                        </li>
                    }) }
                    </ul>
                </section>
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
