// newsmon live page: alerts over Server-Sent Events, entity trends, watchlist. Plain DOM, no framework.
'use strict';

(function () {
  const MAX_ALERTS = 300;
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const $ = (id) => document.getElementById(id);
  const seen = new Map();          // alertId -> card
  const entityNames = new Map();   // entityId -> display name
  let filter = new URLSearchParams(location.search).get('entity') || '';
  let trendWindow = '24h';
  let trendTimer = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  /** Right-to-left for Arabic text, so that it reads and wraps correctly. */
  function dirOf(text, lang) {
    return lang === 'ar' || ARABIC.test(text || '') ? 'rtl' : 'ltr';
  }

  function utc(iso) {
    if (!iso) return 'time unknown';
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function safeUrl(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** The snippet as text nodes, with the entity's mention in a <mark>. */
  function snippet(m, lang) {
    const text = m.snippet || '';
    const p = el('p', {class: 'snippet', dir: dirOf(text, lang), lang: ARABIC.test(text) ? 'ar' : null});
    const s = m.highlightStart, e = m.highlightEnd;
    if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length) {
      p.append(text.slice(0, s), el('mark', {text: text.slice(s, e), 'data-entity': m.entityId}), text.slice(e));
    } else {
      p.append(text);
    }
    return p;
  }

  function chip(m) {
    return el('button', {
      type: 'button', class: 'chip', 'data-entity': m.entityId, 'aria-pressed': String(filter === m.entityId),
      title: 'Show only alerts about ' + m.name, onclick: () => setFilter(filter === m.entityId ? '' : m.entityId)
    }, m.name, el('span', {class: 'n', text: '×' + m.mentions}));
  }

  function card(a) {
    const trend = a.kind === 'trend';
    const matches = a.matches || [];
    const url = safeUrl(a.url);
    const title = a.title || '(no title)';
    const titleDir = trend ? 'ltr' : dirOf(title, a.lang);
    const li = el('li', {
      class: 'alert kind-' + (trend ? 'trend' : 'article'), 'data-alert-id': a.alertId,
      'data-entities': matches.map((m) => m.entityId).join(' ')
    },
    el('div', {class: 'meta'},
      el('span', {class: 'kind', text: trend ? 'TREND' : (a.backfill ? 'BACKFILL' : 'ALERT')}),
      el('time', {datetime: a.publishedAt || null, text: utc(a.publishedAt)}),
      a.source ? el('span', {class: 'source', text: (trend ? 'latest: ' : '') + a.source}) : null,
      a.lang ? el('span', {class: 'lang', text: a.lang}) : null),
    el('h3', {class: 'title', dir: titleDir, lang: titleDir === 'rtl' ? 'ar' : null},
      url && !trend ? el('a', {href: url, target: '_blank', rel: 'noopener noreferrer', text: title}) : title),
    el('div', {class: 'chips'}, ...matches.map(chip)));
    if (trend && a.trend) {
      const t = a.trend;
      const usual = t.baselineRate > 0 ? t.baselineRate.toFixed(1) + ' per window' : 'not mentioned before';
      li.append(el('p', {class: 'trend-line', text: t.count + ' articles from ' + utc(t.windowStart) + ' to '
        + utc(t.windowEnd) + '; usually ' + usual + (t.factor ? ' (×' + t.factor + ')' : '')}));
    }
    for (const m of matches) if (m.snippet) li.append(snippet(m, a.lang));
    return li;
  }

  function addAlert(a) {
    if (!a || !a.alertId || seen.has(a.alertId)) return;
    for (const m of a.matches || []) rememberEntity(m.entityId, m.name);
    const li = card(a);
    seen.set(a.alertId, li);
    li.classList.add('fresh');
    $('alerts').prepend(li);
    while (seen.size > MAX_ALERTS) {
      const oldest = $('alerts').lastElementChild;
      if (!oldest) break;
      seen.delete(oldest.getAttribute('data-alert-id'));
      oldest.remove();
    }
    applyFilter();
    scheduleTrends(1500);
  }

  function rememberEntity(id, name) {
    if (!id || entityNames.has(id)) return;
    entityNames.set(id, name || id);
    const select = $('entity-filter');
    const options = Array.from(select.options).slice(1);
    const option = el('option', {value: id, text: (name || id) + ' (' + id + ')'});
    const before = options.find((o) => o.textContent.localeCompare(option.textContent) > 0);
    select.insertBefore(option, before || null);
    if (filter === id) select.value = id;
  }

  function setFilter(id) {
    filter = id || '';
    if (filter) rememberEntity(filter, entityNames.get(filter));
    $('entity-filter').value = filter;
    const params = new URLSearchParams(location.search);
    if (filter) params.set('entity', filter); else params.delete('entity');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
    applyFilter();
  }

  function applyFilter() {
    let shown = 0;
    for (const li of $('alerts').children) {
      const ok = !filter || li.getAttribute('data-entities').split(' ').includes(filter);
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (const c of document.querySelectorAll('.chip')) {
      c.setAttribute('aria-pressed', String(c.getAttribute('data-entity') === filter));
    }
    $('clear-filter').hidden = !filter;
    $('empty').hidden = shown > 0;
    $('alert-count').textContent = seen.size === 0 ? '' : (filter ? shown + ' of ' + seen.size : seen.size) + ' alerts';
  }

  function setStatus(state, text) {
    const s = $('status');
    s.dataset.state = state;
    s.textContent = text;
  }

  function connect() {
    // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed while the buffer holds it.
    const source = new EventSource('api/alerts/stream?backlog=100');
    source.addEventListener('open', () => setStatus('live', 'live'));
    source.addEventListener('error', () => setStatus('reconnecting', 'reconnecting…'));
    source.addEventListener('alert', (ev) => {
      try {
        addAlert(JSON.parse(ev.data));
      } catch (e) {
        console.warn('newsmon: unreadable alert event', e);
      }
    });
  }

  // ---- trends

  function sparkline(series) {
    const w = 120, h = 26, n = series.length;
    const max = Math.max(1, ...series);
    const pts = series.map((v, i) => [n === 1 ? w / 2 : (i * w) / (n - 1), h - 2 - (v / max) * (h - 4)]);
    const line = pts.map((p) => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' ');
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    const area = document.createElementNS(svgNs, 'polygon');
    area.setAttribute('class', 'area');
    area.setAttribute('points', '0,' + h + ' ' + line + ' ' + w + ',' + h);
    const poly = document.createElementNS(svgNs, 'polyline');
    poly.setAttribute('points', line);
    svg.append(area, poly);
    return svg;
  }

  async function loadTrends() {
    trendTimer = null;
    const list = $('trends');
    try {
      const r = await fetch('api/entities/top?window=' + encodeURIComponent(trendWindow) + '&limit=12');
      const body = await r.json();
      if (!r.ok) {
        $('trends-note').textContent = body.error || ('trends unavailable (' + r.status + ')');
        list.replaceChildren();
        return;
      }
      const step = body.stepSeconds >= 3600 ? (body.stepSeconds / 3600) + ' h' : (body.stepSeconds / 60) + ' min';
      $('trends-note').textContent = body.asOf
        ? 'Unique articles per entity, per ' + step + ', up to ' + utc(body.asOf) + ' (newest publication time).'
        : 'No articles counted yet.';
      list.replaceChildren(...body.entities.map((e) => {
        rememberEntity(e.entityId, e.name);
        const spark = sparkline(e.series);
        spark.setAttribute('aria-label', e.name + ': ' + e.series.join(', '));
        return el('li', {'data-entity': e.entityId},
          el('button', {type: 'button', class: 'name' + (e.tracked ? ' tracked' : ''), text: e.name,
            title: e.entityId + (e.tracked ? ' (tracked)' : '') + ' — show its alerts',
            onclick: () => setFilter(e.entityId)}),
          el('span', {class: 'total', text: String(e.total)}),
          spark);
      }));
    } catch (e) {
      $('trends-note').textContent = 'trends unavailable: ' + e.message;
    } finally {
      scheduleTrends(15000);
    }
  }

  function scheduleTrends(ms) {
    if (trendTimer !== null) {
      if (ms >= 15000) return;
      clearTimeout(trendTimer);
    }
    trendTimer = setTimeout(loadTrends, ms);
  }

  // ---- watchlist

  function token() {
    return $('token').value.trim() || sessionStorage.getItem('newsmon-token') || '';
  }

  function authHeaders(extra) {
    const h = Object.assign({}, extra || {});
    const t = token();
    if (t) {
      h.Authorization = 'Bearer ' + t;
      sessionStorage.setItem('newsmon-token', t);
    }
    return h;
  }

  async function loadWatchlist() {
    try {
      const r = await fetch('api/watchlist');
      const body = await r.json();
      if (!r.ok) {
        $('watch-msg').textContent = body.error || ('watchlist unavailable (' + r.status + ')');
        return;
      }
      $('token-row').hidden = !body.writeRequiresToken;
      $('watch-form').hidden = !!body.readOnly;
      if (body.readOnly) {
        $('watch-msg').textContent = 'Read-only: start newsmon with NEWSMON_HTTP_TOKEN to change the watchlist here.';
      }
      $('watchlist').replaceChildren(...body.tracked.map((e) => {
        rememberEntity(e.id, e.name);
        return el('li', {'data-entity': e.id},
          el('span', {class: 'who'},
            el('span', {class: 'name', text: e.name}),
            e.nameAr ? el('span', {class: 'ar', dir: 'rtl', lang: 'ar', text: e.nameAr}) : null,
            el('span', {class: 'id', text: e.id + (e.type ? ' · ' + e.type : '') + (e.builtIn ? '' : ' · user-defined')})),
          body.readOnly ? null : el('button', {type: 'button', title: 'Stop tracking ' + e.id,
            'aria-label': 'Stop tracking ' + e.id, text: '×', onclick: () => removeEntity(e.id)}));
      }));
    } catch (e) {
      $('watch-msg').textContent = 'watchlist unavailable: ' + e.message;
    }
  }

  function refreshWatchlistSoon() {
    // The change reaches the processors' global store within a second or so.
    setTimeout(loadWatchlist, 1200);
    setTimeout(loadWatchlist, 3500);
  }

  async function answer(r, ok) {
    let body = {};
    try { body = await r.json(); } catch (e) { /* empty */ }
    if (r.status === 401) {
      $('token-row').hidden = false;
      $('watch-msg').textContent = 'This change needs the API token (ask whoever runs newsmon).';
      return false;
    }
    $('watch-msg').textContent = r.ok ? ok : (body.error || ('failed (' + r.status + ')'));
    return r.ok;
  }

  async function addEntity(ev) {
    ev.preventDefault();
    const id = $('watch-id').value.trim();
    if (!id) return;
    const names = $('watch-names').value.split(',').map((s) => s.trim()).filter(Boolean);
    const entry = {id};
    if (names.length) entry.names = names;
    if ($('watch-type').value) entry.type = $('watch-type').value;
    const r = await fetch('api/watchlist', {method: 'POST', headers: authHeaders({'Content-Type': 'application/json'}),
      body: JSON.stringify(entry)});
    if (await answer(r, 'Tracking ' + id + ' from the next article on.')) {
      const kept = $('token').value;
      $('watch-form').reset();
      $('token').value = kept;
      refreshWatchlistSoon();
    }
  }

  async function removeEntity(id) {
    const r = await fetch('api/watchlist/' + encodeURIComponent(id), {method: 'DELETE', headers: authHeaders()});
    if (await answer(r, 'No longer tracking ' + id + '.')) refreshWatchlistSoon();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('entity-filter').addEventListener('change', (e) => setFilter(e.target.value));
    $('clear-filter').addEventListener('click', () => setFilter(''));
    for (const b of document.querySelectorAll('.tabs button')) {
      b.addEventListener('click', () => {
        trendWindow = b.dataset.window;
        for (const o of document.querySelectorAll('.tabs button')) o.setAttribute('aria-pressed', String(o === b));
        scheduleTrends(0);
      });
    }
    $('watch-form').addEventListener('submit', addEntity);
    $('token').value = sessionStorage.getItem('newsmon-token') || '';
    if (filter) setFilter(filter);
    applyFilter();
    connect();
    loadWatchlist();
    scheduleTrends(0);
  });
})();
