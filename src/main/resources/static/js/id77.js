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
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
