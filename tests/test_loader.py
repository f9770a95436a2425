from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.content import BlockKind, Difficulty, Level, Severity, load_library
from tests.conftest import FIXTURES, SHARED_EXAMPLES, watch_helper_starts


def test_good_tree_loads_bundles_suffixes_and_language_folders() -> None:
    result = load_library(FIXTURES / "good")
    assert [str(p) for p in result.errors] == []
    library = result.library
    assert sorted(library.ids) == ["raw-html", "roll-up", "the-hundred"]
    hundred = library.get("the-hundred")
    assert hundred is not None and hundred.title == "The Hundred"
    assert hundred.source.name == "index.md"
    assert library.get("the-hundred", "es").title == "El Cien"  # type: ignore[union-attr]
    assert library.get("el-cien") is not None  # a translated file name still finds the group
    assert library.get("roll-up", "es").title == "Enrollamiento"  # type: ignore[union-attr]
    assert library.get("roll-up", "fr").lang == "en"  # type: ignore[union-attr]
    assert library.languages == {"en", "es"}


def test_page_fields_are_typed_and_sections_parsed_by_heading() -> None:
    exercise = load_library(FIXTURES / "good").library.get("roll-up")
    assert exercise is not None
    assert exercise.difficulty is Difficulty.BEGINNER
    assert exercise.duration == 45
    assert exercise.steps[0] == "Lie on your back"
    assert [m.level for m in exercise.modifications] == [Level.EASIER, Level.HARDER]
    assert exercise.faq[0].question == "Does Roll Up hurt?"
    assert exercise.body.overview[0].text == "Intro to Roll Up."
    assert exercise.body.benefits[0].kind is BlockKind.ITEM
    assert exercise.body.benefits[0].text == "Strength: builds it"
    assert exercise.body.mistakes[0].text == "Rushing - slow down"
    assert exercise.body.tips[0].text == "Breathe"


def test_spanish_section_headings_are_recognised() -> None:
    page = load_library(FIXTURES / "good").library.get("roll-up", "es")
    assert page is not None
    assert page.body.benefits and page.body.mistakes and page.body.tips


def test_list_pages_articles_and_bundle_resources_are_skipped_silently() -> None:
    result = load_library(FIXTURES / "good")
    reported = {p.path.name for p in result.problems}
    assert reported == {"raw-html.md"}  # only the raw-HTML warning
    assert "_index" not in result.library and "about" not in result.library
    assert "notes" not in result.library


def test_raw_html_is_a_warning_and_never_reaches_the_text() -> None:
    result = load_library(FIXTURES / "good")
    [warning] = result.warnings
    assert warning.severity is Severity.WARNING and "raw HTML" in warning.message
    exercise = result.library.get("raw-html")
    assert exercise is not None
    assert exercise.body.overview[0].text == "Intro with emphasis and bold."


# Each bad fixture and a fragment of the problem it must produce (with a line where YAML has one).
BAD_CASES = {
    "broken-yaml.md": ("broken YAML", 8),
    "missing-fields.md": ("missing required field `title`", None),
    "wrong-types.md": ("`duration` must be a whole number of seconds, got text", 7),
    "steps-as-text.md": ("`steps` must be a list of text, got text", 6),
    "unknown-key.md": ("unknown key `mitle` (did you mean `title`?)", 26),
    "hash-title.md": ("title looks like a hash", 3),
    "script.md": ("active content: <script> tag", 28),
    "iframe.md": ("active content: <iframe> tag", 28),
    "onclick.md": ("onerror= event handler", 28),
    "js-link.md": ("javascript: link", 28),
    "article-with-script.md": ("active content: <script> tag", 6),
    "bad-entries.md": ("`modifications[2].level` must be one of easier, harder", 21),
    "bad-video.md": ("11-character YouTube id", 26),
    "unclosed.md": ("front matter is not closed", 1),
    "not-a-mapping.md": ("front matter must be a mapping", None),
}


