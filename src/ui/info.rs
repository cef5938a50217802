//! An explanation with Continue.

use yew::prelude::*;

use super::common::{use_state_handle, BackLink, Heading};
use super::question::NodeProps;
use super::rich::Rich;
use super::state::Action;
use crate::flow::{Answer, Node};

/// An info node: its explanation, then Continue.
#[function_component]
pub fn InfoScreen(props: &NodeProps) -> Html {
    let state = use_state_handle();
    let Node::Info(info) = state.session.flow().node(props.node) else {
        return html! {};
    };
    let oncontinue = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Answer(Answer::Seen)))
    };
    html! {
        <section class="gt-screen gt-info">
            <BackLink />
            <Heading text={info.title.clone()} />
            <Rich blocks={state.session.rich(&info.body, &state.config)} plain_links={state.plain_links()} />
            <button type="button" class="gt-button" part="button" onclick={oncontinue}>{ state.strings.continue_ }</button>
        </section>
    }
}
