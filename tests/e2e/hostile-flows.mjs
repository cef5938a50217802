// Flows made to hurt the widget, generated here rather than committed (some are 4 MiB). Each
// is JSON text; hostile.test.mjs serves them from a temporary folder under /hostile/.

// XSS vectors after the OWASP XSS Filter Evasion Cheat Sheet, each changed to call __pwned(n)
// (or alert, which probe.js also catches), so a single one that runs shows. Raw control
// characters (the cheat sheet's embedded tab, newline, NUL) are in `controls` below instead:
// flow texts refuse them. `src` and `href` values point at /hostile/pwn.*, which would show as
// a request to the test server if anything ever loaded them.
export const PAYLOADS = [
  '<script>__pwned(1)</script>',
  '<SCRIPT SRC=/hostile/pwn.js></SCRIPT>',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+__pwned(3)//\'>',
  '<IMG SRC="javascript:__pwned(4);">',
  '<IMG SRC=JaVaScRiPt:__pwned(5)>',
  '<IMG SRC=`javascript:__pwned(6)`>',
  '<a onmouseover="__pwned(7)">xxs link</a>',
  '<IMG """><SCRIPT>__pwned(8)</SCRIPT>"\\>',
  '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
  '<IMG SRC=/ onerror="__pwned(10)"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav&#x09;ascript:__pwned(14);">',
  '<IMG SRC="jav&#x0A;ascript:__pwned(15);">',
  '<SCRIPT/XSS SRC="/hostile/pwn.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=__pwned(17)>',
  '<<SCRIPT>__pwned(18);//\\<</SCRIPT>',
  '<SCRIPT SRC=/hostile/pwn.js?< B >',
  '<iframe src=/hostile/pwn.html <',
  '\\";__pwned(21);//',
  '</TITLE><SCRIPT>__pwned(22);</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:__pwned(23);">',
  '<svg/onload=__pwned(24)>',
  '<svg><script>__pwned(25)</script></svg>',
  '</style><script>__pwned(26)</script><style>',
  '<STYLE>@import\'/hostile/pwn.css\';</STYLE>',
  '<IFRAME SRC="javascript:__pwned(28);"></IFRAME>',
  '<OBJECT TYPE="text/x-scriptlet" DATA="/hostile/pwn.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iX19wd25lZCgzMCkiLz4=" type="image/svg+xml">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:__pwned(31);">',
  '<DIV STYLE="background-image: url(javascript:__pwned(32))">',
  '<DIV STYLE="width: expression(__pwned(33));">',
  '<BASE HREF="javascript:__pwned(34);//">',
  '<LINK REL="stylesheet" HREF="/hostile/pwn.css">',
  '"><img src=x onerror=__pwned(36)>',
  '\'><script>__pwned(37)</script>',
  '{{constructor.constructor(\'__pwned(38)\')()}}',
  '${__pwned(39)}',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned(40)>',
  '<details open ontoggle=__pwned(41)>',
  '<a href="javascript&colon;__pwned(42)">x</a>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">__pwned(43)</x:script>',
  '<!--<img src="--><img src=x onerror=__pwned(44)//">',
  '<noscript><p title="</noscript><img src=x onerror=__pwned(45)>">',
  '&lt;script&gt;__pwned(46)&lt;/script&gt;',
  '%3Cscript%3E__pwned(47)%3C/script%3E',
  '+ADw-script+AD4-__pwned(48)+ADw-/script+AD4-',
  '<scr<script>ipt>__pwned(49)</scr</script>ipt>',
  '<svg><animate onbegin=__pwned(50) attributeName=x dur=1s>',
  '<video><source onerror="__pwned(51)">',
  'data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDUyKTwvc2NyaXB0Pg==',
];

/** Page settings that would run, or add an email header, if the widget used them as markup or raw. */
export const SETTINGS = {
  'org-name': '<img src=x onerror=__pwned(\'org-name\')>',
  'support-hours': '9-5\r\nBcc: evil@x.example\r\n\r\n<svg onload=__pwned(\'hours\')>',
};

