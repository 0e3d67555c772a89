"""Seeded synthetic libraries for benchmarks: valid content at any size, built from the real vocabularies.

`write_library(root, practices, seed)` writes root/content (plus mkdocs.yml and overrides/ copied from
this repository), so the checker, the build and MkDocs run on it exactly as on the real library.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import yaml

from prss.config import REPO
from prss.model import ALL_SETTINGS

MENTORS_PER_PRACTICE = 0.3  # the real library's ratio: 6 mentor sites for 20 practices
BODY_WORDS = 800
SECTIONS = ("What it is and how it works", "Where it fits in the justice system", "What the evidence shows",
            "How to start", "Cautions and open questions")
WORDS = {
    "who": ["peer specialists", "recovery coaches", "jail staff", "probation officers", "treatment court teams",
            "case managers", "program directors", "people leaving custody", "family members", "navigators",
            "emergency department staff", "police officers", "reentry coordinators", "county officials"],
    "verb": ["meet with", "refer", "support", "follow up with", "coach", "train", "connect", "screen",
             "accompany", "check in with", "plan with", "advocate for", "document visits with"],
    "whom": ["participants", "people in early recovery", "people on probation", "people with opioid use disorder",
             "returning citizens", "new peer workers", "court-involved adults", "families", "young adults",
             "people awaiting trial", "women leaving jail", "veterans in treatment court"],
    "how": ["within 24 hours of release", "during weekly check-ins", "by phone or video", "in the booking area",
            "at court appearances", "through warm handoffs", "with written release plans", "using shared forms",
            "before the first hearing", "at community recovery centers", "after each overdose call",
            "over at least twelve weeks", "with supervision from a senior peer", "during home visits"],
    "why": ["to keep treatment going", "to lower the risk of overdose", "to reduce missed appointments",
            "to build trust with justice partners", "to shorten time to treatment", "to keep housing stable",
            "to support long-term recovery", "to avoid new arrests", "to link people to benefits",
            "to strengthen family ties", "to improve program retention", "to share what works across sites"],
    "finding": ["One evaluation reported", "A county program found", "Program staff described",
                "A small pilot observed", "Interviews with participants suggested", "A state report noted",
                "Two comparison-group studies found", "Administrative records showed"],
    "result": ["higher engagement in treatment", "fewer days in custody", "more completed referrals",
               "no clear difference in rearrest", "better attendance at appointments", "lower overdose deaths",
               "more stable housing at six months", "greater satisfaction with services"],
}
FIRST = ["Maria", "James", "Aisha", "Robert", "Linh", "Carlos", "Denise", "Tyrone", "Grace", "Samuel"]
LAST = ["Lopez", "Nguyen", "Smith", "Johnson", "Okafor", "Baker", "Reyes", "Kim", "Walker", "Haddad"]
PUBLISHERS = ["Bureau of Justice Assistance", "SAMHSA", "Journal of Substance Use Treatment",
              "Justice Quarterly", "National Institute of Justice", "Health & Justice"]
PLACES = [("Columbus", "OH"), ("Charleston", "WV"), ("Tucson", "AZ"), ("Albany", "NY"), ("Fresno", "CA"),
          ("Louisville", "KY"), ("Greenville", "SC"), ("Duluth", "MN"), ("Tulsa", "OK"), ("Bangor", "ME")]
SERVICE_AREAS = ("rural", "urban", "suburban", "mixed")


def write_library(root: Path, practices: int, seed: int = 1, today: dt.date | None = None) -> Path:
    """A valid library of `practices` practices and proportional mentor sites under root; returns root."""
    rnd = random.Random(seed)
    today = today or dt.date.today()
    content = root / "content"
    for folder in ("practices", "mentors", "pages"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    vocab = {}
    for path in sorted((REPO / "content").glob("*.yml")):
        shutil.copy(path, content / path.name)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        vocab[path.stem] = [entry.get("id") for entry in data] if isinstance(data, list) else []  # ids of the four with ids
    vocab["settings"] = [s for s in vocab["settings"] if s != ALL_SETTINGS]  # it stands alone; listed with others it is an error
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    mentors = [f"mentor-site-{i + 1}" for i in range(max(1, round(practices * MENTORS_PER_PRACTICE)))]
    for slug in mentors:
        meta = _mentor(rnd, vocab, today)
        _write(content / "mentors" / f"{slug}.md", meta, body(rnd, BODY_WORDS // 2, len(meta["references"])))
    for i in range(practices):
        meta = _practice(rnd, vocab, mentors, today)
        slug = f"{meta['title'].lower().replace(' ', '-')}-{i + 1}"
        _write(content / "practices" / f"{slug}.md", meta, body(rnd, BODY_WORDS, len(meta["references"])))
    for path in sorted((REPO / "content" / "pages").glob("*.md")):
        meta = {"title": path.stem.replace("-", " ").capitalize(), "summary": sentence(rnd)}
        ask = "\n\n## How to ask for PRSSMI mentoring\n\nMentor and practice pages link here.\n" if path.stem == "about" else ""
        _write(content / "pages" / path.name, meta, body(rnd, 150, 0) + ask)
    return root


def sentence(rnd: random.Random, cite: int = 0) -> str:
    w = {key: rnd.choice(values) for key, values in WORDS.items()}
    text = rnd.choice([f"{w['who']} {w['verb']} {w['whom']} {w['how']} {w['why']}",
                       f"{w['finding']} {w['result']} among {w['whom']} {w['how']}",
                       f"{w['why']}, {w['who']} {w['verb']} {w['whom']} {w['how']}"])
    return text[0].upper() + text[1:] + (f" [{rnd.randint(1, cite)}]." if cite else ".")


def body(rnd: random.Random, words: int, references: int) -> str:
    """Markdown with ### headings, paragraphs, one list and [n] citations, about `words` words long."""
    parts = []
    for heading in SECTIONS:
        parts.append(f"### {heading}")
        count, paragraph = 0, []
        while count < words / len(SECTIONS):
            paragraph.append(sentence(rnd, references if rnd.random() < 0.4 else 0))
            count += len(paragraph[-1].split())
            if len(paragraph) == 5:
                parts.append(" ".join(paragraph))
                paragraph = []
        parts.append(" ".join(paragraph) if paragraph else "- " + sentence(rnd) + "\n- " + sentence(rnd))
    return "\n\n".join(parts) + "\n"


