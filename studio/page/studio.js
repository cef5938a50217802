// The flow studio: an editor for a flow file beside what flowcheck says of it (its Rust code,
// compiled to the studio's own WebAssembly module) and the real widget running it. Nothing
// leaves the page: the draft is in this browser's storage, a shared flow is in the link's
// fragment, which browsers never send to a server.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import schema from '../../schema/flow.schema.json';
import { completeFrom, hoverFrom } from './schema.js';

// Written by scripts/studio.mjs: the hashed module files and the templates beside this page.
const GLUE = __STUDIO_GLUE__;
const WASM = __STUDIO_WASM__;
const TEMPLATES = __TEMPLATES__;

const DRAFT = 'troubleshooter-studio:draft';
const PREVIEW_ID = 'studio-preview';
// How long typing pauses before the flow is checked again.
const CHECK_DELAY_MS = 350;

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

// Addresses beside this page, which the bundler leaves to the browser.
const here = (file) => new URL(file, import.meta.url).href;
const studio = await import(here(GLUE)).then(async (m) => {
  await m.default({ module_or_path: here(WASM) });
  return m;
});
// The widget, from beside the studio, as any page embeds it.
import(here('../troubleshooter.js'));

/** What the editor holds and what was last made of it. */
const state = {
  name: 'flow.json',
  checked: null,
  previewed: null,
  tests: null,
  testsName: '',
  graphed: null,
  pathsFor: null,
};

function say(text) {
  $('status').textContent = text;
}

// ---- the editor ----

/** The offset of a 1-based line and character column (the checker counts characters; the
 * editor counts UTF-16 units). */
function offsetOf(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const chars = [...l.text].slice(0, Math.max(column - 1, 0));
  return Math.min(l.from + chars.join('').length, l.to);
}

/** The token starting at `from`: a string to its closing quote, else a word, else a character. */
function tokenEnd(doc, from) {
  const line = doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  const token = rest.match(/^"(?:[^"\\]|\\.)*"?|^[\w.+-]+/)?.[0] ?? rest.slice(0, 1);
  return from + token.length;
}

function diagnostics(view) {
  const text = view.state.doc.toString();
  const checked = JSON.parse(studio.check(text, state.name));
  state.checked = { text, ...checked };
  showProblems(checked);
  saveDraft(text);
  refreshViews();
  const doc = view.state.doc;
  return checked.problems.map((p) => {
    let from = offsetOf(doc, p.line, p.column);
    let to = tokenEnd(doc, from);
    if (to <= from) {
      // The end of the text (a file cut short): mark the last character.
      from = Math.max(0, from - 1);
      to = Math.min(doc.length, from + 1);
    }
    return { from, to, severity: p.severity, message: p.message, source: p.blocking ? 'stops the preview' : 'flowcheck check' };
  });
}

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      linter(diagnostics, { delay: CHECK_DELAY_MS }),
      autocompletion({ override: [completeFrom(schema)] }),
      hoverFrom(schema),
      // The text area is focusable already (contenteditable); axe counts only a tabindex.
      EditorView.contentAttributes.of({ 'aria-label': 'Flow file (JSON)', tabindex: '0' }),
    ],
  }),
});

function setText(text, name, why) {
  state.name = name;
  $('file-name').textContent = `(${name})`;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  if (why) say(why);
}

