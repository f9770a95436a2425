from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.faces.cli import main
from tests.conftest import ROOT

KEYS = ["kind", "exercise", "section", "level", "question", "candidates", "text"]


def test_ask_json_has_exactly_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "how do i do the hundred", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert list(answer) == KEYS
    assert answer["kind"] == "exercise"
    assert answer["exercise"] == "the-hundred"
    assert answer["section"] == "steps"


def test_named_exercise_alone_is_an_overview_with_steps(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "teaser", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert (answer["kind"], answer["section"]) == ("exercise", "overview")
    assert "1. " in answer["text"]


def test_ask_stdin_prints_one_json_line_per_message_in_order() -> None:
    messages = ["roll up strains my neck", "hi", "bridge", "random beginner exercise", "<b>x</b>"]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "-"],
        input="\n".join(messages) + "\n",
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(messages)
    answers = [json.loads(line) for line in lines]
    assert all(list(a) == KEYS for a in answers)
    assert [a["kind"] for a in answers] == ["faq", "none", "suggestions", "random", "none"]
    assert answers[0]["question"] == "My neck hurts in the roll up. What am I doing wrong?"
    assert {"glute-bridge", "shoulder-bridge"} <= set(answers[2]["candidates"])


def test_ask_plain_prints_the_reply(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "easier", "version", "of", "teaser"])
    out = capsys.readouterr().out
    assert out.startswith("Teaser\n")
    assert "Easier" in out


def test_ask_says_which_modifications(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "harder version of teaser", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert (answer["section"], answer["level"]) == ("modifications", "harder")
