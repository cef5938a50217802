// lang.js: what a page in another language needs, loaded by troubleshooter.js only then, so
// that an English page downloads none of it. It fetches the interface words (lang/<lang>.json)
// and a flow's translation (the overlay beside the flow, src/flow/translation.rs) and puts the
// translation into the flow, as flowcheck does; the widget then reads the result as any flow.
// Same origin only (the widget asks for nothing else), and never more than a flow may hold.

const MAX_BYTES = 4 * 1024 * 1024;

// The overlay format, as src/flow/translation.rs defines it.
const TEXT_KEYS = ['title', 'summary', 'text', 'label', 'hint', 'body', 'phrase', 'error', 'example', 'subject'];
const TEXT_LISTS = ['steps', 'body', 'lines', 'prepare'];
const ID_LISTS = ['nodes', 'options', 'fields'];
const PARTS = ['email', 'phone'];
const ABOUT = ['format', 'flow', 'language', 'source_version', '$schema'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (object, key) => (isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined);

/** Fetches a JSON file of this origin, or throws what went wrong, naming it `shown`. */
async function fetchJson(url, shown) {
  if (new URL(url).origin !== location.origin) throw new Error(`\`${shown}\` is not on this page's origin`);
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`could not load \`${shown}\`: network error`);
  }
  if (!response.ok) throw new Error(`could not load \`${shown}\`: the server answered ${response.status} ${response.statusText}`);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_BYTES) throw new Error(`\`${shown}\`: the file is larger than 4 MiB`);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`\`${shown}\`: cannot read the file: stream did not contain valid UTF-8`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`\`${shown}\`: ${e.message}`);
  }
}

/** The translated text for `source`, or undefined (and `at` noted as missing) when there is none. */
function translate(source, given, at, missing) {
  if (typeof given === 'string') return given;
  if (given === undefined || given === null) missing.push(at);
  return source;
}

/** Puts the overlay's texts into an object of the flow, in place, noting each text it lacks. */
function merge(flow, overlay, path, missing) {
  for (const [key, value] of Object.entries(flow)) {
    const here = path ? `${path}.${key}` : key;
    const given = own(overlay, key);
    if (typeof value === 'string' && TEXT_KEYS.includes(key)) {
      flow[key] = translate(value, given, here, missing);
    } else if (Array.isArray(value) && ID_LISTS.includes(key)) {
      for (const item of value) {
        if (isObject(item) && typeof item.id === 'string') merge(item, own(given, item.id) ?? {}, `${here}.${item.id}`, missing);
      }
    } else if (Array.isArray(value) && TEXT_LISTS.includes(key)) {
      const list = Array.isArray(given) ? given : [];
      value.forEach((item, i) => {
        if (typeof item === 'string') value[i] = translate(item, list[i], `${here}.${i}`, missing);
        else if (isObject(item) && typeof item.text === 'string') item.text = translate(item.text, list[i], `${here}.${i}`, missing);
      });
    } else if (isObject(value) && PARTS.includes(key)) {
      merge(value, given ?? {}, here, missing);
    }
  }
}

/**
 * The flow (its JSON text) with the texts of `overlay` (its parsed JSON) in place of its own,
 * as JSON text; throws when the overlay leaves a text untranslated, so that no screen mixes two
 * languages. The same rules as `translated` in src/flow/translation.rs (tests compare them).
 */
export function translated(flowText, overlay) {
  if (!isObject(overlay)) throw new Error('the translation is not a JSON object');
  const flow = JSON.parse(flowText);
  const texts = Object.fromEntries(Object.entries(overlay).filter(([k]) => !ABOUT.includes(k)));
  const missing = [];
  merge(flow, texts, '', missing);
  if (missing.length) {
    const more = missing.length - 1;
    throw new Error(`${missing[0]}: ${more ? `this text and ${more} more have no translation` : 'this text has no translation'}`);
  }
  if (typeof overlay.language === 'string' && Object.hasOwn(flow, 'language')) flow.language = overlay.language;
  return JSON.stringify(flow);
}

/**
 * The interface words of a language file, in the order of `keys`: each a text, or for a counted
 * text its [category, text] pairs; and its [tag, name] language names. Throws for a key it lacks
 * or one it should not have, as the widget then keeps English.
 */
export function words(data, keys) {
  if (!isObject(data)) throw new Error('not a JSON object');
  const unknown = Object.keys(data).find((k) => k !== 'language_names' && !keys.includes(k));
  if (unknown !== undefined) throw new Error(`\`${unknown}\` is not a key of the interface`);
  const texts = keys.map((key) => {
    const value = data[key];
    if (typeof value === 'string') return value;
    if (isObject(value) && Object.values(value).every((v) => typeof v === 'string')) return Object.entries(value);
    throw new Error(value === undefined ? `\`${key}\` is missing` : `\`${key}\`: not a text`);
  });
  const names = Object.entries(own(data, 'language_names') ?? {}).filter(([, name]) => typeof name === 'string');
  return { texts, names };
}

/**
 * What the widget asks for: `{ flow, url, shown }` (a flow's JSON text and its translation's
 * address) resolves to the translated flow's JSON text; `{ keys, url, shown }` to the words of
 * a language file. Either rejects with a message that names the file.
 */
export async function load(request) {
  const data = await fetchJson(request.url, request.shown);
  try {
    return request.keys ? words(data, request.keys) : translated(request.flow, data);
  } catch (e) {
    throw new Error(`${request.shown}: ${e.message}`);
  }
}
