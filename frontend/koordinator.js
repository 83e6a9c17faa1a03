/* /koordinator: the municipality's coordinator sees stale listings, associations (with an
 * inactivity filter and a reminder list), the review queue, accounts, invites editors,
 * uploads import files and turns review on and off per association; statistik.js adds the
 * statistics, the referral queue and supply/demand. A section whose
 * endpoint the server does not have yet (404) says so and the rest of the page still works. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var byId = P.byId;
  var relogin = P.showLogin;  // shows the login form (with a message) instead of the work

  var statusEl = byId('status');
  var errorEl = byId('fejl');
  var FRESHNESS = { fresh: 'Opdateret', stale: 'Bør bekræftes', hidden: 'Skjult' };
  var ROLES = { association: 'Forening', coordinator: 'Koordinator', staff: 'Medarbejder' };

  function say(text) { statusEl.textContent = text; }

  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = !text;
  }

  function content(name) { return document.querySelector('[data-load="' + name + '"]'); }

  // Puts a message or a node into a section.
  function fillSection(name, child) {
    var box = content(name);
    P.clear(box);
    box.appendChild(typeof child === 'string' ? el('p', '', [child]) : child);
  }

  // A table with a caption for screen readers; cells are strings or nodes.
  function table(caption, heads, rows) {
    var thead = el('tr', '', heads.map(function (h) { var th = el('th', '', [h]); th.scope = 'col'; return th; }));
    var body = el('tbody', '', rows.map(function (cells) {
      return el('tr', '', cells.map(function (c) { return el('td', '', [c === undefined || c === null ? '' : c]); }));
    }));
    return P.scrollTable(caption, el('table', 'table', [el('caption', 'sr-only', [caption]), el('thead', '', [thead]), body]));
  }

  // GET a section's data; 404 means the server does not offer it yet.
  function load(name, path, render) {
    fillSection(name, 'Henter …');
    return P.api('GET', path).then(function (ans) {
      if (ans.ok && ans.body) render(ans.body);
      else if (ans.status === 404) fillSection(name, 'Denne oversigt er ikke klar på serveren endnu.');
      else if (ans.status === 401) relogin();
      else fillSection(name, P.errorMessage(ans));
    });
  }

  function failed(ans) {
    if (ans.status === 401) relogin();
    else showError(P.errorMessage(ans));
  }

  /* ---------- sections ---------- */

  function loadStale() {
    return load('stale', '/api/v1/coordinator/stale', function (body) {
      var list = body.activities || [];
      if (!list.length) { fillSection('stale', 'Alle aktiviteter er bekræftet for nylig.'); return; }
      fillSection('stale', table('Aktiviteter, der bør bekræftes', ['Aktivitet', 'Forening', 'Sidst bekræftet', 'Status'],
        list.map(function (a) {
          var f = a.freshness || {};
          return [a.title, a.association && a.association.name, P.date(f.last_confirmed), FRESHNESS[f.state] || f.state];
        })));
    });
  }

  function inactiveDays() {
    var v = byId('inaktiv').value.trim();
    return /^\d+$/.test(v) && Number(v) > 0 ? v : '';
  }

  function loadAssociations() {
    var days = inactiveDays();
    var path = '/api/v1/coordinator/associations' + (days ? '?inactive_days=' + days : '');
    return load('associations', path, function (body) {
      var list = body.associations || [];
      if (!list.length) { fillSection('associations', 'Ingen foreninger passer på filteret.'); return; }
      fillSection('associations', table('Foreninger', ['Forening', 'Aktiviteter', 'Bør bekræftes', 'Skjulte',
        'Venter', 'Sidst logget ind', 'Godkendelse før visning', 'Redaktør'],
      list.map(function (a) {
        return [a.name, String(a.activities || 0), String(a.stale || 0), String(a.hidden || 0), String(a.pending || 0),
          a.last_login ? P.date(a.last_login) : 'Aldrig', reviewToggle(a), inviteButton(a)];
      })));
    });
  }

  function reviewToggle(a) {
    var box = el('input');
    box.type = 'checkbox';
    box.checked = !!a.review_required;
    box.addEventListener('change', function () {
      var want = box.checked;
      P.api('PUT', '/api/v1/associations/' + encodeURIComponent(a.id) + '/review', { required: want }).then(function (ans) {
        if (!ans.ok) { box.checked = !want; failed(ans); return; }
        say(want ? a.name + ': nye ændringer skal nu godkendes, før de vises.' : a.name + ': ændringer vises nu med det samme.');
      });
    });
    return el('label', 'check', [box, ' ', el('span', '', ['Skal godkendes']), el('span', 'sr-only', [' – ' + a.name])]);
  }

  function inviteButton(a) {
    var b = P.button('Inviter redaktør', 'secondary', function () {
      P.api('POST', '/api/v1/invitations', { association: a.id }).then(function (ans) {
        if (!ans.ok || !ans.body) { failed(ans); return; }
        var box = byId('invitation');
        byId('invitation-tekst').textContent = 'Invitation til ' + a.name + '. Linket virker til ' + P.date(ans.body.expires_at) + '.';
        byId('invitation-link').value = new URL(ans.body.url, location.href).href;
        box.hidden = false;
        box.focus();
        say('Linket er lavet. Kopiér det og send det til redaktøren.');
      });
    });
    b.setAttribute('aria-label', 'Inviter redaktør for ' + a.name);
    return b;
  }

  byId('kopier').addEventListener('click', function () {
    var input = byId('invitation-link');
    input.select();
    var done = function () { say('Linket er kopieret.'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, function () { say('Marker linket og kopiér det selv.'); });
    } else {
      say('Marker linket og kopiér det selv.');
    }
  });

  byId('filter').addEventListener('submit', function (ev) {
    ev.preventDefault();
    loadAssociations().then(function () { say('Listen over foreninger er opdateret.'); });
  });

  // The reminder list needs the session's token, so it is fetched and handed over as a file.
  byId('paamindelser').addEventListener('click', function () {
    var days = inactiveDays();
    P.api('GET', '/api/v1/coordinator/reminders.csv' + (days ? '?inactive_days=' + days : ''), null, { blob: true }).then(function (ans) {
      if (ans.status === 404) { showError('Påmindelseslisten er ikke klar på serveren endnu.'); return; }
      if (!ans.ok) { failed(ans); return; }
      var a = el('a');
      a.href = URL.createObjectURL(ans.body);
      a.download = 'paamindelser.csv';
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      say('Påmindelseslisten er hentet.');
    });
  });

  function loadReview() {
    return load('review', '/api/v1/review', function (body) {
      var list = body.activities || [];
      if (!list.length) { fillSection('review', 'Ingen aktiviteter venter på godkendelse.'); return; }
      var ol = el('ol', 'list');
      list.forEach(function (a) { ol.appendChild(reviewItem(a)); });
      fillSection('review', ol);
    });
  }

  function reviewItem(a) {
    var li = P.renderResult(a);
    var id = 'note-' + a.id;
    var note = el('textarea', 'form-input');
    note.id = id;
    note.rows = 2;
    var label = el('label', 'form-label', ['Begrundelse, hvis du afviser']);
    label.htmlFor = id;
    function decide(path, body, message) {
      P.api('POST', '/api/v1/activities/' + encodeURIComponent(a.id) + path, body).then(function (ans) {
        if (!ans.ok) { failed(ans); return; }
        say(message);
        loadReview();
      });
    }
    var approve = P.button('Godkend', '', function () { decide('/approve', null, '"' + a.title + '" er godkendt og kan nu findes.'); });
    approve.setAttribute('aria-label', 'Godkend ' + a.title);
    var reject = P.button('Afvis', 'danger', function () {
      if (!note.value.trim()) { showError('Skriv en begrundelse, så foreningen ved, hvad den skal rette.'); note.focus(); return; }
      showError('');
      decide('/reject', { note: note.value.trim() }, '"' + a.title + '" er afvist. Foreningen kan se begrundelsen.');
    });
    reject.setAttribute('aria-label', 'Afvis ' + a.title);
    li.appendChild(el('p', 'hint', ['Indsendt ' + P.date(a.submitted_at)]));
    li.appendChild(el('div', 'field', [label, note]));
    li.appendChild(el('div', 'actions', [approve, reject]));
    return li;
  }

  function loadAccounts() {
    return load('accounts', '/api/v1/accounts', function (body) {
      var list = body.accounts || [];
      fillSection('accounts', table('Konti', ['Brugernavn', 'Rolle', 'Forening', 'Sidst logget ind', 'Status', 'Handling'],
        list.map(function (a) {
          return [a.username, ROLES[a.role] || a.role, a.association || '', a.last_login ? P.date(a.last_login) : 'Aldrig',
            a.disabled ? 'Spærret' : 'Aktiv', accountButton(a)];
        })));
    });
  }

  function accountButton(a) {
    var b = P.button(a.disabled ? 'Genåbn' : 'Spær', a.disabled ? 'secondary' : 'danger', function () {
      P.api('PUT', '/api/v1/accounts/' + encodeURIComponent(a.id) + '/disabled', { disabled: !a.disabled }).then(function (ans) {
        if (!ans.ok) { failed(ans); return; }
        say(a.username + (a.disabled ? ' kan logge ind igen.' : ' er spærret og logget ud.'));
        loadAccounts();
      });
    });
    b.setAttribute('aria-label', (a.disabled ? 'Genåbn ' : 'Spær ') + a.username);
    return b;
  }

  byId('import-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var file = byId('fil').files[0];
    var out = byId('rapport');
    if (!file) { showError('Vælg en fil først.'); byId('fil').focus(); return; }
    if (file.size > 1024 * 1024) { showError('Filen er for stor (højst 1 MB).'); byId('fil').focus(); return; }
    showError('');
    var query = 'filename=' + encodeURIComponent(file.name);
    var source = byId('kilde').value.trim();
    if (source) query += '&source=' + encodeURIComponent(source);
    var association = byId('import-forening').value.trim();
    if (association) query += '&association=' + encodeURIComponent(association);
    say('Indlæser filen …');
    P.api('POST', '/api/v1/imports?' + query, null, { raw: file }).then(function (ans) {
      if (ans.status === 404 && !(ans.body && ans.body.error && ans.body.error.field)) {
        say('');
        showError('Indlæsning af filer er ikke klar på serveren endnu.');
        return;
      }
      if (!ans.ok || !ans.body) { say(''); failed(ans); return; }
      var r = ans.body;
      out.textContent = r.report || ('Læst: ' + r.read + ', oprettet: ' + r.created + ', opdateret: ' + r.updated +
        ', uændret: ' + r.unchanged + ', ugyldige: ' + r.invalid);
      out.hidden = false;
      out.focus();
      say('Filen er indlæst.');
      loadStale();
      loadAssociations();
    });
  });

  /* ---------- login and start ---------- */

  function start() {
    P.whoAmI().then(function (s) {
      if (!s) { relogin(''); return; }
      if (s.role !== 'coordinator') {
        relogin('Denne side er for kommunens koordinatorer. Log ind med en koordinatorkonto.');
        return;
      }
      P.showWork(s);
      byId('indhold').focus();
      Promise.all([loadStale(), loadAssociations(), loadReview(), loadAccounts()]).then(function () { say('Oversigten er hentet.'); });
      if (window.PortalStats) window.PortalStats.start({ relogin: relogin, say: say, showError: showError });
    });
  }

  P.loginForm(byId('login'), start);
  byId('log-ud').addEventListener('click', function () {
    P.logout().then(function () { relogin(''); say('Du er logget ud.'); });
  });

  P.loadVocabulary().then(function () {
    if (P.session()) start();
    else relogin('');
  });
})();
