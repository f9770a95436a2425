"""A realistic week for the authors' report, simulated through the fake Bot API.

`python -m bench.authors_week [OUT_DIR] [--seed N]` runs the real Application (polling the fake
Bot API, with live content) while 160 people in English and Spanish ask, over seven simulated
days, what the development answer sets ask plus questions the content cannot answer (a few
topics asked often, many rarely, with typos and in both languages); they pick "did you mean"
suggestions, vote 👍/👎 and sometimes say what was missing. Mid-week the content is edited and
reloaded twice under traffic (one a SIGHUP). Then `pilates-bot report` writes the text, JSON
and HTML reports and headless Chromium takes a screenshot of the HTML into OUT_DIR
(default /tmp/h3-report). It prints the updates sent and answered, and the reload times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bench import ROOT
from bot.content import Exercise, load_library
from bot.faces.cli import main as cli
from bot.faces.live import LiveContent
from bot.store import SqliteStore
from bot.store.answer_log import DAY
from tests.browser import Browser
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, running_bot, until

# Topics the content does not cover, as people write them; weights make a few common.
UNANSWERED_EN: dict[str, tuple[int, list[str]]] = {
    "pregnancy": (
        30,
        [
            "can I do pilates while pregnant",
            "is pilates safe when pregnant",
            "pilates during pregnancy ok?",
            "im 20 weeks pregnant can i still do these exercises",
            "safe exercises in pregnancy?",
            "is pilates ok in the third trimester of pregnancy",
            "pregnant can i do pilates",
        ],
    ),
    "weight": (
        22,
        [
            "will pilates help me lose weight",
            "can you lose weight doing pilates",
            "pilates for weight loss does it work",
            "does pilates make you lose belly fat",
            "how much weight can i lose with pilates",
        ],
    ),
    "yoga": (
        14,
        [
            "what is the difference between yoga and pilates",
            "pilates vs yoga which is better",
            "yoga or pilates?",
            "should i choose yoga or pilates",
        ],
    ),
    "often": (
        12,
        [
            "how many times a week should i do pilates",
            "how many days a week is best for pilates",
            "can i do pilates every day",
            "how many sessions per week do you recommend",
        ],
    ),
    "calories": (
        9,
        [
            "how many calories does pilates burn",
            "calories burned in a pilates session",
            "does pilates burn a lot of calories",
        ],
    ),
    "wear": (
        8,
        [
            "what should i wear for pilates",
            "do i need special shoes for pilates",
            "socks or barefoot for pilates",
        ],
    ),
    "osteoporosis": (
        7,
        [
            "is pilates safe with osteoporosis",
            "can i do pilates if i have osteoporosis",
            "pilates with osteoporisis",
        ],
    ),
    "postpartum": (
        7,
        [
            "when can i start pilates after giving birth",
            "pilates after a c section how soon",
            "postpartum pilates when is it safe to start",
        ],
    ),
    "price": (
        5,
        [
            "how much does a pilates class cost",
            "price of a private lesson",
            "are your classes free",
        ],
    ),
    "equipment": (
        5,
        [
            "what equipment should i buy to do pilates at home",
            "which mat should i buy for pilates",
            "best pilates ring to buy",
        ],
    ),
    "scoliosis": (
        4,
        ["is pilates good for scoliosis", "i have scoliosis which exercises are safe"],
    ),
    "running": (3, ["is pilates good for runners", "pilates as cross training for running"]),
    "period": (3, ["can i do pilates on my period", "pilates when you have period cramps"]),
    "eat": (3, ["should i eat before pilates", "how long after eating can i do pilates"]),
    "knee replacement": (2, ["can i do pilates after a knee replacement"]),
    "studio hours": (2, ["what time does the studio open on sundays"]),
    "app": (1, ["do you have an app for android"]),
    "certification": (1, ["how do i become a certified pilates instructor"]),
}
UNANSWERED_ES: dict[str, tuple[int, list[str]]] = {
    "embarazo": (
        10,
        [
            "puedo hacer pilates embarazada",
            "es seguro el pilates durante el embarazo",
            "estoy embarazada de 5 meses puedo hacer los ejercicios",
            "pilates en el embarazo si o no",
        ],
    ),
    "adelgazar": (
        7,
        [
            "el pilates sirve para adelgazar",
            "se puede bajar de peso con pilates",
            "cuanto peso puedo perder haciendo pilates",
        ],
    ),
    "yoga": (4, ["que diferencia hay entre yoga y pilates", "yoga o pilates cual es mejor"]),
    "frecuencia": (
        4,
        ["cuantas veces a la semana hay que hacer pilates", "puedo hacer pilates todos los dias"],
    ),
    "ropa": (3, ["que ropa me pongo para pilates", "necesito zapatillas para hacer pilates"]),
    "precio": (2, ["cuanto cuesta una clase de pilates", "precio de las clases particulares"]),
    "escoliosis": (2, ["el pilates es bueno para la escoliosis"]),
}
NOTES = [
    "I wanted to know how long to hold it",
    "it didn't say if it is safe for my lower back",
    "a video would help",
    "I was asking about breathing, not the steps",
    "more detail on where to look with my head",
]
DAYS = 7
PEOPLE = 160


class SimulatedClock:
    """The week's time: what the answer log and the store read as "now"."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def answerable(lang: str) -> list[tuple[str, str | None]]:
    """The development set's messages with the exercise each means (None: none)."""
    cases = yaml.safe_load((ROOT / "tests" / "answer_set" / f"{lang}.yaml").read_text("utf-8"))
    # Commands (one for another bot, "/start@otherbot") get no reply: questions only.
    return [
        (c["text"], c.get("exercise"))
        for c in cases
        if len(c["text"]) < 160 and not c["text"].startswith("/")
    ]


