from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bot.content import Library
from bot.engine import AnswerEngine
from bot.faces.console import Console
from bot.store import SqliteStore


async def _session(library: Library, db: Path, lines: list[str]) -> list[str]:
    said: list[str] = []
    feed: Iterator[str] = iter(lines)

    async def read() -> str | None:
        return next(feed, None)

    async with SqliteStore(db) as store:
        await Console(AnswerEngine(library), store, read=read, write=said.append).run()
    return said


async def test_chat_answers_follow_ups_and_keeps_favourites_across_sessions(
    library: Library, tmp_path: Path
) -> None:
    db = tmp_path / "chat.db"
    said = await _session(library, db, ["how do i do the hundred", "make it easier", "/fav"])
    assert said[1].startswith("The Hundred")
    assert "Easier" in said[2]
    assert "Saved The Hundred" in said[3]
    said = await _session(library, db, ["/favs", "/random beginner", "/quit", "never read"])
    assert "1. The Hundred" in said[1]
    assert "Beginner" in said[2]
    assert len(said) == 3


async def test_suggestions_are_chosen_by_number(library: Library, tmp_path: Path) -> None:
    said = await _session(library, tmp_path / "c.db", ["swan", "2"])
    assert "Did you mean" in said[1]
    chosen = said[1].splitlines()[2].split(". ", 1)[1]
    assert said[2].startswith(chosen)


async def test_fav_before_any_exercise_explains(library: Library, tmp_path: Path) -> None:
    said = await _session(library, tmp_path / "c.db", ["/fav", "/favs"])
    assert "Ask about an exercise first" in said[1]
    assert "No favourites yet" in said[2]
