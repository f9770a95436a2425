"""What the bot sends, before it is Telegram: styled lines in parts, buttons that name actions.

`Reply.html_pieces()` is the one place text becomes Telegram HTML: every span is escaped, and a
long reply is split between parts, then lines, then words, so no piece passes 4096 characters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.content import Level, RandomFilters, Section

MAX_MESSAGE = 4096  # Telegram's limit, counted on the text after HTML is parsed


class Style(StrEnum):
    PLAIN = "plain"
    BOLD = "bold"
    ITALIC = "italic"


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = Style.PLAIN
    url: str | None = None


Line = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Part:
    """A run of lines kept together when a long reply is split into messages."""

    lines: tuple[Line, ...]


class ActionKind(StrEnum):
    SECTION = "section"  # show another part of an exercise
    FAQ_LIST = "faqs"
    FAQ = "faq"  # one FAQ answer, by index
    SAVE = "save"  # toggle a favourite
    RANDOM = "random"  # another random pick under the same filters
    FORGET = "forget"  # confirm (index 1) or cancel (0) deleting a user's data
    LANGUAGE = "language"  # switch the interface and content language to `value`
    EXAMPLE = "example"  # ask the example question number `index` (buttons under /start)


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    exercise_id: str = ""
    section: Section | None = None
    level: Level | None = None
    index: int = 0
    filters: RandomFilters = field(default_factory=RandomFilters)
    value: str = ""  # a language code, for LANGUAGE


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: Action | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    parts: tuple[Part, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()

    @property
    def text(self) -> str:
        parts = ("\n".join(_plain_line(line) for line in part.lines) for part in self.parts)
        return "\n\n".join(parts).strip()

    def html_pieces(self, limit: int = MAX_MESSAGE) -> list[str]:
        """The reply as Telegram HTML messages, split between parts, then lines, then words."""
        return [_html(lines) for lines in _split(self.parts, limit)]


def _plain_line(line: Line) -> str:
    return "".join(span.text for span in line)


def _html_span(span: Span) -> str:
    text = html.escape(span.text, quote=False)
    if span.url is not None:
        return f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
    if span.style is Style.BOLD:
        return f"<b>{text}</b>"
    if span.style is Style.ITALIC:
        return f"<i>{text}</i>"
    return text


def _html(lines: Sequence[Line]) -> str:
    return "\n".join("".join(_html_span(s) for s in line) for line in lines).strip()


def _split(parts: Sequence[Part], limit: int) -> list[list[Line]]:
    messages: list[list[Line]] = [[]]
    size = 0
    for part in parts:
        part_size = sum(len(_plain_line(line)) + 1 for line in part.lines)
        if size and size + part_size > limit:
            messages.append([])
            size = 0
        for line in part.lines:
            for piece in _split_line(line, limit):
                length = len(_plain_line(piece)) + 1
                if size and size + length > limit:
                    messages.append([])
                    size = 0
                messages[-1].append(piece)
                size += length
    return [m for m in messages if any(_plain_line(line).strip() for line in m)]


def _split_line(line: Line, limit: int) -> Iterable[Line]:
    """A line longer than a message, cut at spaces (or hard, for a word that long)."""
    if len(_plain_line(line)) < limit:
        yield line
        return
    for span in line:
        text = span.text
        while text:
            cut = text.rfind(" ", 0, limit - 1) if len(text) >= limit else len(text)
            cut = cut if cut > 0 else min(len(text), limit - 1)
            yield (Span(text[:cut], span.style, span.url),)
            text = text[cut:].lstrip()