function goTo(line, column) {
  const pos = offsetOf(view.state.doc, line, column);
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

// ---- problems ----

function showProblems(checked) {
  const list = $('problems');
  const errors = checked.problems.filter((p) => p.severity === 'error').length;
  const warnings = checked.problems.length - errors;
  const blocking = checked.problems.filter((p) => p.blocking).length;
  $('problem-count').textContent = checked.problems.length ? `(${checked.problems.length})` : '';
  $('problems-summary').textContent = checked.problems.length === 0
    ? `No problems: ${checked.nodes.length} nodes, ready to preview.`
    : `${count(errors, 'error')}, ${count(warnings, 'warning')}. ${blocking ? 'The preview is stopped until the errors marked “stops the preview” are fixed.' : 'The preview still runs.'}`;
  list.replaceChildren(...checked.problems.map((p) => el('li', { className: `problem ${p.severity}` },
    el('button', {
      type: 'button',
      className: 'problem-place',
      onclick: () => goTo(p.line, p.column),
    }, `Line ${p.line}, column ${p.column}`),
    el('span', { className: 'severity' }, p.blocking ? 'error, stops the preview' : p.severity),
    el('span', { className: 'message' }, p.at ? `${p.at}: ${p.message}` : p.message),
  )));
}

const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;

// ---- the preview ----

const settingInputs = () => [...document.querySelectorAll('[data-attribute]')];

/** The settings as `flowcheck render`'s answers file names them. */
function renderSettings() {
  const value = (attribute) => document.querySelector(`[data-attribute="${attribute}"]`).value.trim() || undefined;
  return JSON.stringify({
    org_name: value('org-name'),
    support_email: value('support-email'),
    support_phone: value('support-phone'),
    support_hours: value('support-hours'),
  });
}

/** Where the widget keeps a session with `persist="session"` (src/ui/storage.rs). */
const sessionKey = () => `troubleshooter:${state.checked?.id}:${PREVIEW_ID}`;

/** Shows the flow in a new widget, which resumes from what the last one kept (the same place,
 * where its nodes still exist) or from `snapshot`. */
function showPreview(snapshot) {
  const checked = state.checked;
  if (!checked?.usable) return;
  if (snapshot !== undefined) sessionStorage.setItem(sessionKey(), snapshot);
  if (state.previewed?.url) URL.revokeObjectURL(state.previewed.url);
  const url = URL.createObjectURL(new Blob([checked.text], { type: 'application/json' }));
  const widget = document.createElement('guided-troubleshooter');
  widget.id = PREVIEW_ID;
  widget.setAttribute('flow-src', url);
  widget.setAttribute('persist', 'session');
  for (const input of settingInputs()) {
    if (input.value.trim()) widget.setAttribute(input.dataset.attribute, input.value.trim());
  }
  $('preview').replaceChildren(widget);
  state.previewed = { text: checked.text, url };
}

function refreshPreview() {
  const checked = state.checked;
  const stopped = $('preview-stopped');
  if (!checked.usable) {
    const n = checked.problems.filter((p) => p.blocking).length;
    stopped.textContent = `The preview is stopped: ${count(n, 'error')} must be fixed first (see Problems).`;
    stopped.hidden = false;
    $('preview').hidden = true;
    return;
  }
  stopped.hidden = true;
  $('preview').hidden = false;
  if (state.previewed?.text !== checked.text) showPreview();
  const select = $('start-at');
  const chosen = select.value;
  select.replaceChildren(...checked.nodes.map((n) => el('option', { value: n.id }, `${n.id} (${n.kind})`)));
  if (checked.nodes.some((n) => n.id === chosen)) select.value = chosen;
}

function startAt(node) {
  const snapshot = studio.snapshotAt(state.checked.text, node);
  if (snapshot === undefined) {
    say(`No way through the flow reaches ${node}.`);
    return false;
  }
  showPreview(snapshot);
  say(`The preview is at ${node}.`);
  return true;
}

$('start-at-go').onclick = () => startAt($('start-at').value);
$('preview-restart').onclick = () => {
  sessionStorage.removeItem(sessionKey());
  showPreview();
};
for (const input of settingInputs()) {
  input.addEventListener('change', () => {
    showPreview();
    state.pathsFor = null;
    refreshViews();
  });
}

// ---- graph ----

let mermaid;

async function refreshGraph() {
  const text = state.checked.text;
  if (state.graphed === text) return;
  state.graphed = text;
  const drawing = studio.graph(text);
  const status = $('graph-status');
  if (drawing === undefined) {
    status.textContent = 'The file does not read as a flow yet: fix the errors under Problems to see its graph.';
    $('graph').replaceChildren();
    return;
  }
  status.textContent = 'Drawing…';
  mermaid ??= await import(here('mermaid/mermaid.esm.min.mjs')).then((m) => {
    m.default.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { useMaxWidth: false, htmlLabels: false }, theme: 'neutral' });
    return m.default;
  });
  const { svg } = await mermaid.render(`graph-${Date.now()}`, drawing);
  if (state.graphed !== text) return;
  const box = $('graph');
  box.innerHTML = svg;
  const nodes = state.checked.nodes;
  for (const g of box.querySelectorAll('g.node')) {
    const index = Number(g.id.match(/-n(\d+)-/)?.[1]);
    const node = nodes[index];
    if (!node) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', `${node.id}: ${node.heading}. Go to it in the editor and the preview.`);
    g.dataset.node = node.id;
    const go = () => {
      goTo(node.line, node.column);
      const inPreview = state.checked.usable && startAt(node.id);
      say(inPreview ? `${node.id}: line ${node.line} in the editor; the preview is at it.` : `${node.id}: line ${node.line} in the editor.`);
    };
    g.addEventListener('click', go);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
  }
  status.textContent = `${count(nodes.length, 'node')}. Select one to go to it.`;
  zoomGraph(1);
  // The start is at the top, and the layout centres it: bring it into view.
  const first = box.querySelector(`g.node[data-node="${CSS.escape(state.checked.start ?? '')}"]`) ?? box.querySelector('g.node');
  if (first) {
    const at = first.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    box.scrollLeft += at.left - frame.left - (frame.width - at.width) / 2;
  }
}

