// The journey site of blueprint: zooming and panning the blueprint, and
// searching and filtering the index. Plain JavaScript without libraries;
// the pages work without it (the diagram scrolls, the index lists every
// journey). Data comes from <script type="application/json"> elements,
// which the browser never executes; nothing here builds HTML from text.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function store(key, value) {
    try {
      if (value === undefined) { return JSON.parse(window.sessionStorage.getItem(key)); }
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage may be off (file:// in some browsers, private mode) */ }
    return null;
  }

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  // --- the blueprint: zoom and pan by changing the SVG's viewBox ---------

  function initDiagram(fig) {
    var vp = fig.querySelector('.viewport');
    var svg = vp && vp.querySelector('svg.blueprint');
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
    var vb = svg.viewBox.baseVal;
    var full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    if (!(full.w > 0 && full.h > 0)) { return; }
    var tools = fig.querySelector('.diagram-tools');
    var level = fig.querySelector('.zoom-level');
    var help = fig.querySelector('#diagram-help');
    var fullBtn = fig.querySelector('[data-zoom="full"]');
    var key = 'bp-view:' + location.pathname;
    var pxPerPt = 4 / 3; // the SVG's units are points; 100% is 1 pt = 4/3 px
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    if (tools) { tools.hidden = false; }
    if (help) { help.hidden = false; }
    Array.prototype.forEach.call(document.querySelectorAll('.show-in-diagram'), function (b) { b.hidden = false; });

    var view = { x: full.x, y: full.y, k: 1 };

    function size() { return { w: vp.clientWidth || 1, h: vp.clientHeight || 1 }; }
    function setHeight() {
      if (fig.classList.contains('is-full')) { vp.style.height = ''; return; }
      var w = vp.clientWidth || 800;
      var max = Math.max(320, Math.round(window.innerHeight * 0.75));
      var fitWidth = Math.ceil(w * full.h / full.w) + 2;
      vp.style.height = Math.max(240, Math.min(max, fitWidth)) + 'px';
    }
    function fitK() { var s = size(); return Math.min(s.w / full.w, s.h / full.h); }
    function heightK() { return size().h / full.h; }
    function limits() { var f = fitK(); return { min: Math.min(f, heightK()) * 0.8, max: pxPerPt * 4 }; }
    function clamp() {
      var s = size(), vw = s.w / view.k, vh = s.h / view.k;
      function axis(pos, span, start, length) {
        if (span >= length) { return Math.min(Math.max(pos, start + length - span), start); }
        return Math.min(Math.max(pos, start - span * 0.25), start + length - span * 0.75);
      }
      view.x = axis(view.x, vw, full.x, full.w);
      view.y = axis(view.y, vh, full.y, full.h);
    }
    function apply(save) {
      clamp();
      var s = size();
      svg.setAttribute('viewBox', [view.x, view.y, s.w / view.k, s.h / view.k].map(function (n) { return Math.round(n * 100) / 100; }).join(' '));
      if (level) { level.textContent = Math.round(view.k / pxPerPt * 100) + '%'; }
      if (save !== false) { store(key, { x: view.x, y: view.y, k: view.k }); }
    }
    function fit(mode) {
      if (mode === 'height') {
        view.k = heightK();
        view.x = full.x;
        view.y = full.y;
      } else if (mode === '100') {
        var s = size();
        view.x = view.x + s.w / view.k / 2;
        view.y = view.y + s.h / view.k / 2;
        view.k = pxPerPt;
        view.x -= s.w / view.k / 2;
        view.y -= s.h / view.k / 2;
      } else {
        view.k = fitK();
        view.x = full.x;
        view.y = full.y;
      }
      apply();
    }
    function zoomAt(factor, px, py) {
      var s = size(), l = limits();
      if (px === undefined) { px = s.w / 2; py = s.h / 2; }
      var ux = view.x + px / view.k, uy = view.y + py / view.k;
      view.k = Math.min(Math.max(view.k * factor, l.min), l.max);
      view.x = ux - px / view.k;
      view.y = uy - py / view.k;
      apply();
    }
    function panBy(dx, dy) { view.x += dx / view.k; view.y += dy / view.k; apply(); }

    // Step headers in the diagram lead to the step's text; "show in the
    // blueprint" leads back.
    var steps = readJSON('stapdata') || {};
    Object.keys(steps).forEach(function (box) {
      var g = document.getElementById(box);
      if (g && svg.contains(g)) { g.classList.add('step-link'); }
    });
    function stepOf(target) {
      for (var el = target; el && el !== svg; el = el.parentNode) {
        if (el.id && steps[el.id]) { return steps[el.id]; }
      }
      return null;
    }
    function showBox(id) {
      var g = document.getElementById(id);
      if (!g || !svg.contains(g)) { return; }
      Array.prototype.forEach.call(svg.querySelectorAll('.is-target'), function (e) { e.classList.remove('is-target'); });
      g.classList.add('is-target');
      fig.scrollIntoView({ block: 'start' });
      var r = g.getBoundingClientRect(), o = svg.getBoundingClientRect(), s = size();
      var k = Math.max(view.k, pxPerPt * 0.75);
      var ux = view.x + (r.left + r.width / 2 - o.left) / view.k;
      view.k = k;
      view.x = ux - s.w / k / 2;
      view.y = full.y;
      apply();
      vp.focus({ preventScroll: true });
    }
    Array.prototype.forEach.call(document.querySelectorAll('.show-in-diagram'), function (b) {
      b.addEventListener('click', function () { showBox(b.getAttribute('data-box')); });
    });

    // Mouse and touch: drag to pan, Ctrl + wheel (or a pinch on a
    // touchpad) to zoom. A click without dragging on a step opens it.
    var drag = null;
    vp.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) { return; }
      drag = { x: e.clientX, y: e.clientY, moved: false, target: e.target, id: e.pointerId };
    });
    vp.addEventListener('pointermove', function (e) {
      if (!drag || drag.id !== e.pointerId) { return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!drag.moved) {
        drag.moved = true;
        vp.classList.add('dragging');
        try { vp.setPointerCapture(e.pointerId); } catch (err) { /* not all pointers */ }
      }
      drag.x = e.clientX;
      drag.y = e.clientY;
      panBy(-dx, -dy);
    });
    function endDrag(e) {
      if (!drag || drag.id !== e.pointerId) { return; }
      var d = drag;
      drag = null;
      vp.classList.remove('dragging');
      if (!d.moved && e.type === 'pointerup') {
        var anchor = stepOf(d.target);
        if (anchor) { location.hash = '#' + anchor; }
      }
    }
    vp.addEventListener('pointerup', endDrag);
    vp.addEventListener('pointercancel', endDrag);
    vp.addEventListener('wheel', function (e) {
      if (!e.ctrlKey && !e.metaKey) { return; }
      e.preventDefault();
      var o = vp.getBoundingClientRect();
      zoomAt(Math.pow(1.0015, -e.deltaY), e.clientX - o.left, e.clientY - o.top);
    }, { passive: false });

    vp.addEventListener('keydown', function (e) {
      var s = size(), step = e.shiftKey ? 0.5 : 0.1;
      switch (e.key) {
        case 'ArrowLeft': panBy(-s.w * step, 0); break;
        case 'ArrowRight': panBy(s.w * step, 0); break;
        case 'ArrowUp': panBy(0, -s.h * step); break;
        case 'ArrowDown': panBy(0, s.h * step); break;
        case 'Home': view.x = full.x; apply(); break;
        case 'End': view.x = full.x + full.w; apply(); break;
        case '+': case '=': zoomAt(1.25); break;
        case '-': case '_': zoomAt(0.8); break;
        case '0': fit('all'); break;
        case 'h': case 'H': fit('height'); break;
        case '1': fit('100'); break;
        case 'Escape':
          if (fig.classList.contains('is-full')) { full_(false); break; }
          return;
        default: return;
      }
      e.preventDefault();
    });

    function full_(on) {
      fig.classList.toggle('is-full', on);
      document.body.classList.toggle('has-full', on);
      if (fullBtn) { fullBtn.setAttribute('aria-pressed', on ? 'true' : 'false'); }
      setHeight();
      apply();
      vp.focus({ preventScroll: true });
    }
    if (tools) {
      tools.addEventListener('click', function (e) {
        var b = e.target.closest('[data-zoom]');
        if (!b) { return; }
        var z = b.getAttribute('data-zoom');
        if (z === 'in') { zoomAt(1.25); } else if (z === 'out') { zoomAt(0.8); } else if (z === 'full') { full_(!fig.classList.contains('is-full')); } else { fit(z); }
      });
    }

    // Printing shows the whole blueprint, whatever the zoom.
    window.addEventListener('beforeprint', function () { svg.setAttribute('viewBox', [full.x, full.y, full.w, full.h].join(' ')); });
    window.addEventListener('afterprint', function () { apply(false); });
    window.addEventListener('resize', function () { setHeight(); apply(false); });

    setHeight();
    var saved = store(key);
    if (saved && saved.k > 0) {
      view = { x: saved.x, y: saved.y, k: saved.k };
      apply(false);
    } else {
      fit(full.w / full.h > 4 ? 'height' : 'all');
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-diagram]'), initDiagram);

  // A table or chart wider than the page scrolls sideways; it can then be
  // reached and scrolled with the keyboard too.
  function scrollable() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap, .heartbeat-wrap'), function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        if (!el.hasAttribute('tabindex')) {
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'region');
          var section = el.closest('section');
          var head = section && section.querySelector('h2, h3');
          el.setAttribute('aria-label', head ? head.textContent : document.title);
        }
      } else if (el.getAttribute('tabindex') === '0') {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    });
  }
  scrollable();
  window.addEventListener('resize', scrollable);

  // --- the index: search and filters over one JSON of all journeys ------

  function normalise(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  }

  function initIndex(data) {
    var form = document.getElementById('zoeken');
    var list = document.getElementById('reizen');
    var count = document.getElementById('results-head');
    var empty = document.getElementById('geen');
    if (!form || !list || !data || !data.items) { return; }
    var items = Array.prototype.slice.call(list.children);
    if (items.length !== data.items.length) { return; }
    var words = data.items.map(function (it) { return ' ' + it.w + ' '; });
    var stop = {};
    (data.stop || []).forEach(function (w) { stop[w] = true; });
    var titles = items.map(function (li) { var a = li.querySelector('h3'); return a ? a.textContent : ''; });
    var q = document.getElementById('q');
    var sort = document.getElementById('sort');
    var facets = data.facets.map(function (f) {
      var el = form.querySelector('select[data-facet="' + f.key + '"]');
      var opts = [];
      if (el) {
        Array.prototype.forEach.call(el.options, function (o, i) {
          if (i === 0) { return; }
          var m = /^(.*) \((\d+)\)$/.exec(o.textContent);
          opts.push({ value: o.value, label: m ? m[1] : o.textContent, count: m ? +m[2] : -1 });
        });
      }
      return { key: f.key, values: f.values, el: el, opts: opts };
    });
    var of = count.getAttribute('data-of') || 'van';
    var one = count.getAttribute('data-one') || '';
    var many = count.getAttribute('data-many') || '';
    form.hidden = false;

    function chosen() {
      return facets.map(function (f) {
        if (!f.el || !f.el.value) { return -1; }
        var i = f.values.indexOf(f.el.value);
        return i < 0 ? -2 : i; // -2: a value no journey has
      });
    }

    function update(keepHash) {
      var terms = normalise(q.value).filter(function (w) { return !stop[w]; });
      var ch = chosen();
      var counts = facets.map(function (f) { return new Array(f.values.length).fill(0); });
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var it = data.items[i];
        var ok = true;
        for (var t = 0; t < terms.length && ok; t++) { ok = words[i].indexOf(' ' + terms[t]) >= 0; }
        var fails = 0, failAt = -1;
        if (ok) {
          for (var k = 0; k < facets.length; k++) {
            if (ch[k] !== -1 && it.f[k].indexOf(ch[k]) < 0) { fails++; failAt = k; }
          }
          for (var m = 0; m < facets.length; m++) {
            if (fails === 0 || (fails === 1 && failAt === m)) {
              for (var v = 0; v < it.f[m].length; v++) { counts[m][it.f[m][v]]++; }
            }
          }
        }
        var visible = ok && fails === 0;
        if (items[i].hidden === visible) { items[i].hidden = !visible; }
        if (visible) { shown++; }
      }
      facets.forEach(function (f, k) {
        // Rebuild a list of options in one go: changing thousands of
        // options one by one makes the browser recount the list each
        // time.
        var changed = false;
        f.opts.forEach(function (o, i) { if (o.count !== counts[k][i]) { changed = true; } });
        if (!changed || !f.el) { return; }
        var keep = f.el.value;
        var frag = document.createDocumentFragment();
        frag.appendChild(f.el.options[0]);
        f.opts.forEach(function (o, i) {
          o.count = counts[k][i];
          var el = document.createElement('option');
          el.value = o.value;
          el.textContent = o.label + ' (' + o.count + ')';
          el.disabled = o.count === 0 && o.value !== keep;
          frag.appendChild(el);
        });
        f.el.replaceChildren(frag);
        f.el.value = keep;
      });
      var total = items.length;
      count.textContent = shown === total ? total + ' ' + (total === 1 ? one : many) : shown + ' ' + of + ' ' + total + ' ' + (total === 1 ? one : many);
      empty.hidden = shown > 0;
      if (!keepHash) { writeHash(); }
    }

    var ordered = '';
    function order() {
      var by = sort ? sort.value : '';
      if (by === ordered) { return; }
      ordered = by;
      var idx = items.map(function (_, i) { return i; });
      if (by === 'title') {
        var coll = new Intl.Collator(document.documentElement.lang || 'nl');
        idx.sort(function (a, b) { return coll.compare(titles[a], titles[b]) || a - b; });
      } else if (by === 'steps' || by === 'pains') {
        var n = by === 'steps' ? 0 : 1;
        idx.sort(function (a, b) { return data.items[b].n[n] - data.items[a].n[n] || a - b; });
      }
      var frag = document.createDocumentFragment();
      idx.forEach(function (i) { frag.appendChild(items[i]); });
      list.appendChild(frag);
    }

    function writeHash() {
      var p = new URLSearchParams();
      if (q.value) { p.set('q', q.value); }
      facets.forEach(function (f) { if (f.el && f.el.value) { p.set(f.key, f.el.value); } });
      if (sort && sort.value) { p.set('sort', sort.value); }
      var h = p.toString();
      if (('#' + h) !== location.hash && !(h === '' && location.hash === '')) {
        history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
      }
    }

    function readHash() {
      var p = new URLSearchParams(location.hash.replace(/^#/, ''));
      q.value = p.get('q') || '';
      facets.forEach(function (f) {
        if (!f.el) { return; }
        var v = p.get(f.key) || '';
        f.el.value = v;
        if (f.el.value !== v) { f.el.value = ''; }
      });
      if (sort) { sort.value = p.get('sort') || ''; }
      order();
      update(true);
    }

    var pending = 0;
    q.addEventListener('input', function () {
      if (pending) { window.cancelAnimationFrame(pending); }
      pending = window.requestAnimationFrame(function () { pending = 0; update(); });
    });
    facets.forEach(function (f) { if (f.el) { f.el.addEventListener('change', function () { update(); }); } });
    if (sort) { sort.addEventListener('change', function () { order(); update(); }); }
    form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
    form.addEventListener('reset', function () {
      window.setTimeout(function () { order(); update(); }, 0);
    });
    window.addEventListener('hashchange', readHash);
    readHash();
  }

  initIndex(readJSON('zoekdata'));
}());
