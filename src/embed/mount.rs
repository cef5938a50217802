//! Mounting a widget into an element's shadow root, and the handle the page's JavaScript gets.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Response, ShadowRoot};
use yew::{AppHandle, Callback};

use super::events;
use super::settings::{self, FlowChoice};
use crate::flow::error::limits;
use crate::flow::handoff::channels::{Channel, LinkIds};
use crate::flow::handoff::Email;
use crate::flow::translation;
use crate::flow::{self, load, ValidFlow};
use crate::i18n::{self, Strings};
use crate::ui::settings::{ChannelLinks, HandoffLanguage, OnDemand, QrCodes};
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
    /// Where the app is drawn, until it is: nothing is, before there is something to show.
    root: Option<Element>,
    app: Option<AppHandle<Root>>,
    uid: String,
    /// How the page's `restart()` reaches the widget.
    remote: Remote,
    /// Sends the widget's events to `host`.
    onevent: Callback<WidgetEvent>,
    /// The flow loaded last: what chose it, its text and the flow read from it.
    flow: Option<(FlowChoice, Rc<str>, Rc<ValidFlow>)>,
    /// That flow in other languages, made once each, so a language change keeps the place.
    translations: Vec<(String, Rc<ValidFlow>)>,
    /// Interface words downloaded, by language.
    interfaces: Vec<(String, Rc<Strings>)>,
    english: Rc<Strings>,
    /// The stylesheet's address: the widget's own files are beside it.
    stylesheet: String,
    /// Loads lang.js on first use and asks it for a translation or a language's words.
    language_pack: js_sys::Function,
    /// Loads the checker module on first use and lists a flow text's problems.
    checker: js_sys::Function,
    /// Loads the QR module on first use and resolves to its encoder.
    qr_module: js_sys::Function,
    /// That encoder, once loaded.
    qr: QrCodes,
    /// Loads the channels module on first use and resolves to it.
    channels_module: js_sys::Function,
}

/// Mounts a widget into `root`, an element in the shadow root of the widget's element
/// (troubleshooter.js makes both, with the stylesheet, while this module loads). `stylesheet` is
/// the stylesheet's address, beside which the widget's other files are. `config` is an object of
/// attribute names to strings; `language_pack` takes a request for another language and returns a
/// promise of lang.js's answer (troubleshooter.js imports lang.js only then, so English pages never
/// load it); `checker` takes a flow text and its file name and returns a promise of the problems
/// the checker module finds, as flowcheck prints them (imported only by pages with their own flow);
/// `qr_module` returns a promise of the QR encoder (imported only for kiosks); `channels_module` a
/// promise of the channels module (imported only when the page sets `support-teams` or
/// `ticket-url`).
#[wasm_bindgen(js_name = mountWidget)]
pub async fn mount_widget(
    root: Element,
    config: JsValue,
    stylesheet: String,
    language_pack: js_sys::Function,
    checker: js_sys::Function,
    qr_module: js_sys::Function,
    channels_module: js_sys::Function,
) -> Result<WidgetHandle, JsValue> {
    let shadow: ShadowRoot = root
        .get_root_node()
        .dyn_into()
        .map_err(|_| "the widget's root is not in a shadow root")?;
    let host = shadow.host();
    let english = Rc::new(Strings::english());

    let uid = MOUNTED.with(|n| {
        n.set(n.get() + 1);
        format!("gt{}", n.get())
    });
    let remote = Remote::default();
    let onevent = {
        let host = host.clone();
        Callback::from(move |event| events::dispatch(&host, &event))
    };
    let inner = Rc::new(RefCell::new(Mounted {
        host,
        shadow,
        root: Some(root),
        app: None,
        uid,
        remote,
        onevent,
        flow: None,
        translations: Vec::new(),
        interfaces: Vec::new(),
        english,
        stylesheet,
        language_pack,
        checker,
        qr_module,
        qr: QrCodes::default(),
        channels_module,
    }));
    configure(&inner, &config).await;
    Ok(WidgetHandle { inner })
}

