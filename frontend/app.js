/* Citizen search page. Plain ES2017, no libraries, no build step.
 * The page state lives in the URL (same names as the API parameters), so
 * every search can be shared, bookmarked and navigated with back/forward.
 * Text from the API is only ever placed with textContent, never innerHTML. */
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }
  var form = byId('sog');
  var statusEl = byId('status');
  var errorEl = byId('fejl');
  var suggestEl = byId('mente');
  var listEl = byId('liste');
  var pagerEl = byId('sider');
  var heading = byId('resultater');

  // Parameters whose values are lists: repeated checkboxes in the form,
  // comma-joined in the URL and towards the API.
  var LIST_FIELDS = ['interest', 'target', 'day', 'time_of_day', 'transport', 'accessibility'];
  var TEXT_FIELDS = ['q', 'municipality', 'postcode', 'radius_km', 'free', 'sort', 'page'];

  var DAYS = { mon: 'mandag', tue: 'tirsdag', wed: 'onsdag', thu: 'torsdag', fri: 'fredag', sat: 'lørdag', sun: 'søndag' };
  var MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august',
    'september', 'oktober', 'november', 'december'];

  var vocab = null;   // /api/v1/vocabulary, or null if it could not be loaded
  var requestNo = 0;  // ignore answers to searches that have been superseded

  /* ---------- small helpers ---------- */

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

  function cap(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }

  // Danish label for a code, falling back to the code itself.
  function label(group, code) {
    var g = vocab && vocab[group];
    return g && g[code] && g[code].da ? g[code].da : code;
  }

  function number(n, decimals) { return n.toFixed(decimals).replace('.', ','); }

  function time(t) { return t ? t.replace(':', '.') : ''; }

  function timeSpan(start, end) {
    return start ? 'kl. ' + time(start) + (end ? '–' + time(end) : '') : '';
  }

  /* ---------- state: URL <-> form <-> API query ---------- */

  // Read a state object from a query string. Accepts both comma-joined and
  // repeated list values (the latter is what the form sends without JS).
  function stateFromQuery(search) {
    var p = new URLSearchParams(search);
    var s = {};
    LIST_FIELDS.forEach(function (name) {
      var vals = [];
      p.getAll(name).forEach(function (v) {
        v.split(',').forEach(function (x) {
          x = x.trim();
          if (x && vals.indexOf(x) < 0) vals.push(x);
        });
      });
      s[name] = vals;
    });
    TEXT_FIELDS.forEach(function (name) { s[name] = (p.get(name) || '').trim(); });
    return s;
  }

  function stateFromForm() {
    var s = {};
    LIST_FIELDS.forEach(function (name) {
      s[name] = [];
      boxes(name).forEach(function (box) { if (box.checked) s[name].push(box.value); });
    });
    TEXT_FIELDS.forEach(function (name) {
      var f = form.elements[name];
      s[name] = !f ? '' : f.type === 'checkbox' ? (f.checked ? f.value : '') : f.value.trim();
    });
    return s;
  }

  // Show a value in a select, adding an option for one we do not offer
  // (e.g. radius_km=7 from a shared link).
  function setSelect(select, value, suffix) {
    select.value = value;
    if (select.value !== value) {
      select.appendChild(el('option', '', [value + (suffix || '')])).value = value;
      select.value = value;
    }
  }

  function boxes(name) { return form.querySelectorAll('input[name="' + name + '"]'); }

  function fillForm(s) {
    LIST_FIELDS.forEach(function (name) {
      boxes(name).forEach(function (box) { box.checked = s[name].indexOf(box.value) >= 0; });
    });
    form.elements.q.value = s.q;
    form.elements.postcode.value = s.postcode;
    form.elements.free.checked = s.free === 'true';
    setSelect(form.elements.municipality, s.municipality);
    setSelect(form.elements.radius_km, s.radius_km, ' km');
    setSelect(form.elements.sort, s.sort || 'relevance');
    updateForm();
    // Open the folded groups that contain a choice, so nothing is hidden.
    form.querySelectorAll('details.group').forEach(function (d) {
      if (chosenIn(d)) d.open = true;
    });
  }

  // Build the query string for both the API and the page URL:
  // no empty parameters, list values comma-joined, defaults left out.
  function toQuery(s) {
    var parts = [];
    function add(name, value) {
      if (value) parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(value).replace(/%2C/g, ','));
    }
    add('q', s.q);
    LIST_FIELDS.forEach(function (name) { add(name, s[name].join(',')); });
    add('municipality', s.municipality);
    add('postcode', s.postcode);
    if (s.postcode) add('radius_km', s.radius_km);   // a radius needs a postcode
    if (s.free === 'true') add('free', 'true');
    if (s.sort && s.sort !== 'relevance' && (s.sort !== 'distance' || s.postcode)) add('sort', s.sort);
    if (s.page && s.page !== '1') add('page', s.page);
    return parts.join('&');
  }

  /* ---------- building the filter form ---------- */

  function buildChecks() {
    form.querySelectorAll('.checks').forEach(function (box) {
      var group = box.getAttribute('data-vocab');
      var name = box.getAttribute('data-name');
      var codes = group === 'weekdays' ? (vocab && vocab.weekdays) || Object.keys(DAYS)
        : Object.keys((vocab && vocab[group]) || {});
      codes.forEach(function (code) {
        var input = el('input');
        input.type = 'checkbox';
        input.name = name;
        input.value = code;
        var text = group === 'weekdays' ? cap(DAYS[code] || code) : label(group, code);
        box.appendChild(el('label', 'check', [input, ' ', el('span', '', [text]), ' ',
          el('span', 'count', [])]));
      });
    });
  }

  function chosenIn(details) { return details.querySelectorAll('input:checked').length; }

  // Keep dependent controls honest: "Nærmest" and a radius need a postcode;
  // group summaries tell how many boxes are ticked.
  function updateForm() {
    var hasPostcode = /^\d{4}$/.test(form.elements.postcode.value.trim());
    var sort = form.elements.sort;
    sort.querySelector('option[value="distance"]').disabled = !hasPostcode;
    if (!hasPostcode && sort.value === 'distance') sort.value = 'relevance';
    form.querySelectorAll('details.group').forEach(function (d) {
      var n = chosenIn(d);
      d.querySelector('.chosen').textContent = n ? '(' + n + ' valgt)' : '';
    });
  }

  // Show facet counts next to interest and transport boxes and municipalities.
  function showFacets(facets) {
    ['interest', 'transport'].forEach(function (name) {
      var counts = facets && facets[name];
      boxes(name).forEach(function (box) {
        var span = box.parentNode.querySelector('.count');
        span.textContent = counts ? '(' + (counts[box.value] || 0) + ')' : '';
      });
    });
    var m = facets && facets.municipality;
    Array.prototype.forEach.call(form.elements.municipality.options, function (o) {
      if (!o.value) return;
      var name = o.dataset.name = o.dataset.name || o.textContent;  // remember the plain name
      o.textContent = m ? name + ' (' + (m[o.value] || 0) + ')' : name;
    });
  }

  /* ---------- rendering one result ---------- */

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

  function labels(group, codes) {
    return (codes || []).map(function (c) { return label(group, c); });
  }

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

  /* ---------- searching ---------- */

  function clearErrors() {
    errorEl.hidden = true;
    errorEl.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(function (f) { f.removeAttribute('aria-invalid'); });
  }

  function showError(message, retry) {
    errorEl.textContent = '';
    errorEl.appendChild(el('p', '', [message]));
    if (retry) {
      var b = el('button', 'secondary', ['Prøv igen']);
      b.type = 'button';
      b.addEventListener('click', retry);
      errorEl.appendChild(b);
    }
    errorEl.hidden = false;
    statusEl.textContent = '';
  }

  // A link to the current search with one parameter changed.
  function link(s, name, value, text, className) {
    var copy = JSON.parse(JSON.stringify(s));
    copy[name] = value;
    if (name !== 'page') copy.page = '';
    var a = el('a', className, [text]);
    a.href = '/?' + toQuery(copy);
    return a;
  }

  function renderPager(s, data) {
    pagerEl.textContent = '';
    var per = data.per_page || 20;
    var pages = Math.max(1, Math.ceil(data.total / per));
    var page = data.page || 1;
    if (pages < 2) { pagerEl.hidden = true; return; }
    if (page > 1) pagerEl.appendChild(link(s, 'page', String(page - 1), 'Forrige', 'nav'));
    pagerEl.appendChild(el('span', '', ['Side ' + page + ' af ' + pages]));
    if (page < pages) pagerEl.appendChild(link(s, 'page', String(page + 1), 'Næste', 'nav'));
    pagerEl.hidden = false;
  }

  function render(s, data) {
    var total = data.total || 0;
    listEl.textContent = '';
    (data.results || []).forEach(function (r) { listEl.appendChild(renderResult(r)); });
    showFacets(data.facets);
    renderPager(s, data);

    // "Did you mean" for a query that looks misspelt.
    var dym = data.did_you_mean;
    suggestEl.textContent = '';
    suggestEl.hidden = !dym;
    if (dym) suggestEl.appendChild(el('span', '', ['Mente du ', link(s, 'q', dym, dym), '?']));

    statusEl.textContent = total === 0
      ? 'Ingen aktiviteter fundet. Prøv at fjerne et filter eller søge bredere.'
      : total === 1 ? '1 aktivitet fundet' : total + ' aktiviteter fundet';
  }

  // Run the search described by the current URL and show the result.
  // focus: move keyboard focus to the results (after a deliberate action).
  function runSearch(focus) {
    var s = stateFromQuery(location.search);
    var no = ++requestNo;
    clearErrors();
    listEl.setAttribute('aria-busy', 'true');
    statusEl.textContent = 'Søger …';

    var query = toQuery(s);
    fetch('/api/v1/search' + (query ? '?' + query : ''))
      .then(function (res) {
        return res.json().then(function (body) { return { ok: res.ok, body: body }; },
          function () { return { ok: false, body: null }; });
      })
      .then(function (ans) {
        if (no !== requestNo) return;
        if (ans.ok && ans.body) {
          render(s, ans.body);
        } else {
          var err = ans.body && ans.body.error;
          listEl.textContent = '';
          pagerEl.hidden = true;
          showError(err && err.message ? err.message : 'Der skete en fejl på serveren. Prøv igen om lidt.');
          var f = err && err.field && form.elements[err.field];
          if (f && f.setAttribute) f.setAttribute('aria-invalid', 'true');
        }
      }, function () {
        if (no !== requestNo) return;
        showError('Vi kunne ikke hente aktiviteterne. Tjek at du er på internettet, og prøv igen.',
          function () { runSearch(true); });
      })
      .then(function () {
        if (no !== requestNo) return;
        listEl.removeAttribute('aria-busy');
        if (focus) heading.focus();
      });
  }

  // Put a state into the URL (adding a history entry) and search.
  function navigate(query) {
    var url = '/' + (query ? '?' + query : '');
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    fillForm(stateFromQuery(location.search));
    runSearch(true);
  }

  /* ---------- wiring ---------- */

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var s = stateFromForm();
    s.page = '';  // a new search starts on page 1
    navigate(toQuery(s));
  });

  // Autocomplete: suggestions from /api/v1/suggest in the search box's datalist, fetched a
  // moment after typing stops; a reply for older text is ignored.
  var suggestTimer = null;
  var suggestFor = '';
  form.elements.q.addEventListener('input', function () {
    clearTimeout(suggestTimer);
    var text = form.elements.q.value;
    if (text.replace(/\s/g, '').length < 2) return;
    suggestTimer = setTimeout(function () {
      suggestFor = text;
      fetch('/api/v1/suggest?q=' + encodeURIComponent(text))
        .then(function (res) { return res.ok ? res.json() : null; })
        .catch(function () { return null; })
        .then(function (data) {
          if (!data || text !== suggestFor) return;
          var list = byId('forslag');
          while (list.firstChild) list.removeChild(list.firstChild);
          data.suggestions.forEach(function (s) {
            var option = document.createElement('option');
            option.value = s.text;
            list.appendChild(option);
          });
        });
    }, 200);
  });

  form.addEventListener('change', updateForm);
  form.elements.postcode.addEventListener('input', updateForm);

  // Paging, "Mente du" and "Fjern alle filtre" links stay on this page.
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('#sider a, #mente a, #nulstil');
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
    ev.preventDefault();
    navigate(a.search.replace(/^\?/, ''));
  });

  window.addEventListener('popstate', function () {
    fillForm(stateFromQuery(location.search));
    runSearch(false);
  });

  // Start: load the codes and labels, build the checkboxes, then search.
  fetch('/api/v1/vocabulary')
    .then(function (res) { return res.ok ? res.json() : null; })
    .catch(function () { return null; })
    .then(function (v) {
      vocab = v;
      if (!v) {
        // Keep this note in the form: the search's own messages replace #fejl.
        form.insertBefore(el('p', 'error', ['Filtrene kunne ikke hentes lige nu. Du kan stadig søge med fritekst.']),
          form.querySelector('details'));
      }
      buildChecks();
      fillForm(stateFromQuery(location.search));
      runSearch(false);
    });
})();