def _practice(rnd, vocab, mentors, today) -> dict:
    reviewed = today - dt.timedelta(days=rnd.randint(0, 500))
    return {
        "title": " ".join(rnd.choice(w).capitalize() for w in (["peer", "jail", "court", "reentry", "family"],
                                                               ["recovery", "navigation", "support", "mentoring"],
                                                               ["program", "model", "service", "partnership"])),
        "summary": sentence(rnd) + " " + sentence(rnd),
        "objectives": rnd.sample(vocab["objectives"], rnd.randint(1, 2)),
        "intercepts": sorted(rnd.sample(vocab["intercepts"], rnd.randint(0, 3))),
        "settings": rnd.sample(vocab["settings"], rnd.randint(1, 3)),
        "evidence": {"level": rnd.choice(vocab["evidence-levels"]), "basis": sentence(rnd)},
        "components": [sentence(rnd)[:-1] for _ in range(rnd.randint(3, 6))],
        "populations": rnd.sample(WORDS["whom"], rnd.randint(0, 2)),
        "mentors": rnd.sample(mentors, min(len(mentors), rnd.randint(0, 2))),
        "references": [_reference(rnd) for _ in range(rnd.randint(2, 5))],
        "last_reviewed": reviewed, "updated": min(today, reviewed + dt.timedelta(days=rnd.randint(0, 30))),
    }


def _mentor(rnd, vocab, today) -> dict:
    city, state = rnd.choice(PLACES)
    return {
        "name": f"{city} {rnd.choice(['Recovery Alliance', 'Peer Network', 'Reentry Coalition'])}",
        "city": city, "state": state, "service_area": rnd.choice(SERVICE_AREAS), "summary": sentence(rnd),
        "settings": rnd.sample(vocab["settings"], rnd.randint(1, 3)),
        "website": f"https://www.example.org/{city.lower()}", "cohort": rnd.choice([2019, 2020, 2021, 2022]),
        "references": [_reference(rnd) for _ in range(rnd.randint(1, 3))],
        "last_reviewed": today - dt.timedelta(days=rnd.randint(0, 500)),
    }


def _reference(rnd) -> dict:
    number = rnd.randint(100000, 999999)
    return {"title": sentence(rnd)[:-1], "authors": f"{rnd.choice(LAST)} {rnd.choice(FIRST)[0]}",
            "publisher": rnd.choice(PUBLISHERS), "year": rnd.randint(2005, 2025),
            "url": f"https://pmc.ncbi.nlm.nih.gov/articles/PMC{number}"}


def _write(path: Path, meta: dict, text: str) -> None:
    lines = [f"{key}: {_yaml(value)}" for key, value in meta.items() if value != [] or key == "intercepts"]
    (path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + text, encoding="utf-8"))


def _yaml(value) -> str:
    """Flow-style YAML: JSON for strings and lists of plain values, ISO text for dates."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "\n" + "\n".join("  - " + _yaml(item) for item in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
