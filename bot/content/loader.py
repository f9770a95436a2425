"""Reads a Hugo content tree into a Library, reporting every page it cannot trust."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from bot.content import collector, helper_process
from bot.content.files import PagePath, discover_pages, read_page
from bot.content.library import Library
from bot.content.markup import parse_body
from bot.content.model import DEFAULT_LANG, Exercise
from bot.content.problems import Problem, Severity, printable
from bot.content.schema import (
    Report,
    YamlPath,
    check_page_keys,
    describe_type,
    is_exercise_page,
    read_exercise,
)

# Front matter is a page's metadata: thousands of nodes means an alias bomb or garbage, not a page.
MAX_YAML_NODES = 20_000
# Slugs travel in Telegram deep links (64 characters) and button data (64 bytes) with a prefix.
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,47}")
_YAML_HANDLER = YAMLHandler()
# libyaml's safe loader when PyYAML was built with it: the same safety, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class LoadResult:
    library: Library
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


class ContentError(Exception):
    """The content cannot serve anyone: its folder is missing, or no exercise in it is valid."""


def load_required(root: Path) -> LoadResult:
    """`load_library`, refusing a tree the bot could only answer "I don't know" from."""
    result = load_library(root)
    if not len(result.library):
        if not root.is_dir():
            raise ContentError(printable(f"content folder {root} not found"))
        hint = f" ({len(result.errors)} error(s); see `pilates-bot check {root}`)"
        raise ContentError(
            printable(f"no valid exercise page in {root}" + (hint if result.errors else ""))
        )
    return result


def load_library(root: Path) -> LoadResult:
    """Every exercise page under `root`, and the problems of the pages that are not clean."""
    with collector.paused():
        return _load_library(root)


def _load_library(root: Path) -> LoadResult:
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    slugs: dict[tuple[str, str], Path] = {}
    groups: dict[tuple[str, str], Path] = {}
    # The pages are listed first, then read (maybe in two processes); the listing's problems
    # are reported where they came up between the pages, as when each page was read in turn.
    listing: list[Problem] = []
    pages: list[PagePath] = []
    listed_before: list[int] = []
    for page in discover_pages(root, listing):
        listed_before.append(len(listing))
        pages.append(page)
    reported = 0
    for (page, (exercise, found)), listed in zip(_load_pages(pages), listed_before, strict=True):
        problems.extend(listing[reported:listed])
        reported = listed
        problems.extend(found)
        if exercise is None:
            continue
        slug_key = (exercise.slug, exercise.lang)
        group_key = (exercise.translation_key or exercise.slug, exercise.lang)
        if slug_key in slugs:
            problems.append(
                Problem(
                    page.path, f"duplicate exercise `{exercise.slug}`, also in {slugs[slug_key]}"
                )
            )
            continue
        if group_key in groups:
            problems.append(
                Problem(
                    page.path,
                    f"translationKey `{group_key[0]}` is already used by {groups[group_key]} "
                    f"in the same language",
                )
            )
            continue
        slugs[slug_key] = groups[group_key] = page.path
        exercises.append(exercise)
    problems.extend(listing[reported:])
    exercises = claim_ids(exercises, problems)
    if not exercises and root.is_dir():
        problems.append(Problem(root, "no valid exercise page in the content folder"))
    problems.extend(check_translations(exercises))
    return LoadResult(library=Library(exercises), problems=tuple(problems))


# From this many pages on, half of them are read in a second process: parsing is a few
# milliseconds a page, and a process costs some 50 ms to fork and to hand its pages back.
PARALLEL_PAGES = 400
_Loaded = tuple[Exercise | None, list[Problem]]


def _load_pages(pages: list[PagePath]) -> list[tuple[PagePath, _Loaded]]:
    """Each page with its exercise (or None) and its problems, in the order given."""
    cut = len(pages) // 2
    helper = (
        helper_process.start(partial(_load_chunk, pages[cut:]))
        if len(pages) >= PARALLEL_PAGES
        else None
    )
    if helper is None:
        return list(zip(pages, _load_chunk(pages), strict=True))
    try:
        loaded = _load_chunk(pages[:cut])
        later = helper.result()
    finally:
        helper.close()
    # A helper that died, or could not be forked, had its pages read here.
    loaded += later if later is not None else _load_chunk(pages[cut:])
    return list(zip(pages, loaded, strict=True))


def _load_chunk(pages: list[PagePath]) -> list[_Loaded]:
    loaded: list[_Loaded] = []
    for page in pages:
        problems: list[Problem] = []
        loaded.append((load_page(page, problems), problems))
    return loaded


def claim_ids(exercises: list[Exercise], problems: list[Problem]) -> list[Exercise]:
    """The pages whose ids are their own; a page claiming an id another exercise owns is an
    error naming both, and is left out.

    An exercise's id is its English page's slug; every translation's slug answers to it too
    (deep links, saved favourites and buttons all carry ids). So `es/teaser.md` carrying the
    Hundred's translationKey would make `teaser` mean The Hundred: refused.
    """
    groups: dict[str, dict[str, Exercise]] = {}
    for exercise in exercises:
        groups.setdefault(_group(exercise), {})[exercise.lang] = exercise
    primaries = {key: pages.get(DEFAULT_LANG) or pages[min(pages)] for key, pages in groups.items()}
    owners: dict[str, Exercise] = {}  # id or slug -> the page that claimed it first
    refused: set[Path] = set()
    # Exercise ids first (English pages before pages in other languages), then translations.
    claimants = sorted(
        exercises,
        key=lambda e: (primaries[_group(e)] is not e, e.lang != DEFAULT_LANG, str(e.source)),
    )
    for page in claimants:
        owner = owners.get(page.slug)
        if owner is None:
            owners[page.slug] = page
            continue
        if _group(owner) == _group(page):
            continue  # a translation with the English file name: the same exercise
        primary = primaries[_group(page)]
        joins = (
            f"translationKey `{page.translation_key}` makes it a translation of "
            f"`{primary.slug}` ({primary.source})"
            if primary is not page
            else f"it is its own exercise `{page.slug}`"
        )
        problems.append(
            Problem(
                page.source,
                f"slug `{page.slug}` already names the exercise "
                f"`{primaries[_group(owner)].slug}` ({owner.source}), but {joins}; "
                "rename the file or fix the translationKey",
            )
        )
        refused.add(page.source)
    return [e for e in exercises if e.source not in refused]


def _group(exercise: Exercise) -> str:
    return exercise.translation_key or exercise.slug


def check_translations(exercises: list[Exercise]) -> list[Problem]:
    """Translations must have an English page and agree with it on what is not words."""
    by_group: dict[str, dict[str, Exercise]] = {}
    for exercise in exercises:
        by_group.setdefault(exercise.translation_key or exercise.slug, {})[exercise.lang] = exercise
    problems: list[Problem] = []
    for key, pages in sorted(by_group.items()):
        original = pages.get(DEFAULT_LANG)
        for lang, page in sorted(pages.items()):
            if lang == DEFAULT_LANG:
                continue
            if original is None:
                problems.append(
                    Problem(
                        page.source,
                        f"translation `{key}` has no {DEFAULT_LANG} page with that translationKey",
                        Severity.WARNING,
                    )
                )
                continue
            for field in ("difficulty", "equipment", "duration"):
                ours, theirs = getattr(page, field), getattr(original, field)
                if ours != theirs:
                    problems.append(
                        Problem(
                            page.source,
                            f"`{field}` is {_shown(ours)} here but {_shown(theirs)} in "
                            f"{original.source.name}",
                            Severity.WARNING,
                        )
                    )
    return problems


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def load_page(page: PagePath, problems: list[Problem]) -> Exercise | None:
    """The exercise on one page, or None (with its problems reported) if it is not one."""
    path = page.path
    text = read_page(path, problems)
    if text is None:
        return None
    if not _YAML_HANDLER.detect(text):
        if text.lstrip().startswith("+++"):
            problems.append(Problem(path, "TOML front matter is not supported; use YAML (---)"))
        return None  # no front matter: not an exercise page
    try:
        front, body_text = _YAML_HANDLER.split(text)
    except ValueError:
        problems.append(Problem(path, "front matter is not closed by a `---` line", line=1))
        return None
    first_line = 2  # the YAML starts on the line after the opening ---
    body_line = first_line + front.count("\n") + 1
    meta, lines = _parse_yaml(path, front, first_line, problems)
    if meta is None:
        return None
    report = Report(lines)
    check_page_keys(meta, report)
    parsed = parse_body(body_text)
    for finding in parsed.findings:
        line = body_line + finding.line_offset
        if finding.active:
            report.items.append((Severity.ERROR, f"active content: {finding.description}", line))
        else:
            message = f"{finding.description} {finding.outcome}"
            report.items.append((Severity.WARNING, message, line))
    exercise = None
    if is_exercise_page(meta) and not page.is_list_page:
        if not _SLUG.fullmatch(page.slug):
            report.error(
                f"file name gives the slug {page.slug!r}; use lowercase letters, digits and "
                "hyphens, at most 48 characters"
            )
        fields = read_exercise(meta, report)
        if fields is not None and not report.has_errors:
            exercise = Exercise(
                slug=page.slug,
                lang=page.lang,
                body=parsed.body,
                source=path,
                site_path=site_path(page, meta.get("slug")),
                **_asdict(fields),
            )
    problems.extend(
        Problem(path, message, severity, line)
        for severity, message, line in sorted(report.items, key=lambda item: item[2] or 0)
    )
    return exercise if not report.has_errors else None


def site_path(page: PagePath, slug: object = None) -> str:
    """The page's path on the website, as Hugo builds it without a `permalinks` setting: its
    folders and its slug (front matter `slug` replaces the file's), lowercased, spaces as
    hyphens. Front matter `url` is not followed: Hugo's handling of it in other languages
    changed between versions."""
    last = slug.strip() if isinstance(slug, str) and slug.strip() else page.slug
    return "/".join((*page.site_dirs, last)).lower().replace(" ", "-")


def _asdict(fields: object) -> dict[str, Any]:
    return {name: getattr(fields, name) for name in fields.__slots__}  # type: ignore[attr-defined]


def _parse_yaml(
    path: Path, front: str, first_line: int, problems: list[Problem]
) -> tuple[dict[str, Any] | None, dict[YamlPath, int]]:
    """Safe-load the front matter, keeping the line of every key for the reports."""
    lines: dict[YamlPath, int] = {}
    try:
        loader = _SafeLoader(front)  # its reader already rejects control characters
        try:
            node = loader.get_single_node()
            if node is None:
                problems.append(Problem(path, "front matter is empty", line=first_line))
                return None, {}
            try:
                data = _walk(loader, node, (), lines, first_line, [MAX_YAML_NODES], set())
            except _TooLarge:
                problems.append(Problem(path, "front matter is too large or nested too deeply"))
                return None, {}
            if data is _NOT_PLAIN:
                data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else None
        problems.append(Problem(path, f"broken YAML: {exc.problem or exc.context}", line=line))
        return None, {}
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        problems.append(Problem(path, f"broken YAML: {exc}"))
        return None, {}
    if not isinstance(data, dict):
        problems.append(
            Problem(path, f"front matter must be a mapping of keys, got {describe_type(data)}")
        )
        return None, {}
    bad_keys = [key for key in data if not isinstance(key, str)]
    if bad_keys:
        problems.append(Problem(path, f"front matter key {bad_keys[0]!r} is not text"))
        return None, {}
    return data, lines


# Tags whose values the walk below makes itself (strings, lists, mappings) or with PyYAML's
# own constructor for the tag (scalars whose constructor is a plain function).
_YAML = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = f"{_YAML}str", f"{_YAML}seq", f"{_YAML}map"
_PLAIN_SCALARS = frozenset(f"{_YAML}{tag}" for tag in ("null", "bool", "int", "float", "timestamp"))
_NOT_PLAIN: Any = object()  # a value the walk leaves to PyYAML's construct_document


class _TooLarge(Exception):
    """The node budget ran out, or the nesting is too deep."""


def _walk(
    loader: Any,
    node: yaml.Node,
    path: YamlPath,
    lines: dict[YamlPath, int],
    first_line: int,
    budget: list[int],
    seen: set[int],
) -> Any:
    """Record the file line of every key and list item (raising _TooLarge when the node budget
    runs out) and, in the same pass, build the value `construct_document` would give.

    PyYAML's constructor fills every list and mapping through a generator and a second pass,
    and cost as much as parsing the YAML. Front matter of strings, numbers, dates, lists and
    mappings is built here instead; anything else gives _NOT_PLAIN, and the whole document is
    then left to construct_document, which gives what it always did, errors included: an alias
    (one shared object, maybe recursive), a merge key, another tag, a value its constructor
    refuses, a list or mapping as a key."""
    budget[0] -= 1
    if budget[0] < 0 or len(path) > 20:
        raise _TooLarge
    lines[path] = first_line + node.start_mark.line
    plain = id(node) not in seen  # seen before: an alias
    seen.add(id(node))
    kind, tag = type(node), node.tag
    if kind is yaml.MappingNode:
        plain = plain and tag == _MAP
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            is_scalar = isinstance(key_node, yaml.ScalarNode)
            key = key_node.value if is_scalar else str(key_node.tag)
            key_path = (*path, key)
            lines[key_path] = first_line + key_node.start_mark.line
            if (
                type(value_node) is yaml.ScalarNode
                and value_node.tag == _STR
                and id(value_node) not in seen
            ):
                # A string (a title, an answer): _walk's work for it, without a call.
                budget[0] -= 1
                if budget[0] < 0 or len(key_path) > 20:
                    raise _TooLarge
                lines[key_path] = first_line + value_node.start_mark.line
                seen.add(id(value_node))
                value = value_node.value
            else:
                value = _walk(loader, value_node, key_path, lines, first_line, budget, seen)
            if plain:
                if type(key_node) is yaml.ScalarNode and key_node.tag == _STR:
                    # _scalar's work for a string key, likewise.
                    made = _NOT_PLAIN if id(key_node) in seen else key_node.value
                    seen.add(id(key_node))
                else:
                    made = _scalar(loader, key_node, seen) if is_scalar else _NOT_PLAIN
                plain = made is not _NOT_PLAIN and value is not _NOT_PLAIN
                data[made] = value
        return data if plain else _NOT_PLAIN
    if kind is yaml.SequenceNode:
        items: list[Any] = []
        for index, item in enumerate(node.value):
            if type(item) is yaml.ScalarNode and item.tag == _STR and id(item) not in seen:
                # A list of strings (steps, keywords): _walk's work for each, without a call.
                budget[0] -= 1
                if budget[0] < 0 or len(path) > 19:
                    raise _TooLarge
                lines[(*path, index)] = first_line + item.start_mark.line
                seen.add(id(item))
                items.append(item.value)
            else:
                items.append(_walk(loader, item, (*path, index), lines, first_line, budget, seen))
        plain = plain and tag == _SEQ and all(item is not _NOT_PLAIN for item in items)
        return items if plain else _NOT_PLAIN
    return _scalar(loader, node, set()) if plain else _NOT_PLAIN


def _scalar(loader: Any, node: yaml.Node, seen: set[int]) -> Any:
    if id(node) in seen or type(node) is not yaml.ScalarNode:
        return _NOT_PLAIN
    seen.add(id(node))
    if node.tag == _STR:
        return node.value
    if node.tag not in _PLAIN_SCALARS:
        return _NOT_PLAIN
    try:
        return loader.yaml_constructors[node.tag](loader, node)
    except Exception:  # whatever it is, construct_document meets it too and reports it
        return _NOT_PLAIN
