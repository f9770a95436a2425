"""What the content check reports about a page."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"  # the page is skipped
    WARNING = "warning"  # the page loads; something was ignored or stripped


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.severity}: {self.message}"