/** A typed answer that would run if the widget ever made markup of what a person types. */
export const TYPED = {
  name: '<img src=x onerror=__pwned(\'typed-name\')>',
  note: 'x&bcc=evil@x.example?cc=evil@x.example %0D%0ABcc: evil@x.example "><svg onload=__pwned(\'typed-note\')>',
};

// `{` and `}` are placeholder syntax; a payload that uses them is written with `{{`/`}}`.
const esc = (s) => s.replaceAll('{', '{{').replaceAll('}', '}}');
const all = (sep = ' ') => esc(PAYLOADS.join(sep));

function flow(nodes, start, extra = {}) {
  return { format: 1, id: 'hostile', version: '1.0', title: 'A hostile flow', summary: 'Made to hurt.', language: 'en', start, nodes, ...extra };
}

/** Every payload in every text a flow has: titles, questions, labels, hints, bodies, steps, email, phone. */
export function xss() {
  const options = (from, to, next) => PAYLOADS.slice(from, to).map((p, i) => ({
    id: `o${from + i}`,
    label: esc(p),
    hint: esc(p),
    // A phrase goes into other texts as it is, so it may not have braces at all.
    phrase: p.replace(/[{}]/g, ''),
    next,
  }));
  const split = 30;
  const f = flow([
    { type: 'question', id: 'q1', text: `First: ${all()}`, hint: all('\n\n'), label: all(), options: options(0, split, 'q2') },
    { type: 'question', id: 'q2', text: `Second: ${all()}`, hint: esc(PAYLOADS.map((p) => `- ${p}`).join('\n')), options: options(split, PAYLOADS.length, 'explain') },
    // Markup links whose words or addresses are hostile but whose scheme is allowed.
    {
      type: 'info', id: 'explain', title: `Explained: ${all()}`,
      body: `${all('\n\n')}\n\n${esc(PAYLOADS.map((p, i) => `${i + 1}. ${p}`).join('\n'))}\n\n`
        + `[${esc(PAYLOADS[35])}](https://help.example/ok) [a](https:javascript:__pwned(60)) [b](tel:javascript:__pwned(61)) `
        + '[c](https://help.example/"onmouseover=__pwned(62)") [d](mailto:it@help.example?bcc=evil@x.example&body=hi)',
      next: 'form',
    },
    {
      type: 'fields', id: 'form', text: `Form: ${all()}`, hint: all('\n\n'),
      fields: [
        { id: 'name', label: all(), hint: all('\n\n'), required: true },
        { id: 'email', label: esc(PAYLOADS[0]), format: 'email', required: true },
        { id: 'code', label: esc(PAYLOADS[1]), format: 'pattern', pattern: '^[a-z]+$', error: all(), required: true },
        { id: 'note', label: esc(PAYLOADS[2]), max_length: 2000 },
      ],
      next: 'out',
    },
    {
      type: 'outcome', id: 'out', kind: 'contact_helpdesk', title: `Outcome: ${all()}`, body: all('\n\n'),
      steps: [...PAYLOADS.map(esc), 'Your name: {name}', 'Your note: {note}', 'Call {org_name} IT ({support_hours}).', '@@ESCAPED@@'],
      email: {
        // A subject too long for the link would leave no room for the body in it.
        subject: `Help for {name} {note} at {org_name} ({support_hours}): ${esc(PAYLOADS.slice(0, 10).join(' '))}`,
        body: ['Name: {name}', 'Note: {note}', 'Answer: {q1}', '', ...PAYLOADS.map(esc), 'Reference: {reference}'],
      },
      phone: { prepare: PAYLOADS.map(esc), lines: [...PAYLOADS.map(esc), 'My name is {name}.', 'The note: {note}'] },
    },
  ], 'q1', { title: all(), summary: all(), version: `1.0 ${esc(PAYLOADS[0])}` });
  // One payload as JSON escapes (\u003c...), as a server that escapes HTML in JSON writes it.
  return JSON.stringify(f).replace('@@ESCAPED@@', '\\u003cimg src=x onerror=__pwned(53)\\u003e');
}

