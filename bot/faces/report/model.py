"""The authors' report, as data: what people asked that the content did not answer, what they
picked among suggestions, which answers they found wanting, and the demand on each page.

Built from the answer log (bot/store/answer_log.py) and the content as it is now: each group of
unanswered questions gets the page it most likely belongs to, by the engine's own candidates.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.content import Exercise
from bot.engine import AnswerEngine
from bot.engine.answer import NoAnswer
from bot.engine.grouping import group_messages
from bot.engine.policy import SUGGEST
from bot.languages.text import fold, words
from bot.store.answer_log import DAY, LogEntry

KINDS = ("exercise", "faq", "random", "session", "suggestions", "none")
ANSWERED = frozenset({"exercise", "faq", "random"})
# Below this the engine has no page in mind (a new page, perhaps): the policy's own bar for a
# "did you mean" (bot/engine/policy.py SUGGEST).
PAGE_FLOOR = SUGGEST
EXAMPLES_PER_GROUP = 3  # messages of a group asked to the engine for its page
MAX_GROUPS = 50
MAX_KEYWORD_WORDS = 4  # a phrasing longer than this is a sentence, not a search term
MAX_LISTED = 20
_SINCE = re.compile(r"(\d+)\s*([hdw])")


class BadPeriod(ValueError):
    """A --since that is neither a duration (7d, 12h, 2w) nor a date (2026-11-01)."""


def parse_since(text: str, now: float) -> float:
    """The start of the period `--since` means: "7d" before now, or midnight UTC of a date."""
    found = _SINCE.fullmatch(text.strip().lower())
    if found:
        amount, unit = int(found[1]), found[2]
        return now - amount * {"h": 3600, "d": DAY, "w": 7 * DAY}[unit]
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise BadPeriod(f"--since {text!r}: write 7d, 12h, 2w or a date like 2026-11-01") from None
    return day.timestamp()


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    title: str
    path: str  # the file to edit, as the content tree names it


@dataclass(frozen=True, slots=True)
class Unanswered:
    """Messages asking one thing the content did not answer; most asked phrasing first."""

    lang: str
    count: int
    messages: tuple[tuple[str, int], ...]
    page: Page | None  # where it most likely belongs
    page_score: float
    faq_stub: str  # ready to paste under the page's `faq:`


@dataclass(frozen=True, slots=True)
class Phrasings:
    """How people named a page when they picked it among suggestions."""

    page: Page
    phrasings: tuple[tuple[str, int], ...]
    keywords_stub: str  # the short ones, ready to paste under the page's `keywords:`


@dataclass(frozen=True, slots=True)
class DownVoted:
    kind: str
    page: Page | None
    detail: str | None  # the part shown or the FAQ question
    down: int
    up: int
    messages: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    since: float
    until: float
    totals: dict[str, int]
    unanswered: tuple[Unanswered, ...]
    phrasings: tuple[Phrasings, ...]
    down_voted: tuple[DownVoted, ...]
    pages: tuple[tuple[Page, int], ...]  # demand per page, most asked first
    languages: dict[str, dict[str, int]]  # lang -> kind -> answers
    days: tuple[tuple[str, dict[str, int]], ...] = field(default=())  # day -> kind -> answers

    @property
    def period(self) -> str:
        start = datetime.fromtimestamp(self.since, UTC).strftime("%Y-%m-%d %H:%M")
        end = datetime.fromtimestamp(self.until, UTC).strftime("%Y-%m-%d %H:%M")
        return f"{start} to {end} UTC"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def build_report(
    entries: Sequence[LogEntry],
    engine: AnswerEngine,
    *,
    since: float,
    until: float,
    content_root: Path | None = None,
) -> Report:
    """The report of the answers logged from `since` to `until`, against the content now."""
    pages = _Pages(engine, content_root)
    return Report(
        since=since,
        until=until,
        totals=_totals(entries),
        unanswered=tuple(_unanswered(entries, engine, pages)),
        phrasings=tuple(_phrasings(entries, pages)),
        down_voted=tuple(_down_voted(entries, pages)),
        pages=tuple(_demand(entries, pages)),
        languages=_languages(entries),
        days=tuple(_days(entries, since, until)),
    )


class _Pages:
    def __init__(self, engine: AnswerEngine, root: Path | None) -> None:
        self.library = engine.library
        self.root = root

    def exercise(self, exercise_id: str | None, lang: str = "en") -> Exercise | None:
        return self.library.get(exercise_id, lang) if exercise_id else None

    def page(self, exercise_id: str | None, lang: str = "en") -> Page | None:
        exercise = self.exercise(exercise_id, lang)
        if exercise_id is None:
            return None
        if exercise is None:  # logged before the page was removed
            return Page(exercise_id, exercise_id, "(no longer in the content)")
        path = exercise.source
        if self.root is not None and path.is_relative_to(self.root):
            path = path.relative_to(self.root)
        return Page(exercise.id, exercise.title, str(path))


def _totals(entries: Sequence[LogEntry]) -> dict[str, int]:
    kinds = Counter(e.answer.kind for e in entries)
    # The asker's hash changes every day: people can be counted per day, not over the period.
    people = {(_day(e.answer.at), e.answer.asker) for e in entries if e.answer.asker}
    days = {day for day, _ in people}
    return {
        "answers": len(entries),
        "people": round(len(people) / len(days)) if days else 0,  # a day, on average
        "person_days": len(people),
        **{kind: kinds[kind] for kind in KINDS},
        "unanswered": sum(_is_unanswered(e) for e in entries),
        "helpful": sum(e.vote == 1 for e in entries),
        "not_helpful": sum(e.vote == -1 for e in entries),
        "notes": sum(e.note is not None for e in entries),
        "suggestions_chosen": sum(e.chosen is not None for e in entries),
    }


def _is_unanswered(entry: LogEntry) -> bool:
    """Nothing the person could use: "I don't know" (or "the pages don't cover that"), or
    suggestions none of which was picked."""
    answer = entry.answer
    if answer.kind == "none":
        return answer.detail in (NoAnswer.UNKNOWN.value, NoAnswer.UNCOVERED.value)
    return answer.kind == "suggestions" and entry.chosen is None


def _unanswered(
    entries: Sequence[LogEntry], engine: AnswerEngine, pages: _Pages
) -> Iterable[Unanswered]:
    texts: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if _is_unanswered(entry) and entry.answer.text:
            texts[entry.answer.lang].append(entry.answer.text)
    found = [
        (lang, group)
        for lang, said in sorted(texts.items())
        for group in group_messages(said, lang)
    ]
    found.sort(key=lambda item: (-item[1].count, item[0], item[1].example))
    for lang, group in found[:MAX_GROUPS]:
        page_id, score = _likely_page(engine, [t for t, _ in group.messages], lang)
        page = pages.page(page_id, lang)
        yield Unanswered(lang, group.count, group.messages, page, score, faq_stub(group.example))


def _likely_page(engine: AnswerEngine, texts: Sequence[str], lang: str) -> tuple[str | None, float]:
    """The exercise the engine leans to for these messages, with its mean best score."""
    scores: Counter[str] = Counter()
    asked = texts[:EXAMPLES_PER_GROUP]
    for text in asked:
        best: dict[str, float] = {}
        for candidate in engine.candidates(text, lang):
            for exercise_id in candidate.options or (candidate.exercise_id,):
                if exercise_id is not None:
                    best[exercise_id] = max(best.get(exercise_id, 0.0), candidate.score)
        scores.update(best)
    if not scores:
        return None, 0.0
    page_id, total = max(scores.items(), key=lambda item: (item[1], item[0]))
    score = total / len(asked)
    return (page_id, round(score, 2)) if score >= PAGE_FLOOR else (None, round(score, 2))


def as_question(text: str) -> str:
    """A message as an FAQ question: one line, capitalised, ending in a question mark."""
    line = " ".join(text.split())
    if line and line[0].islower():
        line = line[0].upper() + line[1:]
    return line if line.endswith(("?", ".", "!")) else line + "?"


def _yaml_string(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, backslashes and control
    # characters in a user's message cannot break the page's front matter.
    return json.dumps(text, ensure_ascii=False)


def faq_stub(text: str) -> str:
    """An FAQ entry to paste under `faq:` in the page's front matter; `check` refuses the page
    until its answer is written, so an empty stub is never published."""
    return f'  - q: {_yaml_string(as_question(text))}\n    a: ""  # the answer'


def _phrasings(entries: Sequence[LogEntry], pages: _Pages) -> Iterable[Phrasings]:
    chosen: dict[str, Counter[str]] = defaultdict(Counter)
    langs: dict[str, str] = {}
    for entry in entries:
        if entry.chosen and entry.answer.text:
            chosen[entry.chosen][" ".join(words(entry.answer.text))] += 1
            langs.setdefault(entry.chosen, entry.answer.lang)
    ranked = sorted(chosen.items(), key=lambda item: (-item[1].total(), item[0]))
    for exercise_id, said in ranked[:MAX_LISTED]:
        lang = langs[exercise_id]
        page = pages.page(exercise_id, lang)
        exercise = pages.exercise(exercise_id, lang)
        known = {fold(k) for k in exercise.keywords} | {fold(exercise.title)} if exercise else set()
        phrasings = tuple(sorted(said.items(), key=lambda item: (-item[1], item[0])))
        short = [t for t, _ in phrasings if len(t.split()) <= MAX_KEYWORD_WORDS and t not in known]
        stub = "\n".join(f"  - {_yaml_string(t)}" for t in short)
        if page is not None:
            yield Phrasings(page, phrasings, stub)


def _down_voted(entries: Sequence[LogEntry], pages: _Pages) -> Iterable[DownVoted]:
    votes: dict[tuple[str, str | None, str | None], list[LogEntry]] = defaultdict(list)
    for entry in entries:
        if entry.vote is not None:
            answer = entry.answer
            votes[(answer.kind, answer.exercise_id, answer.detail)].append(entry)
    found = []
    for (kind, exercise_id, detail), voted in votes.items():
        down = [e for e in voted if e.vote == -1]
        if down:
            found.append(
                DownVoted(
                    kind,
                    pages.page(exercise_id, voted[0].answer.lang),  # the page that answered
                    detail,
                    len(down),
                    len(voted) - len(down),
                    tuple(e.answer.text for e in down if e.answer.text),
                    tuple(e.note for e in down if e.note),
                )
            )
    found.sort(key=lambda d: (-d.down, d.up, d.page.id if d.page else ""))
    return found[:MAX_LISTED]


def _demand(entries: Sequence[LogEntry], pages: _Pages) -> Iterable[tuple[Page, int]]:
    asked: Counter[str] = Counter()
    for entry in entries:
        if entry.answer.kind in ANSWERED and entry.answer.exercise_id:
            asked[entry.answer.exercise_id] += 1
        elif entry.chosen:
            asked[entry.chosen] += 1
    for exercise_id, count in sorted(asked.items(), key=lambda item: (-item[1], item[0])):
        page = pages.page(exercise_id)
        if page is not None:
            yield page, count


def _languages(entries: Sequence[LogEntry]) -> dict[str, dict[str, int]]:
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        by_lang[entry.answer.lang][entry.answer.kind] += 1
    return {lang: {k: kinds[k] for k in KINDS} for lang, kinds in sorted(by_lang.items())}


def _day(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).date().isoformat()


def _days(
    entries: Sequence[LogEntry], since: float, until: float
) -> Iterable[tuple[str, dict[str, int]]]:
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        by_day[_day(entry.answer.at)][entry.answer.kind] += 1
    day = datetime.fromtimestamp(since, UTC).date()
    last = datetime.fromtimestamp(max(since, until - 1), UTC).date()
    while day <= last:
        name = day.isoformat()
        yield name, {kind: by_day[name][kind] for kind in KINDS}
        day += timedelta(days=1)