def unanswered(rng: random.Random, topics: dict[str, tuple[int, list[str]]]) -> str:
    names = list(topics)
    topic = rng.choices(names, weights=[topics[n][0] for n in names])[0]
    text = rng.choice(topics[topic][1])
    if rng.random() < 0.15:  # a typo: two letters swapped
        i = rng.randrange(1, max(2, len(text) - 2))
        text = text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text


def conversation_of(application: Any) -> Any:
    """The Conversation the bot's handlers share (to point its answer log at the week's clock)."""
    for handler in application.handlers[0]:
        owner = getattr(handler.callback, "__self__", None)
        if owner is not None and hasattr(owner, "conversation"):
            return owner.conversation
    raise LookupError("no conversation in the handlers")


async def press_data(fake: FakeTelegram, user: int, message: dict[str, Any], label: str) -> None:
    query = fake.press_button(user, message, buttons(message)[label])
    await fake.wait_for(
        "answerCallbackQuery", lambda r: r.params["callback_query_id"] == query, timeout=30
    )


async def simulate(out: Path, seed: int) -> None:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="authors-week-"))
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    db = work / "bot.sqlite3"
    start = time.time() - DAYS * DAY + 600
    clock = SimulatedClock(start)
    pools = {"en": (answerable("en"), UNANSWERED_EN), "es": (answerable("es"), UNANSWERED_ES)}
    meaning: dict[int, Exercise | None] = {}  # the page each person's last question meant
    sent = notes = 0
    async with FakeTelegram() as fake:
        people = [(5000 + n, "es" if n % 10 < 3 else "en") for n in range(PEOPLE)]
        for user, lang in people:
            fake.make_user(user, f"P{user}", language_code=lang)
        library = load_library(content).library
        live = LiveContent(content, library)
        store = SqliteStore(db, clock=clock)
        async with running_bot(
            fake, library, db, concurrent_updates=16, store=store, live=live
        ) as application:
            conversation_of(application).answers.clock = clock
            for day in range(DAYS):
                weekend = (time.gmtime(start + day * DAY).tm_wday) >= 5
                for slot in range(12):  # two-hour slots, busier in the evening
                    clock.now = start + day * DAY + slot * 7200 + rng.uniform(0, 3600)
                    size = int(rng.uniform(8, 16) * (0.6 if weekend else 1.0) * (1 + slot / 12))
                    batch = rng.sample(people, size)
                    for user, lang in batch:
                        questions, topics = pools[lang]
                        ask = rng.random() < 0.35
                        text, meant = (
                            (unanswered(rng, topics), None) if ask else rng.choice(questions)
                        )
                        meaning[user] = library.get(meant, lang) if meant else None
                        fake.send_text(user, text)
                        sent += 1
                    await fake.wait_idle(quiet=0.15, timeout=120)
                    notes += await react(fake, rng, batch, meaning)
                if day in (2, 4):  # an author edits mid-week, under traffic
                    clock.now += 1800
                    page = content / "exercises" / "plank.md"
                    page.write_text(page.read_text().replace("A held position", "A position held"))
                    began = time.perf_counter()
                    for user, _ in rng.sample(people, 20):
                        fake.send_text(user, "how do I do the plank")
                        sent += 1
                    before_reloads = live.reloads
                    if day == 2:
                        os.kill(os.getpid(), signal.SIGHUP)
                    else:
                        await live.reload("the author's /reload")
                    await until(lambda b=before_reloads: live.reloads > b, timeout=60)
                    took = time.perf_counter() - began
                    print(f"day {day + 1}: content reloaded under traffic in {took:.2f} s")
                    await fake.wait_idle(quiet=0.2, timeout=120)
            # Replies to a chat are paced (3 at once, then one a second): let the last go out.
            await fake.wait_idle(quiet=3.0, timeout=300)
            replies = follow_ups = 0
            for user, _ in people:
                for message in fake.messages(user):
                    asked = message["text"].startswith(("Sorry it didn't", "Siento que no"))
                    follow_ups += asked
                    replies += not asked
            presses = len(fake.callback_answers)
        async with SqliteStore(db) as written:
            entries = await written.answer_log(0, time.time() + DAY)
        noted = sum(e.note is not None for e in entries)
        print(
            f"{sent} questions and {notes} notes sent; {replies} replies, {follow_ups} "
            f"'what was missing?' questions and {presses} presses answered; "
            f"{live.reloads} content reloads under traffic; updates lost: "
            f"{sent + notes - replies}"
        )
        print(
            f"answer log: {len(entries)} answers and {noted} notes written "
            f"(every message logged: {len(entries) + noted == sent + notes})"
        )
    await asyncio.to_thread(out.mkdir, parents=True, exist_ok=True)
    html_file = Path.cwd() / out / "report.html" if not out.is_absolute() else out / "report.html"
    for form, name in (("text", "report.txt"), ("json", "report.json"), ("html", "report.html")):
        code = await asyncio.to_thread(
            cli,
            ["report", "--db", str(db), "--since", "8d", "--format", form, "-o", str(out / name)],
        )
        assert code == 0
    async with Browser.start() as browser:
        page = await browser.open(html_file)
        (out / "report.png").write_bytes(await page.screenshot())
        (out / "report-top.png").write_bytes(await page.screenshot(height=2000))
        print(f"browser: {len(page.errors)} console error(s)")
    shutil.copy(db, out / "bot.sqlite3")
    shutil.rmtree(work, ignore_errors=True)
    written = "report.txt, report.json, report.html, report.png (whole), report-top.png"
    print(f"written: {written}, bot.sqlite3 in {out}")


