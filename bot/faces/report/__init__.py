"""The authors' report: `pilates-bot report` and the operators' /report in Telegram.

model.py builds it from the answer log and the content; text.py and html.py show it.
"""

from __future__ import annotations

from bot.faces.report.html import render_html
from bot.faces.report.model import BadPeriod, Report, build_report, parse_since
from bot.faces.report.text import render_text, summary

__all__ = [
    "BadPeriod",
    "Report",
    "build_report",
    "parse_since",
    "render_html",
    "render_text",
    "summary",
]
