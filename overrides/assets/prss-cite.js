/* "Cite this page": the APA, BibTeX and RIS texts become tabs, and each copy button puts its full text on the
   clipboard in one click. Progressive: without JavaScript all three texts show, one under the other, and the
   downloads stay; the copy buttons stay hidden unless the browser can copy to the clipboard. */
(function () {
  function tabs(box) {
    if (box.querySelector("[role=tablist]")) return;
    var panels = Array.prototype.slice.call(box.querySelectorAll(".prss-cite-panel"));
    var list = document.createElement("div");
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", "Citation format");
    var buttons = panels.map(function (panel, n) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.textContent = panel.dataset.label;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      panel.querySelector(".prss-cite-label").hidden = true;
      tab.addEventListener("click", function () { select(n); });
      list.appendChild(tab);
      return tab;
    });
    function select(n, focus) {
      buttons.forEach(function (tab, i) {
        tab.setAttribute("aria-selected", String(i === n));
        tab.tabIndex = i === n ? 0 : -1;
        panels[i].hidden = i !== n;
      });
      if (focus) buttons[n].focus();
    }
    list.addEventListener("keydown", function (event) {
      var n = buttons.indexOf(document.activeElement), last = buttons.length - 1;
      var to = {ArrowRight: n + 1, ArrowLeft: n - 1, Home: 0, End: last}[event.key];
      if (n < 0 || to === undefined) return;
      event.preventDefault();
      select(to < 0 ? last : to > last ? 0 : to, true);
    });
    box.insertBefore(list, box.firstChild);
    select(0);
  }
  function text(button) {
    if (button.dataset.copy) return button.dataset.copy;
    var value = document.getElementById(button.dataset.copyTarget).textContent;
    return button.dataset.lineEnd === "crlf" ? value.replace(/\r?\n/g, "\r\n") : value;
  }
  function ready() {
    document.querySelectorAll(".prss-cite-tabs").forEach(tabs);
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.prss-copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.prss-copy");
    if (!button) return;
    navigator.clipboard.writeText(text(button)).then(function () {
      button.textContent = button.dataset.copy ? "Link copied" : "Copied";
    }, function () {
      button.textContent = "Copy failed: select the text above";
    });
  });
  if (window.document$) window.document$.subscribe(ready);  // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", ready);
})();
