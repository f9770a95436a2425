"""Front matter: what each key must hold, checked with messages an author can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.content.markup import clean_text, is_active_url, plain_text
from bot.content.model import Difficulty, FaqEntry, Level, Modification
from bot.content.problems import Severity

YamlPath = tuple[str | int, ...]

SCHEMA_KEYS = frozenset(
    {
        "title",
        "translationKey",
        "description",
        "date",
        "lastmod",
        "keywords",
        "equipment",
        "muscles",
        "difficulty",
        "duration",
        "video_id",
        "steps",
        "modifications",
        "faq",
        "author",
        "image",
    }
)
# Hugo's own front matter keys: an article or list page may use them and that is not a mistake.
HUGO_KEYS = frozenset(
    {
        "aliases",
        "build",
        "cascade",
        "categories",
        "draft",
        "expiryDate",
        "headless",
        "isCJKLanguage",
        "layout",
        "linkTitle",
        "markup",
        "menu",
        "menus",
        "outputs",
        "params",
        "publishDate",
        "resources",
        "series",
        "sitemap",
        "slug",
        "summary",
        "tags",
        "type",
        "url",
        "weight",
    }
)
KNOWN_KEYS = SCHEMA_KEYS | HUGO_KEYS
REQUIRED_KEYS = ("title", "description", "difficulty", "steps")
# Keys only an exercise has: with any of them but no steps, a page is a broken exercise.
EXERCISE_ONLY_KEYS = frozenset(
    {"steps", "difficulty", "modifications", "faq", "video_id", "duration", "muscles"}
)
E = TypeVar("E", Difficulty, Level)
T = TypeVar("T")
_HASH_LIKE = re.compile(r"[0-9a-fA-F]{16,}|[A-Za-z0-9+/=_-]{32,}")
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_ENTRY_KEYS: dict[str, frozenset[str]] = {
    "modifications": frozenset({"name", "level", "description"}),
    "faq": frozenset({"q", "a"}),
}


@dataclass(slots=True)
class Report:
    """Collects one page's problems, placing each on the line YAML gives for its key."""

    lines: Mapping[YamlPath, int]
    items: list[tuple[Severity, str, int | None]] = field(default_factory=list)

    def line_of(self, path: YamlPath) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def error(self, message: str, path: YamlPath = ()) -> None:
        self.items.append((Severity.ERROR, message, self.line_of(path)))

    def warning(self, message: str, path: YamlPath = ()) -> None:
        self.items.append((Severity.WARNING, message, self.line_of(path)))

    @property
    def has_errors(self) -> bool:
        return any(severity is Severity.ERROR for severity, _, _ in self.items)


def is_exercise_page(meta: Mapping[str, Any]) -> bool:
    return not EXERCISE_ONLY_KEYS.isdisjoint(meta)


def describe_type(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def check_page_keys(meta: Mapping[str, Any], report: Report) -> None:
    """Checks every page gets, exercise or not: unknown keys, hash titles, HTML in values."""
    for key, value in meta.items():
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.6)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            report.warning(f"unknown key `{key}`{hint}; it is ignored", (key,))
        _check_strings(value, (key,), report)
    title = meta.get("title")
    if isinstance(title, str) and _HASH_LIKE.fullmatch(title.strip()):
        report.error(f"title looks like a hash, not a name: {title.strip()!r}", ("title",))
    image = meta.get("image")
    if isinstance(image, str) and image.startswith(("http://", "https://", "//")):
        report.warning("`image` is an external URL; use a site-relative path", ("image",))


def _check_strings(value: object, path: YamlPath, report: Report) -> None:
    if isinstance(value, str):
        # Only a value with "<" can hold HTML (clean_text finds nothing in any other).
        for finding in clean_text(value).findings if "<" in value else ():
            if finding.active:
                report.error(f"active content in `{path[0]}`: {finding.description}", path)
            else:
                report.warning(f"{finding.description} in `{path[0]}` {finding.outcome}", path)
        if is_active_url(value):
            report.error(f"active content in `{path[0]}`: {value.split(':', 1)[0]}: URL", path)
    elif isinstance(value, dict):
        for key, item in value.items():
            # Text with no "<" (no HTML) and no ":" (no URL scheme) has nothing to report:
            # most values, skipped without a call.
            if type(item) is not str or "<" in item or ":" in item:
                _check_strings(item, (*path, str(key)), report)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if type(item) is not str or "<" in item or ":" in item:  # as above
                _check_strings(item, (*path, index), report)


@dataclass(frozen=True, slots=True)
class ExerciseFields:
    title: str
    description: str
    difficulty: Difficulty
    steps: tuple[str, ...]
    translation_key: str | None
    duration: int | None
    keywords: tuple[str, ...]
    equipment: tuple[str, ...]
    muscles: tuple[str, ...]
    video_id: str | None
    modifications: tuple[Modification, ...]
    faq: tuple[FaqEntry, ...]
    author: str | None
    image: str | None


def read_exercise(meta: Mapping[str, Any], report: Report) -> ExerciseFields | None:
    """The exercise a page's front matter describes, or None with the reasons in `report`."""
    for key in REQUIRED_KEYS:
        if key not in meta:
            report.error(f"missing required field `{key}`")
    text = _Reader(meta, report)
    title = text.string("title", required=True)
    description = text.string("description", required=True)
    difficulty = text.choice("difficulty", Difficulty)
    steps = text.string_list("steps", required=True)
    fields = ExerciseFields(
        title=title or "",
        description=description or "",
        difficulty=difficulty or Difficulty.BEGINNER,
        steps=steps,
        translation_key=text.string("translationKey"),
        duration=text.seconds("duration"),
        keywords=text.string_list("keywords"),
        equipment=text.string_list("equipment"),
        muscles=text.string_list("muscles"),
        video_id=text.video_id("video_id"),
        modifications=text.entries("modifications", _modification),
        faq=text.entries("faq", _faq_entry),
        author=text.string("author"),
        image=text.string("image"),
    )
    text.date("date")
    text.date("lastmod")
    return None if report.has_errors else fields


