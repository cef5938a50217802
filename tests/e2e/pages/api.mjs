import { mount, attributes } from '/troubleshooter.js';

window.widgetAttributes = attributes;
window.widget = await mount(document.getElementById('target'), {
  orgName: 'Contoso',
  supportEmail: 'helpdesk@contoso.com',
});
document.body.dataset.mounted = 'yes';
