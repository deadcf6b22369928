// The receipt page's print button: shown only where JavaScript runs, since printing needs
// it. A file of its own because the Content-Security-Policy allows no inline script. It
// reads nothing and stores nothing.
const button = document.getElementById('print');
if (button) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