@pytest.mark.parametrize(("name", "expected"), sorted(BAD_CASES.items()))
def test_each_bad_page_is_reported_with_path_and_line(
    name: str, expected: tuple[str, int | None], tmp_path: Path
) -> None:
    fragment, line = expected
    shutil.copy(FIXTURES / "bad" / name, tmp_path / name)
    shutil.copy(FIXTURES / "good" / "exercises" / "roll-up.md", tmp_path / "roll-up.md")
    result = load_library(tmp_path)
    matching = [p for p in result.problems if fragment in p.message]
    assert matching, [str(p) for p in result.problems]
    assert matching[0].path == tmp_path / name
    assert matching[0].line == line
    assert "roll-up" in result.library  # every other page still loads
    loads = matching[0].severity is Severity.WARNING
    assert (name.removesuffix(".md") in result.library) is loads


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in (FIXTURES / "bad").glob("*.md")} == set(BAD_CASES)


def test_wrong_types_reports_every_field_not_just_the_first() -> None:
    result = load_library(FIXTURES / "bad")
    messages = [p.message for p in result.problems if p.path.name == "wrong-types.md"]
    assert any("`keywords` must be a list" in m for m in messages)
    assert any("`duration` must be" in m for m in messages)


def test_unknown_key_alone_is_a_warning_and_the_page_loads(tmp_path: Path) -> None:
    text = (FIXTURES / "good" / "exercises" / "roll-up.md").read_text()
    (tmp_path / "roll-up.md").write_text(text.replace("author", "autor", 1), encoding="utf-8")
    (tmp_path / "roll-down.md").write_text(
        text.replace("---\n", '---\nmitle: "x"\n', 1).replace("-roll-up", "-roll-down"),
        encoding="utf-8",
    )
    result = load_library(tmp_path)
    assert not result.errors
    assert "roll-down" in result.library


def test_duplicate_slug_is_an_error(tmp_path: Path) -> None:
    page = (FIXTURES / "good" / "exercises" / "roll-up.md").read_text()
    (tmp_path / "roll-up").mkdir()
    (tmp_path / "roll-up" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "roll-up.md").write_text(page, encoding="utf-8")
    result = load_library(tmp_path)
    assert any("duplicate exercise `roll-up`" in p.message for p in result.errors)
    assert len(result.library) == 1


def test_two_pages_sharing_a_translation_key_in_one_language_is_an_error(tmp_path: Path) -> None:
    page = (FIXTURES / "good" / "exercises" / "roll-up.md").read_text()
    (tmp_path / "roll-up.md").write_text(page, encoding="utf-8")
    (tmp_path / "roll-down.md").write_text(page, encoding="utf-8")
    result = load_library(tmp_path)
    assert any(
        "translationKey `exercise-roll-up` is already used" in p.message for p in result.errors
    )
    assert len(result.library) == 1


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        levels.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [*{prev}, *{prev}, *{prev}]")
    (tmp_path / "bomb.md").write_text("---\n" + "\n".join(levels) + "\n---\n", encoding="utf-8")
    result = load_library(tmp_path)
    assert any("too large" in p.message for p in result.errors)


def test_shared_examples_load_the_real_page_and_report_the_spun_article() -> None:
    result = load_library(SHARED_EXAMPLES)
    assert result.library.ids == ("inner-thigh-lifts",)
    spun = [str(p) for p in result.problems if p.path.name == "untrusted-spun-article.md"]
    assert any("title looks like a hash" in p for p in spun)
    assert any("did you mean `title`?" in p for p in spun)
    assert any("<script> tag" in p for p in spun)
    assert any("warning: raw HTML (<em>, <h3>) is stripped" in p for p in spun)
    assert any("external URL" in p for p in spun)


