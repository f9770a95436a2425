"""Finding a content tree's pages and reading them without trusting the file system."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.content.model import DEFAULT_LANG
from bot.content.problems import Problem, Severity

MAX_PAGE_BYTES = 512 * 1024
_TOO_LARGE = f"page is larger than {MAX_PAGE_BYTES // 1024} KiB"
_WARN = Severity.WARNING
_LANG = re.compile(r"[a-z]{2,3}(-[a-z]{2,4})?")


@dataclass(frozen=True, slots=True)
class PagePath:
    """Where a page file sits: its slug, its language and whether Hugo lists it as a page.

    `site_dirs`: the folders Hugo puts in the page's URL before its slug, as in the tree
    without the language folder (`content/es/exercises/plank.md`: ("exercises",)).
    """

    path: Path
    slug: str
    lang: str
    is_list_page: bool
    site_dirs: tuple[str, ...] = ()


def discover_pages(root: Path, problems: list[Problem]) -> Iterator[PagePath]:
    """Markdown pages under `root` with their slug and language, in a stable order.

    Languages come from a `name.LANG.md` suffix or a top-level `LANG/` folder (Hugo's two
    multilingual layouts). In a page bundle (a folder with `index.md`) only the index is a page.
    A symlink that leads out of the tree is skipped with a warning: the tree is what authors
    publish, and a link out could read any file the bot can (`/proc/self/mem`, secrets).
    """
    if not root.is_dir():
        problems.append(Problem(root, "content folder not found"))
        return
    # Sorted as Path sorts them (by parts), with each key made once: 10 000 pages would
    # otherwise cost 120 000 Path comparisons.
    files = sorted(_markdown_files(root, problems), key=lambda p: p.parts)
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
        # Hugo's default URL is the page's path in its language's tree: the folders, then the
        # slug (a bundle's folder is its slug, so it is not a folder of the URL too).
        dirs = relative[1 if folder_lang else 0 : -2 if stem == "index" else -1]
        yield PagePath(
            path=path, slug=slug, lang=lang, is_list_page=stem == "_index", site_dirs=dirs
        )


def _markdown_files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """Every `.md` file in the tree; links out of it are reported and left out."""
    inside = root.resolve()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        problems.append(Problem(where, f"cannot read the folder: {error.strerror or error}"))

    # os.walk does not follow symlinked folders; the ones that lead out are reported below.
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        for name in sorted(dirs):
            path = Path(folder, name)
            if path.is_symlink() and not _within(path, inside):
                problems.append(
                    Problem(path, "symlinked folder leads outside the content tree; skipped", _WARN)
                )
        for name in names:
            if not name.endswith(".md"):
                continue
            path = Path(folder, name)
            if path.is_symlink() and not _within(path, inside):
                problems.append(
                    Problem(path, "symlink leads outside the content tree; skipped", _WARN)
                )
            elif path.is_file():  # not a folder, a FIFO or a broken link named *.md
                yield path


def _within(link: Path, inside: Path) -> bool:
    try:
        return link.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def read_page(path: Path, problems: list[Problem]) -> str | None:
    """The page's text, or None with the reason reported. The size is checked before reading
    (a 3 GB sparse file costs nothing) and the read is bounded anyway, since /proc-like files
    report no size."""
    try:
        # O_NONBLOCK: a FIFO swapped in after the walk must not hang the loader on open.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                problems.append(Problem(path, "not a regular file"))
                return None
            if info.st_size > MAX_PAGE_BYTES:
                problems.append(Problem(path, _TOO_LARGE))
                return None
            # A buffer of the file's size (and a byte more, to see that it grew): one of the
            # bound's size for every page took longer than the reading. A file longer than its
            # size said (growing, or /proc-like) is read on, to the same bound.
            wanted = min(info.st_size, MAX_PAGE_BYTES) + 1
            data = file.read(wanted)
            if len(data) == wanted <= MAX_PAGE_BYTES:
                data += file.read(MAX_PAGE_BYTES + 1 - wanted)
    except OSError as exc:
        problems.append(Problem(path, f"cannot read the page: {exc.strerror or exc}"))
        return None
    if len(data) > MAX_PAGE_BYTES:
        problems.append(Problem(path, _TOO_LARGE))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, f"not UTF-8 text (byte {exc.start})"))
        return None
