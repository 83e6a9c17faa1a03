/* The statistics sections of /koordinator: totals for a period (GET /api/v1/stats), bar charts
 * month by month and by team (inline SVG built here, each with the same figures as a table),
 * the CSV export (fetched with the session's token), the referral queue (GET/PUT
 * /api/v1/referrals) and supply against demand (GET /api/v1/stats/supply-demand).
 * koordinator.js calls window.PortalStats.start(hooks) after login. A section whose endpoint the
 * server does not have yet says so; the rest of the page works. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var byId = P.byId;
  var SVG = 'http://www.w3.org/2000/svg';

  // The counts, in the order shown; `path` reaches into nested objects ("screenings.lonely").
  var METRICS = [
    { path: 'tags', label: 'Registreringer (Fællesskab)' },
    { path: 'cards', label: 'Kort lavet' },
    { path: 'card_views', label: 'Visninger af kort' },
    { path: 'conversations', label: 'Samtaler om ensomhed' },
    { path: 'follow_ups_due', label: 'Opfølgninger med frist i perioden' },
    { path: 'follow_ups_done', label: 'Opfølgninger gennemført' },
    { path: 'follow_up_outcomes.went', label: 'Opfølgning: kom afsted' },
    { path: 'follow_up_outcomes.not_yet', label: 'Opfølgning: ikke endnu' },
    { path: 'follow_up_outcomes.barrier', label: 'Opfølgning: noget stod i vejen' },
    { path: 'referrals', label: 'Henvisninger' },
    { path: 'referrals_matched', label: 'Henvisninger matchet' },
    { path: 'match_rate', label: 'Matchrate', rate: true },
    { path: 'screenings.completed', label: 'Opsporingsskemaer i alt' },
    { path: 'screenings.answered', label: 'Besvarede spørgsmålene om ensomhed' },
    { path: 'screenings.excluded', label: 'Udelukket' },
    { path: 'screenings.lonely', label: 'Vurderet ensomme' },
    { path: 'screenings.share_lonely', label: 'Andel ensomme af de besvarede', rate: true }
  ];
  var BARRIERS = { transport: 'Transport', nerves: 'Nervøsitet', health: 'Helbred', time: 'Tid', other: 'Andet' };
  var STATUS = { new: 'Ny', contacted: 'Kontaktet', matched: 'Matchet', declined: 'Afvist' };
  var MONTHS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

  var hooks = null;
  var lastStats = null;
  var associations = null;  // [{id, name}] for matching referrals

  function box(name) { return document.querySelector('[data-stats="' + name + '"]'); }
  function put(name, child) {
    var b = box(name);
    P.clear(b);
    b.appendChild(typeof child === 'string' ? el('p', '', [child]) : child);
  }

  function missing(ans) {
    return (ans.status === 404 || ans.status === 405) && !(ans.body && ans.body.error && ans.body.error.field);
  }

  function value(obj, path) {
    return path.split('.').reduce(function (o, k) { return o === null || o === undefined ? undefined : o[k]; }, obj);
  }

  function percent(x) { return (Math.round(x * 1000) / 10).toFixed(1).replace('.', ',') + '\u00a0%'; }  // no break before %

  // A figure as text: rates as percent, null rates as "–", suppressed counts as "<5".
  function show(row, m) {
    var v = value(row, m.path);
    if (m.rate) return typeof v === 'number' ? percent(v) : '–';
    if (v === null && row.suppressed) return '<5';
    return typeof v === 'number' ? String(v) : '–';
  }

  function monthName(m) {
    var p = String(m || '').split('-');
    return p.length === 2 ? MONTHS[Number(p[1]) - 1] + ' ' + p[0] : String(m);
  }

  function table(caption, heads, rows, captionVisible) {
    var thead = el('tr', '', heads.map(function (h) { var th = el('th', '', [h]); th.scope = 'col'; return th; }));
    var body = el('tbody', '', rows.map(function (cells) {
      return el('tr', '', cells.map(function (c, i) {
        var cell = el(i === 0 ? 'th' : 'td', '', [c === undefined || c === null ? '' : c]);
        if (i === 0) cell.scope = 'row';
        return cell;
      }));
    }));
    return P.scrollTable(caption, el('table', 'table stats', [el('caption', captionVisible ? '' : 'sr-only', [caption]), el('thead', '', [thead]), body]));
  }

  /* ---------- charts: horizontal bars, one per row, with the value written beside it ---------- */

  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  // rows: [{label, value (number or null), text}]; each row is its label above its bar, so long
  // team names fit on a phone. Drawn at the box's own width, so the text stays 18 px. The SVG is
  // decoration for sighted readers; the same figures follow as a table.
  function barChart(title, rows, width) {
    var max = rows.reduce(function (m, r) { return Math.max(m, r.value || 0); }, 0) || 1;
    var rowH = 62;
    var barMax = width - 70;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (rows.length * rowH + 4), width: width,
      height: rows.length * rowH + 4, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
    rows.forEach(function (r, i) {
      var y = i * rowH;
      var w = r.value ? Math.max(3, Math.round((r.value / max) * barMax)) : 0;
      chart.appendChild(svg('text', { x: 0, y: y + 22, class: 'chart-label' }, r.label));
      chart.appendChild(svg('rect', { x: 0, y: y + 30, width: w, height: 26, class: 'chart-bar' }));
      chart.appendChild(svg('text', { x: w + 8, y: y + 50, class: 'chart-value' }, r.text));
    });
    return el('figure', 'chart-box', [el('figcaption', '', [title]), chart]);
  }

  function chartWidth(name) {
    var w = box(name).clientWidth;
    return Math.max(260, Math.min(w || 600, 720));
  }

  function metric() {
    var path = byId('maal').value;
    return METRICS.filter(function (m) { return m.path === path; })[0] || METRICS[0];
  }

  function chartRows(list, key, name) {
    var m = metric();
    return list.map(function (row) {
      var v = value(row, m.path);
      return { label: name(row[key]), value: typeof v === 'number' ? v : null, text: show(row, m) };
    });
  }

  function renderCharts() {
    var s = lastStats;
    if (!s) return;
    var m = metric();
    var months = s.by_month || [];
    var teams = s.by_team || [];
    if (!months.length) put('months', 'Der er ingen tal i perioden.');
    else {
      var mbox = el('div', '', [barChart(m.label + ', måned for måned', chartRows(months, 'month', monthName), chartWidth('months')),
        table(m.label + ', måned for måned', ['Måned', m.label], months.map(function (r) { return [monthName(r.month), show(r, m)]; }), false)]);
      put('months', mbox);
    }
    if (!teams.length) put('teams', 'Der er ingen tal pr. team i perioden.');
    else {
      var tbox = el('div', '', [barChart(m.label + ', pr. team', chartRows(teams, 'team', String), chartWidth('teams')),
        el('p', 'hint', ['Tal under 5 vises som "<5", så ingen kan genkendes.']),
        table('Alle tal pr. team', ['Team'].concat(METRICS.map(function (x) { return x.label; })),
          teams.map(function (r) { return [r.team].concat(METRICS.map(function (x) { return show(r, x); })); }), true)]);
      put('teams', tbox);
    }
  }

  function renderTotals(s) {
    var rows = METRICS.map(function (m) { return [m.label, show(s, m)]; });
    var barriers = (s.follow_up_outcomes && s.follow_up_outcomes.barriers) || {};
    Object.keys(BARRIERS).forEach(function (k) {
      if (typeof barriers[k] === 'number') rows.push(['Det, der stod i vejen: ' + BARRIERS[k].toLowerCase(), String(barriers[k])]);
    });
    var sc = s.screenings || {};
    var summary = [];
    if (typeof sc.completed === 'number') {
      summary.push(sc.completed + ' opsporingsskemaer: ' + (sc.answered || 0) + ' besvaret, ' + (sc.excluded || 0) +
        ' udelukket, ' + (sc.lonely || 0) + ' vurderet ensomme' +
        (typeof sc.share_lonely === 'number' ? ' (' + percent(sc.share_lonely) + ')' : '') + '.');
    }
    if (typeof s.referrals === 'number') {
      summary.push(s.referrals + ' henvisninger, ' + (s.referrals_matched || 0) + ' matchet' +
        (typeof s.match_rate === 'number' ? ' (' + percent(s.match_rate) + ')' : '') + '.');
    }
    put('totals', el('div', '', [
      el('div', 'key-figures', summary.map(function (t) { return el('p', 'strong', [t]); })),
      table('Tal for hele perioden ' + P.date(s.from) + ' til ' + P.date(s.to), ['Tal', 'Antal'], rows, true)
    ]));
  }

  function period() {
    var from = byId('fra').value;
    var to = byId('til').value;
    var err = byId('periode-fejl');
    var bad = !from || !to ? 'Vælg både en fra- og en til-dato.' : from > to ? 'Fra-datoen skal ligge før til-datoen.' : '';
    err.textContent = bad;
    err.hidden = !bad;
    return bad ? null : 'from=' + from + '&to=' + to;
  }

  function loadStats() {
    var q = period();
    if (!q) return Promise.resolve();
    put('totals', 'Henter …');
    return P.api('GET', '/api/v1/stats?' + q).then(function (ans) {
      if (ans.ok && ans.body) {
        lastStats = ans.body;
        renderTotals(ans.body);
        renderCharts();
        return;
      }
      lastStats = null;
      if (ans.status === 401) { hooks.relogin(); return; }
      var text = missing(ans) ? 'Statistikken kan ikke hentes fra serveren endnu.' : P.errorMessage(ans);
      put('totals', text);
      put('months', '');
      put('teams', '');
    });
  }

  function downloadCsv() {
    var q = period();
    if (!q) return;
    P.api('GET', '/api/v1/stats.csv?' + q, null, { blob: true }).then(function (ans) {
      if (missing(ans)) { hooks.showError('Statistikken kan ikke hentes som fil fra serveren endnu.'); return; }
      if (ans.status === 401) { hooks.relogin(); return; }
      if (!ans.ok) { hooks.showError('Statistikken kunne ikke hentes. Prøv igen om lidt.'); return; }
      var a = el('a');
      a.href = URL.createObjectURL(ans.body);
      a.download = 'statistik-' + byId('fra').value + '-' + byId('til').value + '.csv';
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      hooks.say('Statistikken er hentet som fil.');
    });
  }

  /* ---------- referral queue ---------- */

  function labels(group, list) { return (list || []).map(function (c) { return P.label(group, c); }).join(', '); }

  function referralItem(r) {
    var facts = el('dl', 'facts');
    function row(term, text) { if (text) { facts.appendChild(el('dt', '', [term])); facts.appendChild(el('dd', '', [text])); } }
    row('Dato', P.date(r.date));
    row('Team', r.team);
    row('Postnummer', r.postcode);
    row('Interesser', labels('interests', r.interests));
    row('Transport', labels('transport', r.transport));
    row('Følgeven', r.companion ? 'Ønsker en følgeven første gang' : '');
    row('Besked', r.note);
    row('Status', STATUS[r.status] || r.status);
    if (r.matched_association) row('Matchet med', r.matched_association.name);
    if (r.matched_scheme) row('Ordning', r.matched_scheme);
    var item = el('li', 'card', [el('h3', '', ['Henvisning ' + P.date(r.date) + (r.postcode ? ', ' + r.postcode : '')]), facts]);
    if (r.status !== 'new' && r.status !== 'contacted') return item;

    var msg = el('p', 'form-error-message');
    msg.hidden = true;
    var id = 'h' + r.id;
    var assoc = el('select', 'form-select input-width-l');
    assoc.id = id + '-forening';
    assoc.appendChild(el('option', '', ['(ingen forening)']));
    assoc.firstChild.value = '';
    (associations || []).forEach(function (a) { var o = el('option', '', [a.name]); o.value = a.id; assoc.appendChild(o); });
    var scheme = el('input', 'form-input');
    scheme.type = 'text';
    scheme.id = id + '-ordning';
    scheme.maxLength = 100;
    function lab(text, input) { var l = el('label', 'form-label', [text]); l.htmlFor = input.id; return el('div', 'form-group', [l, input]); }

    function move(body, done) {
      P.api('PUT', '/api/v1/referrals/' + encodeURIComponent(r.id), body).then(function (ans) {
        if (ans.ok) { hooks.say(done); loadReferrals(); return; }
        if (ans.status === 401) { hooks.relogin(); return; }
        msg.textContent = missing(ans) ? 'Henvisninger kan ikke ændres på serveren endnu.' : P.errorMessage(ans);
        msg.hidden = false;
      });
    }
    var buttons = [];
    if (r.status === 'new') buttons.push(P.button('Kontaktet', 'secondary', function () { move({ status: 'contacted' }, 'Henvisningen er markeret som kontaktet.'); }));
    buttons.push(P.button('Matchet', '', function () {
      var body = { status: 'matched', matched_association: assoc.value || null };
      if (scheme.value.trim()) body.matched_scheme = scheme.value.trim();
      if (!body.matched_association && !body.matched_scheme) {
        msg.textContent = 'Vælg en forening eller skriv en ordning, fx "besøgsven".';
        msg.hidden = false;
        assoc.focus();
        return;
      }
      move(body, 'Henvisningen er matchet.');
    }));
    buttons.push(P.button('Afvist', 'secondary', function () { move({ status: 'declined' }, 'Henvisningen er markeret som afvist.'); }));
    buttons.forEach(function (b) { b.setAttribute('aria-describedby', id + '-titel'); });
    item.firstChild.id = id + '-titel';
    item.appendChild(el('div', 'box', [lab('Matchet med forening', assoc), lab('Eller en frivilligordning', scheme), msg,
      el('div', 'actions', buttons)]));
    return item;
  }

  function loadReferrals() {
    put('referrals', 'Henter …');
    var status = byId('henvisning-status').value;
    var assocs = associations ? Promise.resolve() : P.api('GET', '/api/v1/coordinator/associations').then(function (ans) {
      associations = ans.ok && ans.body ? (ans.body.associations || []).map(function (a) { return { id: a.id, name: a.name }; }) : [];
    });
    return assocs.then(function () { return P.api('GET', '/api/v1/referrals?status=' + status); }).then(function (ans) {
      if (ans.status === 401) { hooks.relogin(); return; }
      if (missing(ans)) { put('referrals', 'Henvisninger kan ikke hentes fra serveren endnu.'); return; }
      if (!ans.ok || !ans.body) { put('referrals', P.errorMessage(ans)); return; }
      var list = ans.body.referrals || [];
      if (!list.length) { put('referrals', 'Der er ingen henvisninger med status "' + STATUS[status].toLowerCase() + '".'); return; }
      var ol = el('ol', 'list');
      list.forEach(function (r) { ol.appendChild(referralItem(r)); });
      put('referrals', ol);
    });
  }

  /* ---------- supply and demand ---------- */

  function loadSupply() {
    var q = period();
    if (!q) return Promise.resolve();
    put('supply', 'Henter …');
    return P.api('GET', '/api/v1/stats/supply-demand?' + q).then(function (ans) {
      if (ans.status === 401) { hooks.relogin(); return; }
      if (missing(ans)) { put('supply', 'Udbud og efterspørgsel kan ikke hentes fra serveren endnu.'); return; }
      if (!ans.ok || !ans.body) { put('supply', P.errorMessage(ans)); return; }
      var areas = ans.body.areas || [];
      if (!areas.length) { put('supply', 'Ingen interesser eller søgninger i perioden.'); return; }
      put('supply', table('Udbud og efterspørgsel pr. område og interesse',
        ['Område', 'Interesse', 'Efterspurgt', 'Tilbudt inden for 10 km', 'Søgninger uden resultat'],
        areas.map(function (a) {
          var offered = String(a.offered || 0);
          var gap = (a.asked || 0) > 0 && !a.offered;
          return [[a.postcode, a.name].filter(Boolean).join(' '), P.label('interests', a.interest), String(a.asked || 0),
            gap ? el('strong', 'gap', [offered + ' – mangler']) : offered, String(a.misses || 0)];
        }), true));
    });
  }

  /* ---------- start ---------- */

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function start(h) {
    hooks = h;
    var now = new Date();
    if (!byId('fra').value) byId('fra').value = now.getFullYear() + '-01-01';
    if (!byId('til').value) byId('til').value = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    loadStats();
    loadReferrals();
    loadSupply();
  }

  var select = byId('maal');
  METRICS.forEach(function (m) { var o = el('option', '', [m.label]); o.value = m.path; select.appendChild(o); });
  select.addEventListener('change', renderCharts);
  byId('periode').addEventListener('submit', function (ev) {
    ev.preventDefault();
    Promise.all([loadStats(), loadSupply()]).then(function () { if (hooks) hooks.say('Statistikken er opdateret.'); });
  });
  byId('statistik-csv').addEventListener('click', downloadCsv);
  byId('henvisning-status').addEventListener('change', loadReferrals);

  window.PortalStats = { start: start };
})();
