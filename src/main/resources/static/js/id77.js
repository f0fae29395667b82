// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js');
document.addEventListener('change', function (event) {
  var el = event.target;
  if (el.matches && el.matches('select[data-autosubmit]') && el.form) {
    el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
  }
});
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute && form.getAttribute('data-confirm');
  if (!message) {
    return;
  }
  if (!window.confirm(message)) {
    event.preventDefault();
  } else if (!form.querySelector('input[name="confirme"]')) {
    // confirmed here: the server then skips its own confirmation page (shown to browsers without JavaScript)
    var confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'confirme';
    confirmed.value = 'oui';
    form.appendChild(confirmed);
  }
});
