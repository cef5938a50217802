//! The widget's root: the reducer, its context, and the current screen.

use std::rc::Rc;

use yew::prelude::*;

use super::form::FieldsScreen;
use super::info::InfoScreen;
use super::outcome::OutcomeScreen;
use super::progress::Progress;
use super::question::QuestionScreen;
use super::review::ReviewScreen;
use super::start::StartScreen;
use super::state::State;
use super::StateHandle;
use crate::flow::{Config, Node, Screen, Session, ValidFlow};
use crate::i18n::Strings;

/// Props of [`App`].
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The validated flow to walk.
    pub flow: Rc<ValidFlow>,
    /// The page's settings.
    pub config: Rc<Config>,
    /// The interface words.
    pub strings: &'static Strings,
    /// A prefix that keeps this widget's element ids unique on the page.
    pub uid: AttrValue,
    /// Problems with the page's settings that the widget works around, shown to the web team.
    #[prop_or_default]
    pub notices: Rc<Vec<String>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.flow, &other.flow)
            && self.config == other.config
            && std::ptr::eq(self.strings, other.strings)
            && self.uid == other.uid
            && self.notices == other.notices
    }
}

/// The guided troubleshooter: one screen at a time over one reducer state.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            State::new(
                Session::new(props.flow),
                props.config,
                props.strings,
                Rc::from(props.uid.as_str()),
            )
        })
    };
    let session = &state.session;
    let flow = session.flow();
    let (screen, heading): (Html, String) = match session.screen() {
        Screen::Start => (html! { <StartScreen /> }, flow.flow().title.clone()),
        Screen::Node(node) => {
            let heading = flow.node(node).heading().to_owned();
            // Keyed by node, so each new screen mounts afresh: its own selection, and focus on
            // its heading.
            let html = match flow.node(node) {
                Node::Question(_) => html! { <QuestionScreen key={node} {node} /> },
                Node::Fields(_) => html! { <FieldsScreen key={node} {node} /> },
                _ => html! { <InfoScreen key={node} {node} /> },
            };
            (html, heading)
        }
        Screen::Review(_) => (
            html! { <ReviewScreen /> },
            state.strings.check_title.to_owned(),
        ),
        Screen::Outcome(node) => (
            html! { <OutcomeScreen key={node} {node} /> },
            flow.node(node).heading().to_owned(),
        ),
    };
    let announcement = if state.screen_changes > 0 {
        heading
    } else {
        String::new()
    };
    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class="gt" lang={flow.flow().language.clone()}>
                if !props.notices.is_empty() {
                    <div class="gt-setup-notice" role="note">
                        <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                    </div>
                }
                <Progress />
                { screen }
                <div class="gt-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
            </div>
        </ContextProvider<StateHandle>>
    }
}
