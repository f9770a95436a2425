from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import Library, load_library

pytest_plugins = ["tests.telegram_harness", "tests.postgres_server"]

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EXAMPLES = ROOT.parent / "shared" / "content-examples"


@pytest.fixture(scope="session")
def library() -> Library:
    result = load_library(CONTENT)
    assert not result.problems, result.problems
    return result.library


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.test_answer_quality import REPORTS

    for report in REPORTS:
        terminalreporter.write_line("")
        for line in report.splitlines():
            terminalreporter.write_line(line)
