/* The compare view (/compare/?p=<slug>&p=<slug>), generated into docs/ by prss/render/compare.py.
 *
 * The page holds the table's row headings and one evidence badge per level; this script reads the `p`
 * parameters (two to four practices, in order), fetches data/compare/<slug>.json for each, and fills one
 * column per practice from the items Python wrote: every word shown comes from those files or the page, and
 * badges are clones of the page's own. A picker adds practices by words in their titles, matching the
 * synonyms of data/catalog.json; each addition or removal is a history entry, so Back restores the last view.
 * Idle on other pages; with Material's instant navigation it re-attaches on every page via document$.
 */
(function () {
  "use strict";

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var SHOWN_MATCHES = 8;
  var current = null; /* the compare view on the page shown now, or null */

  function attach() {
    var root = document.getElementById("prss-compare");
    if (current && current.root === root) return;
    current = null;
    if (!root || root.getAttribute("data-ready")) return;
    if (location.protocol === "file:") { /* the offline copy: the browser refuses fetch(); the page's text says what to do */
      root.setAttribute("data-ready", "offline");
      root.hidden = true;
      return;
    }
    var form = root.querySelector(".prss-compare-picker");
    current = {
      root: root, form: form, input: form.querySelector("input"), matches: root.querySelector(".prss-compare-matches"),
      status: root.querySelector(".prss-compare-status"), problems: root.querySelector(".prss-compare-problems"),
      scroll: root.querySelector(".prss-compare-scroll"), table: root.querySelector("table"),
      badges: root.querySelector(".prss-compare-badges"),
      src: new URL(root.getAttribute("data-src"), location.href).href,
      site: new URL(root.getAttribute("data-root"), location.href).href,
      synonyms: new URL(root.getAttribute("data-synonyms"), location.href).href,
      most: parseInt(root.getAttribute("data-most"), 10), records: {}, index: null, chosen: [], drawn: 0
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = current.matches.querySelector("button");
      if (first) add(first.getAttribute("data-slug"));
    });
    current.input.addEventListener("focus", loadIndex);
    current.input.addEventListener("input", function () { loadIndex().then(offer); });
    current.matches.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (button) add(button.getAttribute("data-slug"));
    });
    current.table.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-slug]");
      if (button) remove(button.getAttribute("data-slug"));
    });
    show(requested());
  }

  function requested() {
    return new URLSearchParams(location.search).getAll("p");
  }

  /* Fetch every requested practice, then draw the columns and the messages in one go (no partial table). */
  function show(slugs) {
    var view = current;
    var token = view.drawn = view.drawn + 1;
    view.root.setAttribute("data-ready", "loading");
    if (slugs.length) view.status.textContent = "Loading the practices to compare.";
    Promise.all(slugs.map(record)).then(function (records) {
      if (current !== view || token !== view.drawn || !document.contains(view.root)) return;
      draw(slugs, records);
      view.root.setAttribute("data-ready", "ready");
    });
  }

  /* The practice's data, or {missing: slug} when there is no such practice, or {failed: slug}. */
  function record(slug) {
    var records = current.records;
    if (!records[slug]) {
      records[slug] = !SLUG.test(slug) ? Promise.resolve({ missing: slug })
        : fetch(current.src + slug + ".json").then(function (response) {
          if (response.status === 404) return { missing: slug };
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        }).catch(function (error) {
          delete records[slug]; /* try again next time */
          console.warn("compare: cannot load " + slug + ": " + error);
          return { failed: slug };
        });
    }
    return records[slug];
  }

  function draw(slugs, records) {
    var shown = [], problems = [], seen = {}, renamed = false;
    records.forEach(function (r, i) {
      if (r.missing !== undefined) problems.push(["No practice called '" + r.missing + "'."]);
      else if (r.failed !== undefined) problems.push(["'" + r.failed + "' could not be loaded: check the connection and reload the page."]);
      else if (r.retired) problems.push(r.retired);
      else if (seen[r.slug]) problems.push(["'" + r.title + "' is listed twice; it is shown once."]);
      else if (shown.length >= current.most) problems.push(["Only " + current.most + " practices fit side by side: '" + r.title + "' is left out."]);
      else {
        seen[r.slug] = true;
        shown.push(r);
      }
      if (r.slug && r.slug !== slugs[i]) renamed = true;
    });
    if (renamed) { /* an old address: name the practices by their current slugs, keeping this history entry */
      var url = new URL(location.href);
      url.searchParams.delete("p");
      records.forEach(function (r, i) { url.searchParams.append("p", r.slug || slugs[i]); });
      history.replaceState(history.state, "", url.href);
    }
    current.chosen = shown.map(function (r) { return r.slug; });
    fillTable(shown);
    current.problems.textContent = "";
    problems.forEach(function (runs) { current.problems.appendChild(item("li", runs)); });
    current.problems.hidden = !problems.length;
    current.status.textContent = shown.length >= 2 ? "Comparing " + shown.length + " practices."
      : shown.length === 1 ? "Only one practice is shown: add at least one more with the box above to compare."
      : "No practice chosen yet: add two to " + current.most + " with the box above, or tick \u201cCompare\u201d in the practice catalog.";
    offer();
  }

  function fillTable(shown) {
    var head = current.table.tHead.rows[0];
    while (head.cells.length > 1) head.deleteCell(1);
    shown.forEach(function (r) {
      var th = el("th", { scope: "col" });
      th.appendChild(link(r.title, r.href));
      th.appendChild(el("button", { type: "button", "class": "md-button prss-compare-remove", "data-slug": r.slug,
                                    "aria-label": "Remove " + r.title + " from the comparison" }, "Remove"));
      head.appendChild(th);
    });
    Array.prototype.forEach.call(current.table.tBodies[0].rows, function (row) {
      while (row.cells.length > 1) row.deleteCell(1);
      var key = row.getAttribute("data-row");
      shown.forEach(function (r) { row.appendChild(cell(r, key)); });
    });
    current.table.setAttribute("data-columns", String(shown.length));
    current.scroll.hidden = !shown.length;
  }

  /* One cell: its items as a paragraph, or a list when there are several; the evidence row starts with the badge. */
  function cell(r, key) {
    var td = el("td");
    var items = r.cells[key] || [];
    if (key === "evidence") {
      var badge = current.badges.querySelector(".prss-level-" + r.level);
      if (badge) td.appendChild(el("p")).appendChild(badge.cloneNode(true));
    }
    if (items.length === 1) td.appendChild(item("p", items[0]));
    else if (items.length) {
      var list = td.appendChild(el("ul"));
      items.forEach(function (runs) { list.appendChild(item("li", runs)); });
    }
    return td;
  }

  /* An item's runs: text, or [text, href] with href relative to the site root. */
  function item(tag, runs) {
    var node = el(tag);
    runs.forEach(function (run) {
      node.appendChild(typeof run === "string" ? document.createTextNode(run) : link(run[0], run[1]));
    });
    return node;
  }

  function link(text, href) {
    return el("a", { href: new URL(href, current.site).href }, text);
  }

  function go(slugs) {
    var url = new URL(location.href);
    url.searchParams.delete("p");
    slugs.forEach(function (slug) { url.searchParams.append("p", slug); });
    history.pushState(null, "", url.href);
    show(slugs);
  }

  function add(slug) {
    if (current.chosen.indexOf(slug) >= 0 || current.chosen.length >= current.most) return;
    current.input.value = "";
    go(current.chosen.concat([slug]));
    current.input.focus();
  }

  function remove(slug) {
    go(current.chosen.filter(function (s) { return s !== slug; }));
    current.input.focus(); /* the button is gone */
  }

  /* The picker's titles (data/compare/index.json) and synonyms (data/catalog.json), loaded when first needed. */
  function loadIndex() {
    var view = current;
    if (!view.index) {
      var json = function (src) {
        return fetch(src).then(function (response) {
          if (!response.ok) throw new Error(src + ": HTTP " + response.status);
          return response.json();
        });
      };
      view.index = Promise.all([
        json(view.src + "index.json"),
        json(view.synonyms).then(function (data) { return data.synonyms || []; }, function (error) {
          console.warn("compare: no synonyms: " + error);
          return [];
        })
      ]).then(function (both) {
        return { practices: both[0].practices, groups: both[1].map(function (group) { return group.map(words); }) };
      }, function (error) {
        console.warn("compare: cannot load the practice titles: " + error);
        view.index = null;
        return null;
      });
    }
    return view.index;
  }

  /* The titles that match the words in the box, as buttons; none while the box is empty. */
  function offer() {
    var view = current, query = view.input.value;
    view.matches.textContent = "";
    view.matches.hidden = !words(query);
    if (!words(query)) return;
    if (view.chosen.length >= view.most) {
      view.matches.appendChild(el("li", {}, view.most + " practices are shown: remove one to add another."));
      return;
    }
    loadIndex().then(function (index) {
      if (current !== view || view.input.value !== query) return;
      view.matches.textContent = "";
      if (!index) {
        view.matches.appendChild(el("li", {}, "The list of practices could not be loaded: reload the page."));
        return;
      }
      var test = matcher(query, index.groups);
      var found = index.practices.filter(function (p) { return view.chosen.indexOf(p[0]) < 0 && test(p[1]); });
      found.slice(0, SHOWN_MATCHES).forEach(function (p) {
        view.matches.appendChild(el("li")).appendChild(
          el("button", { type: "button", "data-slug": p[0], "aria-label": "Add " + p[1] }, p[1]));
      });
      if (!found.length) view.matches.appendChild(el("li", {}, "No practice title has these words."));
      else if (found.length > SHOWN_MATCHES) {
        view.matches.appendChild(el("li", {}, (found.length - SHOWN_MATCHES) + " more: add words to narrow the list."));
      }
    });
  }

  /* Every word of the query must be in the title. A synonym in the query (content/synonyms.yml) matches a title
     holding any word of its group, as a whole word; any other word matches as part of a word, as typing goes. */
  function matcher(query, groups) {
    var rest = " " + words(query) + " ", needs = [];
    groups.forEach(function (group) {
      var found = group.filter(function (w) { return w && rest.indexOf(" " + w + " ") >= 0; });
      if (!found.length) return;
      found.forEach(function (w) { rest = rest.split(" " + w + " ").join(" "); });
      needs.push(function (title) {
        return group.some(function (w) { return w && title.indexOf(" " + w + " ") >= 0; });
      });
    });
    rest.split(" ").filter(Boolean).forEach(function (w) {
      needs.push(function (title) { return title.indexOf(w) >= 0; });
    });
    return function (title) {
      var padded = " " + words(title) + " ";
      return needs.every(function (need) { return need(padded); });
    };
  }

  /* Lower case, no accents, words separated by single spaces: "Re-entry" -> "re entry"; folded as the catalog's
     text box folds them (prss-catalog-text.js, loaded on every page before this script). */
  function words(text) {
    return window.prssCatalogText.normalize(text).trim();
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
  }

  /* Back and Forward between comparisons. The first one after a full page load also makes Material's instant
     navigation re-render the page; document$ then runs attach(), which reads the URL too. */
  window.addEventListener("popstate", function () {
    if (current && document.contains(current.root)) show(requested());
  });
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(attach);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
