"""Typed button actions and the one codec that turns them into Telegram callback_data and back.

One small class per action, its fields declared with how each travels (`Annotated[str, ID]`):

    class ShowSection(Action, prefix="s"):
        exercise_id: ExerciseId
        section: SectionCode = Section.OVERVIEW

`encode` writes `1` (the format version), the prefix and the fields joined by ":", and refuses
anything over 64 bytes (`ActionTooLong`: such an action is kept server-side, see
`Conversation.button_data`). `decode` refuses whatever it did not make: another version, an
unknown prefix, a field that does not match its pattern, more than 64 bytes.

The data names an action and an exercise, never a user: whoever presses a button acts on their
own favourites, so a forged or forwarded button cannot reach anyone else's data.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Generic, TypeVar, dataclass_transform, get_type_hints

from bot.content import Difficulty, Level, RandomFilters, Section
from bot.content.vocabulary import FILTER_WORD, MAX_BOUND_SECONDS

MAX_BYTES = 64  # Telegram's limit on callback_data
VERSION = "1"
SEPARATOR = ":"

T = TypeVar("T")


class InvalidCallbackData(ValueError):
    """Button data we did not make (forged, from an older version, or damaged)."""


class ActionTooLong(ValueError):
    """An action whose data would pass 64 bytes: it has to be kept server-side."""


# --- how one field travels -------------------------------------------------------------------


class FieldCodec(Generic[T]):
    """A field's text form: a pattern (no ":") and the two directions."""

    pattern: str

    def dump(self, value: T) -> str:
        raise NotImplementedError

    def load(self, text: str) -> T:
        raise NotImplementedError


class Text(FieldCodec[str]):
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = re.compile(pattern)

    def dump(self, value: str) -> str:
        if not self._compiled.fullmatch(value):
            raise ValueError(f"{value!r} does not match {self.pattern}")
        return value

    def load(self, text: str) -> str:
        return text


class Number(FieldCodec[int]):
    def __init__(self, digits: int) -> None:
        self.digits = digits
        self.pattern = rf"\d{{1,{digits}}}"

    def dump(self, value: int) -> str:
        text = str(value)
        if not value >= 0 or len(text) > self.digits:
            raise ValueError(f"{value} is not a number of at most {self.digits} digits")
        return text

    def load(self, text: str) -> int:
        return int(text)


class Letters(FieldCodec[T]):
    """A value from a fixed set, each written as its own short code."""

    def __init__(self, codes: Mapping[T, str]) -> None:
        self.codes = dict(codes)
        self.values = {code: value for value, code in self.codes.items()}
        self.pattern = "|".join(re.escape(c) for c in sorted(self.values, key=len, reverse=True))

    def dump(self, value: T) -> str:
        return self.codes[value]

    def load(self, text: str) -> T:
        return self.values[text]


class Optional(FieldCodec[T | None]):
    """Another codec's value, or nothing (written as the empty string)."""

    def __init__(self, inner: FieldCodec[T]) -> None:
        self.inner = inner
        self.pattern = f"(?:{inner.pattern})?"

    def dump(self, value: T | None) -> str:
        return "" if value is None else self.inner.dump(value)

    def load(self, text: str) -> T | None:
        return self.inner.load(text) if text else None


ID = Text(r"[a-z0-9][a-z0-9_-]{0,47}")
SECTIONS = Letters(
    {
        Section.OVERVIEW: "o",
        Section.STEPS: "s",
        Section.TIPS: "t",
        Section.MODIFICATIONS: "m",
        Section.MISTAKES: "x",
        Section.BENEFITS: "b",
        Section.VIDEO: "v",
    }
)
LEVELS = Optional(Letters({Level.EASIER: "e", Level.HARDER: "h"}))
DIFFICULTIES = Optional(
    Letters({Difficulty.BEGINNER: "b", Difficulty.INTERMEDIATE: "i", Difficulty.ADVANCED: "a"})
)
WORD = Optional(Text(FILTER_WORD.pattern))  # exactly what RandomFilters can hold
SECONDS = Optional(Number(len(str(MAX_BOUND_SECONDS))))
YES_NO = Letters({True: "yes", False: "no"})
FLAG = Letters({True: "1", False: "0"})


