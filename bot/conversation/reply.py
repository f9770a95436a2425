"""What the bot sends, before it is Telegram: styled lines in parts, buttons that name actions,
and the picture of the page a reply is about.

`Reply.html_pieces()` is the one place text becomes Telegram HTML: every span is escaped, and a
long reply is split between parts, then lines, then words, so no piece passes 4096 characters.
`Reply.caption_pieces()` does the same for a photo: a caption of at most 1024, then messages.
Both count as Telegram does: UTF-16 code units of the text a reader sees.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.conversation.actions import Action

MAX_MESSAGE = 4096  # Telegram's limit, counted on the text after HTML is parsed
MAX_CAPTION = 1024  # a photo's caption, counted the same way


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


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: Action | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """One of the things a reply offers to pick (a suggestion, a favourite, yes or no)."""

    label: str
    action: Action
    style: Style = Style.PLAIN


@dataclass(frozen=True, slots=True)
class Picture:
    """A photo shown with a reply, by a URL a face can fetch or hand on (Telegram takes one).

    `continued` ends a caption whose text goes on in a message below, in the reply's language.
    """

    url: str
    continued: str = "…"


@dataclass(frozen=True, slots=True)
class Reply:
    """Text in parts, buttons in rows, and the choices among them.

    `choices` are what a face without buttons offers by number (the terminal chat). With
    `listed`, the text ends with them as a list, "• Swan Dive"; a face that numbers them shows
    `parts` and its own numbered list instead. `picture`: the photo of the page the reply is
    about, for a face that can show one.
    """

    parts: tuple[Part, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    choices: tuple[Choice, ...] = ()
    listed: bool = False
    picture: Picture | None = None

    @property
    def body(self) -> tuple[Part, ...]:
        """The parts, with the choices listed at the end of the last one when `listed`."""
        if not self.listed or not self.choices:
            return self.parts
        listing = tuple((Span(f"• {c.label}", c.style),) for c in self.choices)
        *first, last = self.parts or (Part(()),)
        return (*first, Part(last.lines + listing))

    @property
    def text(self) -> str:
        return plain(self.body)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every button's action, row by row."""
        return tuple(b.action for row in self.buttons for b in row if b.action is not None)

    @property
    def links(self) -> tuple[Button, ...]:
        """The buttons that open a web page, row by row."""
        return tuple(b for row in self.buttons for b in row if b.url is not None)

    def html_pieces(self, limit: int = MAX_MESSAGE) -> list[str]:
        """The reply as Telegram HTML messages, split between parts, then lines, then words."""
        return [_html(lines) for lines in _split(self.body, limit)]

    def caption_pieces(self, caption: int = MAX_CAPTION, limit: int = MAX_MESSAGE) -> list[str]:
        """The reply as a photo's caption, then the messages that continue it.

        The caption is filled line by line, a part going on below it if need be, and its last
        line says so (`picture.continued`); the messages below split as `html_pieces` does.
        """
        whole = _split(self.body, caption)
        if len(whole) <= 1:
            return [_html(lines) for lines in whole]
        note: Line = (Span(self.picture.continued if self.picture else "…", Style.ITALIC),)
        room = caption - _units(note) - 1
        first: list[Line] = []
        size = 0
        rest: list[Part] = []
        for part in self.body:
            lines = [piece for line in part.lines for piece in _split_line(line, room)]
            if rest:
                rest.append(Part(tuple(lines)))
                continue
            for index, line in enumerate(lines):
                length = _units(line) + 1
                if size + length > room:
                    rest.append(Part(tuple(lines[index:])))
                    break
                first.append(line)
                size += length
        return [_html([*first, note]), *(_html(lines) for lines in _split(rest, limit))]


def plain(parts: Sequence[Part]) -> str:
    """Parts as plain text: lines joined by newlines, parts by blank lines."""
    text = ("\n".join(_plain_line(line) for line in part.lines) for part in parts)
    return "\n\n".join(text).strip()


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


def _units(line: Line) -> int:
    """A line's length as Telegram counts it: UTF-16 code units."""
    return _utf16(_plain_line(line))


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _prefix(text: str, units: int) -> int:
    """How many characters of `text` fit in `units` UTF-16 code units."""
    total = 0
    for index, char in enumerate(text):
        total += 2 if ord(char) > 0xFFFF else 1
        if total > units:
            return index
    return len(text)


def _split(parts: Sequence[Part], limit: int) -> list[list[Line]]:
    messages: list[list[Line]] = [[]]
    size = 0
    for part in parts:
        part_size = sum(_units(line) + 1 for line in part.lines)
        if size and size + part_size > limit:
            messages.append([])
            size = 0
        for line in part.lines:
            for piece in _split_line(line, limit):
                length = _units(piece) + 1
                if size and size + length > limit:
                    messages.append([])
                    size = 0
                messages[-1].append(piece)
                size += length
    return [m for m in messages if any(_plain_line(line).strip() for line in m)]


def _split_line(line: Line, limit: int) -> Iterable[Line]:
    """A line longer than a message, cut at spaces (or hard, for a word that long)."""
    if _units(line) < limit:
        yield line
        return
    for span in line:
        text = span.text
        while text:
            fits = _prefix(text, limit - 1)
            cut = text.rfind(" ", 0, fits) if fits < len(text) else len(text)
            cut = cut if cut > 0 else max(fits, 1)
            yield (Span(text[:cut], span.style, span.url),)
            text = text[cut:].lstrip()
