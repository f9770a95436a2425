"""Benchmarks: run with `make bench` or `python -m bench`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
