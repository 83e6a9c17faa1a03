/* The citizen search page's enhancements (ES2017, no framework). The page works without this
 * file: it is a plain GET form rendered on the server. This adds: results that update without a
 * reload (the server renders them: the same URL with &visning=resultater gives the fragment),
 * history entries so Back works, an accessible autocomplete (ARIA 1.2 combobox), "Brug min
 * placering", and the map (Leaflet, loaded only when the citizen opens the map).
 * Nothing from the network is inserted as HTML except the server's own results fragment. */
(function () {
  'use strict';

  const form = document.getElementById('soeg');
  if (!form || !window.fetch || !window.URLSearchParams || !window.history.pushState) return;
  const results = document.getElementById('resultater');
  const status = document.getElementById('soeg-status');
  const LISTS = ['interest', 'target', 'transport', 'accessibility', 'day', 'time_of_day'];
  let loadNo = 0;

  /* ---------- the URL is the state ---------- */

  // The form's values as the page's URL: lists comma-joined, empty values and defaults left out.
  function formUrl() {
    const data = new FormData(form);
    const params = new URLSearchParams();
    const lists = {};
    for (const [name, raw] of data.entries()) {
      const value = String(raw).trim();
      if (!value) continue;
      if (LISTS.indexOf(name) >= 0) (lists[name] = lists[name] || []).push(value);
      else params.set(name, value);
    }
    Object.keys(lists).forEach(function (name) { params.set(name, lists[name].join(',')); });
    const place = params.has('postcode') || params.has('near');
    if (!place) params.delete('radius_km');
    if (params.get('sort') === 'relevance' || (!place && params.get('sort') === 'distance')) params.delete('sort');
    const query = params.toString().replace(/%2C/g, ',');
    return '/' + (query ? '?' + query : '');
  }

  // Sets the form's controls from a URL (Back and Forward).
  function fillForm(url) {
    const params = new URL(url, location.href).searchParams;
    const values = function (name) {
      return params.getAll(name).join(',').split(',').map(function (v) { return v.trim(); }).filter(Boolean);
    };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === 'checkbox') el.checked = values(el.name).indexOf(el.value) >= 0;
      else if (el.type === 'hidden' && el.name === 'near') {
        el.value = params.get('near') || '';
        el.disabled = !el.value;
      } else if (el.tagName === 'SELECT') el.value = params.get(el.name) || el.options[0].value;
      else if (el.type === 'text' || el.type === 'search') el.value = params.get(el.name) || '';
    });
  }

  /* ---------- results without a reload ---------- */

  function load(url, push) {
    const no = ++loadNo;
    results.setAttribute('aria-busy', 'true');
    const fragmentUrl = url + (url.indexOf('?') >= 0 ? '&' : '?') + 'visning=resultater';
    return fetch(fragmentUrl, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error('status ' + res.status);
        return res.text();
      })
      .then(function (html) {
        if (no !== loadNo) return;
        results.innerHTML = html;  // the server's own escaped HTML
        results.removeAttribute('aria-busy');
        if (push) history.pushState({ url: url }, '', url);
        const content = document.getElementById('resultater-indhold');
        const count = content ? content.getAttribute('data-count') : '';
        if (content && content.getAttribute('data-title')) {
          document.title = content.getAttribute('data-title') + ' – Fællesskabsportalen';
        }
        status.textContent = count ? count + ' fundet' : '';
        updateFacets(content);
        updateTextSwitch(url);
        refreshMap();
      })
      .catch(function () {
        // An invalid choice (400) or a network hiccup: let the server render the whole page.
        if (no === loadNo) location.assign(url);
      });
  }

  function updateFacets(content) {
    const holder = content && content.querySelector('[data-facets]');
    if (!holder) return;
    let counts;
    try { counts = JSON.parse(holder.getAttribute('data-facets')); } catch (e) { return; }
    Object.keys(counts).forEach(function (id) {
      const label = form.querySelector('label[for="' + id + '"] .facet-count');
      if (label) label.textContent = '(' + counts[id] + ')';
    });
  }

  // The larger-text switch returns to the current search.
  function updateTextSwitch(url) {
    const back = document.querySelector('.tekst-skift input[name="tilbage"]');
    if (back) back.value = url;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    closeList();
    load(formUrl(), true).then(function () {
      const heading = document.getElementById('antal');
      if (heading) heading.focus();
    });
  });

  form.addEventListener('change', function (event) {
    const t = event.target;
    if (t.id === 'q') return;  // the search box searches on Enter or the button
    if (t.id === 'postcode') {
      const v = t.value.trim();
      if (v && !/^\d{4}$/.test(v)) return;  // the server explains a wrong postcode on submit
      clearNear();
    }
    load(formUrl(), true);
  });

  window.addEventListener('popstate', function () {
    fillForm(location.href);
    load(location.pathname + location.search, false);
  });

  /* ---------- autocomplete: ARIA 1.2 combobox ---------- */

  const input = document.getElementById('q');
  const list = document.getElementById('q-forslag');
  let active = -1;
  let suggestNo = 0;
  let timer = 0;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  function options() { return list.querySelectorAll('[role="option"]'); }

  function closeList() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }

  function choose(option) {
    const code = option.getAttribute('data-code');
    const box = code && document.getElementById('interest-' + code);
    if (box) {
      box.checked = true;
      input.value = '';
    } else {
      input.value = option.textContent;
    }
    closeList();
    load(formUrl(), true);
  }

  function suggest() {
    const text = input.value;
    if (text.trim().length < 2) { closeList(); return; }
    const no = ++suggestNo;
    fetch('/api/v1/suggest?q=' + encodeURIComponent(text.slice(0, 100)))
      .then(function (res) { return res.ok ? res.json() : { suggestions: [] }; })
      .then(function (answer) {
        if (no !== suggestNo) return;
        list.textContent = '';
        (answer.suggestions || []).forEach(function (s, i) {
          const li = document.createElement('li');
          li.id = 'q-forslag-' + i;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.className = 'suggestion' + (s.type === 'interest' ? ' suggestion-interest' : '');
          li.textContent = s.text;
          if (s.type === 'interest' && s.code) li.setAttribute('data-code', s.code);
          li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(li); });
          list.appendChild(li);
        });
        active = -1;
        input.removeAttribute('aria-activedescendant');
        const open = options().length > 0 && document.activeElement === input;
        list.hidden = !open;
        input.setAttribute('aria-expanded', open ? 'true' : 'false');
      })
      .catch(closeList);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', function (event) {
    const open = !list.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (open) setActive(active + 1); else suggest();
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(options()[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      closeList();
    }
  });
  input.addEventListener('blur', function () { setTimeout(closeList, 100); });

  /* ---------- "Brug min placering" ---------- */

  const locate = document.getElementById('placering');
  const near = document.getElementById('near');
  const postcode = document.getElementById('postcode');
  const message = document.getElementById('placering-besked');

  function clearNear() {
    near.value = '';
    near.disabled = true;
    const note = document.getElementById('near-note');
    if (note) note.hidden = true;
  }

  if (navigator.geolocation && locate) {
    locate.hidden = false;
    document.getElementById('placering-knap').addEventListener('click', function () {
      message.textContent = 'Finder din placering …';
      navigator.geolocation.getCurrentPosition(function (pos) {
        near.value = pos.coords.latitude.toFixed(4) + ',' + pos.coords.longitude.toFixed(4);
        near.disabled = false;
        postcode.value = '';
        const radius = document.getElementById('radius_km');
        if (!radius.value) radius.value = '10';
        message.textContent = 'Vi viser aktiviteter tæt på dig.';
        load(formUrl(), true);
      }, function (err) {
        message.textContent = err && err.code === 1
          ? 'Du har ikke givet lov til at bruge din placering. Skriv dit postnummer i stedet.'
          : 'Vi kunne ikke finde din placering. Skriv dit postnummer i stedet.';
      }, { timeout: 15000, maximumAge: 600000 });
    });
  }

  /* ---------- the map ---------- */

  const area = document.getElementById('kort-omraade');
  const mapButton = document.getElementById('kort-knap');
  const mapEl = document.getElementById('kort');
  const note = document.getElementById('kort-note');
  let map = null;
  let markers = null;
  let leaflet = null;

  function points() {
    return Array.prototype.map.call(results.querySelectorAll('li.result[data-lat]'), function (li) {
      return { lat: Number(li.getAttribute('data-lat')), lon: Number(li.getAttribute('data-lon')),
        title: li.getAttribute('data-title'), url: '/aktivitet/' + li.getAttribute('data-id') };
    });
  }

  function loadLeaflet() {
    if (leaflet) return leaflet;
    leaflet = new Promise(function (resolve, reject) {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = area.getAttribute('data-leaflet-css');
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = area.getAttribute('data-leaflet-js');
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return leaflet;
  }

  function refreshMap() {
    const pts = points();
    mapButton.hidden = pts.length === 0;
    if (!pts.length && !mapEl.hidden) toggleMap(false);
    if (!map) return;
    markers.clearLayers();
    const L = window.L;
    const icon = L.icon({ iconUrl: area.getAttribute('data-icon'), iconRetinaUrl: area.getAttribute('data-icon2x'),
      shadowUrl: area.getAttribute('data-shadow'), iconSize: [25, 41], iconAnchor: [12, 41],
      popupAnchor: [1, -34], shadowSize: [41, 41] });
    pts.forEach(function (p) {
      const popup = document.createElement('div');
      const link = document.createElement('a');
      link.href = p.url;
      link.textContent = p.title;
      popup.appendChild(link);
      L.marker([p.lat, p.lon], { icon: icon, title: p.title, alt: p.title, keyboard: true })
        .bindPopup(popup).addTo(markers);
    });
    if (pts.length) map.fitBounds(markers.getBounds(), { padding: [30, 30], maxZoom: 14 });
  }

  function showNote(text) {
    note.textContent = text;
    note.hidden = false;
  }

  function toggleMap(open) {
    mapButton.setAttribute('aria-expanded', open ? 'true' : 'false');
    mapButton.textContent = open ? 'Skjul kortet' : 'Vis på kort';
    mapEl.hidden = !open;
    if (!open) { note.hidden = true; return; }
    loadLeaflet().then(function (L) {
      if (!map) {
        map = L.map(mapEl, { zoomControl: false, keyboard: true });
        L.control.zoom({ zoomInTitle: 'Zoom ind', zoomOutTitle: 'Zoom ud' }).addTo(map);
        map.attributionControl.setPrefix(false);
        const tiles = area.getAttribute('data-tiles');
        if (tiles) {
          let failed = false;
          L.tileLayer(tiles, { attribution: area.getAttribute('data-attribution') || '', maxZoom: 18 })
            .on('tileerror', function () {
              if (failed) return;
              failed = true;
              showNote('Baggrundskortet kunne ikke vises. Aktiviteterne står stadig på kortet og i listen.');
            }).addTo(map);
        }
        markers = L.featureGroup().addTo(map);
        map.setView([56.2, 10.2], 7);
      }
      map.invalidateSize();
      refreshMap();
    }).catch(function () {
      showNote('Kortet kunne ikke indlæses. Brug listen med aktiviteter.');
    });
  }

  mapButton.addEventListener('click', function () {
    toggleMap(mapButton.getAttribute('aria-expanded') !== 'true');
  });
  refreshMap();

  // Wide screens show the filters open.
  const filters = document.getElementById('filtre');
  if (filters && window.matchMedia && window.matchMedia('(min-width: 62em)').matches) filters.open = true;

  history.replaceState({ url: location.pathname + location.search }, '', location.href);
})();
