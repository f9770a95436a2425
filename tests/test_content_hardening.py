"""Content cannot take the bot down or lie about ids (issue 11, point 5)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.content import Severity, load_library
from bot.faces.cli import main
from tests.conftest import CONTENT, ROOT

EXERCISES = CONTENT / "exercises"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A content tree with three real exercises, in English and Spanish."""
    root = tmp_path / "content"
    (root / "exercises").mkdir(parents=True)
    for name in ("plank", "teaser", "the-hundred"):
        for suffix in (".md", ".es.md"):
            shutil.copy(EXERCISES / f"{name}{suffix}", root / "exercises" / f"{name}{suffix}")
    return root


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load_library(root).problems]


def test_a_3_gb_sparse_page_is_refused_without_reading_it(tree: Path) -> None:
    sparse = tree / "exercises" / "huge.md"
    with sparse.open("wb") as file:
        file.truncate(3 * 1024**3)  # 3 GB that takes no disk
    # `check` runs with its address space capped at 1 GB (reading the page would fail), under
    # a parent of its own: RUSAGE_CHILDREN then is that one process's peak, not the largest of
    # every process this test run has started.
    measure = (
        "import resource, subprocess, sys\n"
        "limit = 1024**3\n"
        "child = subprocess.run([sys.executable, '-m', 'bot', 'check', sys.argv[1]],"
        " capture_output=True, text=True,"
        " preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))\n"
        "sys.stdout.write(child.stdout)\n"
        "sys.stderr.write(child.stderr)\n"
        "print('peak-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", measure, str(tree)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    peak_mb = int(child.stdout.rsplit("peak-kib ", 1)[1]) / 1024
    assert "Traceback" not in child.stderr, child.stderr
    assert f"{sparse}: error: page is larger than 512 KiB" in child.stdout
    assert "6 exercise page(s) loaded" in child.stdout
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB"
    print(f"check with a 3 GB sparse page: peak RSS {peak_mb:.0f} MB")


def test_a_symlink_out_of_the_tree_is_skipped_with_a_warning(tree: Path) -> None:
    (tree / "exercises" / "mem.md").symlink_to("/proc/self/mem")
    (tree / "exercises" / "passwd.md").symlink_to("/etc/passwd")
    (tree / "elsewhere").symlink_to(EXERCISES, target_is_directory=True)
    result = load_library(tree)
    warnings = {p.path.name: p.message for p in result.warnings}
    assert warnings["mem.md"] == "symlink leads outside the content tree; skipped"
    assert warnings["passwd.md"] == "symlink leads outside the content tree; skipped"
    assert "symlinked folder leads outside" in warnings["elsewhere"]
    assert not result.errors
    assert sorted(result.library.ids) == ["plank", "teaser", "the-hundred"]


def test_a_symlink_inside_the_tree_still_loads(tree: Path) -> None:
    (tree / "exercises" / "teaser.md").rename(tree / "teaser-source.txt")
    (tree / "exercises" / "teaser.md").symlink_to(tree / "teaser-source.txt")
    result = load_library(tree)
    assert not result.problems
    assert "teaser" in result.library


@pytest.fixture
def world_readable_tree() -> Iterator[Path]:
    """A tree another user can walk (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="pilates-content-"))
    folder.chmod(0o755)
    root = folder / "content"
    shutil.copytree(EXERCISES.parent, root, ignore=shutil.ignore_patterns("[!pt]*.md"))
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    try:
        yield root
    finally:
        shutil.rmtree(folder)


def test_an_unreadable_page_is_reported_and_the_others_load(world_readable_tree: Path) -> None:
    locked = world_readable_tree / "exercises" / "plank.md"
    locked.chmod(0o000)
    as_root = os.geteuid() == 0
    if as_root:
        os.seteuid(65534)  # root reads anything: look as nobody (the saved uid brings root back)
    try:
        result = load_library(world_readable_tree)
    finally:
        if as_root:
            os.seteuid(0)
    errors = [str(p) for p in result.errors]
    assert errors == [f"{locked}: error: cannot read the page: Permission denied"]
    assert result.library.get("teaser") is not None
    assert result.library.get("the-hundred") is not None


def test_a_translation_claiming_another_exercise_is_an_error_naming_both(tree: Path) -> None:
    # es/teaser.md carries the Hundred's translationKey: "teaser" must not become The Hundred.
    (tree / "exercises" / "the-hundred.es.md").unlink()
    teaser_es = tree / "exercises" / "teaser.es.md"
    teaser_es.write_text(
        teaser_es.read_text().replace("exercise-teaser", "exercise-the-hundred"), encoding="utf-8"
    )
    result = load_library(tree)
    [error] = [p for p in result.errors if p.path == teaser_es]
    assert "slug `teaser` already names the exercise `teaser`" in error.message
    assert str(tree / "exercises" / "teaser.md") in error.message
    assert str(tree / "exercises" / "the-hundred.md") in error.message
    library = result.library
    assert library.get("teaser").title == "Teaser"  # type: ignore[union-attr]
    assert library.get("the-hundred").title == "The Hundred"  # type: ignore[union-attr]
    assert library.get("teaser", "es").lang == "en"  # type: ignore[union-attr]


def test_a_spanish_only_page_cannot_take_an_english_exercise_id(tree: Path) -> None:
    (tree / "es").mkdir()
    other = tree / "es" / "plank.md"
    text = (EXERCISES / "plank.es.md").read_text().replace("exercise-plank", "exercise-tabla")
    other.write_text(text, encoding="utf-8")
    result = load_library(tree)
    [error] = [p for p in result.errors if p.path == other]
    assert "already names the exercise `plank`" in error.message
    assert str(tree / "exercises" / "plank.md") in error.message
    assert result.library.get("plank", "es").translation_key == "exercise-plank"  # type: ignore[union-attr]


def test_javascript_images_and_hidden_html_are_reported(tree: Path) -> None:
    page = tree / "exercises" / "plank.md"
    text = page.read_text()
    page.write_text(text + "\n![x](javascript:alert(1))\n", encoding="utf-8")
    hidden = tree / "exercises" / "teaser.md"
    hidden.write_text(
        hidden.read_text()
        + '\n<div hidden>buy pills</div>\n\n<p style="DISPLAY: none">spam</p>\n\n'
        "<details><summary>More</summary>text</details>\n",
        encoding="utf-8",
    )
    result = load_library(tree)
    assert any(
        p.path == page and p.message == "active content: javascript: image" for p in result.errors
    )
    assert result.library.get("plank").lang == "es"  # type: ignore[union-attr]
    messages = [p.message for p in result.warnings if p.path == hidden]
    assert any(m.startswith("hidden HTML (<div hidden>)") for m in messages), messages
    assert any('<p style="display:none">' in m for m in messages), messages
    assert any("hidden HTML (<details>)" in m for m in messages), messages
    assert all(p.severity is Severity.WARNING for p in result.problems if p.path == hidden)


def test_file_names_with_control_characters_are_printed_escaped(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "evil\x1b[2J\x1b]0;owned\x07\u202e.md"
    (tree / "exercises" / name).write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert main(["check", str(tree)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "evil\\x1b[2J\\x1b]0;owned\\x07\\u202e.md" in out


@pytest.mark.parametrize("command", ["run", "chat"])
@pytest.mark.parametrize("case", ["missing", "empty", "no valid exercise"])
def test_no_exercise_to_serve_is_one_error_line_and_a_failure(
    command: str, case: str, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    if case != "missing":
        (content / "exercises").mkdir(parents=True)
    if case == "no valid exercise":
        (content / "exercises" / "plank.md").write_text("---\ntitle: Plank\nsteps: 3\n---\n")
    extra = (
        ["--token", "123:abc", "--base-url", "http://127.0.0.1:9/bot"] if command == "run" else []
    )
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            command,
            "--content",
            str(content),
            "--db",
            str(tmp_path / "f.db"),
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert child.returncode == 1, child.stderr
    errors = [line for line in child.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, child.stderr
    assert "Traceback" not in child.stderr
    expected = "not found" if case == "missing" else "no valid exercise page in"
    assert errors[0].startswith("error: ") and expected in errors[0], child.stderr
