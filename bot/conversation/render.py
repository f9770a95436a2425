"""Answer -> the reply a person reads: cards, help, favourites and confirmations, in the
user's language (see reply.py for how a reply becomes Telegram HTML)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.content import DEFAULT_LANG, Block, BlockKind, Exercise, Level, Section, Website
from bot.conversation.actions import (
    Another,
    AskExample,
    ChooseLanguage,
    Forget,
    SetSaved,
    ShowFaq,
    ShowFaqs,
    ShowSection,
)
from bot.conversation.i18n import N_, Translator, translator
from bot.conversation.reply import Button, Choice, Line, Part, Picture, Reply, Span, Style
from bot.conversation.session_cards import session_card
from bot.engine import Answer, AnswerKind, NoAnswer
from bot.languages import language

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
    NoAnswer.UNCOVERED: N_(
        "Sorry, our pages don't cover that. They teach the exercises themselves: how to do"
        " them, easier and harder versions, common mistakes and who should take care."
    ),
}


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
        # The part on screen keeps its place, marked "· Steps ·", and goes back to the
        # overview: pressing it never asks Telegram for the message it already shows, and the
        # buttons do not move under the thumb as they would if it were left out.
        if (part, part_level) == (section, level):
            return Button(f"· {label} ·", ShowSection(exercise_id, Section.OVERVIEW))
        return Button(label, ShowSection(exercise_id, part, part_level))

    # A video button only when there is a video: one that says "no video yet" is a dead end.
    # (Asked in words, "video of the plank", the card still says there is none.)
    video = (Button("▶ " + _("Video"), url=exercise.video_url),) if exercise.video_url else ()
    save = Button(
        "★ " + _("Saved") if saved else "☆ " + _("Save"),
        SetSaved(exercise_id, not saved, section, level),
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
            Button(_("FAQ"), ShowFaqs(exercise_id)),
        ),
        (*video, save),
    )


def on_site(reply: Reply, exercise: Exercise, site: Website | None, _: Translator) -> Reply:
    """A reply about one page, with the page's picture and a button to the page on the site.

    Without a site there is neither: the picture's path is relative to the site, and a face
    must be able to fetch it.
    """
    if site is None:
        return reply
    image = site.image_url(exercise)
    picture = Picture(image, "⬇ " + _("continued below")) if image else None
    website = (Button("🌐 " + _("Open on the website"), url=site.page_url(exercise)),)
    return Reply(reply.parts, (*reply.buttons, website), reply.choices, reply.listed, picture)


def render(answer: Answer, *, saved: bool = False, site: Website | None = None) -> Reply:
    """The reply to an answer, in its language; `saved`: whether its exercise is a favourite;
    `site`: where the pages are published (pictures and links to them)."""
    _ = translator(answer.lang)
    exercise = answer.exercise
    exercise_id = exercise.id if exercise is not None else ""
    if answer.kind is AnswerKind.EXERCISE and exercise is not None:
        section = answer.section or Section.OVERVIEW
        part = section_part(exercise, section, _, answer.level)
        buttons = exercise_buttons(
            exercise_id, exercise, _, saved=saved, section=section, level=answer.level
        )
        return on_site(Reply((header(exercise, answer.lang), part), buttons), exercise, site, _)
    if answer.kind is AnswerKind.FAQ and exercise is not None and answer.faq is not None:
        parts = (
            Part((_text(answer.faq.question, Style.BOLD), _text(answer.faq.answer))),
            Part((_text(_("From: {title}", title=exercise.title), Style.ITALIC),)),
        )
        button = Button(
            _("Open {title}", title=exercise.title),
            ShowSection(exercise_id, Section.OVERVIEW),
        )
        return on_site(Reply(parts, ((button,),)), exercise, site, _)
    if answer.kind is AnswerKind.RANDOM:
        if exercise is None:  # no button: "Another" could only say this again
            return Reply(
                (Part((_text(_("No exercise matches all of that. Try fewer filters.")),)),)
            )
        again = (Button("🎲 " + _("Another"), Another.under(answer.filters)),)
        card = render(
            Answer(AnswerKind.EXERCISE, answer.lang, exercise, Section.OVERVIEW),
            saved=saved,
            site=site,
        )
        return Reply(card.parts, (*card.buttons, again), picture=card.picture)
    if answer.kind is AnswerKind.SESSION and answer.session is not None:
        return session_card(answer.session, answer.lang, saved=saved)
    if answer.kind is AnswerKind.SUGGESTIONS:
        heading = _text(_("I'm not sure which exercise you mean. Did you mean:"), Style.BOLD)
        choices = tuple(Choice(e.title, ShowSection(e.id)) for e in answer.candidates)
        return Reply((Part((heading,)),), _one_per_row(choices), choices, listed=True)
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
        (Button(_(example), AskExample(index)),) for index, example in enumerate(EXAMPLES)
    )
    return Reply((Part(lines),), buttons)


def faq_list(exercise: Exercise, exercise_id: str, lang: str, site: Website | None = None) -> Reply:
    """The questions asked about an exercise, one button each."""
    _ = translator(lang)
    if not exercise.faq:
        lines: tuple[Line, ...] = (_text(_("No questions answered for this exercise yet.")),)
    else:
        lines = (_text(_("Questions people ask"), Style.BOLD),)
    buttons = tuple(
        (Button(_shorten(entry.question), ShowFaq(exercise_id, index)),)
        for index, entry in enumerate(exercise.faq)
    )
    back = Button("← " + _("Back"), ShowSection(exercise_id))
    return on_site(
        Reply((header(exercise, lang), Part(lines)), (*buttons, (back,))), exercise, site, _
    )


def faq_entry(
    exercise: Exercise, exercise_id: str, index: int, lang: str, site: Website | None = None
) -> Reply | None:
    """One FAQ answer of an exercise, or None when there is no such entry."""
    if not 0 <= index < len(exercise.faq):
        return None
    _ = translator(lang)
    entry = exercise.faq[index]
    part = Part((_text(entry.question, Style.BOLD), _text(entry.answer)))
    buttons = (
        (
            Button("← " + _("Questions"), ShowFaqs(exercise_id)),
            Button(exercise.title, ShowSection(exercise_id)),
        ),
    )
    return on_site(Reply((header(exercise, lang), part), buttons), exercise, site, _)


def favourites_list(saved: Sequence[tuple[str, Exercise | None]], lang: str) -> Reply:
    """A user's favourites, oldest first; ones no longer in the library say so."""
    _ = translator(lang)
    if not saved:
        return notice(_("No favourites yet. Tap ☆ Save on any exercise to keep it here."))
    choices: list[Choice] = []
    buttons: list[tuple[Button, ...]] = []
    for exercise_id, exercise in saved:
        if exercise is None:
            remove = SetSaved(exercise_id, saved=False)
            name = _("{name} (no longer available)", name=exercise_id)
            choices.append(Choice(name, remove, Style.ITALIC))
            buttons.append((Button("✕ " + _("Remove {name}", name=exercise_id), remove),))
        else:
            choices.append(Choice(exercise.title, ShowSection(exercise_id)))
            buttons.append((Button(exercise.title, ShowSection(exercise_id)),))
    heading = Part((_text(_("Your favourites"), Style.BOLD),))
    return Reply((heading,), tuple(buttons), tuple(choices), listed=True)


def forget_confirmation(lang: str) -> Reply:
    _ = translator(lang)
    lines = (
        _text(_("Delete everything stored about you?"), Style.BOLD),
        _text(_("Your favourites and settings will be gone for good.")),
    )
    choices = (
        Choice(_("Yes, delete everything"), Forget(confirmed=True)),
        Choice(_("Cancel"), Forget(confirmed=False)),
    )
    return Reply((Part(lines),), (tuple(Button(c.label, c.action) for c in choices),), choices)


def language_choice(current: str, languages: Sequence[str], lang: str) -> Reply:
    _ = translator(lang)
    lines = (_text(_("Choose your language:"), Style.BOLD),)
    choices = tuple(
        Choice(
            ("✓ " if code == current else "") + language(code).name
            if code == language(code).code
            else code,
            ChooseLanguage(code),
        )
        for code in languages
    )
    return Reply((Part(lines),), _one_per_row(choices), choices)


def notice(text: str) -> Reply:
    """A one-line reply."""
    return Reply((Part((_text(text),)),))


def _one_per_row(choices: Iterable[Choice]) -> tuple[tuple[Button, ...], ...]:
    return tuple((Button(c.label, c.action),) for c in choices)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
