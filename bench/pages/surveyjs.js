// Renders the survey JSON named in the query (?survey=URL) with SurveyJS's own UI.
(async () => {
  const url = new URLSearchParams(location.search).get('survey');
  const json = await (await fetch(url)).json();
  const model = new Survey.Model(json);
  window.benchSurvey = model;
  SurveyUI.renderSurvey(model, document.getElementById('main'));
})();
