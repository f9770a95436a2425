"""`pilates-bot report`: from answers logged by the real conversation to what an author reads,
and a FAQ stub that, pasted into the page and answered, makes the bot answer the question."""

from __future__ import annotations

import asyncio
import json
import random
import shutil
from pathlib import Path

import pytest
import yaml

from bot.content import Library, load_library
from bot.conversation.actions import Choose, Rate
from bot.conversation.conversation import Conversation, Person
from bot.engine import AnswerEngine, AnswerKind
from bot.faces.cli import main
from bot.faces.report import parse_since, render_html
from bot.faces.report.make import make_report
from bot.store import SqliteStore
from bot.store.answer_log import DAY
from tests.conftest import CONTENT

PREGNANT = ("can I do pilates while pregnant", "is pilates safe when pregnant", "pilates pregnant?")
PRICE = ("how much does a class cost",)


async def log_a_few_days(db: Path, library: Library) -> None:
    """Answers through the conversation every face uses, from people in two languages."""
    async with SqliteStore(db) as store:
        conversation = Conversation(AnswerEngine(library, rng=random.Random(2)), store)
        for n, text in enumerate(PREGNANT * 2 + PRICE):
            await conversation.say(Person(100 + n, "en"), text)
        await conversation.say(Person(200, "es"), "¿puedo hacer pilates embarazada?")
        offered = await conversation.say(Person(300, "en"), "swan")
        [pick] = [c.action for c in offered.choices if c.label == "Swan Dive"]
        assert isinstance(pick, Choose)
        await conversation.press(Person(300, "en"), pick)
        card = await conversation.say(Person(301, "en"), "how do I do the hundred")
        [down] = [a for a in card.actions if isinstance(a, Rate) and not a.helpful]
        await conversation.press(Person(301, "en"), down)
        await conversation.say(Person(301, "en"), "how long to hold the breath")


def test_report_json_groups_the_unanswered_and_lists_the_rest(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bot.sqlite3"

    asyncio.run(log_a_few_days(db, library))
    assert main(["report", "--db", str(db), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    first = report["unanswered"][0]
    assert (first["count"], first["lang"]) == (6, "en")
    assert {text for text, _ in first["messages"]} == set(PREGNANT)
    assert yaml.safe_load(first["faq_stub"]) == [{"q": "Can I do pilates while pregnant?", "a": ""}]
    assert [g["messages"][0][0] for g in report["unanswered"][1:]] == [
        "how much does a class cost",
        "¿puedo hacer pilates embarazada?",
    ]
    [learned] = report["phrasings"]
    assert (learned["page"]["id"], learned["phrasings"]) == ("swan-dive", [["swan", 1]])
    assert yaml.safe_load(learned["keywords_stub"]) == ["swan"]
    [voted] = report["down_voted"]
    assert (voted["page"]["id"], voted["down"], voted["notes"]) == (
        "the-hundred",
        1,
        ["how long to hold the breath"],
    )
    assert voted["messages"] == ["how do I do the hundred"]
    assert report["totals"]["people"] == 10
    assert report["languages"]["es"]["none"] == 1
    assert report["totals"]["unanswered"] == 8
    assert sum(sum(day.values()) for _, day in report["days"]) == report["totals"]["answers"]


def test_text_and_html_reports(tmp_path: Path, library: Library) -> None:
    db = tmp_path / "bot.sqlite3"

    asyncio.run(log_a_few_days(db, library))
    out = tmp_path / "report.txt"
    assert main(["report", "--db", str(db), "-o", str(out)]) == 0
    text = out.read_text()
    assert "6x [en] can I do pilates while pregnant" in text
    assert '  - q: "Can I do pilates while pregnant?"' in text
    html_file = tmp_path / "report.html"
    assert main(["report", "--db", str(db), "--format", "html", "-o", str(html_file)]) == 0
    page = html_file.read_text()
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert page.count("<svg") == 3


def test_a_pasted_and_answered_stub_makes_the_bot_answer(tmp_path: Path) -> None:
    """The FAQ stub is the page's own format: pasted under `faq:` it is refused until answered,
    then the question is answered from the page."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / "exercises" / "the-hundred.md"
    question = "Can I do the hundred when I'm pregnant?"
    stub = f'  - q: "{question}"\n    a: ""  # the answer'
    text = page.read_text()
    page.write_text(text.replace("faq:\n", "faq:\n" + stub + "\n", 1))
    assert any(p.message.endswith(".a` is empty") for p in load_library(content).errors)
    answered = stub.replace('a: ""  # the answer', 'a: "Ask your midwife first."')
    page.write_text(text.replace("faq:\n", "faq:\n" + answered + "\n", 1))
    result = load_library(content)
    assert not result.errors
    answer = AnswerEngine(result.library).answer("can I do the hundred when pregnant")
    assert answer.kind is AnswerKind.FAQ and answer.faq is not None
    assert answer.faq.answer == "Ask your midwife first."


async def test_an_empty_period_reports_nothing_without_failing(
    tmp_path: Path, library: Library
) -> None:
    async with SqliteStore(tmp_path / "empty.sqlite3") as store:
        now = 1_800_000_000.0
        report = await make_report(store, AnswerEngine(library), now - 7 * DAY, now, CONTENT)
    assert report.totals["answers"] == 0
    assert len(report.days) == 8  # seven days from mid-day: the first and last in part
    assert "None, or no message text kept" in render_html(report)


def test_since_is_a_duration_or_a_date() -> None:
    now = 1_800_000_000.0
    assert parse_since("7d", now) == now - 7 * DAY
    assert parse_since("12h", now) == now - 12 * 3600
    assert parse_since("2026-11-01", now) == 1_793_491_200.0
    with pytest.raises(ValueError, match="write 7d"):
        parse_since("last week", now)


def test_report_without_a_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", str(tmp_path / "missing.sqlite3")]) == 1
    assert "no database at" in capsys.readouterr().err
