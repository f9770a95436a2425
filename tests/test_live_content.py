"""Live content: the running bot (the real Application against the fake Bot API) reads its
content again on SIGHUP, /reload and file changes, loses no update doing so, never serves half
a library, keeps the last good version of a page an edit broke, and says so politely when a
button or favourite points at a page that is gone."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from bot.content import Library, load_library
from bot.content.reload import keep_last_good
from bot.faces.live import LiveContent
from tests.conftest import CONTENT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import USER, buttons, press, running_bot, say, until

ADMIN = 4242
TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)
BROKEN = "---\ntitle: [unclosed\n---\n"
FIGURES: dict[str, float] = {}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    tree = tmp_path / "content"
    shutil.copytree(CONTENT, tree)
    return tree


def library_of(tree: Path) -> Library:
    result = load_library(tree)
    assert not result.errors
    return result.library


def mark_titles(tree: Path, mark: str) -> None:
    """Every page's title with `mark` at its end ("Swan Dive II"), or none for "": a version of
    the whole library that a reply shows."""
    for page in (tree / "exercises").glob("*.md"):
        text = page.read_text("utf-8")
        page.write_text(
            TITLE.sub(lambda m: f'title: "{m[1].removesuffix(" II")}{mark}"', text, count=1),
            "utf-8",
        )


# --- keeping the last good version ------------------------------------------------------------


def test_a_broken_edit_keeps_the_good_page_and_a_deleted_page_goes(content: Path) -> None:
    before = library_of(content)
    (content / "exercises" / "plank.md").write_text(BROKEN)
    (content / "exercises" / "teaser.md").unlink()
    (content / "exercises" / "teaser.es.md").unlink()
    reloaded = keep_last_good(load_library(content), before)
    assert reloaded.kept == (content / "exercises" / "plank.md",)
    plank = reloaded.library.get("plank")
    assert plank is not None and plank.title == "Plank"
    assert reloaded.removed == ("teaser",)
    assert "teaser" not in reloaded.library
    assert "kept the last good version of plank.md" in reloaded.summary
    assert any("broken YAML" in p.message for p in reloaded.problems)


async def test_a_tree_left_with_no_valid_page_is_refused_whole(content: Path) -> None:
    live = LiveContent(content, library_of(content))
    shutil.rmtree(content / "exercises")
    assert await live.reload("test") is None
    assert len(live.library) == 48  # still serving what it had


# --- the running bot ----------------------------------------------------------------------------


async def test_reload_under_load_loses_no_update_and_never_serves_half_a_library(
    fake: FakeTelegram, content: Path, db: Path
) -> None:
    users = [USER + n for n in range(12)]
    for user in users:
        fake.make_user(user)
    live = LiveContent(content, library_of(content))
    rounds = 10
    async with running_bot(fake, live.library, db, concurrent_updates=8, live=live):

        async def flip_versions() -> None:
            for n in range(8):
                mark_titles(content, " II" if n % 2 == 0 else "")
                if n == 3:
                    os.kill(os.getpid(), signal.SIGHUP)  # the operator's way
                    await until(lambda: live.reloads >= 4, timeout=30)
                else:
                    await live.reload("test")
                await asyncio.sleep(0.05)

        flipping = asyncio.create_task(flip_versions())
        for _ in range(rounds):
            for user in users:
                fake.send_text(user, "swan")
            await asyncio.sleep(0.1)
        await flipping
        await until(
            lambda: sum(len(fake.messages(u)) for u in users) >= rounds * len(users), timeout=90
        )
        await fake.wait_idle()
    replies = [m["text"] for u in users for m in fake.messages(u)]
    assert len(replies) == rounds * len(users)  # every update answered, none twice
    assert live.reloads == 8
    versions: Counter[str] = Counter()
    for reply in replies:
        titles = [line[2:] for line in reply.splitlines() if line.startswith("• ")]
        assert titles, reply
        marked = {title.endswith(" II") for title in titles}
        assert len(marked) == 1, f"half a library: {titles}"  # all from one version
        versions["II" if marked.pop() else "I"] += 1
    print(f"\nreplies under reloads: {dict(versions)}, 8 reloads, 0 lost")


async def test_a_change_on_disk_is_served_within_seconds(
    fake: FakeTelegram, content: Path, db: Path
) -> None:
    fake.make_user(USER)
    live = LiveContent(content, library_of(content))
    async with running_bot(fake, live.library, db, live=live, watch=True):
        assert (await say(fake, "plank"))["text"].startswith("Plank\n")
        await asyncio.sleep(0.5)  # the watcher is up
        page = content / "exercises" / "plank.md"
        changed = time.perf_counter()
        edited = page.read_text().replace('description: "A held', 'description: "Edited: a held')
        page.write_text(edited)
        await until(lambda: live.reloads >= 1, timeout=20)
        picked_up = time.perf_counter() - changed
        assert "Edited: a held position" in (await say(fake, "plank"))["text"]
    FIGURES["pickup"] = picked_up
    print(f"\na page saved is served {picked_up:.2f} s later (quiet period {live.quiet_ms} ms)")
    assert picked_up < 10


async def test_a_broken_edit_on_disk_keeps_serving_the_page_and_logs_why(
    fake: FakeTelegram, content: Path, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake.make_user(USER)
    live = LiveContent(content, library_of(content))
    caplog.set_level(logging.WARNING, "bot.faces.live")
    async with running_bot(fake, live.library, db, live=live, watch=True):
        await asyncio.sleep(0.5)
        (content / "exercises" / "plank.md").write_text(BROKEN)
        await until(lambda: live.reloads >= 1, timeout=20)
        assert (await say(fake, "plank"))["text"].startswith("Plank\n")
    assert re.search(r"plank\.md:\d+: error: broken YAML", caplog.text)
    assert "plank.es.md" not in caplog.text  # its English page is the one kept
    assert "plank.md is broken; serving its last good version" in caplog.text


async def test_buttons_and_favourites_of_a_removed_page_say_it_is_gone(
    fake: FakeTelegram, content: Path, db: Path
) -> None:
    fake.make_user(USER)
    live = LiveContent(content, library_of(content))
    async with running_bot(fake, live.library, db, live=live):
        card = await say(fake, "teaser")
        card = await press(fake, card, "☆ Save")
        for page in ("teaser.md", "teaser.es.md"):
            (content / "exercises" / page).unlink()
        await live.reload("test")
        await press(fake, card, "Steps")
        assert fake.callback_answers[-1]["text"] == "That exercise is no longer available."
        listed = await say(fake, "/favorites")
        assert "teaser (no longer available)" in listed["text"]
        assert "✕ Remove teaser" in buttons(listed)
        # The card on screen is gone: a follow-up about it is answered, not about Teaser.
        assert "Teaser" not in (await say(fake, "make it easier"))["text"]


async def test_reload_and_report_answer_only_the_operators(
    fake: FakeTelegram, content: Path, db: Path
) -> None:
    fake.make_user(USER)
    fake.make_user(ADMIN)
    live = LiveContent(content, library_of(content))
    async with running_bot(fake, live.library, db, live=live, admin_ids=frozenset({ADMIN})):
        await say(fake, "what time does the studio open")  # something to report
        await say(fake, "what time does the studio open on sundays")
        before = len(fake.messages(USER))
        fake.send_command(USER, "/reload")
        fake.send_command(USER, "/report")
        await fake.wait_idle(quiet=0.5)
        assert len(fake.messages(USER)) == before  # not an operator: no answer at all
        assert live.reloads == 0
        reloaded = await say(fake, "/reload", ADMIN)
        assert reloaded["text"] == "Reloaded: 48 exercises"
        fake.send_command(ADMIN, "/report 7d")
        sent = await fake.wait_for("sendDocument", timeout=30)
        await fake.wait_idle()
    summary = fake.messages(ADMIN)[-2]["text"]
    assert "Most asked without an answer:" in summary
    assert "2x [en] what time does the studio open" in summary
    document = fake.messages(ADMIN)[-1]["document"]
    assert document["file_name"].startswith("pilates-bot-report-")
    assert document["mime_type"] == "text/html"
    html = fake.document_data(document["file_id"]).decode()
    assert html.startswith("<!DOCTYPE html>") and "what time does the studio open" in html
    assert sent.params["caption"].startswith("Report ")
