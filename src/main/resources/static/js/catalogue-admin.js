// Catalogue administration, progressive enhancement only: both pages work without this file.
(function () {
  // Offer form: only the thematics of the ticked domains are shown; ticking a thematic ticks its domain.
  var domainBoxes = document.querySelectorAll('input[name="domains"][data-domain]');
  var groups = document.querySelectorAll('.thematic-choice[data-domain]');
  var empty = document.querySelector('.thematics-empty');

  function domainBox(id) {
    return document.querySelector('input[name="domains"][data-domain="' + id + '"]');
  }

  function refresh(uncheckHidden) {
    var shown = 0;
    groups.forEach(function (group) {
      var box = domainBox(group.getAttribute('data-domain'));
      var ticked = group.querySelectorAll('input:checked').length > 0;
      var visible = (box && box.checked) || (!uncheckHidden && ticked);
      if (!visible && uncheckHidden) {
        group.querySelectorAll('input:checked').forEach(function (input) { input.checked = false; });
      }
      group.hidden = !visible;
      if (visible) { shown++; }
    });
    if (empty) { empty.hidden = shown > 0; }
  }

  if (groups.length) {
    refresh(false);
    domainBoxes.forEach(function (box) {
      box.addEventListener('change', function () { refresh(true); });
    });
    groups.forEach(function (group) {
      group.addEventListener('change', function () {
        var box = domainBox(group.getAttribute('data-domain'));
        if (box && group.querySelectorAll('input:checked').length > 0) { box.checked = true; }
      });
    });
  }

  // List of offers: one box ticks every offer of the page for the bulk assignment.
  var all = document.getElementById('tout-cocher');
  if (all) {
    var boxes = document.querySelectorAll('input[name="offres"]');
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  }
})();
