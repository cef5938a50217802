// troubleshooter.js: the one file a page loads. It defines the <guided-troubleshooter> element
// and exports mount(). The WebAssembly module, its glue and the stylesheet it pulls in carry
// content hashes (filled in at build time by scripts/entry.mjs), so they can be cached forever;
// this file keeps its name. Nothing here is inline, evaluated or fetched from another site.
const base = import.meta.url;
const stylesheet = new URL('./__CSS__', base).href;
let ready;

/**
 * The attributes the element reads; changing any of them updates the widget. Filled in from
 * src/embed/attributes.txt at build time: the browser asks for them before the wasm has loaded.
 */
export const attributes = Object.freeze(__ATTRIBUTES__);

// Another language's words and a flow's translations are read by lang.js, imported the first
// time a widget needs one: an English page never downloads it.
const languagePack = (request) => import('./lang/lang.js').then((lang) => lang.load(request));

// A WebAssembly module only some pages need, imported the first time a widget asks; a failed
// load is tried again by the next widget that asks.
function onDemand(glue, wasm) {
  let loading;
  return () => (loading ??= import(glue)
    .then(async (module) => {
      await module.default({ module_or_path: new URL(wasm, base) });
      return module;
    })
    .catch((error) => {
      loading = null;
      throw error;
    }));
}
// A page's own flow file is checked by the checker module (flowcheck's rules): pages with
// built-in flows never download it. Only a kiosk draws QR codes, with the QR module.
const checkerModule = onDemand('./__CHECKER_GLUE__', './__CHECKER_WASM__');
const checker = (text, name) => checkerModule().then((module) => module.check(text, name));
const qrModule = onDemand('./__QR_GLUE__', './__QR_WASM__');
const qrEncoder = () => qrModule().then((module) => module.qr);
// Only pages that set support-teams or ticket-url make Teams and ticket links.
const channelsModule = onDemand('./__CHANNELS_GLUE__', './__CHANNELS_WASM__');
const hasChannels = (settings) => Boolean(settings['support-teams']?.trim() || settings['ticket-url']?.trim());

// The glue is imported here rather than statically, so that the module downloads beside it,
// not after it has arrived and run.
function start() {
  ready ??= Promise.all([import('./__GLUE__'), fetch(new URL('./__WASM__', base))])
    .then(async ([glue, wasm]) => ({ glue, exports: await glue.default({ module_or_path: wasm }) }));
  return ready;
}

// Accepts attribute names ("support-email") or camelCase keys ("supportEmail").
function settingsOf(config) {
  const out = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    out[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = value === true ? '' : String(value);
  }
  return out;
}

// The languages to show, best first: the element's `lang` (or the config's), else the nearest
// ancestor's up to <html lang>; `auto` means the browser's own list. The widget takes the first
// its flow has.
function withLanguage(element, settings) {
  const lang = settings.lang ?? element.parentElement?.closest('[lang]')?.getAttribute('lang');
  const languages = lang?.trim() === 'auto' ? navigator.languages.join(',') : lang;
  return languages ? { ...settings, lang: languages } : settings;
}

/**
 * The element the widget draws into, in `element`'s shadow root (made if needed), with the
 * stylesheet linked beside it: it downloads while the module does. The element stays hidden
 * until the stylesheet is in (or has failed): drawn unstyled first, the widget would change
 * size as the styles arrive and move the page around it.
 */
function rootIn(element) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  const root = document.createElement('div');
  root.setAttribute('part', 'root');
  root.hidden = true;
  const show = () => { root.hidden = false; };
  link.addEventListener('load', show);
  link.addEventListener('error', show);
  shadow.replaceChildren(link, root);
  return root;
}

/**
 * Mounts a troubleshooter into `element` (inside its shadow root) and resolves to a handle with
 * restart(), update(config) and destroy().
 */
export async function mount(element, config = {}) {
  // A kiosk's QR module is fetched while the widget's own loads (a failure is reported later).
  // So are the channels module for a page with channels (a failure is reported later).
  const settings = settingsOf(config);
  if (settings.mode?.trim() === 'kiosk') qrModule().catch(() => {});
  if (hasChannels(settings)) channelsModule().catch(() => {});
  const loading = start();
  const root = rootIn(element);
  const { glue } = await loading;
  const widget = await glue.mountWidget(root, withLanguage(element, settings), stylesheet, languagePack, checker, qrEncoder, channelsModule);
  return {
    restart: () => widget.restart(),
    update: (next) => widget.update(withLanguage(element, settingsOf(next))),
    destroy: () => widget.destroy(),
  };
}

/** Bytes of WebAssembly memory in use by all widgets on the page (for benchmarks). */
export async function wasmMemoryBytes() {
  const { exports } = await start();
  return exports.memory.buffer.byteLength;
}

function attributesOf(element) {
  const config = {};
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value !== null) config[name] = value;
  }
  return config;
}

class GuidedTroubleshooter extends HTMLElement {
  static observedAttributes = attributes;
  #handle = null;
  #mounting = null;

  connectedCallback() {
    this.#mounting ??= mount(this, attributesOf(this)).then((handle) => {
      this.#handle = handle;
      if (!this.isConnected) this.#release();
      return handle;
    });
  }

  disconnectedCallback() {
    // Moving the element fires disconnect then connect; only a real removal cleans up.
    queueMicrotask(() => {
      if (!this.isConnected) this.#release();
    });
  }

  attributeChangedCallback() {
    // A change made while the widget is still loading applies as soon as it has mounted.
    if (this.#handle) this.#handle.update(attributesOf(this));
    else this.#mounting?.then((handle) => handle.update(attributesOf(this)));
  }

  /** Back to the start screen, forgetting every answer. */
  restart() {
    this.#handle?.restart();
  }

  #release() {
    this.#handle?.destroy();
    this.#handle = null;
    this.#mounting = null;
  }
}

if (!customElements.get('guided-troubleshooter')) {
  customElements.define('guided-troubleshooter', GuidedTroubleshooter);
}
