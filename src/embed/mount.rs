//! Mounting a widget into an element's shadow root, and the handle the page's JavaScript gets.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Response, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use super::events;
use super::settings::{self, FlowChoice};
use crate::flow::error::limits;
use crate::flow::{self, load, ValidFlow};
use crate::i18n;
use crate::ui::state::{Action, Remote, WidgetEvent};
use crate::ui::{Root, RootProps, Setup};

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget, as the page's JavaScript holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Rc<RefCell<Mounted>>,
}

struct Mounted {
    host: Element,
    shadow: ShadowRoot,
    app: Option<AppHandle<Root>>,
    uid: String,
    /// How the page's `restart()` reaches the widget.
    remote: Remote,
    /// Sends the widget's events to `host`.
    onevent: Callback<WidgetEvent>,
    flow: Option<(FlowChoice, Rc<ValidFlow>)>,
}

/// Mounts a widget into `host`'s shadow root (made if needed), with the stylesheet at
/// `stylesheet` linked inside it. `config` is an object of attribute names to strings.
#[wasm_bindgen(js_name = mountWidget)]
pub async fn mount_widget(
    host: Element,
    config: JsValue,
    stylesheet: String,
) -> Result<WidgetHandle, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    let document = host
        .owner_document()
        .ok_or("the element is not in a document")?;
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &stylesheet)?;
    shadow.append_child(&link)?;
    let container = document.create_element("div")?;
    container.set_attribute("part", "root")?;
    shadow.append_child(&container)?;

    let uid = MOUNTED.with(|n| {
        n.set(n.get() + 1);
        format!("gt{}", n.get())
    });
    let remote = Remote::default();
    let onevent = {
        let host = host.clone();
        Callback::from(move |event| events::dispatch(&host, &event))
    };
    let props = RootProps {
        setup: Rc::new(Setup::Loading(&i18n::EN)),
        uid: uid.clone().into(),
        host_id: host.id().into(),
        remote: remote.clone(),
        onevent: onevent.clone(),
    };
    let app = yew::Renderer::<Root>::with_root_and_props(container, props).render();
    let inner = Rc::new(RefCell::new(Mounted {
        host,
        shadow,
        app: Some(app),
        uid,
        remote,
        onevent,
        flow: None,
    }));
    configure(&inner, &config).await;
    Ok(WidgetHandle { inner })
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies new settings (an object of attribute names to strings). The person keeps their
    /// place unless the flow itself changed.
    pub async fn update(&self, config: JsValue) {
        configure(&self.inner, &config).await;
    }

    /// Goes back to the start screen, forgetting every answer.
    pub fn restart(&self) {
        let remote = self.inner.borrow().remote.clone();
        remote.send(Action::Restart);
    }

    /// Removes the widget from its element.
    pub fn destroy(&self) {
        let mut mounted = self.inner.borrow_mut();
        if let Some(app) = mounted.app.take() {
            app.destroy();
        }
        mounted.shadow.set_inner_html("");
    }
}

