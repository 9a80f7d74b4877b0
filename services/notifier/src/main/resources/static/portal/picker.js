// The subscription form's searchable lists (templates/portal/subscription-options.html): ticking a
// search result adds it to the chosen ones, unticking either takes it out again; the status line says
// how many results a search found; Enter in a search field searches and never submits the form. A
// refused form's summary of errors takes the focus, so a screen reader starts there.
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }

  function quoted(value) {
    return '"' + (window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&')) + '"';
  }

  function box(picker, list, value) {
    return picker.querySelector(list + ' input[value=' + quoted(value) + ']');
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    var picker = input.closest && input.closest('[data-picker]');
    if (!picker || input.type !== 'checkbox') {
      return;
    }
    if (input.hasAttribute('data-pick')) {
      var chosen = box(picker, '.chosen', input.value);
      if (chosen) {
        chosen.checked = input.checked;
      }
      else if (input.checked) {
        var item = input.closest('li').cloneNode(true);
        var copy = item.querySelector('input');
        copy.removeAttribute('data-pick');
        copy.setAttribute('data-chosen', '');
        copy.checked = true;
        picker.querySelector('.chosen').appendChild(item);
      }
    }
    else if (input.hasAttribute('data-chosen')) {
      var result = box(picker, '.options', input.value);
      if (result) {
        result.checked = input.checked;
      }
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches && event.target.matches('[data-search]')) {
      event.preventDefault();
      if (window.htmx) {
        htmx.trigger(event.target, 'search');
      }
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var source = (event.detail.requestConfig && event.detail.requestConfig.elt) || event.target;
    var picker = source.closest && source.closest('[data-picker]');
    if (!picker) {
      return;
    }
    var found = picker.querySelectorAll('.options [data-pick]').length;
    var status = picker.querySelector('[role="status"]');
    status.textContent = picker.getAttribute('data-found').replace('{0}', found);
  });
})();
