"""A content tree of any size, made from the bundled pages.

Two variants:
- `varied` (the default): each page past the originals is put together from two bundled
  pages: its title takes words of both, its keywords, steps and muscles come from either, and
  a share of the words of its FAQ questions and answers are swapped for words of other pages'
  FAQ. Common words ("roll", "leg", "back") are spread over many differently worded names and
  questions, as in a real library, instead of every copy saying the same thing.
- `copies`: renamed copies of each page (the worst case: every common word of a page is in
  one name or question per copy, so its postings are size/20 long and the scores tie).
Both are deterministic: the same size gives the same tree.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frontmatter

from bench import ROOT

SYLLABLES = "ka lo mi ren to sa vu pel dor fi ga nu bri tes".split()
VARIANTS = ("varied", "copies")
SWAPPED = 0.3  # share of a FAQ text's longer words swapped for words of other pages' FAQ
_WORD = re.compile(r"[A-Za-z]{4,}")


def pseudo_words(seed: int = 1) -> Iterator[str]:
    """Distinct made-up words, so copies do not share names (and do not all tie)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            yield word


def _copy(meta: dict[str, Any], word: str, n: int) -> dict[str, Any]:
    meta = dict(meta)
    meta["title"] = f"{meta['title']} {word.capitalize()}"
    meta["translationKey"] = f"exercise-{n}"
    meta["keywords"] = [f"{k} {word}" for k in meta.get("keywords", [])]
    meta["faq"] = [{"q": f"{f['q']} ({word})", "a": f["a"]} for f in meta.get("faq", [])]
    return meta


def _swap_words(text: str, pool: list[str], rng: random.Random) -> str:
    return _WORD.sub(lambda m: rng.choice(pool) if rng.random() < SWAPPED else m[0], text)


def _halves(first: list[Any], second: list[Any], rng: random.Random) -> list[Any]:
    """Some of the first list, then some of the second: at least one item."""
    cut = rng.randint(1, max(1, len(first)))
    rest = second[rng.randint(0, len(second)) :] if second else []
    return [*first[:cut], *rest]


def _mix(
    base: dict[str, Any], donor: dict[str, Any], word: str, n: int, pool: list[str]
) -> dict[str, Any]:
    rng = random.Random(n)
    meta = dict(base)
    own, other = base["title"].split(), donor["title"].split()
    title = [*own[: max(1, len(own) // 2)], *other[len(other) // 2 :]]
    meta["title"] = " ".join([*title, word.capitalize()])
    meta["translationKey"] = f"exercise-{n}"
    keywords = [*base.get("keywords", []), *donor.get("keywords", [])]
    count = max(1, len(base.get("keywords", [])) // 2)
    meta["keywords"] = [f"{k} {word}" for k in rng.sample(keywords, min(count, len(keywords)))]
    meta["steps"] = _halves(base["steps"], donor["steps"], rng)
    muscles = sorted({*base.get("muscles", []), *donor.get("muscles", [])})
    meta["muscles"] = rng.sample(muscles, min(len(muscles), rng.randint(1, 4)))
    meta["difficulty"] = rng.choice(["beginner", "intermediate", "advanced"])
    if "duration" in base:
        meta["duration"] = int(base["duration"]) * rng.choice([1, 2, 3]) // 2 or 30
    faq = [*base.get("faq", []), *donor.get("faq", [])]
    meta["faq"] = [
        {"q": _swap_words(f["q"], pool, rng), "a": _swap_words(f["a"], pool, rng)}
        for f in rng.sample(faq, min(len(faq), rng.randint(2, 6)))
    ]
    return meta


def build_tree(target: Path, size: int, variant: str = "varied") -> Path:
    """`size` exercise pages under target/exercises: the originals first, then the rest."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}")
    # English pages only: "40 exercises" means 40 exercises, not 20 in two languages.
    source = [
        p
        for p in sorted((ROOT / "content" / "exercises").glob("*.md"))
        if not p.name.startswith("_") and p.name.count(".") == 1
    ]
    pages = [frontmatter.load(p) for p in source]
    pool = sorted(
        {
            w.lower()
            for page in pages
            for f in page.metadata.get("faq", [])
            for w in _WORD.findall(f["q"])
        }
    )
    out = target / "exercises"
    shutil.rmtree(target, ignore_errors=True)
    out.mkdir(parents=True)
    names = pseudo_words()
    for n in range(size):
        base = n % len(pages)
        post = pages[base]
        if n < len(pages):
            (out / f"{source[n].stem}.md").write_text(frontmatter.dumps(post), encoding="utf-8")
            continue
        word = next(names)
        if variant == "copies":
            meta = _copy(post.metadata, word, n)
        else:
            donor = (base + 1 + n // len(pages) % (len(pages) - 1)) % len(pages)
            meta = _mix(post.metadata, pages[donor].metadata, word, n, pool)
        text = frontmatter.dumps(frontmatter.Post(post.content, **meta))
        (out / f"{source[base].stem}-{word}.md").write_text(text, encoding="utf-8")
    return target
