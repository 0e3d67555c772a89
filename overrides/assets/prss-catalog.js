/* The practice catalog (/practices/): filters, sort, table view and compare check-boxes over the cards in the page.
 *
 * Progressive enhancement: the page (render/catalog.py) already holds the filter form and every card in the default
 * order; this script makes them work. Each practice's field values come from data/catalog.json, not from the HTML.
 * A change hides, shows and reorders the existing cards (no card is created, no layout is read). At most PAGE cards
 * show at a time, the best first, with "Show more" for the next PAGE: a change then costs the same with 100 or 3,000
 * practices in the library.
 * The state lives in the URL: the facet keys (objective, intercept, setting, level, mentor), q, sort, view and
 * min_level; each choice is a history entry (typing replaces its own), so Back restores it.
 * With Material's instant navigation the script runs once and re-attaches on every page via document$.
 */
(function () {
  "use strict";

  var text = window.prssCatalogText; /* prss-catalog-text.js */
  var states = window.prssCatalogState; /* prss-catalog-state.js: the controls and the URL */
  var SORTS = { evidence: "rank", title: "titleRank", reviewed: "reviewedRank" };
  var PAGE = 25;
  var current = null; /* the enhanced catalog on the page shown now, or null */
  var typing = false; /* the last history entry came from the text box: replace it rather than push */
  var startQuery = new URLSearchParams(location.search).get("q"); /* before Material's search can take it */

  function attach() {
    var root = document.getElementById("prss-catalog");
    if (current && current.root === root) return;
    current = null;
    if (!root || root.getAttribute("data-ready")) return;
    keepQueryFromMaterial();
    root.setAttribute("data-ready", "loading");
    load(new URL(root.getAttribute("data-src"), location.href).href)
      .then(function (data) { if (document.contains(root)) enhance(root, data); })
      .catch(function (error) {
        root.setAttribute("data-ready", "failed"); /* prss.css hides the controls; the full list stays */
        console.warn(error);
      });
  }

  /* Material's search opens itself for ?q= on a full page load, and drops q from the URL when it closes. On the
     catalog q is the text box's: close that search and put the URL back. */
  function keepQueryFromMaterial() {
    var toggle = document.querySelector("[data-md-toggle=search]");
    if (startQuery === null || !toggle || !toggle.checked) return;
    var href = location.href;
    toggle.click();
    var input = document.querySelector("[data-md-component=search-query]");
    if (input) { input.value = ""; input.blur(); }
    if (location.href !== href) history.replaceState(history.state, "", href);
    startQuery = null;
  }

  /* From file:// (the offline bundle) the browser refuses fetch(), so that bundle also holds the data as
     a script, data/catalog.js, which sets window.prssCatalogData (scripts/prss/site/offline.py). */
  function load(src) {
    if (location.protocol === "file:") {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src.replace(/\.json$/, ".js");
        script.onload = function () { resolve(window.prssCatalogData); };
        script.onerror = function () { reject(new Error("catalog data: cannot load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return fetch(src).then(function (response) {
      if (!response.ok) throw new Error("catalog data: HTTP " + response.status);
      return response.json();
    });
  }

  function enhance(root, data) {
    var $ = function (selector) { return root.querySelector(selector); };
    var cards = {};
    Array.prototype.forEach.call(root.querySelectorAll(".prss-cards > li"), function (li, n) {
      cards[li.getAttribute("data-slug")] = { li: li, rank: n };
    });
    var practices = data.practices.filter(function (row) { return cards[row[0]]; }).map(function (row) {
      var p = cards[row[0]];
      var other = [];
      data.facets.forEach(function (facet, f) {
        row[f + 1].forEach(function (v) { other.push(facet.values[v].name, facet.values[v].words || ""); });
      });
      p.slug = row[0];
      p.values = row.slice(1);
      p.title = p.li.querySelector(".prss-card-link").textContent;
      p.fields = [p.title, p.li.querySelector(".prss-card-summary").textContent, other.join(" ")].map(text.normalize);
      p.reviewed = p.li.getAttribute("data-reviewed");
      return p;
    }).sort(function (a, b) { return a.rank - b.rank; });
    rankBy(practices, "titleRank", function (a, b) { return a.title.localeCompare(b.title) || a.rank - b.rank; });
    rankBy(practices, "reviewedRank", function (a, b) { return a.reviewed < b.reviewed ? 1 : a.reviewed > b.reviewed ? -1 : a.rank - b.rank; });
    var boxes = data.facets.map(function (facet) {
      return facet.values.map(function (value) {
        return root.querySelector('input[name="' + facet.key + '"][value="' + CSS.escape(value.id) + '"]');
      });
    });
    current = {
      root: root, data: data, practices: practices, limit: PAGE, boxes: boxes,
      counts: boxes.map(function (row) {
        return row.map(function (box) { return box && box.parentNode.querySelector(".prss-catalog-count"); });
      }),
      level: data.facets.map(function (facet) { return facet.key; }).indexOf("level"),
      list: $(".prss-cards"), textBox: $("#prss-catalog-text"), sort: $("#prss-catalog-sort"), min: $("#prss-catalog-min"),
      views: root.querySelectorAll("input[name=view]"), status: $(".prss-catalog-status"), chips: $(".prss-catalog-chips ul"),
      clear: $(".prss-catalog-clear"), open: $(".prss-catalog-open"), active: $(".prss-catalog-active"),
      sheet: $(".prss-catalog-filters"), show: $(".prss-catalog-show"), more: $(".prss-catalog-more"),
      chipKey: "", compared: [],
    };
    listen(root);
    window.prssCatalogSheet.attach(current);
    window.prssCatalogCompare.attach(current);
    restore();
    root.setAttribute("data-ready", "ready");
  }

  function rankBy(practices, key, compare) {
    practices.slice().sort(compare).forEach(function (p, n) { p[key] = n; });
  }

  function listen(root) {
    root.addEventListener("submit", function (event) { event.preventDefault(); });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "checkbox" && !target.classList.contains("prss-catalog-compare-box")) update(true);
      else if (target.tagName === "SELECT" || target.name === "view") update(true);
    });
    current.textBox.addEventListener("input", function () { update(false); });
    current.more.querySelector("button").addEventListener("click", function () {
      current.limit += PAGE;
      render(states.read(current), true);
    });
    current.textBox.addEventListener("keydown", function (event) { if (event.key === "Enter") update(true); });
    current.clear.addEventListener("click", function () {
      states.write(current, states.empty(current));
      update(true);
      current.textBox.focus();
    });
    current.chips.addEventListener("click", function (event) {
      var chip = event.target.closest("button");
      if (!chip) return;
      var state = states.read(current);
      var remove = chip.getAttribute("data-remove").split("=");
      if (remove[0] === "q") state.q = "";
      else if (remove[0] === "min_level") state.min = "";
      else state.chosen[+remove[0]][+remove[1]] = false;
      states.write(current, state);
      update(true);
      var next = current.chips.querySelector("button") || current.textBox;
      next.focus();
    });
  }

  /* Read the controls, show the matching practices, and record the state in the URL. */
  function update(push) {
    var state = states.read(current);
    current.limit = PAGE;
    render(state);
    var url = new URL(location.href);
    url.search = states.toQuery(current, state);
    if (url.href === location.href) return;
    if (push || !typing) history.pushState(null, "", url.href);
    else history.replaceState(history.state, "", url.href);
    typing = !push;
  }

  function restore() {
    states.write(current, states.fromQuery(current, location.search));
    typing = false;
    current.limit = PAGE;
    render(states.read(current));
    var url = new URL(location.href);
    url.search = states.toQuery(current, states.read(current));
    if (url.href !== location.href) history.replaceState(history.state, "", url.href); /* text= becomes q= */
  }

  /* One pass over the practices: which match, and the count of each facet value among the practices that match
     every other facet; then the first `limit` matches in order. Only what changed is written to the DOM. */
  function render(state, more) {
    var facets = current.data.facets;
    var query = state.q.trim() ? text.terms(state.q, current.data.synonyms || []) : [];
    var min = state.min ? facets[current.level].values.map(function (v) { return v.id; }).indexOf(state.min) : -1;
    var counts = facets.map(function (facet) { return facet.values.map(function () { return 0; }); });
    var atLevel = facets[current.level].values.map(function () { return 0; });
    var active = facets.map(function (facet, f) { return !isEmpty(state.chosen[f]); });
    var shown = [];
    current.practices.forEach(function (p) {
      p.score = query.length ? text.score(p.fields, query) : 0;
      var level = p.values[current.level][0], missed = -1, misses = query.length && !p.score ? 2 : 0;
      for (var f = 0; f < facets.length && misses < 2; f++) {
        if (active[f] && !p.values[f].some(function (v) { return state.chosen[f][v]; })) { missed = f; misses++; }
      }
      if (!misses) atLevel[level]++;
      if (min >= 0 && level > min && missed !== current.level) { missed = current.level; misses++; }
      if (misses === 0) {
        shown.push(p);
        p.values.forEach(function (values, g) { values.forEach(function (v) { counts[g][v]++; }); });
      } else if (misses === 1) {
        p.values[missed].forEach(function (v) { counts[missed][v]++; });
      }
    });
    if (min >= 0) counts[current.level] = counts[current.level].map(function (n, v) { return v > min ? 0 : n; });
    writeCounts(counts, atLevel);
    var limit = shown.length <= current.limit + PAGE / 2 ? shown.length : current.limit; /* no "Show 3 more" */
    place(order(shown, state, query.length > 0).slice(0, limit));
    current.more.hidden = shown.length <= limit;
    setText(current.more.querySelector("button"), "Show " + Math.min(PAGE, shown.length - limit) +
      " more (" + (shown.length - limit) + " not shown)");
    if (more) return;
    if (current.root.getAttribute("data-view") !== state.view) current.root.setAttribute("data-view", state.view);
    var total = current.practices.length;
    current.status.textContent = shown.length ? "Showing " + shown.length + " of " + total + " practices"
      : "No practice matches these filters. Remove a filter to see more.";
    var chosen = 0;
    active.forEach(function (on, f) { if (on) chosen += Object.keys(state.chosen[f]).filter(function (v) { return state.chosen[f][v]; }).length; });
    setText(current.active, "(" + (chosen + (min >= 0 ? 1 : 0)) + ")");
    setText(current.show, "Show " + shown.length + " practice" + (shown.length === 1 ? "" : "s"));
    states.chips(current, state);
  }

  function writeCounts(counts, atLevel) {
    current.counts.forEach(function (row, f) {
      row.forEach(function (span, v) {
        if (!span) return;
        if (setText(span, "(" + counts[f][v] + ")")) span.parentNode.classList.toggle("prss-catalog-none", !counts[f][v]);
      });
    });
    var sum = 0, total = atLevel.reduce(function (a, b) { return a + b; }, 0);
    Array.prototype.forEach.call(current.min.options, function (option, n) {
      if (n > 0) sum += atLevel[n - 1];
      setText(option, option.textContent.replace(/\(\d+\)$/, "(" + (n ? sum : total) + ")"));
    });
  }

  /* The matches in the chosen order; with words in the text box, the best matches first (then evidence strength). */
  function order(shown, state, ranked) {
    var key = SORTS[state.sort] || "rank";
    return shown.sort(ranked && key === "rank"
      ? function (a, b) { return b.score - a.score || a.rank - b.rank; }
      : function (a, b) { return a[key] - b[key]; });
  }

  /* Show these cards, in this order, at the top of the list, and hide the others: only cards that are out of
     place are moved, and a hidden card's place does not matter. */
  function place(visible) {
    var list = current.list, children = list.children;
    var moved = visible.some(function (p, n) { return children[n] !== p.li; });
    visible.forEach(function (p) { p.on = true; });
    current.practices.forEach(function (p) {
      if (p.li.hidden !== !p.on) p.li.hidden = !p.on;
      p.on = false;
    });
    if (!moved) return;
    var cards = document.createDocumentFragment();
    visible.forEach(function (p) { cards.appendChild(p.li); });
    list.prepend(cards);
  }

  function setText(node, value) {
    if (!node || node.textContent === value) return false;
    node.textContent = value;
    return true;
  }

  function isEmpty(set) {
    for (var key in set) if (set[key]) return false;
    return true;
  }

  /* Back and Forward between filter states. The first one after a full page load also makes Material's
     instant navigation re-render the page; document$ then runs attach(), which restores from the URL too. */
  window.addEventListener("popstate", function () {
    if (current && document.contains(current.root)) restore();
  });
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(attach);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
