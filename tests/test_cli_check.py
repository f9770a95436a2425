from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.faces.cli import main
from tests.conftest import CONTENT, SHARED_EXAMPLES


def test_check_bundled_content_reports_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CONTENT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0] == "96 exercise page(s) loaded; 0 error(s), 0 warning(s)"  # 48 x en, es


def test_check_shared_examples_names_the_spun_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(SHARED_EXAMPLES)]) == 1
    lines = capsys.readouterr().out.splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert all(line.split(":")[0].endswith("untrusted-spun-article.md") for line in problems)
    assert any("error: title looks like a hash" in line for line in problems)
    assert any("error: active content: <script> tag" in line for line in problems)
    assert any("did you mean `title`?" in line for line in problems)
    assert summary.startswith("1 exercise page(s) loaded; 2 error(s)")


def test_check_warnings_only_exits_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (CONTENT / "exercises" / "plank.md").read_text()
    (tmp_path / "plank.md").write_text(text.replace("---\n", '---\nmitle: "x"\n', 1))
    assert main(["check", str(tmp_path)]) == 0
    assert "warning: unknown key `mitle`" in capsys.readouterr().out


QUESTIONS = """\
- ask: why do my legs shake in the hundred
  expect: {kind: faq, exercise: the-hundred}
- ask: ¿cómo hago el cien?
  lang: es
  expect: {kind: exercise, exercise: the-hundred, section: steps}
- ask: easier version of teaser
  expect: {kind: exercise, exercise: teaser, section: modifications, level: easier}
"""


def test_check_questions_pass_on_the_bundled_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS)
    assert main(["check", str(CONTENT), "--questions", str(questions)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 question(s): 3 pass, 0 break"


def test_check_questions_name_what_an_edit_broke(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An author renames The Hundred's page: the questions that found it say so."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "exercises" / "the-hundred.md").rename(content / "exercises" / "hundred.md")
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS)
    assert main(["check", str(content), "--questions", str(questions)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "3 question(s): 1 pass, 2 break"
    assert out[-3].startswith(f"{questions}:1: 'why do my legs shake in the hundred' [en]: ")
    assert "expected kind faq, exercise the-hundred; got kind faq, exercise hundred" in out[-3]


def test_check_questions_refuses_a_file_not_in_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text("- ask: teaser\n  expect: {kind: exercise, page: teaser}\n")
    assert main(["check", str(CONTENT), "--questions", str(questions)]) == 2
    assert "`expect` cannot hold page" in capsys.readouterr().err


def test_a_faq_question_that_says_nothing_but_the_name_is_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = (CONTENT / "exercises" / "roll-over.es.md").read_text("utf-8")
    asked = "¿Quién debería evitar el roll over?"
    assert asked in page
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "roll-over.md").write_text(
        (CONTENT / "exercises" / "roll-over.md").read_text("utf-8"), "utf-8"
    )
    (tmp_path / "exercises" / "roll-over.es.md").write_text(
        page.replace(asked, "¿Quién debe hacer el roll over?"), "utf-8"
    )
    assert main(["check", "--content", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "warning: FAQ question '¿Quién debe hacer el roll over?' says nothing" in out
