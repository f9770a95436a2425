from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bot.content import Library, helper_process, load_library

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


def watch_helper_starts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Make the machine look idle, so loading and indexing use their helper process, and
    record for every start whether a helper really started."""
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    started: list[bool] = []
    real_start = helper_process.start

    def start(work: Any) -> Any:
        found = real_start(work)
        started.append(found is not None)
        return found

    monkeypatch.setattr(helper_process, "start", start)
    return started
