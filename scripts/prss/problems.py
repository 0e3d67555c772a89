"""Problems are values: every check yields them, and the CLI and the build print `str(problem)`."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

# Every code the checker can report, with what it means for the person who has to fix it.
# The README's code table says the same (tests/test_readme.py checks that it lists every code), and
# the contributor guide lists these meanings with a plain-words fix for each (render/guide.py FIXES).
CODES: dict[str, str] = {
    "not-utf8": "The file is not saved as UTF-8 text, or a YAML escape stands for half a character (`\\uD800`).",
    "byte-order-mark": "The file starts with an invisible byte-order mark (BOM).",
    "crlf-line-endings": "The file uses Windows (CRLF) line endings.",
    "file-too-large": "The file is larger than the library accepts.",
    "missing-front-matter": "The file does not start with a `---` front-matter block.",
    "yaml-syntax": "The front matter is not valid YAML.",
    "yaml-alias": "The front matter uses a YAML anchor or alias (`&name`, `*name`), which is refused.",
    "unsafe-yaml-tag": "The front matter uses a YAML tag such as `!!python/object`, which is refused.",
    "duplicate-key": "A front-matter field appears twice.",
    "front-matter-not-mapping": "The front matter is not a list of `field: value` lines.",
    "empty-body": "The file has front matter but no text below it.",
    "body-heading-level": "The text uses a `#` or `##` heading; the page template owns those levels.",
    "unknown-citation": "The text cites `[n]` but there is no n-th reference.",
    "raw-html": "The text contains raw HTML, which the library does not accept.",
    "placeholder-text": "The text still has a `TODO:` line from the new-file template.",
    "missing-field": "A required field is missing.",
    "wrong-type": "A field has the wrong kind of value.",
    "unknown-field": "The file has a field the library does not know.",
    "empty-value": "A field that must have content is empty.",
    "too-long": "A text field is longer than allowed.",
    "html-in-text": "A text field contains `<` (HTML markup or a `<...>` link) or an HTML entity.",
    "missing-objectives": "A practice has no `objectives` field.",
    "empty-objectives": "A practice's `objectives` list is empty.",
    "unknown-objective": "An objective id is not one of the four PRSSMI objectives.",
    "duplicate-objective": "The same objective is listed twice.",
    "duplicate-value": "The same value is listed twice in one field.",
    "synonym-is-term": "A word in content/synonyms.yml is the term of its own entry or of another entry.",
    "unknown-intercept": "An intercept is not a whole number from 0 to 5.",
    "unknown-setting": "A setting id is not defined in content/settings.yml.",
    "all-settings-not-alone": "`all-settings` (cross-cutting) is listed with other settings; it stands alone.",
    "unknown-evidence-level": "An evidence level is not defined in content/evidence-levels.yml.",
    "unknown-mentor": "A mentor id does not match any file in content/mentors/.",
    "unknown-practice": "A practice slug does not match any file in content/practices/.",
    "bad-slug": "The file name is not a valid slug (lowercase letters, digits and hyphens).",
    "duplicate-slug": "Two files have the same slug, ignoring case.",
    "invalid-date": "A date is not a real date in YYYY-MM-DD form.",
    "future-date": "A date lies in the future.",
    "reference-missing-url": "A reference has no `url`.",
    "reference-bad-url": "A reference's `url` is not an http(s) address.",
    "reference-missing-source": "A reference has neither `authors` nor `publisher`.",
    "bad-url": "A web address is not an http(s) address.",
    "bad-state": "A state is not a two-letter U.S. postal code.",
    "not-markdown": "A file in a content folder is not a `.md` file.",
    "unreadable-file": "A content file cannot be read: a folder named `.md`, a broken link, or no permission.",
    "bad-vocabulary": "A vocabulary file under content/ is malformed.",
    "stale-review": "The evidence was last reviewed more than two years ago (a warning).",
    # Permanent URLs and links (prss/content/urls.py)
    "lost-url": "A URL in content/published-urls.txt no longer resolves and no alias covers it.",
    "bad-ledger-line": "A line of content/published-urls.txt is not a URL path starting with `/`.",
    "self-alias": "An alias is the file's own slug.",
    "alias-taken": "An alias is the slug of another file in the same folder (two files aliasing each other form a loop).",
    "duplicate-alias": "The same alias is claimed twice, by two files or in one file.",
    "broken-link": "A link in the text points at a content file or page that does not exist.",
    "renamed-link": "A link in the text names a practice or mentor site by its old slug (an alias).",
    # Hostile or fragile text (prss/content/text.py, body.py, syntax.py)
    "line-break-in-text": "A one-line text field runs over more than one line.",
    "markdown-in-text": "A text field starts with Markdown block syntax (a heading, list, quote or code).",
    "attribute-list": "An attribute list `{...}` sets something other than one `#id` and `.class` names, "
                      "or appears in a text field.",
    "control-character": "The text holds an invisible control character (such as NUL, ESC or U+FFFE).",
    "bidi-control": "A text field holds a bidirectional control character, which can reorder what readers see.",
    "too-complex": "The text is nested or bracketed so deeply that Markdown would take too long to read it.",
    "reserved-name": "A page name or vocabulary id is taken by a page the build writes (such as data or index).",
    "symlink-outside": "A content file or folder is a link to a place outside the repository.",
    "self-replacement": "A retired practice names itself as its replacement.",
    # A profile's practical fields (prss/content/profile.py)
    "uncited-item": "An item of a practice's `implementation` (What it takes) cites no reference.",
    "unknown-reference": "A contact's `ref` is not the number of one of the file's references.",
    "empty-contact": "A mentor site's `contact` gives no address, phone or email.",
    "bad-email": "An email address is not written like info@example.org.",
    "bad-phone": "A phone number holds something other than digits, spaces, ( ) - . + and an extension.",
    "bad-doi": "A reference's `doi` is not a DOI such as 10.1001/jamanetworkopen.2022.25582.",
    "bad-pmid": "A reference's `pmid` is not a PubMed id (digits only).",
    "mirror-url": "A reference's `url` is on a host listed in content/mirror-hosts.yml (a copy, staging or tracking address; a warning).",
}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    level: str = "error"

    def __str__(self) -> str:
        head = f"{visible(self.path)}:{self.line}:{self.col}: {self.level}: {visible(self.message)} [{self.code}]"
        return f"{head}\n  hint: {visible(self.hint)}" if self.hint else head

    def as_dict(self) -> dict:
        return {key: visible(value) if isinstance(value, str) else value for key, value in asdict(self).items()}


# Characters a terminal or editor would act on, hide or reorder when a message quotes hostile content.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\uffff"
                        "\ud800-\udfff]")


def visible(text: str) -> str:
    """Text with every invisible or controlling character written as an escape, e.g. ESC as \\u001b."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{len(problems)} {noun} ({errors} errors, {warnings} warnings) in {files} files"


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == "error" for p in problems)
