/* /forening: an association's editor logs in, sees the association's activities with their
 * freshness and review state, confirms, edits (with live checks and a preview rendered by the
 * citizen page's card code), creates and deletes activities, and edits the association.
 * Endpoints the server does not have yet (404) are left out gracefully: the list then comes
 * from the public search, and the form is checked in the browser only. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var byId = P.byId;

  var statusEl = byId('status');
  var errorEl = byId('fejl');
  var form = byId('aktivitet');
  var rowsEl = byId('tider');

  var me = null;            // the session: {token, role, username, association, association_name}
  var association = null;   // the association in the listing format, when known
  var activities = [];      // the list as shown
  var editing = null;       // {id, original, isNew}
  var touched = {};         // fields the user has left or that showed an error
  var typed = {};           // fields the user has typed in
  var validateMissing = false;  // POST /api/v1/activities/validate answered 404
  var validateTimer = null;
  var validateNo = 0;
  var serverErrors = [];    // the last field errors from the server, [{field, message}]
  var afterList = '';       // a message to announce once the list has been reloaded

  var FRESHNESS = { fresh: 'Opdateret', stale: 'Bør bekræftes', hidden: 'Skjult – vises ikke i søgningen' };
  var REPEATS = [['w1', 'Hver uge'], ['w2', 'Hver 2. uge'], ['w3', 'Hver 3. uge'], ['w4', 'Hver 4. uge'],
    ['m1', '1. gang i måneden'], ['m2', '2. gang i måneden'], ['m3', '3. gang i måneden'],
    ['m4', '4. gang i måneden'], ['m-1', 'Sidste gang i måneden']];

  /* ---------- messages and views ---------- */

  function say(text) { statusEl.textContent = text; }

  function showError(box, text) {
    box.textContent = text;
    box.hidden = !text;
  }

  // Show one of the page's sections and move focus to its heading.
  function show(sectionId, focus) {
    ['login', 'oversigt', 'redigering', 'profil'].forEach(function (id) { byId(id).hidden = id !== sectionId; });
    byId('log-ud').hidden = sectionId === 'login';
    if (focus) {
      var target = focus === true ? byId(sectionId).querySelector('h2') : focus;
      if (target) target.focus();
    }
  }

  function failed(ans) {
    if (ans.status === 401) { P.endSession(); startLogin('Du er ikke logget ind længere. Log ind igen.'); return; }
    showError(errorEl, P.errorMessage(ans));
  }

  /* ---------- login ---------- */

  function startLogin(message) {
    me = null;
    byId('hvem').hidden = true;
    show('login');
    showError(byId('login-fejl'), message || '');
    byId('brugernavn').focus();
  }

  P.loginForm(byId('login'), function () { start(); });

  byId('log-ud').addEventListener('click', function () {
    P.logout().then(function () { startLogin(); say('Du er logget ud.'); });
  });

  // After login or on a reload with a session: who is this, then the list.
  function start() {
    P.whoAmI().then(function (s) {
      if (!s) { startLogin(); return; }
      me = s;
      if (!me.association) {
        startLogin('Denne side er for foreningernes redaktører. Din konto hører ikke til en forening.');
        P.endSession();
        return;
      }
      byId('hvem').textContent = 'Logget ind som ' + me.username;
      byId('hvem').hidden = false;
      loadList(true);
    });
  }

  /* ---------- the list ---------- */

  function loadList(focus) {
    say('Henter aktiviteterne …');
    showError(errorEl, '');
    P.api('GET', '/api/v1/associations/' + encodeURIComponent(me.association) + '/activities').then(function (ans) {
      if (ans.ok && ans.body) {
        association = ans.body.association || null;
        showList(ans.body.activities || [], true, focus);
      } else if (ans.status === 404) {
        listFromSearch(focus);   // the server has no list endpoint yet
      } else {
        failed(ans);
        say('');
      }
    });
  }

  // Fallback: the association's public activities, found by paging through the search.
  function listFromSearch(focus) {
    var found = [];
    function page(n) {
      return P.api('GET', '/api/v1/search?per_page=100&page=' + n).then(function (ans) {
        if (!ans.ok || !ans.body) { failed(ans); return; }
        (ans.body.results || []).forEach(function (r) {
          if (r.association && r.association.id === me.association) {
            r.partial = true;  // a search result, not the whole listing
            found.push(r);
            me.association_name = me.association_name || r.association.name;
          }
        });
        if (n * 100 < (ans.body.total || 0) && n < 50) return page(n + 1);
        found.sort(function (a, b) { return a.title.localeCompare(b.title, 'da'); });
        showList(found, false, focus);
      });
    }
    page(1);
  }

  function stateLine(a) {
    var parts = [];
    if (a.freshness && FRESHNESS[a.freshness.state]) {
      var text = FRESHNESS[a.freshness.state];
      if (a.freshness.last_confirmed) text += ' (sidst bekræftet ' + P.date(a.freshness.last_confirmed) + ')';
      parts.push(el('span', 'badge ' + ({ fresh: 'badge-success', stale: 'badge-warning' }[a.freshness.state] || 'badge-error'), [text]));
    }
    if (a.review && a.review.status === 'pending') parts.push(el('span', 'badge badge-info', ['Afventer godkendelse']));
    if (a.review && a.review.status === 'rejected') {
      parts.push(el('span', 'badge badge-error', ['Afvist: ' + (a.review.note || 'ingen begrundelse')]));
    }
    return parts.length ? el('p', 'states', parts) : null;
  }

  function showList(list, complete, focus) {
    activities = list;
    var ul = byId('aktiviteter');
    P.clear(ul);
    var name = (association && association.name) || me.association_name || me.association;
    byId('oversigt-titel').textContent = 'Aktiviteter for ' + name;
    var note = byId('liste-note');
    note.hidden = complete;
    note.textContent = complete ? '' : 'Listen viser de aktiviteter, der kan findes i søgningen lige nu.';
    list.forEach(function (a) { ul.appendChild(listItem(a)); });
    if (!list.length) ul.appendChild(el('li', 'card', ['Foreningen har ingen aktiviteter endnu.']));
    say(afterList || (list.length === 1 ? '1 aktivitet' : list.length + ' aktiviteter'));
    afterList = '';
    show('oversigt', focus);
  }

  function listItem(a) {
    var li = el('li', 'card item', [el('h3', '', [a.title || a.id]), stateLine(a)]);
    var actions = el('div', 'actions');
    if (a.freshness) {
      actions.appendChild(P.button('Bekræft at aktiviteten er aktuel', '', function () { confirmCurrent(a, li); }));
    }
    var edit = P.button('Ret', 'secondary', function () { openEditor(a); });
    edit.setAttribute('aria-label', 'Ret ' + a.title);
    actions.appendChild(edit);
    var del = P.button('Slet', 'danger', function () { askDelete(a, li, del); });
    del.setAttribute('aria-label', 'Slet ' + a.title);
    actions.appendChild(del);
    li.appendChild(actions);
    return li;
  }

  function confirmCurrent(a, li) {
    P.api('POST', '/api/v1/activities/' + encodeURIComponent(a.id) + '/confirm').then(function (ans) {
      if (!ans.ok) { failed(ans); return; }
      a.freshness = (ans.body && ans.body.freshness) || a.freshness;
      var old = li.querySelector('.states');
      var fresh = stateLine(a);
      if (old && fresh) li.replaceChild(fresh, old);
      say('Tak. "' + a.title + '" er bekræftet som aktuel.');
    });
  }

  // Deleting asks once more inside the card; focus goes to the "yes" button.
  function askDelete(a, li, del) {
    if (li.querySelector('.ask')) return;
    var box = el('div', 'ask', [el('p', '', ['Vil du slette "' + a.title + '"? Det kan ikke fortrydes.'])]);
    var yes = P.button('Ja, slet aktiviteten', 'danger', function () {
      P.api('DELETE', '/api/v1/activities/' + encodeURIComponent(a.id)).then(function (ans) {
        if (!ans.ok) { failed(ans); return; }
        loadListKeepStatus('"' + a.title + '" er slettet.');
      });
    });
    var no = P.button('Nej, behold den', 'secondary', function () { li.removeChild(box); del.focus(); });
    box.appendChild(el('div', 'actions', [yes, no]));
    li.appendChild(box);
    yes.focus();
  }

  byId('ny').addEventListener('click', function () { openEditor(null); });

  /* ---------- the activity form ---------- */

  function buildChecks() {
    form.querySelectorAll('.checks').forEach(function (box) {
      var group = box.getAttribute('data-vocab');
      var name = box.parentNode.getAttribute('data-field');
      P.codes(group).forEach(function (code) {
        var input = el('input');
        input.type = 'checkbox';
        input.name = name;
        input.value = code;
        box.appendChild(el('label', 'check', [input, ' ', el('span', '', [P.label(group, code)])]));
      });
    });
  }

  function field(path) { return form.querySelector('[data-field="' + path + '"]'); }

  function addRow(entry) {
    var i = rowsEl.children.length;
    var p = 'f-s' + i + '-';
    function input(key, text, value) {
      var f = el('input');
      f.type = 'text';
      f.id = p + key;
      f.className = 'form-input input-width-xs';
      f.setAttribute('data-field', 'schedule[' + i + '].' + key);
      f.maxLength = 5;
      f.value = value || '';
      return el('div', 'form-group', [labelFor(f.id, text), f]);
    }
    var day = el('select', 'form-select');
    day.id = p + 'weekday';
    day.setAttribute('data-field', 'schedule[' + i + '].weekday');
    P.codes('weekdays').forEach(function (code) {
      day.appendChild(el('option', '', [P.cap(P.dayName(code))])).value = code;
    });
    day.value = entry.weekday || 'mon';
    var repeat = el('select', 'form-select');
    repeat.id = p + 'repeat';
    repeat.setAttribute('data-field', 'schedule[' + i + '].every_weeks');
    REPEATS.forEach(function (r) { repeat.appendChild(el('option', '', [r[1]])).value = r[0]; });
    repeat.value = entry.week_of_month ? 'm' + entry.week_of_month : 'w' + (entry.every_weeks || 1);
    var row = el('fieldset', 'row', [
      el('legend', '', ['Tidspunkt ' + (i + 1)]),
      el('div', 'pair', [el('div', 'form-group', [labelFor(day.id, 'Ugedag'), day]),
        el('div', 'form-group', [labelFor(repeat.id, 'Hvor tit'), repeat])]),
      el('div', 'pair', [input('start', 'Fra kl.', entry.start), input('end', 'Til kl.', entry.end)])
    ]);
    row.appendChild(P.button('Fjern tidspunkt ' + (i + 1), 'secondary', function () {
      var entries = collect().schedule || [];
      entries.splice(i, 1);
      setRows(entries);
      changed();
      byId('ny-tid').focus();
    }));
    rowsEl.appendChild(row);
  }

  function labelFor(id, text) {
    var l = el('label', 'form-label', [text]);
    l.htmlFor = id;
    return l;
  }

  function setRows(entries) {
    P.clear(rowsEl);
    entries.forEach(addRow);
  }

  byId('ny-tid').addEventListener('click', function () {
    addRow({});
    rowsEl.lastChild.querySelector('select').focus();
    changed();
  });

  function setChecks(name, values) {
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (b) { b.checked = (values || []).indexOf(b.value) >= 0; });
  }

  function setPriceKind(kind) {
    form.querySelectorAll('input[name="price_kind"]').forEach(function (r) { r.checked = r.value === kind; });
    byId('belob-felt').hidden = kind !== 'amount';
  }

  // The form from an activity in the listing format.
  function fill(a) {
    var loc = a.location || {};
    var contact = a.contact || {};
    field('title').value = a.title || '';
    field('description').value = a.description || '';
    ['interests', 'target_groups', 'transport', 'accessibility'].forEach(function (n) { setChecks(n, a[n]); });
    field('location.name').value = loc.name || '';
    field('location.address').value = loc.address || '';
    field('location.postcode').value = loc.postcode || '';
    field('location.city').value = loc.city || '';
    setRows(a.schedule || []);
    field('schedule_note').value = a.schedule_note || '';
    setPriceKind(a.price_dkk === 0 ? 'free' : typeof a.price_dkk === 'number' ? 'amount' : 'unknown');
    field('price_dkk').value = typeof a.price_dkk === 'number' && a.price_dkk ? String(a.price_dkk).replace('.', ',') : '';
    field('price_note').value = a.price_note || '';
    field('contact.name').value = contact.name || '';
    field('contact.phone').value = contact.phone || '';
    field('contact.email').value = contact.email || '';
    field('welcome').checked = !!a.welcome;
  }

  function value(path) { return field(path).value.trim(); }

  function checked(name) {
    var out = [];
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (b) { out.push(b.value); });
    return out;
  }

  // "10.00" and "9:30" are accepted and written as "10:00" and "09:30".
  function normTime(t) {
    var m = /^(\d{1,2})[:.](\d{2})$/.exec(t);
    return m ? (m[1].length === 1 ? '0' : '') + m[1] + ':' + m[2] : t;
  }

  // The activity in the listing format, from the form; empty fields left out.
  function collect() {
    var a = { id: editing.id, association: me.association, title: value('title') };
    function put(obj, key, v) { if (v) obj[key] = v; }
    put(a, 'description', field('description').value.trim());
    ['interests', 'target_groups', 'transport', 'accessibility'].forEach(function (n) {
      // Codes the listing had keep their order; newly ticked ones follow.
      var was = (editing.original && editing.original[n]) || [];
      var rank = function (c) { var i = was.indexOf(c); return i < 0 ? was.length : i; };
      a[n] = checked(n).sort(function (x, y) { return rank(x) - rank(y); });
    });
    var loc = { postcode: value('location.postcode') };
    put(loc, 'name', value('location.name'));
    put(loc, 'address', value('location.address'));
    put(loc, 'city', value('location.city'));
    // Keep an exact coordinate only while the postcode is the one it was given with.
    var old = editing.original && editing.original.location;
    if (old && typeof old.lat === 'number' && !old.approximate && old.postcode === loc.postcode) {
      loc.lat = old.lat;
      loc.lon = old.lon;
    }
    a.location = loc;
    a.schedule = [];
    Array.prototype.forEach.call(rowsEl.children, function (row, i) {
      var p = 'f-s' + i + '-';
      var e = { weekday: byId(p + 'weekday').value };
      put(e, 'start', normTime(byId(p + 'start').value.trim()));
      put(e, 'end', normTime(byId(p + 'end').value.trim()));
      var r = byId(p + 'repeat').value;
      if (r.charAt(0) === 'm') e.week_of_month = Number(r.slice(1));
      else if (r !== 'w1') e.every_weeks = Number(r.slice(1));
      a.schedule.push(e);
    });
    put(a, 'schedule_note', value('schedule_note'));
    var kind = (form.querySelector('input[name="price_kind"]:checked') || {}).value;
    if (kind === 'free') a.price_dkk = 0;
    if (kind === 'amount') {
      var n = Number(value('price_dkk').replace(',', '.'));
      a.price_dkk = value('price_dkk') && isFinite(n) ? n : value('price_dkk');
    }
    put(a, 'price_note', value('price_note'));
    var contact = {};
    put(contact, 'name', value('contact.name'));
    put(contact, 'phone', value('contact.phone'));
    put(contact, 'email', value('contact.email'));
    if (Object.keys(contact).length) a.contact = contact;
    a.welcome = field('welcome').checked;
    return a;
  }

  function plausibleEmail(s) {
    var at = s.indexOf('@');
    return at > 0 && s.indexOf('.', at) > 0 && s.indexOf(' ') < 0 && s.charAt(s.length - 1) !== '.';
  }

  function plausiblePhone(s) {
    if (/[^0-9 +\-()]/.test(s)) return false;
    var digits = s.replace(/\D/g, '').length;
    return digits >= 8 && digits <= 15;
  }

  // Checks made at once in the browser. [{field, message}] in the form's order.
  function check(a) {
    var errors = [];
    function fail(f, m) { errors.push({ field: f, message: m }); }
    if (!a.title) fail('title', 'Skriv en titel.');
    var pc = a.location.postcode;
    if (!pc) fail('location.postcode', 'Skriv postnummeret.');
    else if (!/^\d{4}$/.test(pc)) fail('location.postcode', 'Postnummeret skal være fire cifre, fx 7500.');
    a.schedule.forEach(function (e, i) {
      var p = 'schedule[' + i + '].';
      var ok = /^([01]\d|2[0-3]):[0-5]\d$/;
      if (e.start && !ok.test(e.start)) fail(p + 'start', 'Skriv tidspunktet som time og minut, fx 10:00.');
      if (e.end && !ok.test(e.end)) fail(p + 'end', 'Skriv tidspunktet som time og minut, fx 11:30.');
      if (e.end && !e.start) fail(p + 'start', 'Skriv også, hvornår det begynder.');
      if (e.start && e.end && ok.test(e.start) && ok.test(e.end) && e.end <= e.start) {
        fail(p + 'end', 'Sluttidspunktet skal være efter starttidspunktet.');
      }
    });
    if (typeof a.price_dkk === 'string' || (typeof a.price_dkk === 'number' && a.price_dkk < 0)) {
      fail('price_dkk', 'Skriv beløbet som et tal i kroner, fx 20.');
    }
    var c = a.contact || {};
    if (c.phone && !plausiblePhone(c.phone)) fail('contact.phone', 'Skriv et telefonnummer med mindst 8 cifre, fx 20 11 22 33.');
    if (c.email && !plausibleEmail(c.email)) fail('contact.email', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.');
    return errors;
  }

  // The form control an error's field path belongs to: "interests[2]" → the interests group,
  // "schedule[0].week_of_month" → that row's "how often" select, "schedule[1]" → its weekday.
  function controlFor(path) {
    var f = field(path);
    if (f) return f;
    var m = /^(schedule\[\d+\])(?:\.(\w+))?$/.exec(path);
    if (m) return field(m[1] + (m[2] === 'week_of_month' ? '.every_weeks' : '.weekday'));
    m = /^(\w+)\[\d+\]$/.exec(path);
    if (m) return field(m[1]);
    if (path === 'price_note' || path === 'price_dkk') return field('price_dkk');
    return null;
  }

  // Shows the errors next to their fields (only fields in `touched` unless all is true) and
  // clears the others. Errors without a field go into the summary area.
  function showFieldErrors(errors, all) {
    var shown = {};
    errors.forEach(function (e) {
      var c = controlFor(e.field);
      if (!c || shown[c.id || e.field]) return;
      if (!all && !touched[c.getAttribute('data-field')]) return;
      shown[c.id || e.field] = e.message;
    });
    form.querySelectorAll('[data-field]').forEach(function (c) {
      var key = c.id || c.getAttribute('data-field');
      setFieldError(c, shown[key] || '');
    });
    return shown;
  }

  function setFieldError(c, message) {
    var id = (c.id || c.getAttribute('data-field').replace(/\W/g, '-')) + '-fejl';
    var span = byId(id);
    var described = (c.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    var group = c.tagName === 'FIELDSET' ? c : c.closest('.form-group');
    if (group) group.classList.toggle('form-error', !!message);
    if (!message) {
      if (span) span.parentNode.removeChild(span);
      c.removeAttribute('aria-invalid');
      if (described.length) c.setAttribute('aria-describedby', described.join(' '));
      else c.removeAttribute('aria-describedby');
      return;
    }
    if (!span) {
      span = el('span', 'form-error-message');
      span.id = id;
      // Groups (fieldsets) get the message under their legend, inputs above themselves.
      if (c.tagName === 'FIELDSET') c.insertBefore(span, c.querySelector('legend').nextSibling);
      else c.parentNode.insertBefore(span, c);
    }
    span.textContent = message;
    c.setAttribute('aria-invalid', 'true');
    described.push(id);
    c.setAttribute('aria-describedby', described.join(' '));
  }

  function allErrors(a) {
    var local = check(a);
    var seen = {};
    local.forEach(function (e) { seen[e.field] = true; });
    return local.concat(serverErrors.filter(function (e) { return !seen[e.field]; }));
  }

  function renderPreview(a) {
    var card = JSON.parse(JSON.stringify(a));
    card.association = { id: me.association, name: (association && association.name) || me.association_name || '' };
    if (card.description) card.snippet = card.description.length > 200 ? card.description.slice(0, 197) + '…' : card.description;
    var ol = byId('visning');
    P.clear(ol);
    ol.appendChild(P.renderResult(card));
  }

  // Every change: the browser's checks at once, then the server's (debounced).
  function changed() {
    var a = collect();
    showFieldErrors(allErrors(a), false);
    renderPreview(a);
    clearTimeout(validateTimer);
    if (validateMissing) return;
    validateTimer = setTimeout(function () { validateOnServer(a); }, 400);
  }

  function validateOnServer(a) {
    var no = ++validateNo;
    P.api('POST', '/api/v1/activities/validate', a).then(function (ans) {
      if (no !== validateNo) return;
      // 404/405: this server has no validate endpoint yet; the browser's checks stand alone.
      if ((ans.status === 404 || ans.status === 405) && !fieldErrors(ans.body).length) { validateMissing = true; return; }
      if (ans.ok && ans.body) {
        serverErrors = [];
        if (ans.body.activity) renderPreview(ans.body.activity);
      } else if (ans.status === 400) {
        serverErrors = fieldErrors(ans.body);
      } else {
        return;
      }
      showFieldErrors(allErrors(collect()), false);
    });
  }

  // The `fields` list of an error answer, or its single `field`.
  function fieldErrors(body) {
    var err = body && body.error;
    if (!err) return [];
    if (body.fields || err.fields) return body.fields || err.fields;
    return err.field ? [{ field: err.field, message: err.message }] : [];
  }

  // A field's errors show once the user has typed in it and left it (or at once while it
  // already shows one), so nobody is scolded for a half-typed postcode.
  form.addEventListener('input', function (ev) {
    var f = ev.target.getAttribute('data-field');
    if (f) typed[f] = true;
    if (f && ev.target.getAttribute('aria-invalid')) touched[f] = true;
    changed();
  });
  form.addEventListener('change', function (ev) {
    if (ev.target.name === 'price_kind') setPriceKind(ev.target.value);
    var holder = ev.target.closest('[data-field]');
    if (holder) touched[holder.getAttribute('data-field')] = true;
    changed();
  });
  form.addEventListener('focusout', function (ev) {
    var f = ev.target.getAttribute && ev.target.getAttribute('data-field');
    if (f && typed[f]) { touched[f] = true; showFieldErrors(allErrors(collect()), false); }
  });

  // The summary on submit: one link per error, focused so a screen reader reads it.
  function summarize(shown) {
    var box = byId('fejlliste');
    P.clear(box);
    var ids = Object.keys(shown);
    if (!ids.length) { box.hidden = true; return; }
    var ul = el('ul');
    ids.forEach(function (id) {
      var c = byId(id);
      var text = c && c.labels && c.labels[0] ? c.labels[0].textContent : c && c.querySelector('legend') ? c.querySelector('legend').textContent : id;
      var a = el('a', '', [text.replace(/\s*\(skal udfyldes\)/, '') + ': ' + shown[id]]);
      a.href = '#' + id;
      a.addEventListener('click', function (ev) { ev.preventDefault(); if (c) c.focus(); });
      ul.appendChild(el('li', '', [a]));
    });
    box.appendChild(el('h3', '', [ids.length === 1 ? 'Der er 1 fejl, som skal rettes' : 'Der er ' + ids.length + ' fejl, som skal rettes']));
    box.appendChild(ul);
    box.hidden = false;
    box.focus();
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var a = collect();
    var errors = check(a);
    if (errors.length) { summarize(showFieldErrors(errors, true)); return; }
    var isNew = editing.isNew;
    var path = '/api/v1/activities' + (isNew ? '' : '/' + encodeURIComponent(editing.id));
    if (isNew) a.id = newId(a.title);
    byId('gem').disabled = true;
    say('Gemmer …');
    P.api(isNew ? 'POST' : 'PUT', path, a).then(function (ans) {
      byId('gem').disabled = false;
      if (ans.status === 202) {
        loadListKeepStatus('Sendt til godkendelse. Aktiviteten bliver vist i søgningen, når kommunen har godkendt den.');
      } else if (ans.ok) {
        loadListKeepStatus(isNew ? 'Aktiviteten er oprettet og kan findes i søgningen.' : 'Ændringerne er gemt og kan ses i søgningen.');
      } else if (ans.status === 400) {
        say('');
        serverErrors = fieldErrors(ans.body);
        var shown = showFieldErrors(allErrors(a), true);
        if (Object.keys(shown).length) summarize(shown);
        else showError(errorEl, P.errorMessage(ans));
      } else {
        say('');
        failed(ans);
      }
    });
  });

  // Reload the list and then announce `message` (instead of the count) in the live region.
  function loadListKeepStatus(message) {
    afterList = message;
    loadList(true);
  }

  // A new activity's id: the association's id and the title, in a-z, 0-9 and hyphens.
  function newId(title) {
    var slug = title.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    var id = (me.association + '-' + slug).slice(0, 100).replace(/-+$/, '');
    var taken = activities.map(function (x) { return x.id; });
    var n = 2;
    var candidate = id;
    while (taken.indexOf(candidate) >= 0) candidate = id + '-' + n++;
    return candidate;
  }

  // The listing format from GET /api/v1/activities/{id} (which adds display fields).
  function listingOf(a) {
    var copy = JSON.parse(JSON.stringify(a));
    delete copy.next_occurrences;
    delete copy.freshness;
    delete copy.review;
    if (copy.association && typeof copy.association === 'object') copy.association = copy.association.id;
    if (copy.location) {
      if (copy.location.approximate) { delete copy.location.lat; delete copy.location.lon; }
      delete copy.location.approximate;
      delete copy.location.municipality;
    }
    return copy;
  }

  function openEditor(a) {
    showError(errorEl, '');
    if (a && a.partial) {
      // From the search fallback: fetch the whole listing first.
      P.api('GET', '/api/v1/activities/' + encodeURIComponent(a.id)).then(function (ans) {
        if (!ans.ok || !ans.body) { failed(ans); return; }
        openEditor(listingOf(ans.body));
      });
      return;
    }
    editing = { id: a ? a.id : '', original: a ? listingOf(a) : null, isNew: !a };
    touched = {};
    typed = {};
    serverErrors = [];
    byId('fejlliste').hidden = true;
    fill(a ? listingOf(a) : { schedule: [{ weekday: 'mon' }], price_dkk: 0 });
    byId('redigering-titel').textContent = a ? 'Ret "' + a.title + '"' : 'Opret ny aktivitet';
    byId('gem').textContent = a ? 'Gem ændringerne' : 'Opret aktiviteten';
    showFieldErrors([], false);
    renderPreview(collect());
    show('redigering', true);
    say('');
  }

  byId('fortryd').addEventListener('click', function () { loadList(true); });

  /* ---------- the association's own details ---------- */

  var profile = byId('profil-form');

  byId('ret-profil').addEventListener('click', function () {
    var use = function (a) {
      ['name', 'description', 'municipality', 'website', 'email', 'phone'].forEach(function (k) {
        profile.querySelector('[data-field="' + k + '"]').value = a[k] || '';
      });
      association = a;
      showError(byId('profil-fejl'), '');
      show('profil', true);
    };
    P.api('GET', '/api/v1/associations/' + encodeURIComponent(me.association)).then(function (ans) {
      if (ans.ok && ans.body) use(ans.body);
      else if (ans.status === 404 && association) use(association);
      else if (ans.status === 404) showError(errorEl, 'Foreningens oplysninger kan ikke rettes her endnu. Kontakt kommunen.');
      else failed(ans);
    });
  });

  profile.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { id: me.association };
    ['name', 'description', 'municipality', 'website', 'email', 'phone'].forEach(function (k) {
      var v = profile.querySelector('[data-field="' + k + '"]').value.trim();
      if (v) body[k] = v;
    });
    var box = byId('profil-fejl');
    if (!body.name) { showError(box, 'Skriv foreningens navn.'); byId('p-name').focus(); return; }
    P.api('PUT', '/api/v1/associations/' + encodeURIComponent(me.association), body).then(function (ans) {
      if (ans.ok) {
        association = ans.body || body;
        loadListKeepStatus('Foreningens oplysninger er gemt.');
      } else if (ans.status === 400) {
        showError(box, P.errorMessage(ans));
        var f = fieldErrors(ans.body)[0];
        var c = f && profile.querySelector('[data-field="' + f.field + '"]');
        if (c) c.focus();
      } else {
        failed(ans);
      }
    });
  });

  byId('profil-tilbage').addEventListener('click', function () { loadList(true); });

  /* ---------- start ---------- */

  P.loadVocabulary().then(function () {
    buildChecks();
    if (P.session()) start();
    else startLogin();
  });
})();
