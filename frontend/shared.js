/* Shared by every page: DOM helpers, API calls with the session's token, the vocabulary's
 * Danish labels, and the search result card (the citizen page's results and the editor's
 * live preview are the same code). Plain ES2017, no libraries, no build step.
 * Exposes one global, window.Portal. Text from the API is only ever placed with textContent. */
(function () {
  'use strict';

  var DAYS = { mon: 'mandag', tue: 'tirsdag', wed: 'onsdag', thu: 'torsdag', fri: 'fredag', sat: 'lørdag', sun: 'søndag' };
  var MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august',
    'september', 'oktober', 'november', 'december'];
  var SESSION_KEY = 'portal.session';

  var vocab = null;  // /api/v1/vocabulary once loaded

  /* ---------- DOM ---------- */

  // Create an element; children may be strings (become text nodes) or nodes.
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === '') return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  // A DKFDS button: className '' (primary), 'secondary', 'danger' (warning) or 'toggle'
  // (secondary, pressed state in aria-pressed), plus any other classes.
  function button(text, className, onClick) {
    var kind = 'button-primary';
    var rest = (className || '').split(' ').filter(function (c) {
      if (c === 'secondary' || c === 'toggle') kind = 'button-secondary';
      else if (c === 'danger') kind = 'button-warning';
      return c && c !== 'secondary' && c !== 'danger';
    });
    var b = el('button', ['button', kind].concat(rest).join(' '), [text]);
    b.type = 'button';
    if (onClick) b.addEventListener('click', onClick);
    return b;
  }

  function byId(id) { return document.getElementById(id); }

  // A wide table inside a box that scrolls sideways on a narrow screen, so the page itself
  // never does: a named region that can get keyboard focus (to scroll it with the arrow keys).
  function scrollTable(caption, table) {
    var box = el('div', 'scroll', [table]);
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Tabel: ' + caption);
    box.tabIndex = 0;
    return box;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function cap(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }

  /* ---------- session and API ---------- */

  // {token, role, username, association, expires_at} kept for this browser tab only.
  function session() {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { return null; }
  }
  function saveSession(s) { sessionStorage.setItem(SESSION_KEY, JSON.stringify(s)); }
  function endSession() { sessionStorage.removeItem(SESSION_KEY); }

  // Calls the API. Resolves (never rejects) to {status, ok, body}: status 0 when the server
  // could not be reached, body null when the answer was not JSON. `raw` sends a Blob/File
  // body as it is; `blob` reads the answer as a Blob (bytes kept, e.g. a CSV file's BOM).
  function api(method, path, body, options) {
    options = options || {};
    var headers = {};
    var s = session();
    if (s && s.token) headers.Authorization = 'Bearer ' + s.token;
    var init = { method: method, headers: headers, cache: 'no-store' };
    if (options.raw) {
      init.body = options.raw;
      headers['Content-Type'] = 'application/octet-stream';
    } else if (body !== undefined && body !== null) {
      init.body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, init).then(function (res) {
      var read = options.blob ? res.blob() : res.status === 204 ? Promise.resolve(null) : res.json();
      return read.then(function (b) { return { status: res.status, ok: res.ok, body: b }; },
        function () { return { status: res.status, ok: res.ok, body: null }; });
    }, function () { return { status: 0, ok: false, body: null }; });
  }

  // A Danish message for a failed call.
  function errorMessage(ans) {
    var err = ans.body && ans.body.error;
    if (ans.status === 0) return 'Vi kunne ikke få forbindelse til serveren. Tjek at du er på internettet, og prøv igen.';
    if (ans.status === 401) return 'Du er ikke logget ind længere. Log ind igen.';
    if (ans.status === 403) return 'Det har du ikke adgang til.';
    if (err && err.message) return err.message;
    return 'Der skete en fejl på serveren. Prøv igen om lidt.';
  }

  // Logs in; saves and resolves to the session, or resolves to {error: Danish message, status}.
  function login(username, password, path) {
    return api('POST', path || '/api/v1/auth/login', { username: username, password: password }).then(function (ans) {
      if (ans.ok && ans.body && ans.body.token) {
        var s = { token: ans.body.token, role: ans.body.role, username: ans.body.username || username,
          association: ans.body.association || null, expires_at: ans.body.expires_at };
        saveSession(s);
        return s;
      }
      var text = ans.status === 401 ? 'Forkert brugernavn eller adgangskode. Prøv igen.'
        : ans.status === 429 ? 'Der har været for mange forsøg på at logge ind. Vent et kvarter, og prøv igen.'
          : errorMessage(ans);
      return { error: text, status: ans.status };
    });
  }

  // Asks the server who the session belongs to (GET /api/v1/me). Resolves to the session
  // (association as an id, name when known) or null when it is no longer valid. Where the
  // server does not have /me yet, the stored login answer is used.
  function whoAmI() {
    var s = session();
    if (!s) return Promise.resolve(null);
    return api('GET', '/api/v1/me').then(function (ans) {
      if (ans.status === 401) { endSession(); return null; }
      if (ans.ok && ans.body) {
        var a = ans.body.association;
        s.role = ans.body.role || s.role;
        s.username = ans.body.username || s.username;
        s.association = a && a.id ? a.id : s.association;
        s.association_name = a && a.name ? a.name : s.association_name;
        saveSession(s);
      }
      return s;
    });
  }

  // Builds the login form into `section` (an empty <section id="login">; its data-intro, if
  // any, is shown above the fields) with Danish messages for missing fields, 401 and 429, and
  // calls done(session) after a successful login. Ids: brugernavn, adgangskode, login-fejl.
  function loginForm(section, done) {
    function input(id, type, text, autocomplete) {
      var f = el('input');
      f.type = type;
      f.id = id;
      f.name = id === 'brugernavn' ? 'username' : 'password';
      f.autocomplete = autocomplete;
      f.required = true;
      f.className = 'form-input';
      var l = el('label', 'form-label', [text]);
      l.htmlFor = id;
      return el('div', 'form-group', [l, f]);
    }
    var errorBox = el('div', 'alert alert-error');
    errorBox.id = 'login-fejl';
    errorBox.setAttribute('role', 'alert');
    errorBox.hidden = true;
    var submit = el('button', 'button button-primary', ['Log ind']);
    submit.type = 'submit';
    var form = el('form', '', [input('brugernavn', 'text', 'Brugernavn', 'username'),
      input('adgangskode', 'password', 'Adgangskode', 'current-password'), errorBox, submit]);
    form.noValidate = true;
    var heading = el('h2', '', ['Log ind']);
    heading.id = 'login-titel';
    section.setAttribute('aria-labelledby', heading.id);
    section.appendChild(heading);
    if (section.getAttribute('data-intro')) section.appendChild(el('p', '', [section.getAttribute('data-intro')]));
    section.appendChild(form);

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var user = form.elements.username;
      var pass = form.elements.password;
      function fail(message, focus) {
        errorBox.textContent = message;
        errorBox.hidden = false;
        focus.focus();
      }
      if (!user.value.trim() || !pass.value) {
        fail('Skriv både brugernavn og adgangskode.', user.value.trim() ? pass : user);
        return;
      }
      login(user.value.trim(), pass.value).then(function (s) {
        if (s.error) { fail(s.error, pass); return; }
        pass.value = '';
        errorBox.hidden = true;
        done(s);
      });
    });
  }

  // The staff and coordinator pages: #login (the form) or #arbejde (the work) with #log-ud and
  // #hvem in the header. showLogin ends the session and shows `message` above the form (the
  // "logged out" text when undefined, nothing when ''); showWork shows who is logged in.
  function showLogin(message) {
    endSession();
    byId('arbejde').hidden = true;
    byId('log-ud').hidden = true;
    byId('hvem').hidden = true;
    byId('login').hidden = false;
    var box = byId('login-fejl');
    var text = message === undefined ? 'Du er ikke logget ind længere. Log ind igen.' : message;
    box.textContent = text;
    box.hidden = !text;
    byId('brugernavn').focus();
  }

  function showWork(s) {
    byId('login').hidden = true;
    byId('arbejde').hidden = false;
    byId('log-ud').hidden = false;
    byId('hvem').textContent = 'Logget ind som ' + s.username;
    byId('hvem').hidden = false;
  }

  function logout() {
    return api('POST', '/api/v1/auth/logout').then(function () { endSession(); });
  }

  /* ---------- vocabulary ---------- */

  function loadVocabulary() {
    if (vocab) return Promise.resolve(vocab);
    return fetch('/api/v1/vocabulary')
      .then(function (res) { return res.ok ? res.json() : null; })
      .catch(function () { return null; })
      .then(function (v) { vocab = v; return v; });
  }

  // Danish label for a code, falling back to the code itself.
  function label(group, code) {
    var g = vocab && vocab[group];
    return g && g[code] && g[code].da ? g[code].da : code;
  }

  // The codes of a vocabulary group, in the vocabulary's order.
  function codes(group) {
    if (group === 'weekdays') return (vocab && vocab.weekdays) || Object.keys(DAYS);
    return Object.keys((vocab && vocab[group]) || {});
  }

  function dayName(code) { return DAYS[code] || code; }

  /* ---------- the result card ---------- */

  function number(n, decimals) { return n.toFixed(decimals).replace('.', ','); }

  function time(t) { return t ? t.replace(':', '.') : ''; }

  function timeSpan(start, end) {
    return start ? 'kl. ' + time(start) + (end ? '–' + time(end) : '') : '';
  }

  function scheduleLine(e) {
    var day = DAYS[e.weekday] || e.weekday;
    var when;
    if (e.week_of_month === -1) when = 'Sidste ' + day + ' i måneden';
    else if (e.week_of_month) when = e.week_of_month + '. ' + day + ' i måneden';
    else if (e.every_weeks > 1) when = cap(day) + ' hver ' + e.every_weeks + '. uge';
    else when = 'Hver ' + day;
    var t = timeSpan(e.start, e.end);
    return t ? when + ' ' + t : when;
  }

  function nextLine(n) {
    var d = (n.date || '').split('-');
    var text = 'Næste gang: ';
    if (d.length === 3) {
      text += (DAYS[n.weekday] ? DAYS[n.weekday] + ' ' : '') + Number(d[2]) + '. ' + MONTHS[Number(d[1]) - 1];
      if (Number(d[0]) !== new Date().getFullYear()) text += ' ' + d[0];
    } else {
      text += n.date;
    }
    var t = timeSpan(n.start, n.end);
    return t ? text + ' ' + t : text;
  }

  function priceText(r) {
    var parts = [];
    if (r.price_dkk === 0) parts.push('Gratis');
    else if (typeof r.price_dkk === 'number') parts.push(number(r.price_dkk, r.price_dkk % 1 ? 2 : 0) + ' kr.');
    if (r.price_note) parts.push(r.price_note);
    return parts.length ? parts.join(' – ') : 'Pris ikke oplyst';
  }

  // A <dt>/<dd> pair; lines become one <dd> each.
  function row(dl, term, lines) {
    lines = lines.filter(function (x) { return x; });
    if (!lines.length) return;
    dl.appendChild(el('dt', '', [term]));
    lines.forEach(function (line) { dl.appendChild(el('dd', '', [line])); });
  }

  function labels(group, list) {
    return (list || []).map(function (c) { return label(group, c); });
  }

  // One activity as the citizen sees it in the search results (an <li class="card">).
  function renderResult(r) {
    var loc = r.location || {};
    var dl = el('dl', 'facts');

    var where = [loc.name, loc.address, [loc.postcode, loc.city].filter(Boolean).join(' ')];
    if (typeof r.distance_km === 'number') {
      where.push((loc.approximate ? 'Cirka ' : '') + number(r.distance_km, 1) + ' km væk');
    }
    row(dl, 'Hvor', where);

    var when = (r.schedule || []).map(scheduleLine);
    if (!when.length) when.push('Efter aftale');
    when.push(r.schedule_note);
    if (r.next_occurrence) when.push(nextLine(r.next_occurrence));
    row(dl, 'Hvornår', when);

    row(dl, 'Transport', [labels('transport', r.transport).join(', ')]);
    row(dl, 'Tilgængelighed', [labels('accessibility', r.accessibility).join(', ')]);
    row(dl, 'For', [labels('target_groups', r.target_groups).join(', ')]);
    row(dl, 'Pris', [priceText(r)]);

    var assoc = r.association && r.association.name;
    return el('li', 'card', [
      el('article', '', [
        el('h3', '', [r.title || 'Aktivitet']),
        assoc ? el('p', 'assoc', [assoc]) : null,
        r.snippet ? el('p', 'snippet', [r.snippet]) : null,
        dl,
        r.welcome ? el('p', 'welcome', ['Der er en fast person, der tager imod nye']) : null
      ])
    ]);
  }

  /* ---------- small formatting helpers for the editor pages ---------- */

  // "2026-11-22T10:00:00Z" or "2026-11-22" → "22. november 2026"; '' for nothing.
  function date(value) {
    if (!value) return '';
    var d = String(value).slice(0, 10).split('-');
    if (d.length !== 3) return String(value);
    return Number(d[2]) + '. ' + MONTHS[Number(d[1]) - 1] + ' ' + d[0];
  }

  window.Portal = {
    el: el, byId: byId, button: button, scrollTable: scrollTable, clear: clear, cap: cap,
    session: session, saveSession: saveSession, endSession: endSession,
    api: api, errorMessage: errorMessage, login: login, loginForm: loginForm, whoAmI: whoAmI, logout: logout,
    showLogin: showLogin, showWork: showWork,
    loadVocabulary: loadVocabulary, label: label, codes: codes, dayName: dayName,
    renderResult: renderResult, scheduleLine: scheduleLine, date: date
  };
})();