class _Reader:
    """Typed access to front matter values; every wrong value becomes a reported problem."""

    def __init__(self, meta: Mapping[str, Any], report: Report) -> None:
        self._meta = meta
        self._report = report

    def string(self, key: str, *, required: bool = False) -> str | None:
        if key not in self._meta:
            return None
        return self._text(self._meta[key], (key,), key, required=required)

    def _text(self, value: object, path: YamlPath, name: str, *, required: bool) -> str | None:
        if not isinstance(value, str):
            if value is not None or required:
                self._report.error(f"`{name}` must be text, got {describe_type(value)}", path)
            return None
        cleaned = plain_text(value)
        if not cleaned and required:
            self._report.error(f"`{name}` is empty", path)
            return None
        return cleaned or None

    def string_list(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f' (write it as a list: ["{value}"])' if isinstance(value, str) else ""
            self._report.error(
                f"`{key}` must be a list of text, got {describe_type(value)}{hint}", (key,)
            )
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            cleaned = self._text(item, (key, index), f"{key}[{index + 1}]", required=True)
            if cleaned:
                items.append(cleaned)
        if required and not value:
            self._report.error(f"`{key}` is empty", (key,))
        return tuple(items)

    def choice(self, key: str, enum: type[E]) -> E | None:
        value = self._meta.get(key)
        if value is None:
            return None
        return self._choice(value, enum, (key,), key)

    def _choice(self, value: object, enum: type[E], path: YamlPath, name: str) -> E | None:
        if isinstance(value, str):
            try:
                return enum(value.strip().lower())
            except ValueError:
                pass
        allowed = ", ".join(member.value for member in enum)
        self._report.error(f"`{name}` must be one of {allowed}; got {value!r}", path)
        return None

    def seconds(self, key: str) -> int | None:
        value = self._meta.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._report.error(
                f"`{key}` must be a whole number of seconds, got {describe_type(value)} {value!r}",
                (key,),
            )
            return None
        if value <= 0:
            self._report.error(f"`{key}` must be a positive number of seconds", (key,))
            return None
        return value

    def video_id(self, key: str) -> str | None:
        value = self.string(key)
        if value is not None and not _YOUTUBE_ID.fullmatch(value):
            self._report.error(f"`{key}` must be an 11-character YouTube id, got {value!r}", (key,))
            return None
        return value

    def date(self, key: str) -> None:
        value = self._meta.get(key)
        if value is None or isinstance(value, dt.date):
            return
        if isinstance(value, str):
            try:
                dt.datetime.fromisoformat(value.strip())
                return
            except ValueError:
                pass
        self._report.error(f"`{key}` must be a date like 2024-01-15, got {value!r}", (key,))

    def entries(
        self, key: str, read: Callable[[_Reader, dict[str, Any], YamlPath], T | None]
    ) -> tuple[T, ...]:
        value = self._meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self._report.error(f"`{key}` must be a list, got {describe_type(value)}", (key,))
            return ()
        allowed = _ENTRY_KEYS[key]
        items: list[T] = []
        for index, entry in enumerate(value):
            path: YamlPath = (key, index)
            if not isinstance(entry, dict):
                self._report.error(
                    f"`{key}[{index + 1}]` must be a mapping with {', '.join(sorted(allowed))}",
                    path,
                )
                continue
            for extra in sorted(set(map(str, entry)) - allowed):
                self._report.warning(f"unknown key `{extra}` in `{key}[{index + 1}]`", path)
            item = read(self, entry, path)
            if item is not None:
                items.append(item)
        return tuple(items)

    def field(self, entry: dict[str, Any], path: YamlPath, name: str) -> str | None:
        value = entry.get(name)
        if isinstance(value, str):  # the usual case first: text, so nothing to report
            cleaned = plain_text(value)
            if cleaned:
                return cleaned
        where = f"{path[0]}[{int(path[1]) + 1}].{name}"
        if name not in entry:
            self._report.error(f"`{where}` is missing", path)
            return None
        return self._text(entry[name], (*path, name), where, required=True)

    def level(self, entry: dict[str, Any], path: YamlPath) -> Level | None:
        where = f"{path[0]}[{int(path[1]) + 1}].level"
        if "level" not in entry:
            self._report.error(f"`{where}` is missing", path)
            return None
        return self._choice(entry["level"], Level, (*path, "level"), where)


def _modification(reader: _Reader, entry: dict[str, Any], path: YamlPath) -> Modification | None:
    name = reader.field(entry, path, "name")
    level = reader.level(entry, path)
    description = reader.field(entry, path, "description")
    if name is None or level is None or description is None:
        return None
    return Modification(name=name, level=level, description=description)


def _faq_entry(reader: _Reader, entry: dict[str, Any], path: YamlPath) -> FaqEntry | None:
    question = reader.field(entry, path, "q")
    answer = reader.field(entry, path, "a")
    if question is None or answer is None:
        return None
    return FaqEntry(question=question, answer=answer)
