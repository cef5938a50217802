//! The root a page mounts: while the flow loads, the setup error if it cannot be used, or the
//! troubleshooter itself.

use std::rc::Rc;

use yew::prelude::*;

use super::app::App;
use super::settings::Settings;
use super::state::{Remote, WidgetEvent};
use super::views::setup_error;
use crate::flow::ValidFlow;
use crate::i18n::Strings;

/// What the widget was set up with.
#[derive(Debug, Clone)]
pub enum Setup {
    /// The flow file is being fetched.
    Loading(Rc<Strings>),
    /// The flow or the settings cannot be used; each problem as `where: what`.
    Failed(Rc<Strings>, Vec<String>),
    /// Ready to run.
    Ready {
        /// The flow.
        flow: Rc<ValidFlow>,
        /// How the page set the widget up.
        settings: Rc<Settings>,
        /// Settings that were worked around, for the web team.
        notices: Rc<Vec<String>>,
    },
}

/// Props of [`Root`].
#[derive(Properties, Clone)]
pub struct RootProps {
    /// The setup.
    pub setup: Rc<Setup>,
    /// Element ids of this widget start with this.
    pub uid: AttrValue,
    /// The host element's own `id` (empty without one), which names its stored answers.
    pub host_id: AttrValue,
    /// Lets the page restart the widget.
    pub remote: Remote,
    /// Receives the widget's events.
    pub onevent: Callback<WidgetEvent>,
}

// By hand: a setup is compared by pointer (mounting makes a new one for every change), and the
// events callback is the element's for its whole life.
impl PartialEq for RootProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && self.uid == other.uid
            && self.host_id == other.host_id
            && self.remote == other.remote
    }
}

/// Shows loading, a setup error, or the troubleshooter. A new flow mounts a new troubleshooter;
/// new settings or another language of the same flow keep the person's place.
#[function_component]
pub fn Root(props: &RootProps) -> Html {
    match &*props.setup {
        Setup::Loading(strings) => html! {
            // Before a flow is read, its language is not known: the one word is English.
            <div class="gt" aria-busy="true" lang="en" dir="ltr"><p class="gt-loading">{ strings.loading() }</p></div>
        },
        Setup::Failed(strings, problems) => setup_error(strings, problems),
        Setup::Ready {
            flow,
            settings,
            notices,
        } => html! {
            <App key={format!("{}@{}", flow.flow().id, flow.flow().version)} flow={Rc::clone(flow)} settings={Rc::clone(settings)}
                uid={props.uid.clone()} host_id={props.host_id.clone()} notices={Rc::clone(notices)}
                remote={props.remote.clone()} onevent={props.onevent.clone()} />
        },
    }
}
