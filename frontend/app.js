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

  var requestNo = 0;  // ignore answers to searches that have been superseded

  /* ---------- small helpers ---------- */

  var el = Portal.el;
  var label = Portal.label;

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
      Portal.codes(group).forEach(function (code) {
        var input = el('input');
        input.type = 'checkbox';
        input.name = name;
        input.value = code;
        var text = group === 'weekdays' ? Portal.cap(Portal.dayName(code)) : label(group, code);
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
    (data.results || []).forEach(function (r) { listEl.appendChild(Portal.renderResult(r)); });
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
  Portal.loadVocabulary().then(function (v) {
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