/// Lets the page run its other tasks (input, painting) before going on.
async fn yield_to_page() {
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        let queued =
            web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(next_task).await;
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
        mounted.root = None;
        mounted.shadow.set_inner_html("");
    }
}

/// Reads settings, loads the flow if it changed and its translation and interface words in
/// the language chosen, and shows the result.
async fn configure(inner: &Rc<RefCell<Mounted>>, config: &JsValue) {
    let attr = |name: &str| {
        js_sys::Reflect::get(config, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let (mut settings, notices) = settings::read(&attr);
    let mut notices: Vec<String> = notices.iter().map(ToString::to_string).collect();
    let english = Rc::clone(&inner.borrow().english);
    let known = inner
        .borrow()
        .flow
        .clone()
        .filter(|(choice, ..)| *choice == settings.flow);
    let loaded = match known {
        Some((_, text, flow)) => Ok((text, flow)),
        None => {
            if matches!(settings.flow, FlowChoice::Url(_)) {
                show(inner, Setup::Loading(Rc::clone(&english)));
            }
            let loaded = load(inner, &settings.flow).await;
            // Reading a flow and drawing its first screen are two pieces of work for the page's
            // main thread, not one long task that holds up the rest of the page.
            yield_to_page().await;
            loaded
        }
    };
    let (text, base) = match loaded {
        Ok(loaded) => loaded,
        Err(problems) => {
            for problem in &problems {
                gloo::console::error!(format!("guided-troubleshooter: {problem}"));
            }
            inner.borrow_mut().flow = None;
            let problems = notices.into_iter().chain(problems).collect();
            return show(inner, Setup::Failed(english, problems));
        }
    };
    {
        let mut mounted = inner.borrow_mut();
        if mounted
            .flow
            .as_ref()
            .is_none_or(|(_, _, f)| !Rc::ptr_eq(f, &base))
        {
            mounted.translations.clear();
        }
        mounted.flow = Some((settings.flow.clone(), Rc::clone(&text), Rc::clone(&base)));
    }

    let own = base.flow().language.clone();
    let mut available = vec![own.as_str()];
    available.extend(base.flow().translations.iter().map(String::as_str));
    let (lang, problem) = settings::choose_language(&settings.languages, &available);
    notices.extend(problem.map(|n| n.to_string()));
    let (flow, lang) = match in_language(inner, &settings.flow, &text, &base, &lang).await {
        Ok(flow) => (flow, lang),
        Err(problem) => {
            notices.push(format!("lang: {problem}; showing `{own}`"));
            (Rc::clone(&base), own.clone())
        }
    };
    settings.strings = interface(inner, &lang, &mut notices).await;
    if let Some(asked) = settings.handoff_lang.clone() {
        let (wanted, problem) = settings::choose_language(&[asked], &available);
        notices.extend(problem.map(|n| format!("handoff-{n}")));
        if wanted != lang {
            match in_language(inner, &settings.flow, &text, &base, &wanted).await {
                Ok(flow) => {
                    let strings = interface(inner, &wanted, &mut notices).await;
                    settings.handoff = Some(HandoffLanguage { flow, strings });
                }
                Err(problem) => notices.push(format!("handoff-lang: {problem}")),
            }
        }
    }
    settings.lang = lang;
    if settings.kiosk() {
        settings.qr = qr_codes(inner, &mut notices).await;
    }
    settings.channels = channel_links(inner, &settings.channel_attributes, &mut notices).await;
    for notice in &notices {
        gloo::console::warn!(format!("guided-troubleshooter: {notice}"));
    }
    show(
        inner,
        Setup::Ready {
            flow,
            settings: Rc::new(settings),
            notices: Rc::new(notices),
        },
    );
}

/// The flow in `lang`: itself in its own language, else with its translation put in (by
/// lang.js, from the overlay beside the flow, or beside troubleshooter.js for a built-in
/// flow), made once per language.
async fn in_language(
    inner: &Rc<RefCell<Mounted>>,
    choice: &FlowChoice,
    text: &str,
    base: &Rc<ValidFlow>,
    lang: &str,
) -> Result<Rc<ValidFlow>, String> {
    if base.flow().language == lang {
        return Ok(Rc::clone(base));
    }
    if let Some((_, flow)) = inner.borrow().translations.iter().find(|(l, _)| l == lang) {
        return Ok(Rc::clone(flow));
    }
    let (url, shown) = match choice {
        FlowChoice::BuiltIn(id) => {
            let file = translation::file_name(&format!("lang/{id}.json"), lang);
            (asset(inner, &file)?, file)
        }
        FlowChoice::Url(url) => {
            let file = translation::file_name(url, lang);
            (same_origin(&file)?, file)
        }
    };
    let request = js_sys::Object::new();
    set(&request, "flow", &text.into());
    let translated = ask(inner, request, &url, &shown).await?;
    let translated = translated.as_string().unwrap_or_default();
    // A page's own translation is checked like its flow; the built-in ones are by the tests.
    if matches!(choice, FlowChoice::Url(_)) {
        check(inner, &translated, &shown)
            .await
            .map_err(|problems| problems.join("; "))?;
    }
    let flow = ValidFlow::from_checked_json(&translated).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.in_file(&shown))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let flow = Rc::new(flow);
    inner
        .borrow_mut()
        .translations
        .push((lang.to_owned(), Rc::clone(&flow)));
    Ok(flow)
}

/// The interface words in `lang`, fetched once per language from beside troubleshooter.js;
/// English (built in) when there are none, with a notice.
async fn interface(
    inner: &Rc<RefCell<Mounted>>,
    lang: &str,
    notices: &mut Vec<String>,
) -> Rc<Strings> {
    let primary = i18n::primary(lang);
    let english = Rc::clone(&inner.borrow().english);
    if primary == "en" {
        return english;
    }
    if !i18n::LANGUAGES.contains(&primary.as_str()) {
        notices.push(format!(
            "lang: the widget's own words are not available in `{lang}`; they are in English"
        ));
        return english;
    }
    if let Some((_, strings)) = inner
        .borrow()
        .interfaces
        .iter()
        .find(|(l, _)| *l == primary)
    {
        return Rc::clone(strings);
    }
    let file = format!("lang/{primary}.json");
    let request = js_sys::Object::new();
    let keys: js_sys::Array = i18n::KEYS.iter().map(|k| JsValue::from_str(k)).collect();
    set(&request, "keys", &keys);
    let read = match asset(inner, &file) {
        Ok(url) => ask(inner, request, &url, &file).await,
        Err(e) => Err(e),
    };
    match read {
        Ok(words) => {
            let strings = Rc::new(strings_of(&primary, &words));
            inner
                .borrow_mut()
                .interfaces
                .push((primary, Rc::clone(&strings)));
            strings
        }
        Err(problem) => {
            notices.push(format!(
                "lang: {problem}; the widget's own words are in English"
            ));
            english
        }
    }
}

/// Asks lang.js for what `request` describes, at `url` (named `shown` in problems).
async fn ask(
    inner: &Rc<RefCell<Mounted>>,
    request: js_sys::Object,
    url: &str,
    shown: &str,
) -> Result<JsValue, String> {
    set(&request, "url", &url.into());
    set(&request, "shown", &shown.into());
    loading(inner);
    let pack = inner.borrow().language_pack.clone();
    let problem = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>().map_or_else(
            || format!("`{shown}` could not be loaded"),
            |e| e.message().into(),
        )
    };
    let promise: js_sys::Promise = pack
        .call1(&JsValue::NULL, &request)
        .map_err(problem)?
        .unchecked_into();
    JsFuture::from(promise).await.map_err(problem)
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// The QR encoder, loaded once per widget the first time it is a kiosk; none (links are then
/// text only) with a notice when it does not load.
async fn qr_codes(inner: &Rc<RefCell<Mounted>>, notices: &mut Vec<String>) -> QrCodes {
    let (known, module) = {
        let mounted = inner.borrow();
        (mounted.qr.clone(), mounted.qr_module.clone())
    };
    if known.0.is_some() {
        return known;
    }
    loading(inner);
    let encoder = loaded(&module).await;
    let Ok(encoder) = encoder.map(js_sys::Function::from) else {
        notices.push(
            "mode: the QR codes could not be loaded; links and the email are shown as text".into(),
        );
        return QrCodes::default();
    };
    let qr: QrCodes = OnDemand(Some(Rc::new(move |text: &str| {
        let drawn = encoder
            .call1(&JsValue::NULL, &text.into())
            .ok()?
            .as_string()?;
        let (view, path) = drawn.split_once(' ')?;
        Some((view.parse().ok()?, path.to_owned()))
    })));
    inner.borrow_mut().qr = qr.clone();
    qr
}

/// What a troubleshooter.js loader of an on-demand module resolves to.
async fn loaded(loader: &js_sys::Function) -> Result<JsValue, JsValue> {
    let promise = loader.call0(&JsValue::NULL)?;
    JsFuture::from(js_sys::Promise::from(promise)).await
}

/// The Teams and ticket links of the channels the page set (`support-teams`, `ticket-url`):
/// the channels module, loaded the first time a page sets one, reads the attributes (each
/// value it cannot use is a notice) and makes the links. None when neither is set, or with a
/// notice when the module does not load: the email and the script are still there.
async fn channel_links(
    inner: &Rc<RefCell<Mounted>>,
    (teams, ticket): &(Option<String>, Option<String>),
    notices: &mut Vec<String>,
) -> ChannelLinks {
    if teams.is_none() && ticket.is_none() {
        return ChannelLinks::default();
    }
    let loader = inner.borrow().channels_module.clone();
    loading(inner);
    let function = |module: &JsValue, name: &str| {
        js_sys::Reflect::get(module, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let module = loaded(&loader).await.ok();
    let (Some(problems), Some(links)) = (
        module.as_ref().and_then(|m| function(m, "problems")),
        module.as_ref().and_then(|m| function(m, "links")),
    ) else {
        notices.push("support-teams, ticket-url: the Teams and ticket links could not be loaded; the email is shown without them".into());
        return ChannelLinks::default();
    };
    if let Some(found) = problems
        .call2(
            &JsValue::NULL,
            &teams.as_deref().unwrap_or_default().into(),
            &ticket.as_deref().unwrap_or_default().into(),
        )
        .ok()
        .and_then(|p| p.as_string())
    {
        notices.extend(found.lines().map(str::to_owned));
    }
    // One text across: control characters never reach an email, so U+001F parts it.
    let (teams, ticket) = (
        teams.as_deref().unwrap_or_default().to_owned(),
        ticket.as_deref().unwrap_or_default().to_owned(),
    );
    OnDemand(Some(Rc::new(
        move |email: &Email, ids: &LinkIds, note: &str, cap: usize| {
            let request = [
                teams.as_str(),
                &ticket,
                &email.subject,
                &email.lines.join("\n"),
                ids.reference,
                ids.flow,
                ids.outcome,
                note,
                &cap.to_string(),
            ]
            .join("\u{1f}");
            let made = links
                .call1(&JsValue::NULL, &request.into())
                .ok()
                .and_then(|l| l.as_string())
                .unwrap_or_default();
            made.lines()
                .filter_map(|line| {
                    let (name, url) = line.split_once(' ')?;
                    Some((Channel::named(name)?, url.to_owned()))
                })
                .collect()
        },
    )))
}

/// The words lang.js read, in the order of `i18n::KEYS`: each a text or `[category, text]`
/// pairs; and the names of languages as `[tag, name]` pairs.
fn strings_of(lang: &str, words: &JsValue) -> Strings {
    let get = |key: &str| js_sys::Reflect::get(words, &key.into()).unwrap_or_default();
    let pairs = |value: JsValue| -> Vec<(String, String)> {
        js_sys::Array::from(&value)
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                let text = |i| pair.get(i).as_string().unwrap_or_default();
                (text(0), text(1))
            })
            .collect()
    };
    let texts = js_sys::Array::from(&get("texts"))
        .iter()
        .map(|text| match text.as_string() {
            Some(text) => i18n::Phrase::text(text),
            None => i18n::Phrase::counted(pairs(text)),
        })
        .collect();
    Strings::new(lang, texts, pairs(get("names")))
}

/// The address of one of the widget's own files, beside its stylesheet (and troubleshooter.js).
fn asset(inner: &Rc<RefCell<Mounted>>, file: &str) -> Result<String, String> {
    web_sys::Url::new_with_base(file, &inner.borrow().stylesheet)
        .map(|u| u.href())
        .map_err(|_| format!("`{file}`: no address"))
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
    } else if let Some(root) = mounted.root.take() {
        drop(mounted);
        let app = yew::Renderer::<Root>::with_root_and_props(root, props).render();
        inner.borrow_mut().app = Some(app);
    }
}

