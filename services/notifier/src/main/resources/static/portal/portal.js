// The portal's small helpers: copy buttons, and the CSRF token on every htmx request.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(button.getAttribute('data-copy-value')).then(function () {
    var text = button.textContent;
    button.textContent = button.getAttribute('data-copied') || '✓';
    setTimeout(function () { button.textContent = text; }, 1500);
  });
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"], input[name="_csrf"]');
  if (token) {
    event.detail.headers['X-CSRF-Token'] = token.getAttribute('content') || token.value;
  }
});