class Ids(FieldCodec[tuple[str, ...]]):
    """Exercise ids in order, joined by commas (a session: kept server-side past 64 bytes)."""

    pattern = rf"{ID.pattern}(?:,{ID.pattern}){{0,59}}"

    def dump(self, value: tuple[str, ...]) -> str:
        return ",".join(ID.dump(item) for item in value)

    def load(self, text: str) -> tuple[str, ...]:
        return tuple(text.split(","))


IDS = Ids()
MINUTES = Number(3)
RUN = Number(15)

ExerciseId = Annotated[str, ID]
SectionCode = Annotated[Section, SECTIONS]
LevelCode = Annotated[Level | None, LEVELS]


# --- actions ---------------------------------------------------------------------------------


_REGISTRY: dict[str, type[Action]] = {}


@dataclass_transform(frozen_default=True)
class Action:
    """A button's meaning; subclasses name a one-letter `prefix` and typed, annotated fields."""

    prefix: ClassVar[str]
    _fields: ClassVar[tuple[tuple[str, FieldCodec[Any]], ...]]
    _pattern: ClassVar[re.Pattern[str]]

    def __init_subclass__(cls, *, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not re.fullmatch(r"[A-Za-z]", prefix) or prefix in _REGISTRY:
            raise TypeError(f"{cls.__name__}: prefix {prefix!r} is not one free letter")
        dataclasses.dataclass(frozen=True)(cls)
        hints = get_type_hints(cls, include_extras=True)
        fields = []
        for field in dataclasses.fields(cls):  # type: ignore[arg-type]
            metadata = getattr(hints[field.name], "__metadata__", ())
            codecs = [m for m in metadata if isinstance(m, FieldCodec)]
            if len(codecs) != 1 or re.compile(codecs[0].pattern).groups:
                raise TypeError(
                    f"{cls.__name__}.{field.name}: annotate it with one FieldCodec (no groups)"
                )
            fields.append((field.name, codecs[0]))
        cls.prefix = prefix
        cls._fields = tuple(fields)
        cls._pattern = re.compile(SEPARATOR.join(f"({codec.pattern})" for _, codec in fields))
        _REGISTRY[prefix] = cls


def encode(action: Action, limit: int | None = MAX_BYTES) -> str:
    """The callback_data of `action`; ActionTooLong past `limit` bytes (None: no limit)."""
    body = SEPARATOR.join(codec.dump(getattr(action, name)) for name, codec in action._fields)
    data = f"{VERSION}{action.prefix}{body}"
    if limit is not None and len(data.encode()) > limit:
        raise ActionTooLong(f"callback data over {limit} bytes: {data!r}")
    return data


def decode(data: str, limit: int | None = MAX_BYTES) -> Action:
    """The action a button stands for; InvalidCallbackData for anything `encode` did not make."""
    too_long = limit is not None and len(data.encode()) > limit
    if too_long or len(data) < 2 or data[0] != VERSION or data[1] not in _REGISTRY:
        raise InvalidCallbackData(data)
    kind = _REGISTRY[data[1]]
    match = kind._pattern.fullmatch(data[2:])
    if match is None:
        raise InvalidCallbackData(data)
    texts = match.groups()
    return kind(
        **{name: codec.load(text) for (name, codec), text in zip(kind._fields, texts, strict=True)}
    )


# --- the bot's buttons (each handled where Conversation registers it with @handles) -----------


class ShowSection(Action, prefix="s"):
    """Show a part of an exercise's card (the overview by default)."""

    exercise_id: ExerciseId
    section: SectionCode = Section.OVERVIEW
    level: LevelCode = None


class SetSaved(Action, prefix="w"):
    """Save (or unsave) an exercise, redrawing the card at the part it shows.

    It says the state wanted, not "toggle": a press handled twice (tapped again before the card
    was redrawn, or delivered again after a worker died) leaves what the user asked for."""

    exercise_id: ExerciseId
    saved: Annotated[bool, FLAG] = True
    section: SectionCode = Section.OVERVIEW
    level: LevelCode = None


class ToggleSave(Action, prefix="v"):
    """The Save button of cards drawn before `SetSaved`: saves if not saved, else unsaves."""

    exercise_id: ExerciseId
    section: SectionCode = Section.OVERVIEW
    level: LevelCode = None


class ShowFaqs(Action, prefix="f"):
    """The questions people ask about an exercise."""

    exercise_id: ExerciseId


class ShowFaq(Action, prefix="q"):
    """One FAQ answer of an exercise, by its place in the list."""

    exercise_id: ExerciseId
    index: Annotated[int, Number(2)]


class Another(Action, prefix="r"):
    """Another random pick under the same filters."""

    difficulty: Annotated[Difficulty | None, DIFFICULTIES] = None
    equipment: Annotated[str | None, WORD] = None
    muscle: Annotated[str | None, WORD] = None
    max_seconds: Annotated[int | None, SECONDS] = None

    @classmethod
    def under(cls, filters: RandomFilters) -> Another:
        return cls(filters.difficulty, filters.equipment, filters.muscle, filters.max_seconds)

    @property
    def filters(self) -> RandomFilters:
        return RandomFilters(self.difficulty, self.equipment, self.muscle, self.max_seconds)


class Forget(Action, prefix="d"):
    """Delete everything stored about the user (confirmed), or keep it (cancelled)."""

    confirmed: Annotated[bool, YES_NO]


class ChooseLanguage(Action, prefix="l"):
    """Answer in this language from now on."""

    code: Annotated[str, Text(r"[a-z]{2,3}")]


class AskExample(Action, prefix="e"):
    """Ask the example question under this number (the buttons under /start and /help)."""

    index: Annotated[int, Number(1)]


class Kept(Action, prefix="k"):
    """An action too long for 64 bytes, kept server-side under a short key until it expires."""

    key: Annotated[str, Text(r"[A-Za-z0-9_-]{16}")]


class StartSession(Action, prefix="g"):
    """Start doing a session: its exercises in order."""

    exercises: Annotated[tuple[str, ...], IDS]


class SaveSession(Action, prefix="m"):
    """Keep a session in "my sessions" (or let it go), to do again."""

    exercises: Annotated[tuple[str, ...], IDS]
    saved: Annotated[bool, FLAG] = True


class AnotherSession(Action, prefix="n"):
    """Another session for the same request."""

    minutes: Annotated[int, MINUTES]
    difficulty: Annotated[Difficulty | None, DIFFICULTIES] = None
    equipment: Annotated[str | None, WORD] = None
    muscle: Annotated[str | None, WORD] = None

    @property
    def filters(self) -> RandomFilters:
        return RandomFilters(self.difficulty, self.equipment, self.muscle)


class Step(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    DONE = "done"
    STOP = "stop"


STEPS = Letters({Step.PAUSE: "p", Step.RESUME: "r", Step.SKIP: "s", Step.DONE: "d", Step.STOP: "x"})


class Practise(Action, prefix="p"):
    """A button of the session in progress. `run` names the run the card was drawn for: a
    press on an old card of an earlier run changes nothing."""

    run: Annotated[int, RUN]
    step: Annotated[Step, STEPS]


class MySessions(Action, prefix="y"):
    """The sessions the user saved."""


ZONE = Text(r"[A-Za-z][A-Za-z0-9_+/-]{0,39}")


class ChooseZone(Action, prefix="z"):
    """The user's time zone, chosen for a daily reminder at `minute` past midnight."""

    zone: Annotated[str, ZONE]
    minute: Annotated[int, Number(4)]


# --- feedback on answers (bot/conversation/feedback.py); capital prefixes, kept apart ---------

ENTRY = Number(16)  # an answer's id in the answer log (below 2**52)


class Rate(Action, prefix="H"):
    """ "Helpful?" 👍 or 👎 on answer `entry`."""

    entry: Annotated[int, ENTRY]
    helpful: Annotated[bool, FLAG]


class Choose(Action, prefix="C"):
    """A "did you mean" suggestion picked: show it, and learn that answer `entry`'s message
    was a way of naming this exercise."""

    entry: Annotated[int, ENTRY]
    exercise_id: ExerciseId


class SkipNote(Action, prefix="N"):
    """Not now: no note on what answer `entry` was missing."""

    entry: Annotated[int, ENTRY]
