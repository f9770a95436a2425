"""Reads a Hugo content tree into a Library, reporting every page it cannot trust."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from bot.content.library import Library
from bot.content.markup import parse_body
from bot.content.model import DEFAULT_LANG, Exercise
from bot.content.problems import Problem, Severity
from bot.content.schema import (
    Report,
    YamlPath,
    check_page_keys,
    describe_type,
    is_exercise_page,
    read_exercise,
)

MAX_PAGE_BYTES = 512 * 1024
# Front matter is a page's metadata: thousands of nodes means an alias bomb or garbage, not a page.
MAX_YAML_NODES = 20_000
_LANG = re.compile(r"[a-z]{2,3}(-[a-z]{2,4})?")
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


@dataclass(frozen=True, slots=True)
class PagePath:
    """Where a page file sits: its slug, its language and whether Hugo lists it as a page."""

    path: Path
    slug: str
    lang: str
    is_list_page: bool


def load_library(root: Path) -> LoadResult:
    """Every exercise page under `root`, and the problems of the pages that are not clean."""
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    slugs: dict[tuple[str, str], Path] = {}
    groups: dict[tuple[str, str], Path] = {}
    for page in discover_pages(root, problems):
        exercise = load_page(page, problems)
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
    problems.extend(check_translations(exercises))
    return LoadResult(library=Library(exercises), problems=tuple(problems))


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


def discover_pages(root: Path, problems: list[Problem]) -> Iterator[PagePath]:
    """Markdown pages under `root` with their slug and language, in a stable order.

    Languages come from a `name.LANG.md` suffix or a top-level `LANG/` folder (Hugo's two
    multilingual layouts). In a page bundle (a folder with `index.md`) only the index is a page.
    """
    if not root.is_dir():
        problems.append(Problem(root, "content folder not found"))
        return
    files = sorted(p for p in root.rglob("*.md") if p.is_file())
    bundles = {p.parent for p in files if p.name.split(".")[0] == "index"}
    for path in files:
        stem, _, suffix_lang = path.name[: -len(".md")].partition(".")
        if path.parent in bundles and stem != "index":
            continue  # a bundle's resource, not a page
        relative = path.relative_to(root).parts
        folder_lang = relative[0] if len(relative) > 1 and _LANG.fullmatch(relative[0]) else None
        if suffix_lang and not _LANG.fullmatch(suffix_lang):
            problems.append(Problem(path, f"`.{suffix_lang}` is not a language code"))
            continue
        if suffix_lang and folder_lang and suffix_lang != folder_lang:
            problems.append(
                Problem(path, f"suffix `.{suffix_lang}` disagrees with folder {folder_lang}/")
            )
            continue
        lang = suffix_lang or folder_lang or DEFAULT_LANG
        slug = path.parent.name if stem == "index" else stem
        yield PagePath(path=path, slug=slug, lang=lang, is_list_page=stem == "_index")


def load_page(page: PagePath, problems: list[Problem]) -> Exercise | None:
    """The exercise on one page, or None (with its problems reported) if it is not one."""
    path = page.path
    data = path.read_bytes()
    if len(data) > MAX_PAGE_BYTES:
        problems.append(Problem(path, f"page is larger than {MAX_PAGE_BYTES // 1024} KiB"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, f"not UTF-8 text (byte {exc.start})"))
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
            report.items.append((Severity.WARNING, f"{finding.description} is stripped", line))
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
                slug=page.slug, lang=page.lang, body=parsed.body, source=path, **_asdict(fields)
            )
    problems.extend(
        Problem(path, message, severity, line)
        for severity, message, line in sorted(report.items, key=lambda item: item[2] or 0)
    )
    return exercise if not report.has_errors else None


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
            if not _index_lines(node, (), lines, first_line, [MAX_YAML_NODES]):
                problems.append(Problem(path, "front matter is too large or nested too deeply"))
                return None, {}
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


def _index_lines(
    node: yaml.Node, path: YamlPath, lines: dict[YamlPath, int], first_line: int, budget: list[int]
) -> bool:
    """Record the file line of every key and list item; False when the node budget runs out."""
    budget[0] -= 1
    if budget[0] < 0 or len(path) > 20:
        return False
    lines[path] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.tag)
            lines[(*path, key)] = first_line + key_node.start_mark.line
            if not _index_lines(value_node, (*path, key), lines, first_line, budget):
                return False
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if not _index_lines(item, (*path, index), lines, first_line, budget):
                return False
    return True
