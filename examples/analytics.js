// A host page's analytics, listening to the widgets' events. They bubble out of the shadow
// root and carry node ids and kinds, never what a person answered.
const log = document.getElementById('log');
for (const type of ['troubleshooter:step', 'troubleshooter:outcome', 'troubleshooter:resolved', 'troubleshooter:handoff']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.target.id} ${type} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}
