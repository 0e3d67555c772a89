/* Faceted filters for the practice catalog (/practices/), generated into docs/ by prss/catalog.py.
 *
 * Progressive enhancement: the page already lists every practice; this script adds a filter form
 * and hides the items that do not match. Field values come from data/catalog.json (built from the
 * content), not from the HTML. The filter state lives in the URL query, e.g.
 * ?objective=<id>&intercept=3&text=jail; each filter choice is a history entry, so Back works.
 * With Material's instant navigation the script runs once and re-attaches on every page via document$.
 */
(function () {
  "use strict";

  var TEXT = "text"; /* not "q": Material opens its own search for ?q= */
  var current = null; /* the enhanced catalog on the page shown now, or null */
  var typing = false; /* the last history entry came from the text box: replace it rather than push */

  function attach() {
    var root = document.getElementById("prss-catalog");
    if (current && current.root === root) return;
    current = null;
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "loading");
    load(new URL(root.getAttribute("data-src"), location.href).href)
      .then(function (data) {
        if (document.contains(root)) enhance(root, data);
      })
      .catch(function (error) {
        root.setAttribute("data-ready", "failed"); /* the full list stays usable */
        console.warn(error);
      });
  }

  /* From file:// (the offline bundle) the browser refuses fetch(), so that bundle also holds the data as
     a script, data/catalog.js, which sets window.prssCatalogData (scripts/prss/site/offline.py). */
  function load(src) {
    if (location.protocol === "file:") {
      return new Promise(function (resolve, reject) {
        var script = el("script", { src: src.replace(/\.json$/, ".js") });
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
    var list = root.querySelector("ul");
    var items = {};
    Array.prototype.forEach.call(list ? list.children : [], function (li) {
      var link = li.querySelector("a[href]");
      if (link) items[slugOf(link.href)] = li;
    });
    var practices = data.practices.filter(function (p) { return items[p[0]]; }).map(function (p) {
      var words = [items[p[0]].textContent];
      data.facets.forEach(function (facet, f) {
        p[f + 1].forEach(function (v) { words.push(facet.values[v].name, facet.values[v].words || ""); });
      });
      return { slug: p[0], li: items[p[0]], values: p.slice(1), text: fold(words.join(" ")) };
    });
    var form = buildForm(data.facets);
    var status = el("p", { "class": "prss-catalog-status", role: "status", "aria-live": "polite" });
    root.insertBefore(status, root.firstChild);
    root.insertBefore(form, status);
    var boxes = data.facets.map(function (facet) {
      return Array.prototype.slice.call(form.querySelectorAll('fieldset[data-facet="' + facet.key + '"] input'));
    });
    var counts = boxes.map(function (row) {
      return row.map(function (box) { return box.parentNode.querySelector(".prss-catalog-count"); });
    });
    current = { root: root, facets: data.facets, practices: practices, form: form, status: status, boxes: boxes,
                counts: counts };
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") update(true);
    });
    form.addEventListener("input", function (event) {
      if (event.target.name === TEXT) update(false);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".prss-catalog-clear").addEventListener("click", function () {
      form.reset();
      update(true);
    });
    restore();
    root.setAttribute("data-ready", "ready");
  }

  function buildForm(facets) {
    var form = el("form", { "class": "prss-catalog-filters", role: "search", "aria-label": "Filter the practices" });
    var words = el("p", { "class": "prss-catalog-text" });
    words.appendChild(el("label", { "for": "prss-catalog-text" }, "Words in the title, summary or fields"));
    words.appendChild(el("input", { type: "search", id: "prss-catalog-text", name: TEXT, autocomplete: "off" }));
    form.appendChild(words);
    var group = el("div", { "class": "prss-catalog-facets" });
    facets.forEach(function (facet) {
      var fieldset = el("fieldset", { "data-facet": facet.key });
      fieldset.appendChild(el("legend", {}, facet.label));
      facet.values.forEach(function (value) {
        var label = el("label");
        label.appendChild(el("input", { type: "checkbox", name: facet.key, value: value.id }));
        label.appendChild(document.createTextNode(" " + value.name + " "));
        label.appendChild(el("span", { "class": "prss-catalog-count" }));
        fieldset.appendChild(label);
      });
      group.appendChild(fieldset);
    });
    form.appendChild(group);
    form.appendChild(el("button", { type: "button", "class": "md-button prss-catalog-clear" }, "Clear filters"));
    return form;
  }

  /* Read the filters from the form, show the matching practices, and record the state in the URL. */
  function update(push) {
    var state = readForm();
    render(state);
    var url = new URL(location.href);
    url.search = toQuery(state);
    if (url.href === location.href) return;
    if (push || !typing) history.pushState(null, "", url.href);
    else history.replaceState(history.state, "", url.href);
    typing = !push;
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    current.form.reset();
    current.form.elements[TEXT].value = params.get(TEXT) || "";
    Array.prototype.forEach.call(current.form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
    typing = false;
    render(readForm());
  }

  function readForm() {
    var chosen = current.boxes.map(function (row) {
      var set = {};
      row.forEach(function (box, v) { if (box.checked) set[v] = true; });
      return set;
    });
    var text = current.form.elements[TEXT].value;
    return { chosen: chosen, text: text, terms: fold(text).split(/\s+/).filter(Boolean) };
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    current.facets.forEach(function (facet, f) {
      facet.values.forEach(function (value, v) {
        if (state.chosen[f][v]) params.append(facet.key, value.id);
      });
    });
    if (state.text.trim()) params.set(TEXT, state.text.trim());
    return params.toString();
  }

  /* A practice matches when it has every word, and in each facet with choices, one of the chosen values. */
  function matches(p, state, skip) {
    for (var f = 0; f < state.chosen.length; f++) {
      if (f === skip || isEmpty(state.chosen[f])) continue;
      if (!p.values[f].some(function (v) { return state.chosen[f][v]; })) return false;
    }
    return state.terms.every(function (term) { return p.text.indexOf(term) >= 0; });
  }

  /* Only what changed is written to the DOM, so a change costs little even with a thousand practices. */
  function render(state) {
    var shown = 0;
    current.practices.forEach(function (p) {
      var match = matches(p, state, -1);
      if (p.li.hidden === match) p.li.hidden = !match;
      if (match) shown++;
    });
    current.facets.forEach(function (facet, f) {
      var counts = facet.values.map(function () { return 0; });
      current.practices.forEach(function (p) {
        if (matches(p, state, f)) p.values[f].forEach(function (v) { counts[v]++; });
      });
      current.counts[f].forEach(function (span, v) {
        var text = "(" + counts[v] + ")";
        if (span.textContent === text) return;
        span.textContent = text;
        span.parentNode.classList.toggle("prss-catalog-none", counts[v] === 0);
      });
    });
    var total = current.practices.length;
    current.status.textContent = shown === total ? "Showing all " + total + " practices."
      : shown ? "Showing " + shown + " of " + total + " practices."
      : "No practice matches these filters. Clear filters to see all " + total + ".";
  }

  /* .../practices/<slug>/ online; .../practices/<slug>.html in the offline bundle */
  function slugOf(href) {
    var parts = new URL(href).pathname.split("/").filter(Boolean);
    var last = parts[parts.length - 1] === "index.html" ? parts[parts.length - 2] : parts[parts.length - 1];
    return last.replace(/\.html$/, "");
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function isEmpty(set) {
    for (var key in set) return false;
    return true;
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
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
