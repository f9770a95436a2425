"""Typed, immutable models of the site's exercise pages."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

DEFAULT_LANG = "en"
_Model = TypeVar("_Model", bound=type[Any])


def _pickled_as_fields(cls: _Model) -> _Model:
    """Pickle as the class and its fields' values, unpickled by calling the class.

    A large library's pages read in a helper process come back pickled. A frozen dataclass with
    slots is otherwise restored by dataclasses' own `__setstate__`, which looks up the fields
    again for every object: half the time of the pages' return at 1 000 pages."""
    values = attrgetter(*(field.name for field in fields(cls)))

    def reduce(self: object) -> tuple[type[Any], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[assignment]  # an unbound method, set on the class
    return cls


class Difficulty(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Level(StrEnum):
    """Direction of a modification relative to the exercise as written."""

    EASIER = "easier"
    HARDER = "harder"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    ITEM = "item"
    HEADING = "heading"


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, list item or sub-heading of a body section, as plain text."""

    kind: BlockKind
    text: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Body:
    """The Markdown body split by `##` heading into the sections the bot knows."""

    overview: tuple[Block, ...] = ()
    benefits: tuple[Block, ...] = ()
    mistakes: tuple[Block, ...] = ()
    tips: tuple[Block, ...] = ()


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Modification:
    name: str
    level: Level
    description: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class FaqEntry:
    question: str
    answer: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str
    lang: str
    title: str
    description: str
    difficulty: Difficulty
    steps: tuple[str, ...]
    body: Body
    source: Path
    translation_key: str | None = None
    duration: int | None = None
    keywords: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    video_id: str | None = None
    modifications: tuple[Modification, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    author: str | None = None
    image: str | None = None
    # The page's path on the website inside its language's part of the site, as Hugo makes it
    # by default ("exercises/plank"); "" for a page made outside the loader.
    site_path: str = ""
    # The exercise's id: the slug of its default-language page, shared by its translations.
    # The Library sets it when it groups the pages; a page it has not seen has none ("").
    id: str = ""

    @property
    def video_url(self) -> str | None:
        if self.video_id is None:
            return None
        return f"https://www.youtube.com/watch?v={self.video_id}"

    def modifications_at(self, level: Level) -> tuple[Modification, ...]:
        return tuple(m for m in self.modifications if m.level is level)
