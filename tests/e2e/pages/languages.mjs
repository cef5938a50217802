// One widget for the languages tests: each query parameter is an attribute of the element,
// except `ancestor` (the lang of the element around it) and `second` (a second widget's lang).
const params = new URLSearchParams(location.search);
const host = document.getElementById('host');
const widget = (attrs) => {
  const el = document.createElement('guided-troubleshooter');
  el.setAttribute('support-email', 'helpdesk@contoso.com');
  el.setAttribute('support-phone', '+1 555 0100');
  for (const [k, v] of attrs) el.setAttribute(k, v);
  return el;
};
if (params.has('ancestor')) host.lang = params.get('ancestor');
const own = [...params].filter(([k]) => k !== 'ancestor' && k !== 'second');
host.append(widget(own));
if (params.has('second')) document.body.append(widget([['lang', params.get('second')], ['id', 'second']]));
