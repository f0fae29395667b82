// Uploads, progressive enhancement only: without this file every upload form posts as usual, and the server checks
// everything again whatever happens here. Loaded only by the pages that have an upload form.
//
// A file field carrying data-max-bytes (written by the server from its configuration, with accept, data-types and,
// on the request forms, data-max-files, data-per-post-bytes, data-remaining-bytes) is checked as soon as files are
// chosen and again on submit: a file too large or of a type not accepted gets a message next to the field and nothing
// is sent. A form that passes is sent by XMLHttpRequest (FormData: every field, CSRF token included) with a progress
// bar, the percentage and the time left; the server's answer (the page it redirected to, or the form with its
// messages) then replaces the page. If the connection breaks, or the server (or the proxy before it) fails, the form
// stays as it was with a message, and the files can be sent again (a connection broken after the whole body went out
// may have left the files stored: the message then says to check first).
(function () {
  'use strict';

  var FIELD = 'input[type="file"][data-max-bytes]';
  var SUBMIT = 'button[type="submit"], button:not([type])';
  var INTERRUPTED = "L'envoi a été interrompu : rien n'a été enregistré. Vous pouvez renvoyer le fichier.";
  var UNANSWERED = 'La connexion a été perdue après l\'envoi, avant la réponse du serveur : vos fichiers ont peut-être été '
    + 'enregistrés. Rechargez la page pour le vérifier avant de les renvoyer.';
  var CANCELLED = "Envoi annulé : rien n'a été enregistré. Vous pouvez renvoyer le fichier.";
  var REFUSED_AS_TOO_LARGE = 'Le serveur a refusé un envoi aussi volumineux : rien n\'a été enregistré. '
    + 'Vérifiez la taille maximale indiquée sous le champ.';
  var uploading = null;
  var counter = 0;

  /** A size as people read it, like the server's labels: « 150 Mo », « 1,5 Mo », « 12 Ko », « 1,2 Go ». */
  function size(bytes) {
    var units = [[1073741824, 'Go'], [1048576, 'Mo'], [1024, 'Ko']];
    for (var i = 0; i < units.length; i++) {
      if (bytes >= units[i][0]) {
        var n = bytes / units[i][0];
        var shown = n < 10 && Math.floor(n) !== n ? (Math.floor(n * 10) / 10).toString().replace('.', ',') : Math.floor(n);
        return shown + ' ' + units[i][1];
      }
    }
    return bytes + ' octets';
  }

  function number(input, name) {
    var value = input.getAttribute(name);
    return value === null || value === '' ? null : Number(value);
  }

  /** Whether the file matches the field's accept list (extensions like .pdf, types like image/png or image/*). */
  function accepted(file, accept) {
    var tokens = (accept || '').toLowerCase().split(',').map(function (t) { return t.trim(); }).filter(Boolean);
    var name = file.name.toLowerCase();
    var type = (file.type || '').toLowerCase();
    return tokens.length === 0 || tokens.some(function (token) {
      if (token.charAt(0) === '.') {
        return name.length > token.length && name.slice(-token.length) === token;
      }
      if (token.slice(-2) === '/*') {
        return type.indexOf(token.slice(0, -1)) === 0;
      }
      return type === token;
    });
  }

  /** Why the files chosen in the field would be refused (the same rules as the server's); empty when all is fine. */
  function problems(input) {
    var files = Array.prototype.filter.call(input.files || [], function (f) { return f.size > 0; });
    var max = number(input, 'data-max-bytes');
    var maxFiles = number(input, 'data-max-files');
    var perPost = number(input, 'data-per-post-bytes');
    var remaining = number(input, 'data-remaining-bytes');
    var found = [];
    if (maxFiles !== null && files.length > maxFiles) {
      found.push('Vous pouvez joindre au plus ' + maxFiles + ' fichiers à la fois.');
    }
    var total = 0;
    files.forEach(function (file) {
      total += file.size;
      if (file.size > max) {
        found.push('« ' + file.name + ' » (' + size(file.size) + ') dépasse la taille maximale de ' + size(max) + '.');
      } else if (!accepted(file, input.getAttribute('accept'))) {
        found.push('« ' + file.name + ' » n\'est pas d\'un type accepté (' + input.getAttribute('data-types') + ').');
      }
    });
    if (found.length === 0 && perPost !== null && total > perPost) {
      found.push('Ces fichiers font ' + size(total) + ' en tout : ' + size(perPost) + ' au plus par envoi.');
    }
    if (found.length === 0 && remaining !== null && total > remaining) {
      found.push('Ces fichiers (' + size(total) + ') dépassent l\'espace de stockage restant de la collectivité : '
        + size(remaining) + '.');
    }
    return found;
  }

  function describedBy(input, id, present) {
    var ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
    if (present) {
      ids.push(id);
    }
    if (ids.length) {
      input.setAttribute('aria-describedby', ids.join(' '));
    } else {
      input.removeAttribute('aria-describedby');
    }
  }

  /** Checks the field and shows (or removes) the message next to it; true when the files may be sent. */
  function check(input) {
    var found = problems(input);
    var id = (input.id || 'fichier') + '-verification';
    var message = document.getElementById(id);
    if (found.length === 0) {
      if (message) {
        message.remove();
      }
      describedBy(input, id, false);
      if (input.hasAttribute('data-refused-here')) {
        input.removeAttribute('data-refused-here');
        input.removeAttribute('aria-invalid');
        input.classList.remove('is-invalid');
      }
      return true;
    }
    if (!message) {
      message = document.createElement('div');
      message.id = id;
      message.className = 'invalid-feedback d-block';
      message.setAttribute('role', 'alert');
      var help = document.getElementById((input.getAttribute('aria-describedby') || '').split(/\s+/)[0]);
      (help && help.parentNode === input.parentNode ? help : input).after(message);
    }
    message.textContent = found.join(' ') + ' Rien n\'a été envoyé : choisissez '
      + (input.multiple ? 'd\'autres fichiers.' : 'un autre fichier.');
    describedBy(input, id, true);
    input.setAttribute('data-refused-here', '');
    input.setAttribute('aria-invalid', 'true');
    input.classList.add('is-invalid');
    return false;
  }

  /** « environ 1 min 10 s restantes », rounded so that it does not flicker. */
  function timeLeft(seconds) {
    if (seconds < 1) {
      return 'moins d\'une seconde restante';
    }
    var s = seconds < 10 ? Math.ceil(seconds) : seconds < 60 ? Math.round(seconds / 5) * 5 : Math.round(seconds / 10) * 10;
    if (s < 60) {
      return 'environ ' + s + ' s ' + (s > 1 ? 'restantes' : 'restante');
    }
    if (s < 3600) {
      var m = Math.floor(s / 60);
      return 'environ ' + m + ' min' + (s % 60 ? ' ' + (s % 60) + ' s' : '') + ' restantes';
    }
    var minutes = Math.round(s / 60);
    return 'environ ' + Math.floor(minutes / 60) + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '') + ' restantes';
  }

  /** The progress box placed above the form's buttons while it is sent. */
  function progressBox(form, cancel) {
    var id = 'envoi-' + (++counter);
    var box = document.createElement('div');
    box.className = 'upload-progress';
    var label = document.createElement('label');
    label.className = 'form-label';
    label.htmlFor = id;
    label.textContent = 'Envoi des fichiers';
    var bar = document.createElement('progress');
    bar.id = id;
    bar.max = 100;
    bar.value = 0;
    bar.textContent = '0 %';
    var status = document.createElement('p');
    status.className = 'upload-progress-status';
    status.setAttribute('aria-live', 'polite');
    status.textContent = '0 % — envoi en cours…';
    var stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'btn btn-outline-secondary btn-sm';
    stop.textContent = 'Annuler l\'envoi';
    stop.addEventListener('click', cancel);
    box.append(label, bar, status, stop);
    aboveButtons(form, box);
    var shown = 0;
    return {
      update: function (loaded, total, elapsed) {
        var percent = total > 0 ? Math.floor(loaded * 100 / total) : 0;
        bar.value = percent;
        bar.textContent = percent + ' %';
        var now = Date.now();
        if (now - shown < 1000 && loaded < total) {
          return; // the live text changes at most once a second
        }
        shown = now;
        if (loaded >= total) {
          this.sent();
        } else if (elapsed < 1000 || loaded === 0) {
          status.textContent = percent + ' % — calcul du temps restant…';
        } else {
          status.textContent = percent + ' % — ' + timeLeft((total - loaded) / (loaded / elapsed) / 1000);
        }
      },
      sent: function () {
        bar.value = 100;
        bar.textContent = '100 %';
        status.textContent = '100 % — fichiers envoyés, enregistrement en cours…';
        stop.remove(); // too late to cancel: the server has the files
      },
      remove: function () {
        box.remove();
      }
    };
  }

  function buttons(form, disabled) {
    form.querySelectorAll(SUBMIT).forEach(function (b) { b.disabled = disabled; });
  }

  /** Puts the element in the form just above its submit button (or the button's row), else at the form's end. */
  function aboveButtons(form, element) {
    var button = form.querySelector(SUBMIT);
    var place = button && button.parentNode !== form ? button.parentNode : button;
    form.insertBefore(element, place && place.parentNode === form ? place : null);
  }

  function notice(form, text) {
    var alert = form.querySelector('.upload-failure');
    if (!alert) {
      alert = document.createElement('div');
      alert.className = 'alert alert-danger upload-failure';
      alert.setAttribute('role', 'alert');
      aboveButtons(form, alert);
    }
    alert.textContent = text;
  }

  function leaving(event) {
    event.preventDefault();
    event.returnValue = '';
  }

  /** The server's answer in place of the page, as if the browser had posted the form itself. */
  function show(answer, address, redirected, form) {
    // where the server's redirect would have led (its #fragment does not reach XMLHttpRequest): the form, or its section
    var target = form.id || (form.closest('section[id]') || {}).id;
    document.title = answer.title;
    document.body.replaceWith(document.adoptNode(answer.body));
    if (redirected) {
      history.replaceState(null, '', address);
    }
    if (window.htmx) {
      window.htmx.process(document.body);
    }
    var main = document.getElementById('contenu');
    var news = document.querySelector('.flash-messages .alert, main .alert-danger, main .is-invalid') || main;
    if (news) {
      if (!news.matches('input, select, textarea, button')) {
        news.setAttribute('tabindex', '-1');
      }
      news.focus({preventScroll: true});
    }
    var where = target && document.getElementById(target);
    if (where) {
      where.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
  }

  function send(form, submitter) {
    var data;
    try {
      data = new FormData(form, submitter || null);
    } catch (e) {
      data = new FormData(form);
    }
    var action = new URL(form.getAttribute('action') || location.href, location.href).href;
    var xhr = new XMLHttpRequest();
    var cancelled = false;
    var box = progressBox(form, function () {
      cancelled = true;
      xhr.abort();
    });
    var old = form.querySelector('.upload-failure');
    if (old) {
      old.remove();
    }
    function failed(text) {
      uploading = null;
      window.removeEventListener('beforeunload', leaving);
      box.remove();
      buttons(form, false);
      notice(form, text);
    }
    xhr.open('POST', action);
    xhr.responseType = 'document';
    xhr.setRequestHeader('Accept', 'text/html');
    var started = Date.now();
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        box.update(e.loaded, e.total, Date.now() - started);
      }
    });
    var delivered = false; // the whole body went out: a broken connection no longer proves that nothing was stored
    xhr.upload.addEventListener('load', function () {
      delivered = true;
      box.sent();
    });
    xhr.addEventListener('load', function () {
      var answer = xhr.response;
      if (xhr.status === 413) {
        failed(REFUSED_AS_TOO_LARGE);
      } else if (xhr.status === 0 || xhr.status >= 500 || !answer || !answer.body || !answer.querySelector('main')) {
        failed(INTERRUPTED);
      } else {
        uploading = null;
        window.removeEventListener('beforeunload', leaving);
        var address = xhr.responseURL || action;
        show(answer, address, address !== action, form);
      }
    });
    xhr.addEventListener('error', function () { failed(delivered ? UNANSWERED : INTERRUPTED); });
    xhr.addEventListener('abort', function () { failed(cancelled ? CANCELLED : INTERRUPTED); });
    uploading = xhr;
    buttons(form, true);
    window.addEventListener('beforeunload', leaving);
    xhr.send(data);
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches(FIELD)) {
      check(event.target);
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var fields = form.querySelectorAll ? form.querySelectorAll(FIELD) : [];
    if (fields.length === 0 || event.defaultPrevented) {
      return;
    }
    if (uploading) {
      event.preventDefault(); // one upload at a time: the page is about to be replaced
      return;
    }
    var refused = Array.prototype.filter.call(fields, function (input) { return !check(input); });
    if (refused.length) {
      event.preventDefault();
      refused[0].focus();
      return;
    }
    var chosen = Array.prototype.some.call(fields, function (input) { return input.files && input.files.length > 0; });
    if (!chosen || !window.FormData || !window.URL || !('upload' in XMLHttpRequest.prototype)) {
      return; // nothing to upload (or an old browser): the form is posted as usual
    }
    event.preventDefault();
    send(form, event.submitter);
  });
})();
