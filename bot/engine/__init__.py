"""The answer engine: a message analysed once, producers that propose scored candidates, and
one policy that picks the answer, offers suggestions or says it does not know.

`AnswerEngine.answer(text, lang, about) -> Answer` is the one entry point for every face."""

from bot.engine.answer import Answer, AnswerKind, NoAnswer
from bot.engine.engine import AnswerEngine

__all__ = ["Answer", "AnswerEngine", "AnswerKind", "NoAnswer"]
