"""What the content check reports about a page."""

from __future__ import annotations

import unicodedata
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
        return printable(f"{where}: {self.severity}: {self.message}")


def printable(text: str) -> str:
    """`text` with control and format characters escaped: a file name carrying an escape
    sequence, a newline or a right-to-left override cannot rewrite the terminal or the log."""
    return "".join(_escape(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def _escape(char: str) -> str:
    return ascii(char)[1:-1]  # \x1b, \u202e, \udcff
