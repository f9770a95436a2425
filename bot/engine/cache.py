"""The loaded pages and the built index on disk, so a restart with the same content reads one
file instead of parsing every page and indexing it again.

One file per content folder, in the cache folder (Settings.index_cache: `.cache/` beside the
database unless configured; `off` turns it off). It is used only when its key matches: a
digest of every page file's path and bytes, the problems found while listing them, the
engine's own source code, the cache format and the versions of the libraries that shape an
index. Anything else (another key, a truncated or corrupt file, an unreadable folder) means
the content is loaded and indexed as without a cache, and the file is written again: a cache
never serves stale content and never stops the bot from starting.

The file holds plain values (strings, numbers, tuples, lists, dicts, sets) and the postings
as raw array bytes, in `marshal` form behind a header with the key and a digest of the rest:
no objects of our own are pickled, and a damaged file is recognised before it is read. Like
the content itself, the folder should be writable only by the bot's own user.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from bot.content import (
    Block,
    BlockKind,
    Body,
    Difficulty,
    Exercise,
    FaqEntry,
    Level,
    Library,
    LoadResult,
    Modification,
    Problem,
    Severity,
    collector,
    load_required,
)
from bot.content.files import discover_pages
from bot.engine.engine import AnswerEngine
from bot.engine.spelling import remember_word_lists, word_lists
from bot.languages import language

log = logging.getLogger(__name__)

FORMAT = 12  # bump when what is kept changes shape
MAGIC = b"pilates-bot index cache\n"
_DIGEST = 32
# Libraries whose behaviour is part of what the cache keeps (parsing, stemming, word lists).
_SHAPING = (
    "markdown-it-py",
    "PyYAML",
    "python-frontmatter",
    "snowballstemmer",
    "PyStemmer",
    "pyspellchecker",
)
_CODE = Path(__file__).resolve().parents[1]  # bot/: its source shapes every answer
_ARRAY = "\0array"


@dataclass(frozen=True, slots=True)
class Started:
    """The content as loaded and the engine that answers from it."""

    result: LoadResult
    engine: AnswerEngine
    from_cache: bool


def start_engine(
    content: Path, cache: Path | None, rng: random.Random | None = None, *, write: bool = True
) -> Started:
    """`load_required(content)` and an AnswerEngine over it, from `cache` when it holds this
    content (None: no cache). ContentError as load_required raises it."""
    if cache is None:
        result = load_required(content)
        return Started(result, AnswerEngine(result.library, rng), False)
    key = content_key(content)
    file = cache_file(cache, content)
    # Reading back a million sets, tuples and strings would otherwise run the cyclic garbage
    # collector hundreds of times over objects that are all alive.
    with collector.paused():
        started = _from_cache(file, key, rng)
    if started is not None:
        return started
    result = load_required(content)
    engine = AnswerEngine(result.library, rng)
    if write:
        try:
            payload = _payload(result, engine)
        except ValueError as exc:  # a value marshal cannot keep: a bug, not the user's problem
            log.warning("index cache not written: %s", exc)
        else:
            _write(file, key, payload)
    return Started(result, engine, False)


def _from_cache(file: Path, key: bytes, rng: random.Random | None) -> Started | None:
    kept = _read(file, key)
    if kept is None:
        return None
    try:
        result = LoadResult(_library(kept["pages"]), _problems(kept["problems"]))
        for lang, (real, common) in kept["words"].items():
            remember_word_lists(lang, real, common)
        states = {lang: _arrays_in(state) for lang, state in kept["indexes"].items()}
        if len(result.library):
            return Started(result, AnswerEngine(result.library, rng, states), True)
    except Exception as exc:  # a file that passed its digest but not our reading of it
        log.warning("index cache %s unusable (%s); indexing again", file, exc)
    return None


def write_cache(content: Path, cache: Path, started: LoadResult, engine: AnswerEngine) -> None:
    """Keep an engine already built from `content` (what start_engine does after a miss)."""
    _write(cache_file(cache, content), content_key(content), _payload(started, engine))


def cache_file(cache: Path, content: Path) -> Path:
    """The cache file of one content folder (several folders may share a cache folder)."""
    where = hashlib.blake2b(str(content.resolve()).encode(), digest_size=8).hexdigest()
    return cache / f"index-{where}.bin"


def content_key(content: Path) -> bytes:
    """What the cached index was built from: the page files byte for byte, the code, the
    cache format and the libraries' versions. Reading 1 000 pages to hash them takes a few
    milliseconds; parsing them takes seconds."""
    digest = hashlib.blake2b(digest_size=_DIGEST)
    digest.update(f"{FORMAT} {sys.version} numpy {np.__version__}".encode())
    for name in _SHAPING:
        try:
            digest.update(f" {name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f" {name} none".encode())
    for source in sorted(_CODE.rglob("*.py")):
        digest.update(str(source.relative_to(_CODE)).encode() + b"\0" + source.read_bytes())
    problems: list[Problem] = []
    for page in discover_pages(content, problems):
        digest.update(f"\0{page.path}\0{page.slug}\0{page.lang}\0{page.is_list_page}\0".encode())
        try:
            digest.update(page.path.read_bytes())
        except OSError as exc:  # the loader reports it; the key only has to differ
            digest.update(f"unreadable {exc}".encode())
    for problem in problems:
        digest.update(f"\0problem {problem}".encode())
    return digest.digest()


def _read(file: Path, key: bytes) -> dict[str, Any] | None:
    try:
        with file.open("rb") as stream:
            header = stream.read(len(MAGIC) + 2 * _DIGEST)
            if header[: len(MAGIC)] != MAGIC or header[len(MAGIC) : -_DIGEST] != key:
                return None  # another format or other content: built afresh and replaced
            payload = stream.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("index cache %s unreadable (%s); indexing the content", file, exc)
        return None
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != header[-_DIGEST:]:
        log.warning("index cache %s is damaged; indexing the content", file)
        return None
    try:
        kept = marshal.loads(payload)
    except (EOFError, ValueError, TypeError) as exc:
        log.warning("index cache %s unreadable (%s); indexing the content", file, exc)
        return None
    return kept if isinstance(kept, dict) else None


def _write(file: Path, key: bytes, payload: bytes) -> None:
    """Write the file whole or not at all: another process reading it meanwhile sees the old
    one or the new one (a temporary file renamed over it)."""
    temporary: str | None = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
        with tempfile.NamedTemporaryFile(dir=file.parent, prefix=".index-", delete=False) as out:
            temporary = out.name
            out.write(MAGIC + key + digest)
            out.write(payload)
        os.replace(temporary, file)
    except OSError as exc:
        log.warning("index cache %s not written (%s); the next start indexes again", file, exc)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _payload(result: LoadResult, engine: AnswerEngine) -> bytes:
    spelling = {language(lang).spelling for lang in engine.states()}
    return marshal.dumps(
        {
            "pages": [_page(page) for page in result.library.pages()],
            "problems": [
                (str(p.path), p.message, p.severity.value, p.line) for p in result.problems
            ],
            "words": {lang: word_lists(lang) for lang in spelling},
            "indexes": {lang: _arrays_out(state) for lang, state in engine.states().items()},
        }
    )


def _page(page: Exercise) -> tuple[Any, ...]:
    body = page.body
    return (
        page.slug,
        page.lang,
        page.title,
        page.description,
        page.difficulty.value,
        page.steps,
        tuple(
            tuple((block.kind.value, block.text) for block in blocks)
            for blocks in (body.overview, body.benefits, body.mistakes, body.tips)
        ),
        str(page.source),
        page.translation_key,
        page.duration,
        page.keywords,
        page.equipment,
        page.muscles,
        page.video_id,
        tuple((m.name, m.level.value, m.description) for m in page.modifications),
        tuple((f.question, f.answer) for f in page.faq),
        page.author,
        page.image,
        page.site_path,
        page.id,
    )


def _library(pages: list[tuple[Any, ...]]) -> Library:
    # Members by value: BlockKind("item") is an enum call, a dict look-up is not (180 000
    # blocks at 10 000 exercises).
    kinds = {kind.value: kind for kind in BlockKind}
    exercises = []
    for row in pages:
        (slug, lang, title, description, difficulty, steps, body, source, key, duration) = row[:10]
        (keywords, equipment, muscles, video_id, modifications, faq, author, image) = row[10:18]
        site_path, id_ = row[18:]
        exercises.append(
            Exercise(
                slug=slug,
                lang=lang,
                title=title,
                description=description,
                difficulty=Difficulty(difficulty),
                steps=steps,
                body=Body(
                    *(tuple([Block(kinds[kind], text) for kind, text in part]) for part in body)
                ),
                source=Path(source),
                translation_key=key,
                duration=duration,
                keywords=keywords,
                equipment=equipment,
                muscles=muscles,
                video_id=video_id,
                modifications=tuple(
                    [Modification(name, Level(level), text) for name, level, text in modifications]
                ),
                faq=tuple([FaqEntry(question, answer) for question, answer in faq]),
                author=author,
                image=image,
                site_path=site_path,
                id=id_,
            )
        )
    return Library(exercises)


def _problems(rows: list[tuple[str, str, str, int | None]]) -> tuple[Problem, ...]:
    return tuple(Problem(Path(path), text, Severity(kind), line) for path, text, kind, line in rows)


def _arrays_out(value: Any) -> Any:
    """Arrays as (marker, dtype, shape, bytes), found in the state's dicts and tuples (not in
    its long lists and large dicts, which hold none)."""
    if isinstance(value, np.ndarray):
        return (_ARRAY, value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, tuple):
        return tuple(_arrays_out(item) for item in value)
    if isinstance(value, dict) and len(value) <= 64:
        return {name: _arrays_out(item) for name, item in value.items()}
    return value


def _arrays_in(value: Any) -> Any:
    if isinstance(value, tuple):
        if len(value) == 4 and value[0] == _ARRAY:
            _, dtype, shape, data = value
            return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape)
        return tuple(_arrays_in(item) for item in value)
    if isinstance(value, dict) and len(value) <= 64:
        return {name: _arrays_in(item) for name, item in value.items()}
    return value
