/* The practice catalog's state (/practices/): read from its controls and written back, read from the URL query and
 * written to it, and shown as one removable chip per active filter. A state is
 *   {chosen: [{value index: true} per facet], q: text, sort: "evidence" | "title" | "reviewed",
 *    view: "list" | "table", min: an evidence-level id or ""}
 * and the query holds the facet keys (objective, intercept, setting, level, mentor), q, sort, view and min_level,
 * each only when it differs from the default. Used by prss-catalog.js as window.prssCatalogState; idle on its own.
 */
(function () {
  "use strict";

  var SORTS = ["evidence", "title", "reviewed"];

  function empty(catalog) {
    return { chosen: catalog.boxes.map(function () { return {}; }), q: "", sort: "evidence", view: "list", min: "" };
  }

  /* The state from the controls, and back. */
  function read(catalog) {
    var view = "list";
    Array.prototype.forEach.call(catalog.views, function (radio) { if (radio.checked) view = radio.value; });
    return {
      chosen: catalog.boxes.map(function (row) {
        var set = {};
        row.forEach(function (box, v) { if (box && box.checked) set[v] = true; });
        return set;
      }),
      q: catalog.textBox.value, sort: catalog.sort.value, view: view, min: catalog.min.value,
    };
  }

  function write(catalog, state) {
    catalog.boxes.forEach(function (row, f) { row.forEach(function (box, v) { if (box) box.checked = !!state.chosen[f][v]; }); });
    catalog.textBox.value = state.q;
    catalog.sort.value = SORTS.indexOf(state.sort) >= 0 ? state.sort : "evidence";
    catalog.min.value = state.min;
    if (catalog.min.value !== state.min) catalog.min.value = "";
    Array.prototype.forEach.call(catalog.views, function (radio) { radio.checked = radio.value === state.view; });
  }

  function fromQuery(catalog, search) {
    var params = new URLSearchParams(search);
    var state = empty(catalog);
    catalog.data.facets.forEach(function (facet, f) {
      var wanted = params.getAll(facet.key);
      facet.values.forEach(function (value, v) { if (wanted.indexOf(value.id) >= 0) state.chosen[f][v] = true; });
    });
    state.q = params.get("q") || params.get("text") || ""; /* text: the catalog's parameter before q */
    state.sort = params.get("sort") || "evidence";
    state.view = params.get("view") === "table" ? "table" : "list";
    state.min = params.get("min_level") || "";
    return state;
  }

  function toQuery(catalog, state) {
    var params = new URLSearchParams();
    catalog.data.facets.forEach(function (facet, f) {
      facet.values.forEach(function (value, v) { if (state.chosen[f][v]) params.append(facet.key, value.id); });
    });
    if (state.min) params.set("min_level", state.min);
    if (state.q.trim()) params.set("q", state.q.trim());
    if (state.sort !== "evidence") params.set("sort", state.sort);
    if (state.view !== "list") params.set("view", state.view);
    return params.toString();
  }

  /* One removable chip per active filter; rebuilt only when the filters change. */
  function chips(catalog, state) {
    var found = [];
    catalog.data.facets.forEach(function (facet, f) {
      facet.values.forEach(function (value, v) {
        if (state.chosen[f][v]) found.push([f + "=" + v, facet.label + ": " + value.name]);
      });
    });
    if (state.min) found.push(["min_level=", "At least: " + catalog.min.options[catalog.min.selectedIndex].textContent.replace(/^At least |\s*\(\d+\)$/g, "")]);
    if (state.q.trim()) found.push(["q=", "Words: " + state.q.trim()]);
    var key = JSON.stringify(found);
    if (key === catalog.chipKey) return;
    catalog.chipKey = key;
    catalog.chips.replaceChildren.apply(catalog.chips, found.map(function (chip) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-remove", chip[0]);
      button.setAttribute("aria-label", "Remove filter " + chip[1]);
      button.textContent = chip[1] + " ×";
      li.appendChild(button);
      return li;
    }));
    catalog.clear.hidden = !found.length;
  }

  window.prssCatalogState = { empty: empty, read: read, write: write, fromQuery: fromQuery, toQuery: toQuery, chips: chips };
})();