/** A binary tree of questions under an info screen: `total` nodes (20,000 is the limit). */
export function nodes(total) {
  const questions = Math.floor((total - 2) / 2);
  const outcomes = total - 1 - questions;
  const id = (j) => (j < questions ? `q${j}` : `o${j - questions}`);
  const list = [{ type: 'info', id: 'intro', title: `A flow of ${total} nodes`, body: 'Many screens.', next: 'q0' }];
  for (let k = 0; k < questions; k++) {
    list.push({ type: 'question', id: `q${k}`, text: `Question ${k}`, options: [
      { id: 'l', label: 'Left', next: id(2 * k + 1) },
      { id: 'r', label: 'Right', next: id(2 * k + 2) },
    ] });
  }
  for (let o = 0; o < outcomes; o++) list.push({ type: 'outcome', id: `o${o}`, kind: 'self_fix', title: `Outcome ${o}`, steps: ['Done.'] });
  return JSON.stringify(flow(list, 'intro'));
}

/** A chain of `screens` info screens to one outcome (1,000 is the limit). */
export function chain(screens) {
  const list = [];
  for (let i = 0; i < screens; i++) list.push({ type: 'info', id: `s${i}`, title: `Screen ${i + 1}`, body: `Screen ${i + 1} of ${screens}.`, next: i + 1 < screens ? `s${i + 1}` : 'end' });
  list.push({ type: 'outcome', id: 'end', kind: 'self_fix', title: 'The end of the chain', steps: ['Done.'] });
  return JSON.stringify(flow(list, 's0'));
}

/** A valid flow of exactly `bytes` bytes: an info screen's body takes up the rest. */
export function bytes(total) {
  const make = (body) => JSON.stringify(flow([
    { type: 'info', id: 'big', title: 'A very long explanation', body, next: 'end' },
    { type: 'outcome', id: 'end', kind: 'self_fix', title: 'After the long text', steps: ['Done.'] },
  ], 'big'));
  const n = total - make('').length;
  const body = `${'word '.repeat(Math.ceil(n / 5)).slice(0, n - 1)}.`;
  return make(body);
}

/** An outcome body of `n` `[` (quadratic to scan before B6), and of `n` list items. */
export function markupBombs(n) {
  return JSON.stringify(flow([
    { type: 'info', id: 'brackets', title: 'Brackets', body: `${'['.repeat(n)}\n\n${'[x]('.repeat(n / 4)}`, next: 'lists' },
    { type: 'info', id: 'lists', title: 'Lists', body: `${'- - - - - - nested?\n'.repeat(5)}\n${Array.from({ length: n / 10 }, (_, i) => `- item ${i}`).join('\n')}\n\n${'1. 1. 1. 1. x\n'.repeat(3)}`, next: 'end' },
    { type: 'outcome', id: 'end', kind: 'contact_helpdesk', title: 'A long subject', steps: ['Done.'],
      email: { subject: 'a'.repeat(100_000), body: ['Hello.'] }, phone: { lines: ['Hello.'] } },
  ], 'brackets'));
}

/** Patterns at and over the limits: the worst one allowed, and the hangs and bombs of B2-B5. */
export const PATTERN_BOMBS = {
  'empty-repeats': '(?:(?:(?:){1000}){1000}){1000}',
  'deep-groups': `${'('.repeat(3000)}a${')'.repeat(3000)}`,
  'big-class': `[${'a'.repeat(900)}]{1000}`,
  'deep-groups-short': `${'('.repeat(499)}a${')'.repeat(499)}`,
  'many-groups': `(?:${Array.from({ length: 150 }, () => '(a)').join('|')})*`,
  // Many threads alive at every character: about the slowest matching this build allows.
  'many-threads': '(?:(?:a?){100}){49}',
};

export function pattern(source) {
  return JSON.stringify(flow([
    { type: 'fields', id: 'form', text: 'Patterns', fields: [
      { id: 'value', label: 'Type a value', format: 'pattern', pattern: source, max_length: 2000 },
    ], next: 'end' },
    { type: 'outcome', id: 'end', kind: 'self_fix', title: 'Matched', steps: ['Done.'] },
  ], 'form'));
}