def test_translations_must_have_an_english_page_and_agree_with_it() -> None:
    result = load_library(FIXTURES / "translations")
    messages = sorted(f"{p.path.name}: {p.message}" for p in result.problems)
    assert messages == [
        "huerfano.md: translation `exercise-huerfano` has no en page with that translationKey",
        "roll-up.es.md: `difficulty` is advanced here but beginner in roll-up.md",
        "roll-up.es.md: `duration` is 60 here but 45 in roll-up.md",
    ]
    assert all(p.severity is Severity.WARNING for p in result.problems)
    assert result.library.get("roll-up", "es").title == "Enrollamiento"  # type: ignore[union-attr]


def test_pages_read_in_a_helper_process_load_the_same_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From PARALLEL_PAGES pages on, half are read in a forked helper: the same pages, the
    same problems in the same order."""
    import threading

    from bot.content import loader

    tree = Path(__file__).resolve().parents[1] / "content"
    monkeypatch.setattr(loader, "PARALLEL_PAGES", 10**9)
    alone = loader.load_library(tree)
    bad = FIXTURES / "bad"
    alone_bad = loader.load_library(bad)
    monkeypatch.setattr(loader, "PARALLEL_PAGES", 2)
    helped = watch_helper_starts(monkeypatch)
    together = loader.load_library(tree)
    assert together.library.pages() == alone.library.pages()
    assert together.problems == alone.problems
    together_bad = loader.load_library(bad)
    assert together_bad.problems == alone_bad.problems
    assert helped == [threading.active_count() == 1] * 2  # forked unless threads are about


def test_no_helper_process_while_the_cores_are_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.content import helper_process

    monkeypatch.setattr(os, "getloadavg", lambda: (6.0, 6.0, 6.0))
    assert not helper_process.core_free()
    assert helper_process.start(lambda: 1) is None


_HELPED: dict[str, object] = {}  # the test process's id and the real _load_chunk


def _dying_chunk(pages: list[object]) -> object:
    """The loader's _load_chunk, except that in a helper process it dies at once."""
    if os.getpid() != _HELPED["parent"]:
        os._exit(1)
    return _HELPED["real"](pages)  # type: ignore[operator]


def test_pages_of_a_helper_that_dies_are_read_in_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.content import loader

    tree = Path(__file__).resolve().parents[1] / "content"
    alone = loader.load_library(tree)
    monkeypatch.setitem(_HELPED, "parent", os.getpid())
    monkeypatch.setitem(_HELPED, "real", loader._load_chunk)
    monkeypatch.setattr(loader, "PARALLEL_PAGES", 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(loader, "_load_chunk", _dying_chunk)
    again = loader.load_library(tree)
    assert again.library.pages() == alone.library.pages()
    assert again.problems == alone.problems


def test_pages_pickle_as_their_fields_and_come_back_equal() -> None:
    """A helper process hands its pages back pickled (bot/content/model.py pickles each model
    as its fields): every page, body block, modification and FAQ entry comes back equal."""
    import pickle

    pages = load_library(Path(__file__).resolve().parents[1] / "content").library.pages()
    again = pickle.loads(pickle.dumps(pages, pickle.HIGHEST_PROTOCOL))
    assert again == pages
    assert [repr(page) for page in again] == [repr(page) for page in pages]


@pytest.mark.parametrize("reported", [0, 10, 1000])
def test_a_page_longer_than_its_size_said_is_read_whole_and_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported: int
) -> None:
    """The read is sized by the file's stat; a file longer than that (growing, or /proc-like
    files that report no size) is read on, to the same bound."""

    from bot.content import files

    page = tmp_path / "page.md"
    text = "---\ntitle: x\n---\n" + "words " * 500
    page.write_text(text, encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (files.MAX_PAGE_BYTES + 10))
    real_fstat = os.fstat

    class Stat:
        def __init__(self, found: os.stat_result) -> None:
            self.st_mode = found.st_mode
            self.st_size = reported

    monkeypatch.setattr(files.os, "fstat", lambda fd: Stat(real_fstat(fd)))
    assert files.read_page(page, []) == text
    problems: list[files.Problem] = []
    assert files.read_page(big, problems) is None
    assert [p.message for p in problems] == [files._TOO_LARGE]
