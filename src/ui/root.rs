//! The root a page mounts: while the flow loads, the setup error if it cannot be used, or the
//! troubleshooter itself.

use std::rc::Rc;

use yew::prelude::*;

use super::events::{Control, WidgetEvent};
use super::setup_error::setup_error;
use super::state::Kiosk;
use super::App;
use crate::flow::{Config, ValidFlow};
use crate::i18n::Strings;

/// What the widget was set up with.
#[derive(Debug, Clone)]
pub enum Setup {
    /// The flow file is being fetched.
    Loading(&'static Strings),
    /// The flow or the settings cannot be used; each problem as `where: what`.
    Failed(&'static Strings, Vec<String>),
    /// Ready to run.
    Ready {
        /// The flow.
        flow: Rc<ValidFlow>,
        /// The page's settings.
        config: Rc<Config>,
        /// The interface words.
        strings: &'static Strings,
        /// Settings that were worked around, for the web team.
        notices: Rc<Vec<String>>,
        /// Browser Back integration.
        history: bool,
        /// Kiosk mode.
        kiosk: Option<Kiosk>,
        /// The sessionStorage key for `persist="session"`.
        persist: Option<AttrValue>,
    },
}

/// Props of [`Root`].
#[derive(Properties, Clone)]
pub struct RootProps {
    /// The setup.
    pub setup: Rc<Setup>,
    /// Element ids of this widget start with this.
    pub uid: AttrValue,
    /// Lets the page restart the widget.
    pub control: Control,
    /// Receives the widget's events.
    pub onevent: Callback<WidgetEvent>,
}

impl PartialEq for RootProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && self.uid == other.uid
            && self.control == other.control
    }
}

/// Shows loading, a setup error, or the troubleshooter. A new flow mounts a new troubleshooter;
/// new settings for the same flow keep the person's place.
#[function_component]
pub fn Root(props: &RootProps) -> Html {
    match &*props.setup {
        Setup::Loading(strings) => html! {
            <div class="gt" aria-busy="true"><p class="gt-loading">{ strings.loading }</p></div>
        },
        Setup::Failed(strings, problems) => setup_error(strings, problems),
        Setup::Ready {
            flow,
            config,
            strings,
            notices,
            history,
            kiosk,
            persist,
        } => html! {
            <App key={Rc::as_ptr(flow) as usize} flow={Rc::clone(flow)} config={Rc::clone(config)} strings={*strings}
                uid={props.uid.clone()} notices={Rc::clone(notices)} control={props.control.clone()}
                onevent={props.onevent.clone()} history={*history} kiosk={*kiosk} persist={persist.clone()} />
        },
    }
}