/** Links to schemes that run script or leave the widget: each must be refused, with its path. */
export function links() {
  const hrefs = ['javascript:__pwned(1)', 'JaVaScRiPt:__pwned(2)', ' javascript:__pwned(3)', 'data:text/html,<script>__pwned(4)</script>',
    'vbscript:msgbox(5)', 'java&#x09;script:__pwned(6)', '&#106;avascript:__pwned(7)', '//evil.example/8', 'http://evil.example/9',
    'file:///etc/passwd', 'javascript\uff1a__pwned(11)', 'java\u200bscript:__pwned(12)'];
  return JSON.stringify(flow([
    { type: 'info', id: 'links', title: 'Links', body: hrefs.map((h) => `[click](${h})`).join('\n\n'), next: 'end' },
    { type: 'outcome', id: 'end', kind: 'self_fix', title: 'End', body: '[x](data:image/svg+xml,<svg onload=__pwned(13)>)', steps: hrefs.map((h) => `[step](${h})`) },
  ], 'links'));
}

/** Ids with zero-width and bidi characters, and look-alikes: not ids. */
export function ids() {
  return JSON.stringify(flow([
    { type: 'question', id: 'start\u200b', text: 'Which?', options: [
      { id: 'a\u202e', label: 'A', next: 'end\u2060' },
      { id: 'b', label: 'B', next: 'ｅnd', set: ['flag\u200d'] },
    ] },
    { type: 'outcome', id: 'end\u2060', kind: 'self_fix', title: 'End', steps: ['Done.'] },
    { type: 'outcome', id: 'ｅnd', kind: 'self_fix', title: 'End', steps: ['Done.'] },
  ], 'start\u200b'));
}

/** Bidi controls and zero-width characters in texts: allowed, shown as they are. */
export const BIDI = 'Pay \u202eexe.\u202c invoice \u2066isolated\u2069 \u200bzero\u200dwidth\u2060 \u061c mark \u200f';
export function bidi() {
  return JSON.stringify(flow([
    { type: 'question', id: 'q', text: `Which? ${BIDI}`, hint: BIDI, options: [
      { id: 'a', label: BIDI, hint: BIDI, next: 'end' },
      { id: 'b', label: 'Other', next: 'end' },
    ] },
    { type: 'outcome', id: 'end', kind: 'self_fix', title: `Done: ${BIDI}`, body: BIDI, steps: [BIDI] },
  ], 'q', { title: BIDI, summary: BIDI }));
}

/** Control characters, as JSON escapes, in one-line texts and in a body. */
export function controls() {
  return JSON.stringify(flow([
    { type: 'info', id: 'ctl', title: 'NUL \u0000 here', body: 'ESC \u001b[2J and BEL \u0007, tab \t and CR \r', next: 'end' },
    { type: 'outcome', id: 'end', kind: 'contact_helpdesk', title: 'Line\u2028separator', steps: ['DEL \u007f', 'NEL \u0085'],
      email: { subject: 'Printer offline\r\nBcc: attacker@x.example', body: ['Hello\r\nBcc: attacker@x.example'] },
      phone: { lines: ['Tab\there'] } },
  ], 'ctl'));
}

/** A flow whose title holds `escape` (raw JSON text, such as `\ud800`): for bad surrogates. */
export function titled(escape) {
  return JSON.stringify(flow([{ type: 'outcome', id: 'end', kind: 'self_fix', title: 'End', steps: ['Done.'] }], 'end'))
    .replace('"A hostile flow"', `"Bad ${escape} escape"`);
}

/** Lists nested far deeper than the JSON reader takes. */
export function nesting(depth) {
  return JSON.stringify(flow([{ type: 'outcome', id: 'end', kind: 'self_fix', title: 'End', steps: ['@@DEEP@@'] }], 'end'))
    .replace('"@@DEEP@@"', `${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
}
