"""The folders show the layers, and imports only point down.

    faces          Telegram, the terminal chat, the commands, settings
    conversation   one brain behind every face: what is on screen, favourites, replies
    engine         a message read once, producers, one policy
    store          what users leave behind (SQLite)
    content        the pages, and the vocabulary every layer shares (Section, filters)
    languages      the words of each language, and how text is read

A module may import its own layer or any layer below it, never one above. Only
bot/faces/telegram/ imports telegram: the domain knows nothing of Telegram.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

BOT = ROOT / "bot"
# Highest first. A layer may import itself and anything after it.
LAYERS = ["faces", "conversation", "engine", "store", "content", "languages"]
TOP_LEVEL = {"__init__.py", "__main__.py"}


def imports_of(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def layer_of(path: Path) -> str:
    return path.relative_to(BOT).parts[0]


def test_every_module_sits_in_a_layer() -> None:
    loose = [str(p.relative_to(ROOT)) for p in BOT.glob("*.py") if p.name not in TOP_LEVEL]
    folders = {p.name for p in BOT.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert loose == []
    assert folders - {"locale"} == set(LAYERS)


def test_imports_only_point_down() -> None:
    upward = []
    for path in BOT.rglob("*.py"):
        if path.relative_to(BOT).parts[0] in TOP_LEVEL:
            continue
        mine = LAYERS.index(layer_of(path))
        for module in imports_of(path):
            parts = module.split(".")
            if parts[0] != "bot" or len(parts) < 2 or parts[1] not in LAYERS:
                continue
            if LAYERS.index(parts[1]) < mine:
                upward.append(f"{path.relative_to(ROOT)} imports {module}")
    assert upward == []


def test_only_the_telegram_face_imports_telegram() -> None:
    offenders = []
    for path in BOT.rglob("*.py"):
        if path.relative_to(BOT).parts[:2] == ("faces", "telegram"):
            continue
        if any(m == "telegram" or m.startswith("telegram.") for m in imports_of(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
