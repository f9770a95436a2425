"""Button actions <-> Telegram callback_data: at most 64 bytes, and nothing trusted on the way back.

The data names an action and an exercise, never a user: whoever presses a button acts on their
own favourites, so a forged or forwarded button cannot reach anyone else's data.
"""

from __future__ import annotations

import re
from typing import TypeVar

from bot.content import Difficulty, Level, RandomFilters, Section
from bot.content.vocabulary import FILTER_WORD, MAX_BOUND_SECONDS
from bot.reply import Action, ActionKind

MAX_BYTES = 64
VERSION = "1"

_SECTIONS = {
    Section.OVERVIEW: "o",
    Section.STEPS: "s",
    Section.TIPS: "t",
    Section.MODIFICATIONS: "m",
    Section.MISTAKES: "x",
    Section.BENEFITS: "b",
    Section.VIDEO: "v",
}
_LEVELS = {Level.EASIER: "e", Level.HARDER: "h"}
_KINDS = {
    ActionKind.SECTION: "s",
    ActionKind.FAQ_LIST: "f",
    ActionKind.FAQ: "q",
    ActionKind.SAVE: "v",
    ActionKind.RANDOM: "r",
    ActionKind.FORGET: "d",
    ActionKind.LANGUAGE: "l",
    ActionKind.EXAMPLE: "e",
}
_DIFFICULTIES = {Difficulty.BEGINNER: "b", Difficulty.INTERMEDIATE: "i", Difficulty.ADVANCED: "a"}
_ID = r"[a-z0-9][a-z0-9_-]{0,47}"
# Exactly what RandomFilters can hold, so every "Another" button decodes.
_WORD = f"(?:{FILTER_WORD.pattern})?"
_SECONDS = rf"\d{{0,{len(str(MAX_BOUND_SECONDS))}}}"
_PATTERNS = {
    "s": re.compile(rf"({_ID}):([{''.join(_SECTIONS.values())}]):([eh]?)"),
    "f": re.compile(rf"({_ID})"),
    "q": re.compile(rf"({_ID}):(\d{{1,2}})"),
    "v": re.compile(rf"({_ID}):([{''.join(_SECTIONS.values())}]):([eh]?)"),
    "r": re.compile(rf"([bia]?):({_WORD}):({_WORD}):({_SECONDS})"),
    "d": re.compile(r"(yes|no)"),
    "l": re.compile(r"([a-z]{2,3})"),
    "e": re.compile(r"(\d)"),
}


class InvalidCallbackData(ValueError):
    """Button data we did not make (forged, from an older version, or damaged)."""


K = TypeVar("K")
V = TypeVar("V")


def _reverse(mapping: dict[K, V]) -> dict[V, K]:
    return {value: key for key, value in mapping.items()}


def encode(action: Action) -> str:
    kind = _KINDS[action.kind]
    if action.kind in (ActionKind.SECTION, ActionKind.SAVE):
        section = _SECTIONS[action.section or Section.OVERVIEW]
        level = _LEVELS[action.level] if action.level else ""
        body = f"{action.exercise_id}:{section}:{level}"
    elif action.kind is ActionKind.FAQ:
        body = f"{action.exercise_id}:{action.index}"
    elif action.kind is ActionKind.RANDOM:
        f = action.filters
        difficulty = _DIFFICULTIES[f.difficulty] if f.difficulty else ""
        seconds = "" if f.max_seconds is None else str(f.max_seconds)
        body = f"{difficulty}:{f.equipment or ''}:{f.muscle or ''}:{seconds}"
    elif action.kind is ActionKind.FORGET:
        body = "yes" if action.index else "no"
    elif action.kind is ActionKind.LANGUAGE:
        body = action.value
    elif action.kind is ActionKind.EXAMPLE:
        body = str(action.index)
    else:  # FAQ_LIST
        body = action.exercise_id
    data = f"{VERSION}{kind}{body}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str) -> Action:
    """The action a button stands for; InvalidCallbackData for anything we did not encode."""
    if not data or len(data.encode()) > MAX_BYTES or data[0] != VERSION or len(data) < 2:
        raise InvalidCallbackData(data)
    kind, body = data[1], data[2:]
    pattern = _PATTERNS.get(kind)
    match = pattern.fullmatch(body) if pattern else None
    if match is None:
        raise InvalidCallbackData(data)
    groups = match.groups()
    action_kind = _reverse(_KINDS)[kind]
    if action_kind in (ActionKind.SECTION, ActionKind.SAVE):
        section = _reverse(_SECTIONS)[groups[1]]
        level = _reverse(_LEVELS)[groups[2]] if groups[2] else None
        return Action(action_kind, groups[0], section, level)
    if action_kind is ActionKind.FAQ:
        return Action(action_kind, groups[0], index=int(groups[1]))
    if action_kind is ActionKind.RANDOM:
        difficulty = _reverse(_DIFFICULTIES)[groups[0]] if groups[0] else None
        seconds = int(groups[3]) if groups[3] else None
        filters = RandomFilters(difficulty, groups[1] or None, groups[2] or None, seconds)
        return Action(action_kind, filters=filters)
    if action_kind is ActionKind.FORGET:
        return Action(action_kind, index=int(groups[0] == "yes"))
    if action_kind is ActionKind.LANGUAGE:
        return Action(action_kind, value=groups[0])
    if action_kind is ActionKind.EXAMPLE:
        return Action(action_kind, index=int(groups[0]))
    return Action(action_kind, groups[0])  # FAQ_LIST
