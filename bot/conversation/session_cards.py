"""Sessions as the user sees them: the session card, one card per exercise while doing it (with
its countdown), the summary at the end, and "my sessions"."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Exercise
from bot.conversation.actions import (
    AnotherSession,
    MySessions,
    Practise,
    SaveSession,
    StartSession,
    Step,
)
from bot.conversation.i18n import N_, translator
from bot.conversation.reply import Button, Choice, Line, Part, Reply, Span, Style
from bot.engine.sessions import TRANSITION, Change, Session, duration

LEVEL_NAMES = {
    "beginner": N_("Beginner"),
    "intermediate": N_("Intermediate"),
    "advanced": N_("Advanced"),
}
CHANGES = {
    Change.FOCUS_WIDENED: N_(
        "There are not enough exercises for that focus: others fill the time."
    ),
    Change.FOCUS_DROPPED: N_("No exercise has that focus, so this session works the whole body."),
    Change.EQUIPMENT_DROPPED: N_("No exercise uses that equipment, so this is mat work."),
    Change.SHORTER: N_("The library has no more exercises that fit, so it is shorter than asked."),
    Change.CAPPED: N_("Sessions last at most 90 minutes."),
}


def clock(seconds: int) -> str:
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def _line(text: str, style: Style = Style.PLAIN) -> Line:
    return (Span(text, style),)


def session_card(session: Session, lang: str, *, saved: bool = False) -> Reply:
    """The exercises with their times, the total, and Start · Save · Another."""
    _ = translator(lang)
    request = session.request
    if not session.exercises:
        return Reply((Part((_line(_("No exercise fits that session. Try fewer filters.")),)),))
    minutes = round(session.seconds / 60)
    facts = [_("{minutes} min", minutes=minutes)]
    if request.filters.difficulty is not None:
        facts.append(_(LEVEL_NAMES[request.filters.difficulty.value]))
    if request.filters.muscle is not None:
        facts.append(_("focus: {focus}", focus=request.filters.muscle))
    lines: list[Line] = [
        _line(_("Your session"), Style.BOLD),
        _line(" · ".join(facts), Style.ITALIC),
        _line(""),
    ]
    lines.extend(
        _line(f"{number}. {exercise.title} · {clock(duration(exercise))}")
        for number, exercise in enumerate(session.exercises, 1)
    )
    lines.append(_line(""))
    lines.append(
        _line(
            _(
                "{count} exercises, {total} in all with {pause} s to change position between them.",
                count=len(session.exercises),
                total=clock(session.seconds),
                pause=TRANSITION,
            ),
            Style.ITALIC,
        )
    )
    for change in session.changes:
        lines.append(_line(_(CHANGES[change]), Style.ITALIC))
    ids = session.ids
    filters = request.filters
    start = Button("▶ " + _("Start"), StartSession(ids))
    save = Button("★ " + _("Saved") if saved else "☆ " + _("Save"), SaveSession(ids, not saved))
    another = Button(
        "🎲 " + _("Another"),
        AnotherSession(request.minutes, filters.difficulty, filters.equipment, filters.muscle),
    )
    return Reply((Part(tuple(lines)),), ((start,), (save, another)), _choices(start, save, another))


def _choices(*buttons: Button) -> tuple[Choice, ...]:
    """The buttons as choices, for a face that offers them by number (the terminal chat)."""
    return tuple(Choice(b.label, b.action) for b in buttons if b.action is not None)


def practice_card(
    exercise: Exercise,
    position: int,
    count: int,
    left: int,
    run: int,
    lang: str,
    *,
    paused: bool,
    next_up: Exercise | None,
) -> Reply:
    """One exercise of the session in progress: its steps, the time left, and the buttons."""
    _ = translator(lang)
    lines: list[Line] = [
        _line(_("Exercise {number} of {count}", number=position + 1, count=count), Style.ITALIC),
        _line(exercise.title, Style.BOLD),
        _line(""),
        *(_line(f"{n}. {step}") for n, step in enumerate(exercise.steps, 1)),
        _line(""),
    ]
    if paused:
        lines.append(_line("⏸ " + _("Paused, {left} left", left=clock(left)), Style.BOLD))
    else:
        lines.append(_line("⏱ " + _("{left} left", left=clock(left)), Style.BOLD))
    if next_up is not None:
        lines.append(_line(_("Next: {title}", title=next_up.title), Style.ITALIC))
    pause = (
        Button("▶ " + _("Resume"), Practise(run, Step.RESUME))
        if paused
        else Button("⏸ " + _("Pause"), Practise(run, Step.PAUSE))
    )
    skip = Button("⏭ " + _("Skip"), Practise(run, Step.SKIP))
    done = Button("✓ " + _("Done"), Practise(run, Step.DONE))
    stop = Button("■ " + _("Stop"), Practise(run, Step.STOP))
    return Reply(
        (Part(tuple(lines)),), ((pause, skip, done), (stop,)), _choices(pause, skip, done, stop)
    )


def summary(done: int, skipped: int, seconds: int, lang: str, *, stopped: bool) -> Reply:
    """The end of a session: how much was done and for how long."""
    _ = translator(lang)
    title = _("Session stopped.") if stopped else _("Session complete! 🎉")
    lines: list[Line] = [
        _line(title, Style.BOLD),
        _line(
            _(
                "{count} exercises done in {time}, {skipped} skipped.",
                count=done,
                time=clock(seconds),
                skipped=skipped,
            )
        ),
        _line(""),
        _line(_("See your streak and minutes with /progress."), Style.ITALIC),
    ]
    mine = Button(_("My sessions"), MySessions())
    return Reply((Part(tuple(lines)),), ((mine,),), _choices(mine))


def my_sessions(saved: Sequence[tuple[tuple[str, ...], list[Exercise]]], lang: str) -> Reply:
    """The sessions the user keeps: each with Start and Remove."""
    _ = translator(lang)
    if not saved:
        text = _('No saved sessions yet. Ask for one ("15 minute session") and tap ☆ Save.')
        return Reply((Part((_line(text),)),))
    lines: list[Line] = [_line(_("My sessions"), Style.BOLD)]
    buttons: list[tuple[Button, ...]] = []
    choices: list[Choice] = []
    for number, (ids, exercises) in enumerate(saved, 1):
        total = sum(duration(e) for e in exercises) + TRANSITION * max(0, len(exercises) - 1)
        names = ", ".join(e.title for e in exercises[:4]) + ("…" if len(exercises) > 4 else "")
        lines.append(_line(f"{number}. {clock(total)} · {names}"))
        start = StartSession(ids)
        choices.append(Choice(_("Start session {number}", number=number), start))
        buttons.append(
            (
                Button("▶ " + _("Start {number}", number=number), start),
                Button("✕ " + _("Remove {number}", number=number), SaveSession(ids, False)),
            )
        )
    return Reply((Part(tuple(lines)),), tuple(buttons), tuple(choices))
