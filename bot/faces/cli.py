"""pilates-bot run | ask | chat | check | report. Flags override environment variables.

With no command: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a chat here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot.content import ContentError, Problem, Severity, WebsiteError, load_library
from bot.conversation.feedback import AnswerLog
from bot.conversation.render import render
from bot.engine import Answer, AnswerEngine
from bot.engine.cache import start_engine
from bot.faces.console import Console, read_stdin
from bot.faces.questions import QuestionsError, load_questions, run_questions
from bot.faces.settings import Settings, admin_ids, database, days
from bot.store import StoreError, store_at
from bot.store.leader import prune_answer_log

DB_HELP = "a SQLite file, or a postgresql:// URL for several workers ($PILATES_BOT_DB)"
SITE_HELP = (
    "the website the content is published on, e.g. https://pilates.example.com: cards show "
    "the pages' pictures and link to them ($PILATES_BOT_SITE_URL)"
)


def _engine(settings: Settings) -> AnswerEngine:
    content = settings.content
    try:
        result = start_engine(content, settings.index_cache)
    except ContentError as exc:
        raise SystemExit(f"error: {exc}") from None
    if result.result.errors:
        print(
            f"warning: {len(result.result.errors)} problem(s) in the content; "
            f"run `pilates-bot check {content}`",
            file=sys.stderr,
        )
    return result.engine


def answer_json(answer: Answer) -> dict[str, object]:
    """The shape of `ask --json`: one object per message."""
    shape: dict[str, object] = {
        "kind": answer.kind.value,
        "exercise": answer.exercise.id if answer.exercise else None,
        "section": answer.section.value if answer.section else None,
        "level": answer.level.value if answer.level else None,
        "question": answer.faq.question if answer.faq else None,
        "candidates": [e.id for e in answer.candidates],
        "text": render(answer).text,
    }
    if answer.session is not None:  # a session: its exercises in order and its length
        shape["exercises"] = list(answer.session.ids)
        shape["seconds"] = answer.session.seconds
    return shape


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)
    if args.text == ["-"]:
        for line in sys.stdin:
            message = line.rstrip("\n")
            answer = engine.answer(message, settings.lang)
            print(json.dumps(answer_json(answer)), flush=True)
        return 0
    answer = engine.answer(" ".join(args.text), settings.lang)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        print(render(answer).text)
    return 0


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    try:
        site = settings.website
    except WebsiteError as exc:
        print(f"error: {exc} (--site-url, PILATES_BOT_SITE_URL)", file=sys.stderr)
        return 2
    engine = _engine(settings)

    async def session() -> None:
        async with store_at(settings.db) as store:
            answers = AnswerLog(store, retention_days=settings.log_retention)
            await prune_answer_log(store, settings.log_retention)  # no scheduler runs here
            console = Console(
                engine,
                store,
                lang=settings.lang,
                read=read_stdin,
                write=print,
                site=site,
                answer_log=answers,
            )
            await console.run()

    try:
        asyncio.run(session())
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def _check(args: argparse.Namespace, settings: Settings) -> int:
    result = load_library(settings.content)
    for problem in result.problems:
        print(problem)
    engine = AnswerEngine(result.library)
    # A question that says nothing but the exercise's name cannot be asked: a warning, since
    # the page is valid and the site shows it.
    unaskable = [
        Problem(
            page.source,
            f"FAQ question {question!r} says nothing but the exercise's name and question "
            "words, so no message can be matched to it: say what it asks "
            "(for example 'avoid', 'safe', 'breathe', 'feel')",
            Severity.WARNING,
        )
        for page, question in engine.unaskable()
    ]
    for problem in unaskable:
        print(problem)
    pages = len(result.library.pages())
    warnings = len(result.warnings) + len(unaskable)
    print(f"{pages} exercise page(s) loaded; {len(result.errors)} error(s), {warnings} warning(s)")
    if args.questions is None:
        return 1 if result.errors else 0
    try:
        questions = load_questions(args.questions)
    except QuestionsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    broken = run_questions(questions, engine, answer_json)
    for failure in broken:
        print(failure.describe(args.questions))
    print(f"{len(questions)} question(s): {len(questions) - len(broken)} pass, {len(broken)} break")
    return 1 if result.errors or broken else 0


def _report(args: argparse.Namespace, settings: Settings) -> int:
    from bot.faces.report import BadPeriod, parse_since, render_html, render_text
    from bot.faces.report.make import make_report

    now = time.time()
    try:
        since = parse_since(args.since, now)
    except BadPeriod as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if isinstance(settings.db, Path) and not settings.db.is_file():
        print(f"error: no database at {settings.db} (give --db)", file=sys.stderr)
        return 1
    engine = _engine(settings)

    async def build() -> str:
        async with store_at(settings.db) as store:
            report = await make_report(store, engine, since, now, settings.content)
        if args.format == "json":
            return report.to_json() + "\n"
        return render_html(report) if args.format == "html" else render_text(report)

    try:
        text = asyncio.run(build())
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, "utf-8")
        print(f"report written to {args.output}", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.faces.telegram.app import run_bot  # only this command needs python-telegram-bot

    try:
        return run_bot(settings)
    except (ContentError, StoreError) as exc:  # nothing to serve, or no database to keep
        print(f"error: {exc}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    defaults = Settings()
    parser = argparse.ArgumentParser(
        prog="pilates-bot", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def content_flag(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--content", type=Path, default=None, help="content folder ($PILATES_BOT_CONTENT)"
        )

    def lang_flag(command: argparse.ArgumentParser) -> None:
        command.add_argument("--lang", help=f"language code (default: {defaults.lang})")

    def cache_flag(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--cache",
            type=Path,
            default=None,
            help="folder of the index cache, or off ($PILATES_BOT_CACHE; default: .cache "
            "beside the database)",
        )

    ask = commands.add_parser("ask", help="answer one message (or one per line with -)")
    ask.add_argument("text", nargs="+", help="the message, or - to read messages from stdin")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    content_flag(ask)
    lang_flag(ask)
    cache_flag(ask)
    ask.set_defaults(handler=_ask)

    def retention_flag(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--log-retention",
            type=days,
            metavar="DAYS",
            help="days the answer log keeps message texts and notes; 0 keeps none "
            f"(default {defaults.log_retention}; $PILATES_BOT_LOG_RETENTION)",
        )

    chat = commands.add_parser("chat", help="chat in this terminal, with favourites")
    chat.add_argument("--db", type=database, default=None, help=DB_HELP)
    chat.add_argument("--site-url", help=SITE_HELP)
    retention_flag(chat)
    content_flag(chat)
    lang_flag(chat)
    cache_flag(chat)
    chat.set_defaults(handler=_chat)

    check = commands.add_parser("check", help="validate a content tree and list its problems")
    check.add_argument("content_dir", nargs="?", type=Path, help="content folder")
    check.add_argument(
        "--questions",
        type=Path,
        metavar="FILE.yaml",
        help="also ask these questions and print those whose answer is not the one expected",
    )
    content_flag(check)
    check.set_defaults(handler=_check)

    report = commands.add_parser(
        "report", help="what people asked: unanswered questions, feedback, demand"
    )
    report.add_argument("--db", type=database, default=None, help=DB_HELP)
    report.add_argument("--since", default="7d", help="7d, 12h, 2w or a date (default 7d)")
    report.add_argument("--format", choices=["text", "html", "json"], default="text")
    report.add_argument("--output", "-o", type=Path, help="write to this file, not stdout")
    content_flag(report)
    report.set_defaults(handler=_report)

    run = commands.add_parser("run", help="run the Telegram bot")
    run.add_argument("--token", help="bot token ($TELEGRAM_BOT_TOKEN)")
    run.add_argument("--db", type=database, default=None, help=DB_HELP)
    run.add_argument("--site-url", help=SITE_HELP)
    run.add_argument(
        "--base-url", help="Bot API base, e.g. http://localhost:8081/bot ($TELEGRAM_API_BASE_URL)"
    )
    run.add_argument(
        "--webhook-url",
        help="serve a webhook instead of polling: the public HTTPS URL; its path is served",
    )
    run.add_argument(
        "--listen",
        help=f"webhook listen address (default {defaults.listen}, behind a reverse proxy)",
    )
    run.add_argument("--port", type=int, help=f"webhook port (default {defaults.port})")
    run.add_argument(
        "--secret-token",
        help="webhook secret ($TELEGRAM_WEBHOOK_SECRET; derived from the token when unset)",
    )
    run.add_argument(
        "--max-connections",
        type=int,
        help="webhook requests Telegram keeps open at once, 1-100, across all workers "
        f"(default {defaults.max_connections})",
    )
    run.add_argument(
        "--log-level",
        type=str.upper,
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help=f"log level (default {defaults.log_level}); the token and webhook secret are masked "
        "at every level",
    )
    run.add_argument(
        "--concurrent-updates",
        type=int,
        help="updates handled at once; one user's always in order "
        f"(default {defaults.concurrent_updates}, 1 = one at a time)",
    )
    retention_flag(run)
    run.add_argument(
        "--admin-ids",
        type=admin_ids,
        metavar="ID,ID",
        help="Telegram user ids answered on /reload and /report ($PILATES_BOT_ADMIN_IDS)",
    )
    run.add_argument(
        "--watch",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="reload the content when its files change (default: yes; SIGHUP always reloads)",
    )
    content_flag(run)
    cache_flag(run)
    run.set_defaults(handler=_run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader left (`pilates-bot ask - | head -1`): stop quietly, as Unix filters do.
        # stdout goes to /dev/null so the flush at exit does not print a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE  # the status of a filter that SIGPIPE stopped


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings.from_sources(args)
    if args.command is None:  # `make run`: Telegram with a token, a terminal chat without
        command = "run" if settings.token else "chat"
        args = parser.parse_args([command, *(argv or [])])
        settings = Settings.from_sources(args)
    code: int = args.handler(args, settings)
    return code
