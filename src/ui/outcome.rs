//! An outcome: what happens next, the steps, and for contact outcomes the handoff.

use yew::prelude::*;

use super::common::{use_state_handle, BackLink, Heading};
use super::handoff::{EmailPanel, PhonePanel};
use super::question::NodeProps;
use super::rich::{inline, Rich};
use super::state::Action;
use crate::flow::{Handoff, Node};

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
    let onrestart = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Restart))
    };
    html! {
        <section class={classes!("gt-screen", "gt-outcome", format!("gt-outcome-{}", outcome.kind.as_str()))}>
            <BackLink />
            <Heading text={outcome.title.clone()} />
            if let Some(body) = &outcome.body {
                <Rich blocks={session.rich(body, &state.config)} />
            }
            if !steps.is_empty() {
                <h3 class="gt-subheading">{ strings.steps_title }</h3>
                <ol class="gt-steps">
                    { for steps.iter().map(|runs| html! { <li>{ inline(runs) }</li> }) }
                </ol>
            }
            if let Some(handoff) = handoff {
                if !handoff.withheld.is_empty() {
                    <p class="gt-warning"><strong>{ strings.withheld }</strong></p>
                }
                if let Some(email) = handoff.email.clone() {
                    <EmailPanel {email} />
                }
                if let Some(phone) = handoff.phone.clone() {
                    <PhonePanel {phone} />
                }
                <p class="gt-reference">{ strings.reference }{": "}<code>{ handoff.reference }</code></p>
            }
            <button type="button" class="gt-button gt-button-secondary gt-restart" part="button secondary" onclick={onrestart}>{ strings.start_again }</button>
        </section>
    }
}
