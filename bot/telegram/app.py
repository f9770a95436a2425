"""Builds and runs the Telegram Application."""

from __future__ import annotations

import argparse
import sys


def run_bot(args: argparse.Namespace) -> int:
    print("error: the Telegram front end is not built yet; use `pilates-bot chat`", file=sys.stderr)
    return 2
