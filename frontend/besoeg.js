/* /besoeg: visit mode for preventive-visit and home-care staff on a phone. Four steps:
 * the citizen's postcode, interests and transport → pick up to 12 activities from the search →
 * a portal card (code, QR, business-card and large-print A4 print views) → the "Fællesskab" tag
 * with an optional follow-up and referral. Also the staff member's follow-up worklist and the
 * anonymous screening form. No citizen name is asked for; free text is checked for CPR-shaped
 * numbers here as well as by the server. A feature whose endpoint the server does not have yet
 * (404/405 without a field) says so in Danish. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var byId = P.byId;
  var relogin = P.showLogin;  // shows the login form (with a message) instead of the work

  var MAX_PICK = 12;
  var CPR = /(^|\D)\d{6}[-\s]?\d{4}(\D|$)/;
  // The transport situation → search parameters, the referral's transport codes and words.
  var TRANSPORT = {
    walk: { radius_km: '1', codes: [], words: 'Kan gå 500 m' },
    bus: { radius_km: '15', transport: 'public_transport', codes: ['public_transport'], words: 'Kan tage bussen' },
    pickup: { radius_km: '25', transport: 'pickup', codes: ['pickup'], words: 'Skal hentes' },
    home: { radius_km: '25', transport: 'at_home', codes: ['at_home'], words: 'Kun hjemme' }
  };
  var OUTCOMES = { went: 'Kom afsted', not_yet: 'Ikke endnu', barrier: 'Noget stod i vejen' };
  var BARRIERS = { transport: 'Transport', nerves: 'Nervøsitet', health: 'Helbred', time: 'Tid', other: 'Andet' };

  var statusEl = byId('status');
  var errorEl = byId('fejl');

  // The visit in progress.
  var visit = null;
  function newVisit() {
    visit = { postcode: '', interests: [], transport: 'bus', results: [], picked: [], card: null, tagId: null,
      followUpDone: false, referralDone: false };
  }

  function say(text) { statusEl.textContent = text; }
  function showError(text) { errorEl.textContent = text || ''; errorEl.hidden = !text; }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function isoDate(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
  function today() { return isoDate(new Date()); }
  function daysFromToday(n) { var d = new Date(); d.setDate(d.getDate() + n); return isoDate(d); }

  // 404/405 without a field: the server does not have this endpoint yet.
  function missing(ans) {
    return (ans.status === 404 || ans.status === 405) && !(ans.body && ans.body.error && ans.body.error.field);
  }

  function fieldError(id, text) {
    var box = byId(id + '-fejl');
    var input = byId(id);
    if (box) { box.textContent = text || ''; box.hidden = !text; }
    if (input) {
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (text && input) input.focus();
  }

  function failed(ans, what) {
    if (ans.status === 401) { relogin(); return; }
    if (missing(ans)) { showError(what + ' kan ikke gemmes på serveren endnu.'); return; }
    showError(P.errorMessage(ans));
  }

  // Shows one step of the visit and moves focus to its heading.
  function showStep(id) {
    ['trin1', 'trin2', 'trin3', 'trin4', 'faerdig'].forEach(function (s) { byId(s).hidden = s !== id; });
    var heading = byId(id).querySelector('h2');
    if (heading) heading.focus();
  }

  /* ---------- step 1: the citizen ---------- */

  function buildInterests() {
    var box = byId('interesser');
    P.clear(box);
    P.codes('interests').forEach(function (code) {
      var b = P.button(P.label('interests', code), 'toggle', function () {
        var on = b.getAttribute('aria-pressed') !== 'true';
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
      });
      b.setAttribute('aria-pressed', 'false');
      b.setAttribute('data-code', code);
      box.appendChild(b);
    });
  }

  function chosenInterests() {
    return Array.prototype.map.call(document.querySelectorAll('#interesser [aria-pressed="true"]'),
      function (b) { return b.getAttribute('data-code'); });
  }

  // The search the card stores and the results page runs, as GET /api/v1/search takes it.
  function searchFor(v) {
    var t = TRANSPORT[v.transport];
    var s = { postcode: v.postcode, radius_km: t.radius_km };
    if (t.transport) s.transport = t.transport;
    if (v.transport !== 'home' && v.interests.length) s.interest = v.interests.join(',');
    return s;
  }

  function query(s) {
    return Object.keys(s).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(s[k]); }).join('&');
  }

  byId('trin1-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    showError('');
    var pc = byId('postnummer').value.trim();
    if (!/^\d{4}$/.test(pc)) { fieldError('postnummer', 'Skriv et postnummer med fire cifre, fx 7500.'); return; }
    fieldError('postnummer', '');
    visit.postcode = pc;
    visit.interests = chosenInterests();
    var checked = document.querySelector('input[name="transport"]:checked');
    visit.transport = checked ? checked.value : 'bus';
    say('Søger …');
    P.api('GET', '/api/v1/search?' + query(searchFor(visit)) + '&sort=distance&per_page=30').then(function (ans) {
      if (!ans.ok || !ans.body) { say(''); failed(ans, 'Søgningen'); return; }
      visit.results = ans.body.results || [];
      visit.picked = [];
      renderResults();
      say(visit.results.length ? 'Fandt ' + visit.results.length + ' aktiviteter.' : 'Ingen aktiviteter fundet.');
      showStep('trin2');
    });
  });

  /* ---------- step 2: pick ---------- */

  function howToGetThere(r) {
    var words = (r.transport || []).map(function (c) { return P.label('transport', c); });
    var parts = [];
    if (typeof r.distance_km === 'number') parts.push(r.distance_km.toFixed(1).replace('.', ',') + ' km væk');
    parts.push(words.length ? words.join(', ') : 'Ikke oplyst');
    return parts.join(' – ');
  }

  function updatePicked() {
    byId('valgt').textContent = 'Valgt: ' + visit.picked.length + ' af højst ' + MAX_PICK;
    var full = visit.picked.length >= MAX_PICK;
    Array.prototype.forEach.call(document.querySelectorAll('#forslag input[type="checkbox"]'), function (box) {
      box.disabled = full && !box.checked;
    });
  }

  function renderResults() {
    var list = byId('forslag');
    P.clear(list);
    if (!visit.results.length) {
      list.appendChild(el('li', 'card', ['Ingen aktiviteter passer. Gå tilbage og vælg flere interesser eller en anden transport.']));
    }
    visit.results.forEach(function (r) {
      var box = el('input');
      box.type = 'checkbox';
      box.addEventListener('change', function () {
        if (box.checked) visit.picked.push(r);
        else visit.picked = visit.picked.filter(function (x) { return x.id !== r.id; });
        updatePicked();
      });
      var loc = r.location || {};
      var item = el('li', 'card pick', [
        el('label', 'check big', [box, el('span', '', ['Vælg ', el('strong', '', [r.title || 'Aktivitet'])])]),
        el('p', '', [[loc.name, loc.address, [loc.postcode, loc.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')]),
        el('p', '', [el('strong', '', ['Sådan kommer man dertil: ']), howToGetThere(r)]),
        el('p', r.welcome ? 'welcome' : 'hint', [r.welcome ? 'Der er en fast person, der tager imod nye'
          : 'Ingen fast person til at tage imod nye']),
        (r.schedule || []).length ? el('p', '', [el('strong', '', ['Hvornår: ']), r.schedule.map(P.scheduleLine).join('; ')]) : null
      ]);
      list.appendChild(item);
    });
    updatePicked();
  }

  byId('tilbage1').addEventListener('click', function () { showStep('trin1'); });
  // A visit where the citizen did not want a card is tagged all the same.
  byId('uden-kort').addEventListener('click', function () {
    visit.card = null;
    byId('kort-givet').checked = false;
    byId('kort-givet').disabled = true;
    showStep('trin4');
  });

  /* ---------- step 3: the card ---------- */

  byId('lav-kort').addEventListener('click', function () {
    showError('');
    var body = { activity_ids: visit.picked.map(function (r) { return r.id; }), search: searchFor(visit) };
    say('Laver kortet …');
    P.api('POST', '/api/v1/cards', body).then(function (ans) {
      if (!ans.ok || !ans.body || !ans.body.code) {
        say('');
        if (missing(ans)) { showError('Kort kan ikke laves på serveren endnu.'); return; }
        failed(ans, 'Kortet');
        return;
      }
      visit.card = ans.body;
      byId('kort-givet').disabled = false;
      byId('kort-givet').checked = true;
      var url = location.origin + (ans.body.url || '/k/' + ans.body.code.replace('-', ''));
      byId('kode').textContent = ans.body.code;
      byId('qr').src = ans.body.qr_svg || '';
      byId('kort-adresse').textContent = url;
      buildPrintViews(url, {});
      say('Kortet er lavet. Koden er ' + ans.body.code + '.');
      showStep('trin3');
      contacts(visit.picked).then(function (found) { buildPrintViews(url, found); });
    });
  });

  // Search results carry no contact; the A4 sheet gets it from each activity's own page
  // (GET /api/v1/activities/{id}: the activity's contact, else the association's).
  // Resolves to {id: "name, phone, email"}; an activity that cannot be fetched is left out.
  function contacts(list) {
    return Promise.all(list.map(function (r) {
      return P.api('GET', '/api/v1/activities/' + encodeURIComponent(r.id)).then(function (ans) {
        var a = ans.ok && ans.body ? ans.body : {};
        var c = a.contact || {};
        var org = a.association || {};
        var parts = [c.name, c.phone || (c.name ? '' : org.phone), c.email || (c.phone || c.name ? '' : org.email)];
        return [r.id, parts.filter(Boolean).join(', ')];
      });
    })).then(function (pairs) {
      var out = {};
      pairs.forEach(function (p) { if (p[1]) out[p[0]] = p[1]; });
      return out;
    });
  }

  function buildPrintViews(url, contactOf) {
    var card = byId('print-kort');
    P.clear(card);
    var titles = visit.picked.slice(0, 4).map(function (r) { return el('li', '', [r.title]); });
    if (visit.picked.length > 4) titles.push(el('li', '', ['… og ' + (visit.picked.length - 4) + ' flere']));
    var qr = el('img', 'pk-qr');
    qr.src = visit.card.qr_svg || '';
    qr.alt = '';
    card.appendChild(el('div', 'pk', [
      qr,
      el('div', 'pk-text', [
        el('p', 'pk-title', ['Fællesskab tæt på dig']),
        el('p', 'pk-code', [visit.card.code]),
        el('p', 'pk-url', [url.replace(/^https?:\/\//, '')]),
        el('ul', 'pk-list', titles)
      ])
    ]));

    var sheet = byId('print-a4');
    P.clear(sheet);
    sheet.appendChild(el('h1', '', ['Aktiviteter til dig']));
    sheet.appendChild(el('p', '', ['Din kode: ', el('strong', '', [visit.card.code]), ' – se mere på ' + url]));
    var list = el('ol', 'list');
    visit.picked.forEach(function (r) {
      var li = P.renderResult(r);
      var contact = contactOf[r.id];
      var article = li.querySelector('article');
      article.appendChild(el('p', '', [el('strong', '', ['Sådan kommer man dertil: ']), howToGetThere(r)]));
      if (contact) article.appendChild(el('p', '', [el('strong', '', ['Kontakt: ']), contact]));
      list.appendChild(li);
    });
    if (!visit.picked.length) list.appendChild(el('li', 'card', ['Brug koden ovenfor for at se forslag på nettet.']));
    sheet.appendChild(list);
  }

  // Prints one of the print views: the body's class picks which one the print CSS shows.
  function printView(kind) {
    document.body.classList.remove('print-kort', 'print-a4');
    document.body.classList.add('print-' + kind);
    window.print();
  }
  window.addEventListener('afterprint', function () { document.body.classList.remove('print-kort', 'print-a4'); });
  byId('udskriv-kort').addEventListener('click', function () { printView('kort'); });
  byId('udskriv-a4').addEventListener('click', function () { printView('a4'); });
  byId('til-registrering').addEventListener('click', function () { showStep('trin4'); });

  /* ---------- step 4: the tag, follow-up and referral ---------- */

  function syncTagForm() {
    byId('opfoelgning-felter').hidden = !byId('opfoelgning').checked;
    byId('henvisning-felter').hidden = !byId('henvisning').checked;
  }
  byId('opfoelgning').addEventListener('change', syncTagForm);
  byId('henvisning').addEventListener('change', syncTagForm);

  function resetTagForm() {
    byId('tag-form').reset();
    byId('kort-givet').disabled = false;
    byId('frist').value = daysFromToday(28);
    byId('frist').max = daysFromToday(42);
    byId('frist').min = today();
    ['reference', 'frist', 'note'].forEach(function (f) { fieldError(f, ''); });
    syncTagForm();
  }

  var FIELDS = { reference: 'reference', due: 'frist', note: 'note' };

  function fieldFailed(ans, what) {
    var err = ans.body && ans.body.error;
    if (ans.status === 400 && err && FIELDS[err.field]) { fieldError(FIELDS[err.field], err.message); return; }
    failed(ans, what);
  }

  // Checks the free-text fields before anything is sent; returns false after showing an error.
  function checkTagForm() {
    var ok = true;
    ['reference', 'frist', 'note'].forEach(function (f) { fieldError(f, ''); });
    if (byId('henvisning').checked && CPR.test(byId('note').value)) {
      fieldError('note', 'Skriv ikke CPR-numre. Beskeden må ikke kunne føre til en bestemt person.');
      ok = false;
    }
    if (byId('opfoelgning').checked) {
      var due = byId('frist').value;
      if (!due || due < today() || due > daysFromToday(42)) {
        fieldError('frist', 'Vælg en dato fra i dag og højst seks uger frem.');
        ok = false;
      }
      var ref = byId('reference').value.trim();
      if (!ref) { fieldError('reference', 'Skriv en reference, som kun du kan genkende, fx "tirs-blå-7".'); ok = false; }
      else if (CPR.test(ref)) { fieldError('reference', 'Skriv ikke CPR-numre. Brug en reference, der ikke kan føre til en bestemt person.'); ok = false; }
    }
    return ok;
  }

  byId('tag-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    showError('');
    if (!checkTagForm()) return;
    var followUp = byId('opfoelgning').checked;
    var referral = byId('henvisning').checked;
    var date = today();
    var tag = { tag: 'faellesskab', date: date, card_given: byId('kort-givet').checked && !!visit.card,
      conversation: byId('samtale').checked, follow_up: followUp, referral: referral,
      interests: visit.interests };
    if (visit.card) tag.card_code = visit.card.code;
    if (visit.postcode) tag.postcode = visit.postcode;
    say('Gemmer …');

    // Each write happens once: a retry after a failed follow-up does not tag the visit twice.
    var chain = visit.tagId !== null ? Promise.resolve(true) : P.api('POST', '/api/v1/tags', tag).then(function (ans) {
      if (!ans.ok) { fieldFailed(ans, 'Registreringen'); return false; }
      visit.tagId = ans.body && ans.body.id !== undefined ? ans.body.id : 0;
      return true;
    });
    chain.then(function (ok) {
      if (!ok || !followUp || visit.followUpDone) return ok;
      var body = { reference: byId('reference').value.trim(), due: byId('frist').value };
      if (visit.tagId) body.tag_id = visit.tagId;
      return P.api('POST', '/api/v1/follow-ups', body).then(function (ans) {
        if (!ans.ok) { fieldFailed(ans, 'Opfølgningen'); return false; }
        visit.followUpDone = true;
        return true;
      });
    }).then(function (ok) {
      if (!ok || !referral || visit.referralDone) return ok;
      var body = { date: date, postcode: visit.postcode, interests: visit.interests,
        transport: TRANSPORT[visit.transport].codes, companion: byId('foelgeven').checked };
      var note = byId('note').value.trim();
      if (note) body.note = note;
      return P.api('POST', '/api/v1/referrals', body).then(function (ans) {
        if (!ans.ok) { fieldFailed(ans, 'Henvisningen'); return false; }
        visit.referralDone = true;
        return true;
      });
    }).then(function (ok) {
      if (!ok) { say(''); return; }
      var parts = ['Besøget er registreret'];
      if (followUp) parts.push('opfølgningen står på din liste');
      if (referral) parts.push('henvisningen er sendt til frivilligcenteret');
      byId('faerdig-tekst').textContent = parts.join(', ') + '.';
      say('Besøget er registreret.');
      showStep('faerdig');
      if (followUp) loadFollowUps();
    });
  });

  byId('nyt-besoeg').addEventListener('click', startVisit);

  function startVisit() {
    newVisit();
    byId('trin1-form').reset();
    Array.prototype.forEach.call(document.querySelectorAll('#interesser [aria-pressed]'), function (b) {
      b.setAttribute('aria-pressed', 'false');
    });
    fieldError('postnummer', '');
    resetTagForm();
    showError('');
    showStep('trin1');
    byId('postnummer').focus();
  }

  /* ---------- follow-up worklist ---------- */

  var followUpStatus = 'open';

  function followUpItem(f) {
    var head = el('h3', '', [f.reference]);
    var facts = el('p', '', ['Senest: ' + P.date(f.due)]);
    if (f.overdue) facts.appendChild(el('span', 'badge badge-warning', ['Overskredet']));
    var item = el('li', 'card', [head, facts]);
    if (f.completed || f.outcome) {
      var text = 'Udfald: ' + (OUTCOMES[f.outcome] || f.outcome || '');
      if (f.barrier) text += ' (' + (BARRIERS[f.barrier] || f.barrier) + ')';
      item.appendChild(el('p', '', [text]));
      return item;
    }
    var name = 'udfald-' + f.id;
    var barrier = el('select', 'form-select');
    barrier.id = 'forhindring-' + f.id;
    Object.keys(BARRIERS).forEach(function (k) { var o = el('option', '', [BARRIERS[k]]); o.value = k; barrier.appendChild(o); });
    var barrierField = el('div', 'form-group', [(function () { var l = el('label', 'form-label', ['Hvad stod i vejen?']); l.htmlFor = barrier.id; return l; })(), barrier]);
    barrierField.hidden = true;
    var radios = Object.keys(OUTCOMES).map(function (k) {
      var r = el('input');
      r.type = 'radio';
      r.name = name;
      r.value = k;
      r.addEventListener('change', function () { barrierField.hidden = k !== 'barrier'; });
      return el('label', 'check big', [r, ' ' + OUTCOMES[k]]);
    });
    var msg = el('p', 'form-error-message');
    msg.hidden = true;
    var save = P.button('Gem udfald', '', function () {
      var chosen = item.querySelector('input[name="' + name + '"]:checked');
      if (!chosen) { msg.textContent = 'Vælg hvordan det gik.'; msg.hidden = false; return; }
      msg.hidden = true;
      var body = { outcome: chosen.value };
      if (chosen.value === 'barrier') body.barrier = barrier.value;
      P.api('PUT', '/api/v1/follow-ups/' + encodeURIComponent(f.id), body).then(function (ans) {
        if (!ans.ok) { failed(ans, 'Udfaldet'); return; }
        say('Udfaldet for ' + f.reference + ' er gemt.');
        loadFollowUps();
      });
    });
    item.appendChild(el('fieldset', '', [el('legend', '', ['Hvordan gik det?'])].concat(radios, [barrierField, msg, save])));
    return item;
  }

  function loadFollowUps() {
    var box = byId('opfoelgning-liste');
    P.clear(box);
    box.appendChild(el('p', '', ['Henter …']));
    byId('vis-aabne').setAttribute('aria-pressed', followUpStatus === 'open' ? 'true' : 'false');
    byId('vis-faerdige').setAttribute('aria-pressed', followUpStatus === 'done' ? 'true' : 'false');
    return P.api('GET', '/api/v1/follow-ups?status=' + followUpStatus).then(function (ans) {
      P.clear(box);
      if (ans.status === 401) { relogin(); return; }
      if (missing(ans)) { box.appendChild(el('p', '', ['Opfølgninger kan ikke hentes fra serveren endnu.'])); return; }
      if (!ans.ok || !ans.body) { box.appendChild(el('p', '', [P.errorMessage(ans)])); return; }
      var list = ans.body.follow_ups || [];
      if (!list.length) {
        box.appendChild(el('p', '', [followUpStatus === 'open' ? 'Du har ingen åbne opfølgninger.' : 'Ingen færdige opfølgninger.']));
        return;
      }
      var ol = el('ol', 'list');
      list.forEach(function (f) { ol.appendChild(followUpItem(f)); });
      box.appendChild(ol);
    });
  }
  byId('vis-aabne').addEventListener('click', function () { followUpStatus = 'open'; loadFollowUps(); });
  byId('vis-faerdige').addEventListener('click', function () { followUpStatus = 'done'; loadFollowUps(); });

  /* ---------- screening form ---------- */

  function syncScreening() {
    var excluded = document.querySelector('input[name="udfyldt"]:checked').value === 'excluded';
    byId('ensom-felt').hidden = excluded;
    byId('grund-felt').hidden = !excluded;
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[name="udfyldt"]'), function (r) {
    r.addEventListener('change', syncScreening);
  });

  byId('opsporing-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    showError('');
    var date = byId('opsporing-dato').value;
    if (!date || date > today()) { showError('Vælg datoen for besøget (ikke en dato i fremtiden).'); byId('opsporing-dato').focus(); return; }
    var excluded = document.querySelector('input[name="udfyldt"]:checked').value === 'excluded';
    var body = { date: date, excluded: excluded };
    if (excluded) body.exclusion_reason = byId('grund').value;
    else {
      var lonely = document.querySelector('input[name="ensom"]:checked');
      if (!lonely) { showError('Vælg om borgeren vurderes at være ensom (ja eller nej).'); return; }
      body.lonely = lonely.value === 'yes';
    }
    P.api('POST', '/api/v1/screenings', body).then(function (ans) {
      if (!ans.ok) { failed(ans, 'Skemaet'); return; }
      byId('opsporing-form').reset();
      byId('opsporing-dato').value = today();
      syncScreening();
      say('Opsporingsskemaet er gemt.');
    });
  });

  /* ---------- login and start ---------- */

  function start() {
    P.whoAmI().then(function (s) {
      if (!s) { relogin(''); return; }
      if (s.role !== 'staff' && s.role !== 'coordinator') {
        relogin('Denne side er for kommunens medarbejdere. Log ind med en medarbejderkonto.');
        return;
      }
      P.showWork(s);
      byId('opsporing-dato').value = today();
      byId('opsporing-dato').max = today();
      syncScreening();
      startVisit();
      loadFollowUps();
      say('Klar til et nyt besøg.');
    });
  }

  P.loginForm(byId('login'), start);
  byId('log-ud').addEventListener('click', function () {
    P.logout().then(function () { relogin(''); say('Du er logget ud.'); });
  });

  newVisit();
  P.loadVocabulary().then(function () {
    buildInterests();
    if (P.session()) start();
    else relogin('');
  });
})();
