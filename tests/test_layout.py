"""The domain knows nothing of Telegram: only bot/telegram/ imports it."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def test_only_the_telegram_package_imports_telegram() -> None:
    offenders = []
    for path in (ROOT / "bot").rglob("*.py"):
        if "telegram" in path.relative_to(ROOT / "bot").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "telegram" or n.startswith("telegram.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