/// Says the widget is loading, unless it shows something already: called before waiting for a
/// download, so that a slow network never leaves the widget blank. (A built-in flow in the
/// page's language needs none, and its first screen is the widget's first drawing.)
fn loading(inner: &Rc<RefCell<Mounted>>) {
    if inner.borrow().app.is_none() {
        let english = Rc::clone(&inner.borrow().english);
        show(inner, Setup::Loading(english));
    }
}

/// The flow a setting names: a built-in one, or a file fetched from the page's own origin and
/// passed by the checker module. Problems read like `flowcheck`'s: `where: what`.
async fn load(
    inner: &Rc<RefCell<Mounted>>,
    choice: &FlowChoice,
) -> Result<(Rc<str>, Rc<ValidFlow>), Vec<String>> {
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
            Ok(text) => {
                check(inner, &text, url).await?;
                (url.clone(), text)
            }
            // What flowcheck says of such a file, in its words.
            Err(Fetch::Unusable(problem)) => return Err(vec![format!("{url}: {problem}")]),
            Err(Fetch::Failed(e)) => return Err(vec![format!("flow-src: {e}")]),
        },
    };
    let flow = ValidFlow::from_checked_json(&text)
        .map_err(|errors| errors.iter().map(|e| e.in_file(&name)).collect::<Vec<_>>())?;
    Ok((Rc::from(text), Rc::new(flow)))
}