/** The graph at `zoom` times its natural size; 0 fits its width to the pane. */
let zoomed = 1;
function zoomGraph(zoom) {
  const svg = $('graph').querySelector('svg');
  if (!svg) return;
  const natural = svg.viewBox.baseVal.width;
  const fit = ($('graph').clientWidth - 4) / natural;
  zoomed = zoom === 0 ? fit : Math.min(Math.max(zoom, fit / 2), 2);
  svg.style.width = `${Math.round(natural * zoomed)}px`;
  svg.style.height = 'auto';
  svg.style.maxWidth = 'none';
  $('graph-zoom').textContent = `${Math.round(zoomed * 100)}%`;
}

$('graph-in').onclick = () => zoomGraph(zoomed * 1.25);
$('graph-out').onclick = () => zoomGraph(zoomed / 1.25);
$('graph-fit').onclick = () => zoomGraph(0);
$('graph-actual').onclick = () => zoomGraph(1);

// ---- paths ----

function refreshPaths() {
  const checked = state.checked;
  const key = `${checked.text}\n${renderSettings()}`;
  if (state.pathsFor === key) return;
  state.pathsFor = key;
  const list = $('paths');
  if (!checked.usable) {
    $('paths-summary').textContent = 'Fix the errors that stop the preview to list the ways through the flow.';
    list.replaceChildren();
    return;
  }
  const found = JSON.parse(studio.paths(checked.text, renderSettings()));
  if (found.error) {
    $('paths-summary').textContent = found.error;
    list.replaceChildren();
    return;
  }
  const outcomes = new Set(found.ways.map((w) => w.outcome)).size;
  $('paths-summary').textContent = `${count(found.ways.length, 'way')} through the flow${found.truncated ? ' (the first ones only: the flow has more)' : ''}, reaching ${count(outcomes, 'outcome')}.${found.unreached.length ? ` Not reached: ${found.unreached.join(', ')}.` : ''}`;
  list.replaceChildren(...found.ways.map((way, i) => {
    const handoff = el('pre', { className: 'transcript' });
    const details = el('details', {}, el('summary', {}, 'Email and script'), handoff);
    // Drawn when opened: a flow has hundreds of ways.
    details.addEventListener('toggle', () => {
      if (details.open && !handoff.textContent) handoff.textContent = way.transcript;
    });
    return el('li', { className: 'way', id: `way-${i + 1}` },
      el('p', {}, el('span', { className: 'answers' }, way.answers.join(' › ') || '(no answers)'), ' → ',
        el('strong', {}, way.outcome), ` (${way.kind}, path ${way.code})`),
      el('button', {
        type: 'button',
        className: 'replay',
        onclick: () => {
          showPreview(way.snapshot);
          selectTab('preview');
          say(`Way ${i + 1} replayed: the preview is at ${way.outcome}.`);
        },
      }, `Replay way ${i + 1} in the preview`),
      details,
    );
  }));
}

// ---- tests ----

function refreshTests() {
  const list = $('tests');
  if (state.tests === null) {
    $('tests-summary').textContent = 'No test file open.';
    list.replaceChildren();
    return;
  }
  const checked = state.checked;
  if (!checked.usable) {
    $('tests-summary').textContent = 'Fix the errors that stop the preview to run the tests.';
    list.replaceChildren();
    return;
  }
  const report = JSON.parse(studio.test(checked.text, state.tests, state.testsName));
  if (report.error) {
    $('tests-summary').textContent = report.error;
    list.replaceChildren();
    return;
  }
  const ways = report.truncated ? `the first ${report.paths} ways` : count(report.paths, 'way');
  const verdict = report.failures.length ? `${count(report.failures.length, 'check')} failed` : 'all passed';
  $('tests-summary').textContent = `${state.testsName}: ${count(report.cases, 'case')} and ${count(report.rules, 'rule')} on ${ways} through the flow: ${verdict}.`;
  list.replaceChildren(...report.failures.map((f) => el('li', { className: 'problem error' }, f)));
}

async function openTests(file) {
  state.tests = await file.text();
  state.testsName = file.name;
  refreshTests();
}

