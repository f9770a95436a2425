"""The one domain entry point: answer(text, lang, about) -> Answer (see bot/engine/)."""

from bot.engine.answer import Answer, AnswerKind, NoAnswer
from bot.engine.engine import AnswerEngine

__all__ = ["Answer", "AnswerEngine", "AnswerKind", "NoAnswer"]
