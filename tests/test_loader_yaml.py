"""The loader's plain construction of front matter gives what PyYAML's construct_document
gives: the same values, or the same error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.loader import _YAML_HANDLER, _construct, _SafeLoader

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
]


def _outcome(function: Any, text: str) -> tuple[str, Any]:
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        return "value", repr(function(loader, node))
    except Exception as exc:  # the same refusal, word for word
        return "error", f"{type(exc).__name__}: {exc}"
    finally:
        loader.dispose()


def _pyyaml(loader: Any, node: yaml.Node) -> Any:
    return loader.construct_document(node)


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
    assert _outcome(_construct, text) == _outcome(_pyyaml, text)


def test_every_bundled_and_fixture_front_matter_reads_the_same() -> None:
    fronts = _fronts()
    assert len(fronts) > 90
    for text in fronts:
        assert _outcome(_construct, text) == _outcome(_pyyaml, text)


def test_an_alias_stays_one_shared_object() -> None:
    loader = _SafeLoader("base: &b {x: 1}\nother: *b\n")
    data = _construct(loader, loader.get_single_node())
    loader.dispose()
    assert data["base"] is data["other"]
