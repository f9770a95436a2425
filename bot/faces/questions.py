"""The authors' regression file: questions with the answer each must get, run against a
content tree (`pilates-bot check --questions FILE.yaml`), so an edit that stops a question from
finding its page is seen before it is published.

    - ask: how do I breathe in the hundred
      expect: {kind: faq, exercise: the-hundred}
    - ask: ¿cómo hago el cien?
      lang: es
      expect: {kind: exercise, exercise: the-hundred, section: overview}

`expect` holds any keys of the `ask --json` object (kind, exercise, section, level, question,
candidates); only those given are compared, so a question can pin as much as matters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content import DEFAULT_LANG
from bot.content.problems import printable
from bot.engine import Answer, AnswerEngine

EXPECTABLE = ("kind", "exercise", "section", "level", "question", "candidates")
ENTRY_KEYS = frozenset({"ask", "lang", "expect"})


class QuestionsError(ValueError):
    """The questions file cannot be read or is not in the format above."""


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: str
    expect: dict[str, Any]
    line: int


@dataclass(frozen=True, slots=True)
class Broken:
    question: Question
    got: dict[str, Any]

    def describe(self, path: Path) -> str:
        wanted = ", ".join(f"{k} {_shown(v)}" for k, v in self.question.expect.items())
        got = ", ".join(f"{k} {_shown(self.got.get(k))}" for k in self.question.expect)
        return printable(
            f"{path}:{self.question.line}: {self.question.text!r} [{self.question.lang}]: "
            f"expected {wanted}; got {got}"
        )


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return "none" if value is None else str(value)


def load_questions(path: Path) -> list[Question]:
    try:
        text = path.read_text("utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsError(f"cannot read {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise QuestionsError(f"{path}: broken YAML: {exc}") from exc
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise QuestionsError(f"{path}: expected a list of questions (`- ask: ...`)")
    questions = []
    for node, entry in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(entry, dict) or not isinstance(entry.get("ask"), str):
            raise QuestionsError(f"{where}: each entry needs `ask: <the question>`")
        unknown = sorted(set(entry) - ENTRY_KEYS)
        expect = entry.get("expect")
        if unknown:
            raise QuestionsError(f"{where}: unknown key(s) {', '.join(unknown)}")
        if not isinstance(expect, dict) or not expect:
            raise QuestionsError(f"{where}: `expect` must map answer keys to values")
        wrong = sorted(set(expect) - set(EXPECTABLE))
        if wrong:
            raise QuestionsError(
                f"{where}: `expect` cannot hold {', '.join(wrong)}; it may hold "
                + ", ".join(EXPECTABLE)
            )
        lang = str(entry.get("lang") or DEFAULT_LANG)
        questions.append(Question(entry["ask"], lang, dict(expect), line))
    return questions


def run_questions(
    questions: list[Question],
    engine: AnswerEngine,
    as_json: Callable[[Answer], dict[str, Any]],
) -> list[Broken]:
    """The questions whose answer no longer is what they expect."""
    broken = []
    for question in questions:
        got = as_json(engine.answer(question.text, question.lang))
        if any(got.get(key) != value for key, value in question.expect.items()):
            broken.append(Broken(question, got))
    return broken
