"""Every labelled message's answer, as `ask --json` prints it, to check that an optimisation
changes no answer.

    python -m bench.answer_snapshot record OUT.jsonl [--size N --variant varied|copies]
    python -m bench.answer_snapshot compare OUT.jsonl [--size N --variant ...] [--cache DIR]

Without --size the bundled content answers every message of tests/answer_set/*.yaml and
tests/answer_set/blind/*.yaml in its set's language; with --size a synthetic library of that
many exercises (bench/synthetic.py) answers the English development set. The random pick is
seeded per message, so one changed answer does not shift every random answer after it. Inline
search results are recorded too: they walk the same name index. With --cache the engine
starts through the index cache in DIR (run twice: the first run writes it, the second reads it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench import ROOT
from bench.synthetic import VARIANTS, build_tree
from bot.content import load_library
from bot.engine import AnswerEngine
from bot.engine.cache import start_engine
from bot.faces.cli import answer_json
from tests.answer_quality import blind_sets, load_cases, retired_sets, set_lang


def _sets(synthetic: bool) -> list[str]:
    return ["en"] if synthetic else ["en", "es", *retired_sets(), *blind_sets()]


def snapshot(content: Path, synthetic: bool, cache: Path | None) -> Iterator[dict[str, object]]:
    rng = random.Random()
    if cache is None:
        engine = AnswerEngine(load_library(content).library, rng=rng)
    else:
        started = start_engine(content, cache, rng)
        print(f"index cache {cache}: {'read' if started.from_cache else 'written'}")
        engine = started.engine
    for name in _sets(synthetic):
        lang = set_lang(name)
        for number, case in enumerate(load_cases(name)):
            rng.seed(f"{name}/{number}")
            text = case["text"]
            yield {
                "set": name,
                "text": text,
                "answer": answer_json(engine.answer(text, lang)),
                "search": [e.id for e in engine.search(text, lang)],
            }


def _content(args: argparse.Namespace, folder: str) -> Path:
    if args.size is None:
        return ROOT / "content"
    # With a cache, the tree is built in the same place each time, as the cache is keyed by it.
    where = Path(folder) if args.cache is None else args.cache / f"tree-{args.variant}{args.size}"
    return build_tree(where, args.size, args.variant)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.answer_snapshot")
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--size", type=int, default=None)
    parser.add_argument("--variant", choices=VARIANTS, default="varied")
    parser.add_argument("--cache", type=Path, default=None, help="start through this index cache")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        rows = list(snapshot(_content(args, folder), args.size is not None, args.cache))
    if args.action == "record":
        with args.file.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} answers recorded in {args.file}")
        return 0
    before = [json.loads(line) for line in args.file.read_text("utf-8").splitlines()]
    if len(before) != len(rows):
        print(f"{len(before)} messages recorded, {len(rows)} answered now")
        return 1
    changed = [(old, new) for old, new in zip(before, rows, strict=True) if old != new]
    for old, new in changed[:20]:
        print(f"[{old['set']}] {old['text']!r}")
        print(f"   before {json.dumps(old['answer'])[:300]} {old['search']}")
        print(f"   now    {json.dumps(new['answer'])[:300]} {new['search']}")
    print(f"{len(rows)} messages compared, {len(changed)} answers differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
