from __future__ import annotations

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