/// Every problem the checker module finds in a page's own flow text, as flowcheck prints them
/// for `name`; troubleshooter.js loads the module the first time a widget asks.
async fn check(inner: &Rc<RefCell<Mounted>>, text: &str, name: &str) -> Result<(), Vec<String>> {
    let checker = inner.borrow().checker.clone();
    let failed = |e: JsValue| {
        let why = e.dyn_ref::<js_sys::Error>().map_or_else(
            || "the checker did not load".to_owned(),
            |e| e.message().into(),
        );
        vec![format!("{name}: cannot be checked: {why}")]
    };
    let promise: js_sys::Promise = checker
        .call2(&JsValue::NULL, &text.into(), &name.into())
        .map_err(failed)?
        .unchecked_into();
    let problems = JsFuture::from(promise).await.map_err(failed)?;
    let problems: Vec<String> = js_sys::Array::from(&problems)
        .iter()
        .filter_map(|p| p.as_string())
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
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
    fetch_text(&same_origin(url)?, url).await
}

/// The absolute address of `url` (relative to the page), if it is on the page's own origin.
fn same_origin(url: &str) -> Result<String, String> {
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
        return Err(format!("`{url}` is not on this page's origin ({origin}); flows load only from the page's own site"));
    }
    Ok(absolute.href())
}

/// Fetches a flow file at an absolute address. Problems name it `shown`, as the page named it.
async fn fetch_text(url: &str, shown: &str) -> Result<String, Fetch> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |e: JsValue| {
        format!(
            "could not load `{shown}`: {}",
            e.as_string().unwrap_or_else(|| "network error".into())
        )
    };
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "could not load `{shown}`: the server answered {} {}",
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