$('tests-open').onclick = () => $('tests-input').click();
$('tests-input').onchange = (e) => e.target.files[0] && openTests(e.target.files[0]);
$('tests-builtin').onclick = async () => {
  // The tests of the template open (by its file name), else the built-in flow's.
  const tests = TEMPLATES.find((t) => t.tests && t.file === state.name) ?? TEMPLATES.find((t) => t.tests);
  const response = await fetch(`flows/${tests.tests}`);
  state.tests = await response.text();
  state.testsName = tests.tests;
  refreshTests();
};

// ---- tabs ----

const TABS = ['problems', 'preview', 'graph', 'paths', 'tests'];

function selectTab(name, focus = false) {
  for (const tab of TABS) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
  }
  if (focus) $(`tab-${name}`).focus();
  refreshViews();
}

for (const tab of TABS) {
  $(`tab-${tab}`).onclick = () => selectTab(tab);
  $(`tab-${tab}`).onkeydown = (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : step && (TABS.indexOf(tab) + step + TABS.length) % TABS.length;
    if (to === undefined || to === false) return;
    e.preventDefault();
    selectTab(TABS[to], true);
  };
}

/** Brings the open tab up to date with the text last checked. */
function refreshViews() {
  if (!state.checked) return;
  refreshPreview();
  const open = TABS.find((t) => !$(`panel-${t}`).hidden);
  if (open === 'graph') refreshGraph().catch((e) => ($('graph-status').textContent = `The graph could not be drawn: ${e.message}`));
  if (open === 'paths') refreshPaths();
  if (open === 'tests') refreshTests();
}

// ---- files, draft and link ----

function saveDraft(text) {
  try {
    localStorage.setItem(DRAFT, JSON.stringify({ name: state.name, text }));
  } catch {
    // Storage full or refused: the editor keeps the text.
  }
}

$('clear-draft').onclick = async () => {
  localStorage.removeItem(DRAFT);
  await loadTemplate('blank.json');
  say('Draft cleared. The editor has the blank template.');
};

async function loadTemplate(file) {
  const template = TEMPLATES.find((t) => t.file === file);
  const text = await (await fetch(`flows/${file}`)).text();
  setText(text, file, `Loaded ${template?.label ?? file}.`);
}

$('template').replaceChildren(el('option', { value: '' }, 'Choose…'), ...TEMPLATES.map((t) => el('option', { value: t.file }, t.label)));
$('template').onchange = async (e) => {
  if (e.target.value) await loadTemplate(e.target.value);
  e.target.value = '';
};

async function openFile(file) {
  setText(await file.text(), file.name, `Opened ${file.name}.`);
}

$('open').onclick = () => $('open-input').click();
$('open-input').onchange = (e) => e.target.files[0] && openFile(e.target.files[0]);
const editorPane = document.querySelector('.editor-pane');
editorPane.addEventListener('dragover', (e) => {
  e.preventDefault();
  editorPane.classList.add('dropping');
});
editorPane.addEventListener('dragleave', () => editorPane.classList.remove('dropping'));
editorPane.addEventListener('drop', (e) => {
  e.preventDefault();
  editorPane.classList.remove('dropping');
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
});

$('download').onclick = () => {
  const url = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: 'application/json' }));
  const a = el('a', { href: url, download: state.name.replace(/^.*\//, '') || 'flow.json' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

const fromBase64Url = (text) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let out = '';
  // In slices: spreading a large array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

async function unpack(data) {
  const stream = new Blob([fromBase64Url(data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

$('share').onclick = async () => {
  const link = `${location.origin}${location.pathname}#flow=${await pack(view.state.doc.toString())}`;
  const box = document.querySelector('.share-link');
  box.hidden = false;
  $('share-url').value = link;
  $('share-url').select();
  try {
    await navigator.clipboard.writeText(link);
    say(`Link copied (${Math.ceil(link.length / 1024)} KB). The flow is in the link; opening it sends nothing to a server.`);
  } catch {
    say('The link is below, selected: copy it from there.');
  }
};

// ---- start ----

async function start() {
  const shared = location.hash.match(/^#flow=([\w-]+)/)?.[1];
  if (shared) {
    try {
      setText(await unpack(shared), 'shared.json', 'Loaded the flow from the link.');
      return;
    } catch {
      say('The link does not hold a flow that can be read; showing your draft instead.');
    }
  }
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT));
    if (typeof draft?.text === 'string') {
      setText(draft.text, draft.name || 'flow.json', 'Your draft is back, as you left it. “Clear draft” starts again.');
      return;
    }
  } catch {
    // A draft that cannot be read: start from the built-in flow.
  }
  await loadTemplate(TEMPLATES[0].file);
}

await start();
document.body.dataset.ready = 'true';
