"""Answer -> what a person reads: Telegram HTML in pieces of at most 4096 characters, a plain-text
twin, and the buttons to offer. Every piece of content or user text is escaped here."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.answers import Answer, AnswerKind, NoAnswer
from bot.content import DEFAULT_LANG, Block, BlockKind, Exercise, Level, Library
from bot.i18n import N_, Translator, translator
from bot.intent import RandomFilters, Section

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


# --- the words of the interface ------------------------------------------------------------

SECTION_TITLES = {
    Section.OVERVIEW: N_("Overview"),
    Section.STEPS: N_("Steps"),
    Section.TIPS: N_("Tips"),
    Section.MODIFICATIONS: N_("Modifications"),
    Section.MISTAKES: N_("Common mistakes"),
    Section.BENEFITS: N_("Benefits"),
    Section.VIDEO: N_("Video"),
}
LEVEL_TITLES = {Level.EASIER: N_("Easier"), Level.HARDER: N_("Harder")}
DIFFICULTY_NAMES = {
    "beginner": N_("Beginner"),
    "intermediate": N_("Intermediate"),
    "advanced": N_("Advanced"),
}
EQUIPMENT_NAMES = {
    "mat": N_("mat"),
    "none": N_("no equipment"),
    "ring": N_("ring"),
    "ball": N_("ball"),
    "band": N_("band"),
    "wall": N_("wall"),
    "chair": N_("chair"),
    "block": N_("block"),
}
EXAMPLES = (
    N_("how do I do the hundred"),
    N_("my neck hurts in the roll up"),
    N_("easier version of teaser"),
    N_("random beginner exercise"),
)
NONE_TEXT = {
    NoAnswer.EMPTY: N_("Send me a question about a Pilates exercise."),
    NoAnswer.GREETING: N_("Hi! I'm your Pilates assistant."),
    NoAnswer.THANKS: N_("You're welcome! Enjoy your practice."),
    NoAnswer.CHAT: N_("I'm here whenever you have a Pilates question."),
    NoAnswer.UNKNOWN: N_(
        "Sorry, I don't know that one. I only know the exercises of our mat library."
    ),
}
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def _text(text: str, style: Style = Style.PLAIN) -> Line:
    return (Span(text, style),)


def _bullets(items: Iterable[str], numbered: bool = False) -> tuple[Line, ...]:
    return tuple(
        _text(f"{n}. {item}" if numbered else f"• {item}") for n, item in enumerate(items, 1)
    )


def _blocks(blocks: Sequence[Block]) -> tuple[Line, ...]:
    lines: list[Line] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            lines.append(_text(block.text, Style.BOLD))
        elif block.kind is BlockKind.ITEM:
            lines.append(_text(f"• {block.text}"))
        else:
            lines.append(_text(block.text))
    return tuple(lines)


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"


def header(exercise: Exercise, lang: str) -> Part:
    """Title, level, duration and equipment; a note when the page is not in `lang`."""
    _ = translator(lang)
    facts = [_(DIFFICULTY_NAMES[exercise.difficulty.value])]
    if exercise.duration:
        facts.append(_duration(exercise.duration))
    if exercise.equipment:
        facts.append(", ".join(_(EQUIPMENT_NAMES.get(e, e)) for e in exercise.equipment))
    lines = [_text(exercise.title, Style.BOLD), _text(" · ".join(facts), Style.ITALIC)]
    if exercise.lang != lang:
        lines.insert(
            0, _text(_("This page is not translated yet, so here it is in English."), Style.ITALIC)
        )
    return Part(tuple(lines))


def section_part(
    exercise: Exercise, section: Section, _: Translator, level: Level | None = None
) -> Part:
    title = _text(_(SECTION_TITLES[section]), Style.BOLD)
    if section is Section.OVERVIEW:
        steps = (_text(_("How to do it"), Style.BOLD), *_bullets(exercise.steps, numbered=True))
        return Part((_text(exercise.description), _text(""), *steps))
    if section is Section.STEPS:
        return Part((title, *_bullets(exercise.steps, numbered=True)))
    if section is Section.MODIFICATIONS:
        lines: list[Line] = []
        for wanted in (level,) if level else (Level.EASIER, Level.HARDER):
            mods = exercise.modifications_at(wanted)
            if mods:
                lines.append(_text(_(LEVEL_TITLES[wanted]), Style.BOLD))
                lines.extend(
                    (Span("• "), Span(m.name, Style.BOLD), Span(f": {m.description}")) for m in mods
                )
        return Part(tuple(lines) or (_text(_("No modifications written for this one yet.")),))
    if section is Section.VIDEO:
        if exercise.video_url is None:
            return Part((title, _text(_("There is no video for this exercise yet."))))
        return Part((title, (Span(_("Watch it on YouTube"), url=exercise.video_url),)))
    body = {
        Section.TIPS: exercise.body.tips,
        Section.MISTAKES: exercise.body.mistakes,
        Section.BENEFITS: exercise.body.benefits,
    }[section]
    return Part((title, *(_blocks(body) or (_text(_("Nothing written for this part yet.")),))))


def exercise_buttons(
    exercise_id: str,
    exercise: Exercise,
    _: Translator,
    *,
    saved: bool,
    section: Section = Section.OVERVIEW,
    level: Level | None = None,
) -> tuple[tuple[Button, ...], ...]:
    def show(label: str, part: Section, part_level: Level | None = None) -> Button:
        return Button(label, Action(ActionKind.SECTION, exercise_id, part, part_level))

    video = (
        Button("▶ " + _("Video"), url=exercise.video_url)
        if exercise.video_url
        else show(_("Video"), Section.VIDEO)
    )
    save = Button(
        "★ " + _("Saved") if saved else "☆ " + _("Save"),
        Action(ActionKind.SAVE, exercise_id, section, level),
    )
    return (
        (
            show(_("Steps"), Section.STEPS),
            show(_("Tips"), Section.TIPS),
            show(_("Mistakes"), Section.MISTAKES),
        ),
        (
            show(_("Easier"), Section.MODIFICATIONS, Level.EASIER),
            show(_("Harder"), Section.MODIFICATIONS, Level.HARDER),
            Button(_("FAQ"), Action(ActionKind.FAQ_LIST, exercise_id)),
        ),
        (video, save),
    )


def render(answer: Answer, library: Library, *, saved: bool = False) -> Reply:
    """The reply to an answer, in its language; `saved`: whether its exercise is a favourite."""
    _ = translator(answer.lang)
    exercise = answer.exercise
    exercise_id = library.id_of(exercise) if exercise is not None else ""
    if answer.kind is AnswerKind.EXERCISE and exercise is not None:
        section = answer.section or Section.OVERVIEW
        part = section_part(exercise, section, _, answer.level)
        buttons = exercise_buttons(
            exercise_id, exercise, _, saved=saved, section=section, level=answer.level
        )
        return Reply((header(exercise, answer.lang), part), buttons)
    if answer.kind is AnswerKind.FAQ and exercise is not None and answer.faq is not None:
        parts = (
            Part((_text(answer.faq.question, Style.BOLD), _text(answer.faq.answer))),
            Part((_text(_("From: {title}", title=exercise.title), Style.ITALIC),)),
        )
        button = Button(
            _("Open {title}", title=exercise.title),
            Action(ActionKind.SECTION, exercise_id, Section.OVERVIEW),
        )
        return Reply(parts, ((button,),))
    if answer.kind is AnswerKind.RANDOM:
        again = (Button("🎲 " + _("Another"), Action(ActionKind.RANDOM, filters=answer.filters)),)
        if exercise is None:
            return Reply(
                (Part((_text(_("No exercise matches all of that. Try fewer filters.")),)),),
                (again,),
            )
        card = render(
            Answer(AnswerKind.EXERCISE, answer.lang, exercise, Section.OVERVIEW),
            library,
            saved=saved,
        )
        return Reply(card.parts, (*card.buttons, again))
    if answer.kind is AnswerKind.SUGGESTIONS:
        lines = [_text(_("I'm not sure which exercise you mean. Did you mean:"), Style.BOLD)]
        lines.extend(_text(f"• {e.title}") for e in answer.candidates)
        buttons = tuple(
            (Button(e.title, Action(ActionKind.SECTION, library.id_of(e), Section.OVERVIEW)),)
            for e in answer.candidates
        )
        return Reply((Part(tuple(lines)),), buttons)
    return help_reply(_(NONE_TEXT[answer.reason or NoAnswer.UNKNOWN]), answer.lang)


def example_question(index: int, lang: str) -> str | None:
    """The example question under button `index`, in `lang`."""
    return translator(lang)(EXAMPLES[index]) if 0 <= index < len(EXAMPLES) else None


def help_reply(opening: str, lang: str = DEFAULT_LANG) -> Reply:
    """What the bot can do, with examples to tap: the reply whenever there is no answer."""
    _ = translator(lang)
    lines = (
        _text(opening),
        _text(""),
        _text(
            _(
                "Ask me how to do an exercise, about a part of it (steps, tips, easier or harder "
                "versions, common mistakes, benefits), or a form question. For example:"
            )
        ),
        *(_text(f"• {_(example)}") for example in EXAMPLES),
        _text(""),
        _text(_("Or send /random for an exercise to try.")),
    )
    buttons = tuple(
        (Button(_(example), Action(ActionKind.EXAMPLE, index=index)),)
        for index, example in enumerate(EXAMPLES)
    )
    return Reply((Part(lines),), buttons)


def faq_list(exercise: Exercise, exercise_id: str, lang: str) -> Reply:
    """The questions asked about an exercise, one button each."""
    _ = translator(lang)
    if not exercise.faq:
        lines: tuple[Line, ...] = (_text(_("No questions answered for this exercise yet.")),)
    else:
        lines = (_text(_("Questions people ask"), Style.BOLD),)
    buttons = tuple(
        (Button(_shorten(entry.question), Action(ActionKind.FAQ, exercise_id, index=index)),)
        for index, entry in enumerate(exercise.faq)
    )
    back = Button("← " + _("Back"), Action(ActionKind.SECTION, exercise_id, Section.OVERVIEW))
    return Reply((header(exercise, lang), Part(lines)), (*buttons, (back,)))


def faq_entry(exercise: Exercise, exercise_id: str, index: int, lang: str) -> Reply | None:
    """One FAQ answer of an exercise, or None when there is no such entry."""
    if not 0 <= index < len(exercise.faq):
        return None
    _ = translator(lang)
    entry = exercise.faq[index]
    part = Part((_text(entry.question, Style.BOLD), _text(entry.answer)))
    buttons = (
        (
            Button("← " + _("Questions"), Action(ActionKind.FAQ_LIST, exercise_id)),
            Button(exercise.title, Action(ActionKind.SECTION, exercise_id, Section.OVERVIEW)),
        ),
    )
    return Reply((header(exercise, lang), part), buttons)


def favourites_list(saved: Sequence[tuple[str, Exercise | None]], lang: str) -> Reply:
    """A user's favourites, oldest first; ones no longer in the library say so."""
    _ = translator(lang)
    if not saved:
        return notice(_("No favourites yet. Tap ☆ Save on any exercise to keep it here."))
    lines: list[Line] = [_text(_("Your favourites"), Style.BOLD)]
    buttons: list[tuple[Button, ...]] = []
    for exercise_id, exercise in saved:
        if exercise is None:
            lines.append(
                _text("• " + _("{name} (no longer available)", name=exercise_id), Style.ITALIC)
            )
            remove = Button(
                "✕ " + _("Remove {name}", name=exercise_id), Action(ActionKind.SAVE, exercise_id)
            )
            buttons.append((remove,))
        else:
            lines.append(_text(f"• {exercise.title}"))
            open_card = Action(ActionKind.SECTION, exercise_id, Section.OVERVIEW)
            buttons.append((Button(exercise.title, open_card),))
    return Reply((Part(tuple(lines)),), tuple(buttons))


def forget_confirmation(lang: str) -> Reply:
    _ = translator(lang)
    lines = (
        _text(_("Delete everything stored about you?"), Style.BOLD),
        _text(_("Your favourites and settings will be gone for good.")),
    )
    buttons = (
        (
            Button(_("Yes, delete everything"), Action(ActionKind.FORGET, index=1)),
            Button(_("Cancel"), Action(ActionKind.FORGET, index=0)),
        ),
    )
    return Reply((Part(lines),), buttons)


def language_choice(current: str, languages: Sequence[str], lang: str) -> Reply:
    _ = translator(lang)
    lines = (_text(_("Choose your language:"), Style.BOLD),)
    buttons = tuple(
        (
            Button(
                ("✓ " if code == current else "") + LANGUAGE_NAMES.get(code, code),
                Action(ActionKind.LANGUAGE, value=code),
            ),
        )
        for code in languages
    )
    return Reply((Part(lines),), buttons)


def notice(text: str) -> Reply:
    """A one-line reply."""
    return Reply((Part((_text(text),)),))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
