// Starts the design system's components (GOV.UK Frontend). A file of its own, because
// the Content-Security-Policy allows no inline script. Every page works without it:
// the components only enhance (focus moves to an error summary, the menu folds on a
// phone, a button is not sent twice). It sets no cookie and stores nothing.
document.body.classList.add('govuk-frontend-supported');
const designSystem = document.getElementById('bryt-scripts').dataset.designSystem;
import(designSystem).then((govuk) => govuk.initAll());