async def react(
    fake: FakeTelegram,
    rng: random.Random,
    batch: list[tuple[int, str]],
    meaning: dict[int, Exercise | None],
) -> int:
    """What people do with the replies: pick the suggestion they meant (most of the time) or,
    rarely, one they did not; vote; say what was missing. The notes written."""
    notes: list[int] = []
    for user, _ in batch:
        reply = fake.last_message(user)
        if reply is None:
            continue
        labels = list(buttons(reply))
        if any(label.startswith(("👍", "👎")) for label in labels):
            roll = rng.random()
            if roll < 0.12:
                await press_data(fake, user, reply, labels[-2])
            elif roll < 0.19:
                await press_data(fake, user, reply, labels[-1])
                notes.append(user)
        elif "Did you mean" in reply["text"] or "Quizá" in reply["text"]:
            meant = meaning.get(user)
            if meant is not None and meant.title in labels and rng.random() < 0.8:
                await press_data(fake, user, reply, meant.title)
            elif rng.random() < 0.05:  # a tap on something else, as happens
                await press_data(fake, user, reply, labels[0])
    await fake.wait_idle(quiet=0.1, timeout=60)
    writing = [user for user in notes if rng.random() < 0.5]
    for user in writing:
        fake.send_text(user, rng.choice(NOTES))
    await fake.wait_idle(quiet=0.1, timeout=60)
    return len(writing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/h3-report"))
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    asyncio.run(simulate(args.out, args.seed))


if __name__ == "__main__":
    sys.exit(main())