/// Reads settings, loads the flow if it changed, and shows the result.
async fn configure(inner: &Rc<RefCell<Mounted>>, config: &JsValue) {
    let attr = |name: &str| {
        js_sys::Reflect::get(config, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let (settings, notices) = settings::read(&attr);
    let strings = settings.strings;
    let notices: Vec<String> = notices.iter().map(ToString::to_string).collect();
    for notice in &notices {
        gloo::console::warn!(format!("guided-troubleshooter: {notice}"));
    }
    let known = inner
        .borrow()
        .flow
        .clone()
        .filter(|(choice, _)| *choice == settings.flow);
    let flow = match known {
        Some((_, flow)) => Ok(flow),
        None => {
            if matches!(settings.flow, FlowChoice::Url(_)) {
                show(inner, Setup::Loading(strings));
            }
            load(&settings.flow).await.map(Rc::new)
        }
    };
    let setup = match flow {
        Ok(flow) => {
            inner.borrow_mut().flow = Some((settings.flow.clone(), Rc::clone(&flow)));
            Setup::Ready {
                flow,
                settings: Rc::new(settings),
                notices: Rc::new(notices),
            }
        }
        Err(problems) => {
            for problem in &problems {
                gloo::console::error!(format!("guided-troubleshooter: {problem}"));
            }
            inner.borrow_mut().flow = None;
            Setup::Failed(strings, notices.into_iter().chain(problems).collect())
        }
    };
    show(inner, setup);
}

fn show(inner: &Rc<RefCell<Mounted>>, setup: Setup) {
    let mut mounted = inner.borrow_mut();
    let props = RootProps {
        setup: Rc::new(setup),
        uid: mounted.uid.clone().into(),
        // Read with every change, as the page may give the element its id late.
        host_id: mounted.host.id().into(),
        remote: mounted.remote.clone(),
        onevent: mounted.onevent.clone(),
    };
    if let Some(app) = mounted.app.as_mut() {
        app.update(props);
    }
}

/// The flow a setting names: a built-in one, or a file fetched from the page's own origin.
/// Problems read like `flowcheck`'s: `where: what`.
async fn load(choice: &FlowChoice) -> Result<ValidFlow, Vec<String>> {
    let (name, text) = match choice {
        FlowChoice::BuiltIn(id) => match flow::built_in(id) {
            Some(json) => (format!("{id}.json"), json.to_owned()),
            None => {
                let names: Vec<&str> = flow::BUILT_IN.iter().map(|(id, _)| *id).collect();
                return Err(vec![format!(
                    "flow: there is no built-in flow `{id}`; the built-in flows are: {}",
                    names.join(", ")
                )]);
            }
        },
        FlowChoice::Url(url) => match fetch(url).await {
            Ok(text) => (url.clone(), text),
            // What flowcheck says of such a file, in its words.
            Err(Fetch::Unusable(problem)) => return Err(vec![format!("{url}: {problem}")]),
            Err(Fetch::Failed(e)) => return Err(vec![format!("flow-src: {e}")]),
        },
    };
    // As `flowcheck` prints them: `file:path: what`, or `file: what` for the file as a whole.
    ValidFlow::from_json(&text).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                if e.at.is_empty() {
                    format!("{name}: {}", e.message)
                } else {
                    format!("{name}:{e}")
                }
            })
            .collect()
    })
}

/// Why a flow file could not be fetched.
enum Fetch {
    /// Not loaded at all, and why.
    Failed(String),
    /// Loaded, but too large or not UTF-8 text: what is wrong with it.
    Unusable(String),
}

impl From<String> for Fetch {
    fn from(message: String) -> Self {
        Fetch::Failed(message)
    }
}

impl From<&str> for Fetch {
    fn from(message: &str) -> Self {
        Fetch::Failed(message.to_owned())
    }
}

async fn fetch(url: &str) -> Result<String, Fetch> {
    let window = web_sys::window().ok_or("no window")?;
    let origin = window
        .location()
        .origin()
        .map_err(|_| "the page has no origin")?;
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| origin.clone());
    let absolute =
        web_sys::Url::new_with_base(url, &base).map_err(|_| format!("`{url}` is not a URL"))?;
    if absolute.origin() != origin {
        return Err(format!("`{url}` is not on this page's origin ({origin}); flows load only from the page's own site").into());
    }
    let failed = |e: JsValue| {
        format!(
            "could not load `{url}`: {}",
            e.as_string().unwrap_or_else(|| "network error".into())
        )
    };
    let response: Response = JsFuture::from(window.fetch_with_str(&absolute.href()))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "could not load `{url}`: the server answered {} {}",
            response.status(),
            response.status_text()
        )
        .into());
    }
    // The size is checked while the file is still the page's: the wasm memory never shrinks,
    // so a refused 300 MB file copied into it would stay there for the page's lifetime (or,
    // larger, exhaust it and stop every widget on the page).
    let buffer: js_sys::ArrayBuffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?
        .unchecked_into();
    let size = buffer.byte_length() as usize;
    if size > limits::MAX_BYTES {
        return Err(Fetch::Unusable(load::too_large(size as u64).message));
    }
    let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // A UTF-8 byte order mark is not part of the JSON; the browser's text() dropped it too.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // Not UTF-8: refused, as flowcheck refuses it, rather than shown with U+FFFD in its text.
    String::from_utf8(bytes).map_err(|_| {
        Fetch::Unusable("cannot read the file: stream did not contain valid UTF-8".to_owned())
    })
}
