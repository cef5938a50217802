// Mounts the widget with the flow named in the query (?flow=URL), or the built-in flow.
import '/troubleshooter.js';
import { wasmMemoryBytes } from '/troubleshooter.js';

const element = document.createElement('guided-troubleshooter');
const flow = new URLSearchParams(location.search).get('flow');
if (flow) element.setAttribute('flow-src', flow);
element.setAttribute('org-name', 'Contoso');
element.setAttribute('support-email', 'helpdesk@contoso.com');
document.getElementById('main').append(element);
window.benchMemory = wasmMemoryBytes;
