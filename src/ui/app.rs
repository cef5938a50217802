//! The troubleshooter: the reducer, its effects, and the current screen.

use std::rc::Rc;

use yew::prelude::*;

use super::dom::focus;
use super::idle_reset::use_idle_reset;
use super::settings::Settings;
use super::state::{Action, Remote, State, WidgetEvent};
use super::storage;
use super::views::{
    fields_screen, idle_prompt, info_screen, outcome_screen, progress, question_screen,
    review_screen, start_screen,
};
use crate::flow::{Node, Screen, Session, ValidFlow};
use crate::i18n;

/// Props of [`App`].
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The validated flow to walk.
    pub flow: Rc<ValidFlow>,
    /// How the page set the widget up.
    pub settings: Rc<Settings>,
    /// A prefix that keeps this widget's element ids unique on the page.
    pub uid: AttrValue,
    /// The host element's own `id`, if it has one: it names the sessionStorage key of
    /// `persist="session"`, which otherwise uses `uid`.
    #[prop_or_default]
    pub host_id: AttrValue,
    /// Problems with the page's settings that the widget works around, shown to the web team.
    #[prop_or_default]
    pub notices: Rc<Vec<String>>,
    /// Lets the page act on the widget (restart it).
    #[prop_or_default]
    pub remote: Remote,
    /// Receives what the widget tells its host page.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
}

// By hand for the flow alone: `ValidFlow` has no equality, and mounting makes each flow (and
// each of its translations) once, so the pointer says all.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.flow, &other.flow)
            && self.settings == other.settings
            && self.uid == other.uid
            && self.host_id == other.host_id
            && self.notices == other.notices
            && self.remote == other.remote
    }
}

/// The guided troubleshooter: one screen at a time over one reducer state.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let storage_key = props.settings.persist.then(|| {
        let who = if props.host_id.is_empty() {
            &props.uid
        } else {
            &props.host_id
        };
        storage::key(&props.flow.flow().id, who)
    });
    let state = {
        let (props, storage_key) = (props.clone(), storage_key.clone());
        use_reducer(move || {
            let uid = Rc::from(props.uid.as_str());
            // With persistence on, a reload of the tab comes back to where the person was.
            let session = storage_key
                .as_deref()
                .and_then(storage::load)
                .and_then(|text| Session::restore(Rc::clone(&props.flow), &text))
                .unwrap_or_else(|| Session::new(props.flow));
            State::new(session, props.settings, uid, props.onevent)
        })
    };
    {
        // New settings from the page, or the flow in another language, keep the person's place.
        let (dispatcher, flow) = (state.dispatcher(), Rc::clone(&props.flow));
        let deps = (props.settings.clone(), Rc::as_ptr(&props.flow) as usize);
        use_effect_with(deps, move |(settings, _)| {
            dispatcher.dispatch(Action::Configure(Rc::clone(settings), flow));
        });
    }
    let root = use_node_ref();
    use_idle_reset(&state, state.settings.idle_limit(), &root);
    {
        // The session changes only with a new screen or a refused answer (which keeps what was
        // typed), never while the person types: that is when a snapshot is kept, if the page
        // asked for persistence. A refused answer: focus on the error summary, so the person
        // hears what to fix. "Did this fix it?" answered on the same screen: focus on the
        // answer. A new screen: focus on its heading, so that keyboard and screen-reader users
        // start reading at its top, except on the first screen, where it would pull the host
        // page's focus into the widget on load; and tell the host page.
        let (state, root) = (state.clone(), root.clone());
        use_effect_with(
            (state.screen_changes, state.refusals, state.fixed),
            move |_| {
                if let Some(key) = storage_key.as_deref() {
                    persist(key, &state);
                }
                if state.refusal.is_some() {
                    focus(&root, ".gt-error-summary");
                    return;
                }
                // "Did this fix it?" answered where the screen stays: the answer takes the focus of
                // the button that went away.
                if state.fixed.is_some() {
                    focus(&root, ".gt-fixed-answer");
                    return;
                }
                if state.screen_changes > 0 {
                    focus(&root, ".gt-screen .gt-heading");
                }
                state.announce_screen();
                if let (Some(history), true) = (
                    &state.history,
                    state.screen_changes > 0 && !state.via_browser,
                ) {
                    history.push();
                }
            },
        );
    }
    {
        // Once: the page's remote control, and the browser's Back landing on one of the
        // widget's entries (one screen back). The remote control belongs to the mounted
        // element, so it never changes while this App lives.
        let (remote, history, dispatcher) = (
            props.remote.clone(),
            state.history.clone(),
            state.dispatcher(),
        );
        use_effect_with((), move |_| {
            remote.connect(dispatcher.to_callback());
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
        Screen::Review(_) => (
            review_screen(&state),
            state.settings.strings.check_title().to_owned(),
        ),
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
        <div class={if state.settings.kiosk() { "gt gt-kiosk" } else { "gt" }} lang={flow.flow().language.clone()}
            dir={i18n::dir(&flow.flow().language)} ref={root}>
            if !props.notices.is_empty() {
                // For the web team, in English whatever the widget's language.
                <div class="gt-setup-notice" role="note" lang="en" dir="ltr">
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

/// Keeps a snapshot while the person is on their way; the start screen and the end (completing
/// the flow) clear it.
fn persist(key: &str, state: &State) {
    match state.session.screen() {
        Screen::Node(_) | Screen::Review(_) => storage::save(key, &state.session.snapshot()),
        Screen::Start | Screen::Outcome(_) => storage::clear(key),
    }
}
