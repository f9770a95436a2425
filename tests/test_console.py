from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bot.content import Library, Website
from bot.engine import AnswerEngine
from bot.faces.console import Console
from bot.store import SqliteStore


async def _session(
    library: Library, db: Path, lines: list[str], site: Website | None = None
) -> list[str]:
    said: list[str] = []
    feed: Iterator[str] = iter(lines)

    async def read() -> str | None:
        return next(feed, None)

    async with SqliteStore(db) as store:
        console = Console(AnswerEngine(library), store, read=read, write=said.append, site=site)
        await console.run()
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


async def test_with_a_site_the_picture_and_the_page_are_printed_as_addresses(
    library: Library, tmp_path: Path
) -> None:
    site = Website.at("https://pilates.example.com")
    lines = ["inner thigh lifts", "plank", "/language", "2", "plank"]
    said = await _session(library, tmp_path / "c.db", lines, site)
    lifts = said[1].splitlines()
    assert "🖼 https://pilates.example.com/images/exercises/inner-thigh-lifts.jpg" in lifts
    assert "▶ Video: https://www.youtube.com/watch?v=dQw4w9WgXcQ" in lifts
    assert (
        "🌐 Open on the website: https://pilates.example.com/exercises/inner-thigh-lifts/" in lifts
    )
    assert lifts[-1].startswith("(/fav to save")  # the hint still ends the card
    plank = said[2].splitlines()
    assert "🌐 Open on the website: https://pilates.example.com/exercises/plank/" in plank
    assert "🌐 Abrir en la web: https://pilates.example.com/es/exercises/plank/" in said[5]
    without = await _session(library, tmp_path / "d.db", ["plank"])
    assert "http" not in without[1]  # no site: the card as before
