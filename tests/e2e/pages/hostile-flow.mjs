// The widget of hostile-flow.html, made before the page finishes loading so that probe.js
// counts only what happens after.
const params = new URLSearchParams(location.search);
const widget = document.createElement('guided-troubleshooter');
widget.setAttribute('flow-src', `/hostile/${params.get('flow')}.json`);
for (const [name, value] of params) if (name !== 'flow') widget.setAttribute(name, value);
document.body.append(widget);
