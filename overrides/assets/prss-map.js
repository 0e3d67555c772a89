/* The setting filter of the mentor map (/mentors/), rendered by templates/_mentor_map.html.j2.
 *
 * Progressive enhancement: the page already shows every site on the map and in the list, and the filter
 * is rendered disabled in its place. This script enables it; choosing a setting hides the marks, their
 * lines and the list items whose data-settings lack it, and unshades the states with no site left.
 * The choice lives in the URL query (?setting=<id>); each choice is a history entry, so Back restores the
 * previous one and a shared link opens the same view. Idle on every other page. With Material's instant
 * navigation the script runs once and re-attaches on every page via document$.
 */
(function () {
  "use strict";

  var PARAM = "setting";
  var current = null; /* the enhanced filter on the page shown now, or null */

  function attach() {
    var form = document.getElementById("prss-map-filter");
    if (current && current.form === form) return;
    current = null;
    if (!form) return;
    var select = form.elements[PARAM];
    current = {
      form: form,
      select: select,
      status: document.getElementById("prss-map-status"),
      marks: parts(".prss-map-mark, .prss-map-leaders > g", function (el) { return el; }),
      states: parts(".prss-map-states path[data-settings]", function (el) { return el; }),
      items: parts("#prss-map-list a[data-settings]", function (a) { return a.closest("li"); })
    };
    select.addEventListener("change", function () { choose(select.value); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.disabled = false;
    restore();
  }

  /* Each element matching selector, with the element to show or hide and its settings. */
  function parts(selector, shown) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (el) {
      return { el: shown(el), settings: el.getAttribute("data-settings").split(" ") };
    });
  }

  function choose(setting) {
    render(setting);
    var url = new URL(location.href);
    if (setting) url.searchParams.set(PARAM, setting);
    else url.searchParams.delete(PARAM);
    if (url.href !== location.href) history.pushState(null, "", url.href);
  }

  /* The setting in the URL, when the filter offers it; otherwise every site. */
  function restore() {
    var wanted = new URLSearchParams(location.search).get(PARAM) || "";
    var offered = Array.prototype.some.call(current.select.options, function (o) { return o.value === wanted; });
    current.select.value = offered ? wanted : "";
    render(current.select.value);
  }

  function render(setting) {
    function has(part) { return !setting || part.settings.indexOf(setting) >= 0; }
    current.marks.forEach(function (part) { part.el.classList.toggle("prss-map-out", !has(part)); });
    current.states.forEach(function (part) { part.el.classList.toggle("prss-map-marked", has(part)); });
    var shown = 0;
    current.items.forEach(function (part) {
      var match = has(part);
      if (part.el.hidden === match) part.el.hidden = !match;
      if (match) shown++;
    });
    var total = current.items.length;
    current.status.textContent = shown === total ? "Showing all " + total + " mentor sites."
      : "Showing " + shown + " of " + total + " mentor sites.";
  }

  /* Back and Forward between choices. The first one after a full page load also makes Material's instant
     navigation re-render the page; document$ then runs attach(), which restores from the URL too. */
  window.addEventListener("popstate", function () {
    if (current && document.contains(current.form)) restore();
  });
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(attach);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
