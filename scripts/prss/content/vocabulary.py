"""The vocabularies under content/ (objectives, intercepts, settings, evidence levels), checked like content files.

Their ids become page names and their text is printed on every practice page, so each entry goes
through the same field rules as a practice (prss.model declares their fields): ids are slugs and not
reserved, text is plain, the intercepts' sources are http(s) addresses. content/mirror-hosts.yml, the
hosts a reference url should not point at, and content/synonyms.yml, practitioners' words for our terms, are
read here too.
"""
from __future__ import annotations

from pathlib import Path

from prss.content.fields import check_entry
from prss.content.files import outside
from prss.content.frontmatter import Document, check_bytes
from prss.content.parser import parse_values
from prss.content.profile import MIRROR_FILE
from prss.content.values import label, problem
from prss.model import VOCABULARIES, Field
from prss.problems import Problem
from prss.profile_fields import Mirrors
from prss.synonym_fields import SYNONYM_FIELDS, SYNONYM_FILE, Synonym

Vocabulary = dict[str, list[dict]]  # name: its entries
MIRROR_KEYS = ("hosts", "labels", "parameters")


def load_vocabularies(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """Every vocabulary's entries that have an id, and the problems of all four files."""
    vocab, problems = {}, []
    for name, (filename, fields) in VOCABULARIES.items():
        vocab[name], found = _load(root, f"content/{filename}", fields)
        problems += found
    return vocab, problems


def load_mirrors(root: Path) -> tuple[Mirrors, list[Problem]]:
    """content/mirror-hosts.yml as Mirrors: exactly three lists of text, else no mirrors and its problems."""
    display = f"content/{MIRROR_FILE}"
    data, _, problems = _read(root, display)
    if data is None:
        return Mirrors(), problems
    if not isinstance(data, dict):
        data = {}
    good = set(data) == set(MIRROR_KEYS) and all(
        isinstance(data[k], list) and all(isinstance(v, str) and v.strip() for v in data[k]) for k in MIRROR_KEYS)
    if problems or not good:
        return Mirrors(), problems + [Problem(display, 1, 1, "bad-vocabulary", f"{MIRROR_FILE} is not three lists",
                                              "it needs exactly these fields, each a list of text: "
                                              + ", ".join(MIRROR_KEYS))]
    return Mirrors(*(tuple(v.strip().lower() for v in data[k]) for k in MIRROR_KEYS)), []


def load_synonyms(root: Path) -> tuple[tuple[Synonym, ...], list[Problem]]:
    """content/synonyms.yml as Synonyms, and its problems: a word may stand for one term only."""
    display = f"content/{SYNONYM_FILE}"
    data, text, problems = _read(root, display)
    if data is None:
        return (), problems
    if problems or not isinstance(data, list) or not data:
        return (), problems + [Problem(display, 1, 1, "bad-vocabulary", f"{SYNONYM_FILE} is not a list of entries",
                                       "each entry needs exactly these fields: term, words")]
    doc = Document(display, {}, "", 1, [], text, front_line=1)
    entries: list[tuple[int, dict]] = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            problems.append(problem(doc, (i,), "bad-vocabulary", f"entry {i + 1} of {SYNONYM_FILE} is not a set of "
                                    "fields", "each entry needs exactly these fields: term, words"))
            continue
        own = list(check_entry(doc, (i,), entry, SYNONYM_FIELDS, None, "the README's Content table"))
        problems += own
        if not own:
            entries.append((i, entry))
    terms: dict[str, int] = {}  # a term, lower case: its first entry
    for i, entry in entries:
        terms.setdefault(entry["term"].strip().lower(), i)
    seen: dict[str, int] = {}  # a word, lower case: the entry that has it
    for i, entry in entries:
        term = entry["term"].strip().lower()
        if terms[term] != i:
            problems.append(problem(doc, (i, "term"), "duplicate-value", f"'{term}' is already the term of entry "
                                    f"{terms[term] + 1} of {SYNONYM_FILE}", "merge the two entries into one"))
        for n, word in enumerate(w.strip().lower() for w in entry["words"]):
            problems += _word_problems(doc, (i, "words", n), word, terms, seen)
            seen.setdefault(word, i)
    return tuple(Synonym(e["term"].strip(), tuple(w.strip() for w in e["words"])) for _, e in entries), problems


def _word_problems(doc: Document, keys: tuple, word: str, terms: dict[str, int], seen: dict[str, int]) -> list[Problem]:
    """A word that is a term (its own entry's or another's), or that an earlier entry or place already lists."""
    i = keys[0]
    if word in terms:
        where = "this entry's term" if terms[word] == i else f"the term of entry {terms[word] + 1} of {SYNONYM_FILE}"
        fix = ("remove it from `words`: the term already matches itself" if terms[word] == i else
               "merge the two entries: put this entry's term and words into the other entry's `words`")
        return [problem(doc, keys, "synonym-is-term", f"the word '{word}' is {where}", fix)]
    if word in seen:
        place = "earlier in this entry" if seen[word] == i else f"in entry {seen[word] + 1} of {SYNONYM_FILE}"
        return [problem(doc, keys, "duplicate-value", f"'{word}' is already listed {place}",
                        "a word may stand for one term only: keep it in one entry")]
    return []


def _read(root: Path, display: str) -> tuple[object, str, list[Problem]]:
    """A vocabulary file's data, text and problems; no data (None) when it links outside or cannot be read."""
    path = root / display
    if outside(path, root):
        return None, "", [Problem(display, 1, 1, "symlink-outside", f"{path.name} links to a file outside the "
                                  "repository", f"replace the link with the file itself; restore {display} from git")]
    try:
        raw = path.read_bytes()
    except OSError:
        return None, "", [Problem(display, 1, 1, "bad-vocabulary", f"{path.name} is missing or cannot be read",
                                  f"restore {display} from git")]
    fault = check_bytes(raw, display)
    if fault:
        return {}, "", [fault]
    text = raw.decode("utf-8")
    data, problems = parse_values(text, display)
    return data, text, problems


def _load(root: Path, display: str, fields: tuple[Field, ...]) -> tuple[list[dict], list[Problem]]:
    path = root / display
    data, text, problems = _read(root, display)
    if data is None:
        return [], problems
    doc = Document(display, {}, "", 1, [], text, front_line=1)
    if problems or not isinstance(data, list) or not data:
        return [], problems + [Problem(display, 1, 1, "bad-vocabulary", f"{path.name} is not a list of entries",
                                       "each entry needs exactly these fields: " + ", ".join(f.name for f in fields))]
    entries: list[dict] = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            problems.append(problem(doc, (i,), "bad-vocabulary", f"entry {i + 1} of {path.name} is not a set of "
                                    "fields", "each entry needs exactly these fields: "
                                    + ", ".join(f.name for f in fields)))
            continue
        problems += check_entry(doc, (i,), entry, fields, None, "the README's Content table")
        problems += _duplicate(doc, i, entry, entries)
        if isinstance(entry.get("id"), (str, int)):
            entries.append(entry)
    return entries, problems


def _duplicate(doc: Document, i: int, entry: dict, before: list[dict]) -> list[Problem]:
    ident = entry.get("id")
    if any(other["id"] == ident for other in before):
        return [problem(doc, (i, "id"), "duplicate-value", f"the {label((i, 'id'))} '{ident}' is listed twice",
                        "give each entry its own id; ids name pages and are permanent")]
    return []
