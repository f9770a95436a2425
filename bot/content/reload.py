"""A content tree read again while the bot serves it: a page broken by an edit keeps its last
good version, so one bad save does not take an exercise away from users.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content.library import Library
from bot.content.loader import LoadResult, check_translations
from bot.content.model import Exercise
from bot.content.problems import Problem


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The library to serve now, and what changed since the last one."""

    library: Library
    problems: tuple[Problem, ...]
    kept: tuple[Path, ...]  # pages broken now, served as they last were
    added: tuple[str, ...]  # exercise ids
    removed: tuple[str, ...]

    @property
    def summary(self) -> str:
        parts = [f"{len(self.library)} exercises"]
        if self.added:
            parts.append("added " + ", ".join(self.added))
        if self.removed:
            parts.append("removed " + ", ".join(self.removed))
        errors = sum(p.severity == "error" for p in self.problems)
        if errors:
            parts.append(f"{errors} error(s)")
        if self.kept:
            names = ", ".join(path.name for path in self.kept)
            parts.append(f"kept the last good version of {names}")
        return "; ".join(parts)


def keep_last_good(result: LoadResult, previous: Library) -> Reloaded:
    """The pages loaded now, plus the previous version of every page that loaded before and is
    broken now (an error names its file). A page deleted is gone; so is one whose old version
    would clash with a page loaded now (the same slug or translation in one language)."""
    fresh = list(result.library.pages())
    before = {page.source: page for page in previous.pages()}
    broken = sorted({p.path for p in result.errors if p.path in before})
    taken = {(page.slug, page.lang) for page in fresh}
    groups = {(_group(page), page.lang) for page in fresh}
    kept: list[Exercise] = []
    for path in broken:
        old = before[path]
        if not path.is_file() or (old.slug, old.lang) in taken or (_group(old), old.lang) in groups:
            continue
        kept.append(old)
        taken.add((old.slug, old.lang))
        groups.add((_group(old), old.lang))
    library = Library([*fresh, *kept]) if kept else result.library
    problems = result.problems
    if kept:
        # A translation whose English page is kept is not "without an English page": the
        # translation checks are made again on what is served.
        stale = set(check_translations(fresh))
        problems = (
            *(p for p in problems if p not in stale),
            *check_translations([*fresh, *kept]),
        )
    return Reloaded(
        library=library,
        problems=problems,
        kept=tuple(page.source for page in kept),
        added=tuple(sorted(set(library.ids) - set(previous.ids))),
        removed=tuple(sorted(set(previous.ids) - set(library.ids))),
    )


def _group(page: Exercise) -> str:
    return page.translation_key or page.slug
