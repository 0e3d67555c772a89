/* The practice catalog's text box (/practices/), matching as the site's search does: any word of the query finds a
 * practice, and practices rank by where their words are found (title, then summary, then other words: field
 * values and setting keywords). A word of content/synonyms.yml stands for every word of its group, so "narcan" finds
 * "naloxone". Typed words match the start of a word ("jail" finds "jails"); words of two letters or fewer, and the
 * synonyms a word brings in, match whole words only ("ed" does not find "education").
 * Used by prss-catalog.js as window.prssCatalogText, and by prss-compare.js's picker for `normalize`; idle on its own.
 */
(function () {
  "use strict";

  var WEIGHTS = [10, 3, 1]; /* title, summary, other words */

  /* Lower case, accents and punctuation removed, one space between words and one at each end: " re entry " */
  function normalize(text) {
    var folded = String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return " " + folded.replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }

  /* The query as terms; each term is a list of alternatives {text, whole}. Each word is a term, and a phrase of a
     synonym group found in the query is one more, holding every word of its group ("recovery coach" also finds
     "peer recovery specialist"); a page with the whole phrase thus ranks above one with a single word of it. */
  function terms(query, synonyms) {
    var all = normalize(query);
    var found = [];
    synonyms.forEach(function (group) {
      var words = group.map(normalize);
      var hit = words.filter(function (w) { return w.trim() && all.indexOf(w) >= 0; });
      if (!hit.length) return;
      found.push(words.map(function (w) {
        return { text: w.slice(0, -1), whole: hit.indexOf(w) < 0 || w.length <= 4 };
      }));
    });
    all.trim().split(" ").filter(Boolean).forEach(function (word) {
      found.push([{ text: " " + word, whole: word.length <= 2 }]);
    });
    return found;
  }

  /* fields: [title, summary, other], each normalize()d. 0 when no term is found. */
  function score(fields, query) {
    var total = 0;
    for (var t = 0; t < query.length; t++) {
      var best = 0;
      for (var a = 0; a < query[t].length; a++) {
        var alt = query[t][a];
        var needle = alt.whole ? alt.text + " " : alt.text;
        for (var f = 0; f < fields.length && WEIGHTS[f] > best; f++) {
          if (fields[f].indexOf(needle) >= 0) best = WEIGHTS[f];
        }
      }
      total += best;
    }
    return total;
  }

  window.prssCatalogText = { normalize: normalize, terms: terms, score: score };
})();
