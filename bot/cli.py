"""pilates-bot run | ask | chat | check. Flags override environment variables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import default_content_dir
from bot.content import load_library


def _check(args: argparse.Namespace) -> int:
    result = load_library(args.content)
    for problem in result.problems:
        print(problem)
    pages = len(result.library.pages())
    print(
        f"{pages} exercise page(s) loaded; "
        f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)"
    )
    return 1 if result.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pilates-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate a content tree and list its problems")
    check.add_argument("content", nargs="?", type=Path, help="content folder (default: bundled)")
    check.add_argument("--content", dest="content_flag", type=Path, help=argparse.SUPPRESS)
    check.set_defaults(handler=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        args.content = args.content_flag or args.content or default_content_dir()
    handler = args.handler
    code: int = handler(args)
    sys.stdout.flush()
    return code
