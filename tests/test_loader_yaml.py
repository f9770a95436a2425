"""The loader's one-pass walk of front matter gives what indexing the lines and then PyYAML's
construct_document gave: the same values and key lines, or the same error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.loader import (
    _NOT_PLAIN,
    _YAML_HANDLER,
    MAX_YAML_NODES,
    _SafeLoader,
    _TooLarge,
    _walk,
)

ROOT = Path(__file__).resolve().parents[1]

DOCUMENTS = [
    'title: "Roll Up"\nduration: 90\ndate: 2026-11-21\nsteps: ["a", b, 3, 4.5, null, true]',
    "faq:\n  - q: one\n    a: two\n  - {q: three, a: four}\nkeywords: []\nempty:",
    "date: 2026-11-21T10:00:00Z\nlastmod: 2026-13-40\n",  # a timestamp that is no date
    "n: 0x1F\no: 0o17\nb: 1_000\nf: .inf\ng: -.nan\nh: 1e3\ny: yes\nt: True\nz: ~",
    "base: &b {x: 1}\nother: *b\n",  # an alias: one shared object
    "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n",  # a merge key
    "a: &a [1, *a]\n",  # recursive
    "? [1, 2]\n: list key\n",  # unhashable key
    "? {a: 1}\n: map key\n",
    "1: int key\n2.5: float key\nnull: none key\ntrue: bool key\n2026-01-01: date key\n",
    "x: !!binary aGVsbG8=\n",
    "x: !!set {a, b}\n",
    "x: !!omap [a: 1, b: 2]\n",
    "x: !!pairs [a: 1, a: 2]\n",
    "x: !!python/object:os.system ls\n",
    "x: !custom value\n",
    "x: !!str 12\ny: !!int '12'\nz: !!float '1'\n",
    "x: !!int nope\n",
    "x: !!str {a: 1}\n",
    "x: !!map [1, 2]\n",
    "x: !!seq {a: 1}\n",
    "= : value key\n",
    "dup: 1\ndup: 2\nother: 3\n",
    "- just\n- a list\n",
    "just a string",
    "x: !!timestamp 2001-12-14t21:59:43.10-05:00\ny: !!null ''\n",
    "&k a: *k\n",  # a key that is also a value
    "a: &x 1\nb: *x\n",
    "deep: " + "[" * 25 + "]" * 25,
    "wide: [" + ", ".join(["1"] * 25_000) + "]",
    "bomb: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
]


def _index_lines(node: Any, path: Any, lines: dict[Any, int], budget: list[int]) -> bool:
    """The loader's line index as it was before the walk (first_line 2), for comparison."""
    budget[0] -= 1
    if budget[0] < 0 or len(path) > 20:
        return False
    lines[path] = 2 + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.tag)
            lines[(*path, key)] = 2 + key_node.start_mark.line
            if not _index_lines(value_node, (*path, key), lines, budget):
                return False
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if not _index_lines(item, (*path, index), lines, budget):
                return False
    return True


def _before(loader: Any, node: Any) -> tuple[Any, dict[Any, int]]:
    lines: dict[Any, int] = {}
    if not _index_lines(node, (), lines, [MAX_YAML_NODES]):
        return "too large", {}
    return loader.construct_document(node), lines


def _now(loader: Any, node: Any) -> tuple[Any, dict[Any, int]]:
    lines: dict[Any, int] = {}
    try:
        data = _walk(loader, node, (), lines, 2, [MAX_YAML_NODES], set())
    except _TooLarge:
        return "too large", {}
    return (loader.construct_document(node) if data is _NOT_PLAIN else data), lines


def _outcome(read: Any, text: str) -> tuple[str, Any]:
    loader = _SafeLoader(text)
    try:
        data, lines = read(loader, loader.get_single_node())
        return "value", (repr(data), list(lines.items()))
    except Exception as exc:  # the same refusal, word for word
        return "error", f"{type(exc).__name__}: {exc}"
    finally:
        loader.dispose()


def _fronts() -> list[str]:
    pages = [*(ROOT / "content").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    fronts = []
    for page in sorted(pages):
        try:
            fronts.append(_YAML_HANDLER.split(page.read_text("utf-8"))[0])
        except ValueError:
            continue
    return fronts


@pytest.mark.parametrize("text", DOCUMENTS)
def test_plain_construction_gives_what_construct_document_gives(text: str) -> None:
    assert _outcome(_now, text) == _outcome(_before, text)


def test_every_bundled_and_fixture_front_matter_reads_the_same() -> None:
    fronts = _fronts()
    assert len(fronts) > 90
    for text in fronts:
        assert _outcome(_now, text) == _outcome(_before, text)


def test_an_alias_stays_one_shared_object() -> None:
    loader = _SafeLoader("base: &b {x: 1}\nother: *b\n")
    data, _ = _now(loader, loader.get_single_node())
    loader.dispose()
    assert data["base"] is data["other"]
