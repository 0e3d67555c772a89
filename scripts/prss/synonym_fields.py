"""The synonym vocabulary, content/synonyms.yml: the words practitioners search with (brand names, abbreviations,
other spellings) for each of the library's own terms, declared as prss.model declares the rest.

Search, the catalog's text box and the compare picker all read it, so "Narcan" finds what our pages call
naloxone. The checker's rules for the file are in prss.content.vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass

from prss.model import Field

SYNONYM_FILE = "synonyms.yml"
SYNONYM_FIELDS = (
    Field("term", "text", True, "The library's own word or phrase, as our pages write it.", max_len=80),
    Field("words", "text-list", True, "Words people search with that mean the same: brand names, abbreviations, "
          "other spellings."),
)


@dataclass(frozen=True)
class Synonym:
    term: str
    words: tuple[str, ...]

    def group(self) -> tuple[str, ...]:
        """The term and its words, lower case, the term first: what every reader of the vocabulary matches on."""
        return tuple(dict.fromkeys(w.lower() for w in (self.term, *self.words)))
