"""A content tree of any size, made from the bundled pages: every copy gets its own name."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import frontmatter

from bench import ROOT

SYLLABLES = "ka lo mi ren to sa vu pel dor fi ga nu bri tes".split()


def pseudo_words(seed: int = 1) -> Iterator[str]:
    """Distinct made-up words, so copies do not share names (and do not all tie)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            yield word


def build_tree(target: Path, size: int) -> Path:
    """`size` exercise pages under target/exercises: the originals first, then renamed copies."""
    # English pages only: "40 exercises" means 40 exercises, not 20 in two languages.
    source = [
        p
        for p in sorted((ROOT / "content" / "exercises").glob("*.md"))
        if not p.name.startswith("_") and p.name.count(".") == 1
    ]
    pages = [frontmatter.load(p) for p in source]
    out = target / "exercises"
    shutil.rmtree(target, ignore_errors=True)
    out.mkdir(parents=True)
    names = pseudo_words()
    for n in range(size):
        post = pages[n % len(pages)]
        if n < len(pages):
            text = frontmatter.dumps(post)
            slug = source[n].stem
        else:
            word = next(names)
            meta = dict(post.metadata)
            meta["title"] = f"{meta['title']} {word.capitalize()}"
            meta["translationKey"] = f"exercise-{n}"
            meta["keywords"] = [f"{k} {word}" for k in meta.get("keywords", [])]
            meta["faq"] = [{"q": f"{f['q']} ({word})", "a": f["a"]} for f in meta.get("faq", [])]
            text = frontmatter.dumps(frontmatter.Post(post.content, **meta))
            slug = f"{source[n % len(pages)].stem}-{word}"
        (out / f"{slug}.md").write_text(text, encoding="utf-8")
    return target
