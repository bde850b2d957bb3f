// Shows, before the first paint, the first screen the build wrote for this
// address and language (src/bin/prerender.rs), so that a person reads it
// while the WebAssembly downloads. Inlined after the app's root element;
// its hash is in the Content-Security-Policy (headers.mjs). The app then
// replaces it with the same screen, carrying over the FAQ's search and
// opened answers (src/ui/app.rs, `mount`).
//
// It never shows a screen the app would contradict. The neutral shell (the
// frame, and "Loading this page…") shows instead wherever the app's first
// screen depends on something the build could not know: a stored session,
// self-check or FAQ goal, stored data it cannot read or from a newer
// version, blocked storage, no network (the app then adds a notice), any
// address but a section's, or a clinic file that changes what the screens
// say. The clinic's languages and colours come from the app's last visit
// (`microcare.first_paint`, src/core/first_paint.rs); on a first visit
// every language counts as offered.
(function () {
  var schemaVersion = 3;
  var root = document.getElementById('microcare');
  var damaged = false;
  var storage = null;
  try {
    storage = window.localStorage;
    storage.getItem('microcare.settings');
  } catch (e) {
    damaged = true;
  }
  // A record's data (as src/core/schema.rs stores it: an envelope, or the
  // bare value of version 1), or {} where there is none.
  function stored(name) {
    if (!storage) return {};
    try {
      var raw = storage.getItem('microcare.' + name);
      if (raw === null) return {};
      var value = JSON.parse(raw);
      if (value && typeof value.schema === 'number') {
        if (value.schema > schemaVersion) damaged = true;
        value = value.data;
      }
      if (value && typeof value === 'object') return value;
    } catch (e) {
      // Unreadable: the app keeps it aside and says so.
    }
    damaged = true;
    return {};
  }
  var settings = stored('settings');
  var hint = stored('first_paint');
  var care = stored('aftercare');
  var check = stored('screening');
  // Every language the build wrote first screens in, unless the clinic
  // offers fewer.
  var built = [].map.call(document.querySelectorAll('template[data-mc-page="home"]'), function (template) {
    return template.getAttribute('data-mc-lang');
  });
  var offered = hint.languages && hint.languages.length ? hint.languages : built;
  // As the app picks (Clinic::pick_lang): the saved choice if offered, else
  // the first of the browser's languages offered (by primary subtag), else
  // the clinic's default, else its first language.
  function primary(tag) {
    return String(tag).split(/[-_]/)[0].toLowerCase();
  }
  var lang = offered.indexOf(settings.lang) >= 0 ? settings.lang : null;
  var wishes = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; !lang && i < wishes.length; i++) {
    for (var j = 0; !lang && j < offered.length; j++) {
      if (primary(offered[j]) === primary(wishes[i])) lang = offered[j];
    }
  }
  lang = lang || hint.default_lang || offered[0];
  var colors = hint.colors || {};
  for (var property in colors) {
    if (/^--mc-color-[a-z-]+$/.test(property)) root.style.setProperty(property, String(colors[property]));
  }
  document.documentElement.lang = lang;
  show();
  // A tab of the first screen tapped before the app has started shows
  // that section's first screen; the app then follows the address itself.
  window.addEventListener('hashchange', function again() {
    if (root.hasAttribute('data-mc-started')) window.removeEventListener('hashchange', again);
    else show();
  });

  function show() {
    var path = location.hash.replace(/^#\/?/, '');
    var page = path === '' ? 'home' : path;
    var sessions = care.sessions && care.sessions.length > 0;
    var answered = check.consent || check.done_on || (check.answers && Object.keys(check.answers).length > 0);
    var neutral =
      damaged ||
      hint.clinic ||
      navigator.onLine === false ||
      !/^[a-z]+$/.test(page) ||
      !document.querySelector('template[data-mc-page="' + page + '"]') ||
      (page === 'faq' ? !!settings.goal : sessions || answered);
    var template = document.querySelector(
      'template[data-mc-page="' + (neutral ? 'home' : page) + '"][data-mc-lang="' + lang + '"]'
    );
    if (!template) return;
    var screen = template.content.cloneNode(true);
    if (neutral) {
      var current = screen.querySelector('[aria-current="page"]');
      if (current) current.removeAttribute('aria-current');
      var status = document.createElement('p');
      status.className = 'mc-status';
      status.setAttribute('role', 'status');
      status.setAttribute('data-mc-status', '');
      status.textContent = template.getAttribute('data-mc-loading');
      screen.querySelector('#mc-main').replaceChildren(status);
      // The clinic's name and logo replace ours: the place is kept, empty.
      var brand = screen.querySelector('.mc-brand');
      if (hint.clinic && brand) brand.style.visibility = 'hidden';
    }
    root.replaceChildren(screen);
    root.setAttribute('data-mc-first-screen', neutral ? 'neutral' : page);
  }
})();
