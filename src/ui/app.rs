//! The troubleshooter: the reducer, its effects, and the current screen.

use std::rc::Rc;

use yew::prelude::*;

use super::common::focus;
use super::events::{Control, WidgetEvent};
use super::form::fields_screen;
use super::idle::{idle_prompt, use_idle_reset};
use super::info::info_screen;
use super::outcome::outcome_screen;
use super::progress::progress;
use super::question::question_screen;
use super::review::review_screen;
use super::start::start_screen;
use super::state::{Action, Kiosk, State};
use super::storage;
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
    /// Lets the page act on the widget (restart it).
    #[prop_or_default]
    pub control: Control,
    /// Receives what the widget tells its host page.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
    /// Whether the browser's Back button steps back through the widget.
    #[prop_or_default]
    pub history: bool,
    /// Kiosk mode.
    #[prop_or_default]
    pub kiosk: Option<Kiosk>,
    /// The sessionStorage key that keeps answers across a reload of the tab, when asked for.
    #[prop_or_default]
    pub persist: Option<AttrValue>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.flow, &other.flow)
            && self.config == other.config
            && std::ptr::eq(self.strings, other.strings)
            && self.uid == other.uid
            && self.notices == other.notices
            && self.control == other.control
            && self.history == other.history
            && self.kiosk == other.kiosk
            && self.persist == other.persist
    }
}

/// The guided troubleshooter: one screen at a time over one reducer state.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let uid = Rc::from(props.uid.as_str());
            // With persistence on, a reload of the tab comes back to where the person was.
            let session = props
                .persist
                .as_deref()
                .and_then(storage::load)
                .and_then(|text| Session::restore(Rc::clone(&props.flow), &text))
                .unwrap_or_else(|| Session::new(props.flow));
            State::new(
                session,
                props.config,
                props.strings,
                uid,
                props.onevent,
                props.history,
                props.kiosk,
            )
        })
    };
    {
        // New settings from the page keep the person's place.
        let dispatcher = state.dispatcher();
        use_effect_with(
            (props.config.clone(), props.strings),
            move |(config, strings)| {
                dispatcher.dispatch(Action::Configure(Rc::clone(config), strings));
            },
        );
    }
    let root = use_node_ref();
    use_idle_reset(&state, props.kiosk.map(|k| k.idle_seconds), &root);
    {
        // The session changes only with a new screen or a refused answer (which keeps what was
        // typed), never while the person types: that is when a snapshot is kept, if the page
        // asked for persistence. A refused answer: focus on the error summary, so the person
        // hears what to fix. A new screen (a refusal never changes it): focus on its heading, so
        // that keyboard and screen-reader users start reading at its top, except on the first
        // screen, where it would pull the host page's focus into the widget on load; and tell
        // the host page.
        let (state, root, key) = (state.clone(), root.clone(), props.persist.clone());
        use_effect_with((state.screen_changes, state.refusals), move |_| {
            if let Some(key) = key.as_deref() {
                persist(key, &state);
            }
            if state.refusal.is_some() {
                focus(&root, ".gt-error-summary");
                return;
            }
            if state.screen_changes > 0 {
                focus(&root, ".gt-screen .gt-heading");
            }
            announce(&state);
            if let (Some(history), true) = (
                &state.history,
                state.screen_changes > 0 && !state.via_browser,
            ) {
                history.push();
            }
        });
    }
    {
        // Once: the page's restart control, and the browser's Back landing on one of the
        // widget's entries (one screen back). The control belongs to the mounted element, so
        // it never changes while this App lives.
        let (control, history, dispatcher) = (
            props.control.clone(),
            state.history.clone(),
            state.dispatcher(),
        );
        use_effect_with((), move |_| {
            control.connect(dispatcher.to_callback());
            let listener = history.zip(web_sys::window()).map(|(history, window)| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    if history.take() {
                        dispatcher.dispatch(Action::BrowserBack);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let session = &state.session;
    let flow = session.flow();
    let (screen, heading): (Html, String) = match session.screen() {
        Screen::Start => (start_screen(&state), flow.flow().title.clone()),
        Screen::Node(node) => {
            // Each screen's section is keyed by its node, so a new screen gets new elements.
            let html = match flow.node(node) {
                Node::Question(question) => question_screen(&state, node, question),
                Node::Fields(fields) => fields_screen(&state, node, fields),
                Node::Info(info) => info_screen(&state, node, info),
                Node::Outcome(_) => html! {},
            };
            (html, flow.node(node).heading().to_owned())
        }
        Screen::Review(_) => (review_screen(&state), state.strings.check_title.to_owned()),
        Screen::Outcome(node) => match flow.node(node) {
            Node::Outcome(outcome) => {
                (outcome_screen(&state, node, outcome), outcome.title.clone())
            }
            _ => (html! {}, String::new()),
        },
    };
    let announcement = if state.screen_changes > 0 {
        heading
    } else {
        String::new()
    };
    html! {
        <div class={if props.kiosk.is_some() { "gt gt-kiosk" } else { "gt" }} lang={flow.flow().language.clone()} ref={root}>
            if !props.notices.is_empty() {
                <div class="gt-setup-notice" role="note">
                    <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                </div>
            }
            { progress(&state) }
            { screen }
            { idle_prompt(&state) }
            <div class="gt-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}

/// Tells the host page which screen is shown (and which outcome), with ids and kinds only.
fn announce(state: &State) {
    let session = &state.session;
    let flow = session.flow();
    let (node, screen) = match session.screen() {
        Screen::Start => (String::new(), "start"),
        Screen::Node(n) => (flow.node(n).id().to_owned(), flow.node(n).kind_name()),
        Screen::Review(_) => (String::new(), "review"),
        Screen::Outcome(n) => (flow.node(n).id().to_owned(), "outcome"),
    };
    state.onevent.emit(WidgetEvent::Step {
        node: node.clone(),
        screen,
        progress: session.progress(),
    });
    if let Screen::Outcome(n) = session.screen() {
        if let Node::Outcome(o) = flow.node(n) {
            state.onevent.emit(WidgetEvent::Outcome {
                node,
                kind: o.kind.as_str(),
            });
        }
    }
}

/// Keeps a snapshot while the person is on their way; the start screen and the end (completing
/// the flow) clear it.
fn persist(key: &str, state: &State) {
    match state.session.screen() {
        Screen::Node(_) | Screen::Review(_) => storage::save(key, &state.session.snapshot()),
        Screen::Start | Screen::Outcome(_) => storage::clear(key),
    }
}
