"""Cards with the page's picture and a link to it on the website; captions within Telegram's
1024, the rest continued in messages."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.content import Exercise, Level, Library, Section, Website
from bot.conversation.render import faq_entry, faq_list, render
from bot.conversation.reply import MAX_CAPTION, MAX_MESSAGE, Line, Part, Picture, Reply, Span
from bot.engine import Answer, AnswerEngine, AnswerKind
from tests.fake_telegram import parse_html, utf16_len

SITE = Website.at("https://pilates.example.com")


@pytest.fixture(scope="module")
def engine(library: Library) -> AnswerEngine:
    return AnswerEngine(library, rng=random.Random(3))


def _card(exercise: Exercise, lang: str = "en", section: Section = Section.OVERVIEW) -> Answer:
    return Answer(AnswerKind.EXERCISE, lang, exercise=exercise, section=section)


def _links(reply: Reply) -> dict[str, str]:
    return {b.label: b.url for b in reply.links if b.url is not None}


def test_a_card_links_to_its_page_and_shows_its_picture(library: Library) -> None:
    english, spanish = library.get("inner-thigh-lifts"), library.get("inner-thigh-lifts", "es")
    assert english is not None and spanish is not None
    reply = render(_card(english), site=SITE)
    assert _links(reply)["🌐 Open on the website"] == (
        "https://pilates.example.com/exercises/inner-thigh-lifts/"
    )
    assert reply.picture == Picture(
        "https://pilates.example.com/images/exercises/inner-thigh-lifts.jpg", "⬇ continued below"
    )
    reply = render(_card(spanish, "es"), site=SITE)
    assert _links(reply)["🌐 Abrir en la web"] == (
        "https://pilates.example.com/es/exercises/inner-thigh-lifts/"
    )
    assert reply.picture is not None and reply.picture.continued == "⬇ sigue abajo"


def test_an_english_page_shown_in_spanish_links_to_the_english_page(library: Library) -> None:
    english = library.get("plank")
    assert english is not None
    reply = render(_card(english, "es"), site=SITE)  # "not translated yet": the English page
    assert _links(reply)["🌐 Abrir en la web"] == "https://pilates.example.com/exercises/plank/"


def test_every_reply_about_one_page_carries_it_and_the_others_do_not(
    engine: AnswerEngine, library: Library
) -> None:
    exercise = library.get("inner-thigh-lifts")
    assert exercise is not None
    url = "https://pilates.example.com/exercises/inner-thigh-lifts/"
    about_the_page = [
        render(_card(exercise, section=section), site=SITE) for section in Section
    ] + [
        faq_list(exercise, exercise.id, "en", SITE),
        faq_entry(exercise, exercise.id, 0, "en", SITE),
        render(engine.answer("my bottom hip hurts in inner thigh lifts"), site=SITE),
    ]
    for reply in about_the_page:
        assert reply is not None
        assert reply.picture is not None, reply.text
        assert list(_links(reply).values())[-1] == url, reply.text
    random_pick = render(engine.answer("random beginner exercise"), site=SITE)
    assert random_pick.links[-1].label == "🌐 Open on the website"
    assert random_pick.buttons[-1][0].label == "🎲 Another"  # Another stays the last row
    for other in ("hello", "swan"):  # help, suggestions: not about one page
        reply = render(engine.answer(other), site=SITE)
        assert reply.picture is None and reply.links == ()


def test_a_page_without_a_picture_still_links_to_the_website(library: Library) -> None:
    exercise = library.get("plank")
    assert exercise is not None
    reply = render(_card(replace(exercise, image=None)), site=SITE)
    assert reply.picture is None
    assert "🌐 Open on the website" in _links(reply)


def test_without_a_site_there_is_no_picture_and_no_website_button(library: Library) -> None:
    for exercise in library.catalogue():
        reply = render(_card(exercise))
        assert reply.picture is None
        assert all("website" not in b.label for b in reply.links)
        with_site = render(_card(exercise), site=SITE)
        assert with_site.parts == reply.parts  # the same words either way
        assert with_site.buttons[:-1] == reply.buttons


def test_the_video_button_is_there_only_when_the_page_has_a_video(library: Library) -> None:
    for exercise in library.catalogue():
        labels = [b.label for row in render(_card(exercise)).buttons for b in row]
        has_button = "▶ Video" in labels
        assert has_button == (exercise.video_url is not None), exercise.id
        assert "Video" not in labels and "· Video ·" not in labels
    # Asked in words, the part still answers that there is none.
    plank = library.get("plank")
    assert plank is not None
    assert "no video" in render(_card(plank, section=Section.VIDEO)).text


# --- captions ----------------------------------------------------------------------------------


def _checked(reply: Reply) -> list[str]:
    """The caption pieces, each checked as Telegram would: valid HTML, within its limit."""
    pieces = reply.caption_pieces()
    for number, piece in enumerate(pieces):
        visible = parse_html(piece).text
        assert 1 <= utf16_len(visible) <= (MAX_CAPTION if number == 0 else MAX_MESSAGE)
    return pieces


def _visible(pieces: list[str]) -> str:
    return "\n".join(parse_html(piece).text for piece in pieces)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_card_fits_a_caption_or_continues_below_without_losing_a_line(
    library: Library, lang: str
) -> None:
    continued = 0
    for exercise_id in library.ids:
        exercise = library.get(exercise_id, lang)
        assert exercise is not None
        for section in Section:
            for level in (None, Level.EASIER, Level.HARDER):
                answer = Answer(AnswerKind.EXERCISE, lang, exercise, section, level)
                reply = render(answer, site=SITE)
                pieces = _checked(reply)
                lines = [line for line in reply.text.splitlines() if line.strip()]
                shown = [line for line in _visible(pieces).splitlines() if line.strip()]
                if len(pieces) > 1:
                    continued += 1
                    note = reply.picture.continued if reply.picture else "…"
                    assert parse_html(pieces[0]).text.endswith(note)
                    shown.remove(note)
                assert shown == lines, (exercise_id, section, level)
    assert continued > 0  # the bundled pages have cards longer than a caption


def test_a_caption_counts_utf16_units_as_telegram_does() -> None:
    emoji = "🧘" * 300  # 600 UTF-16 units, 300 characters
    lines: tuple[Line, ...] = tuple((Span(f"{n} {emoji}"),) for n in range(3))
    reply = Reply((Part(lines),), picture=Picture("https://x.example/p.jpg", "more"))
    caption, *rest = _checked(reply)
    assert parse_html(caption).text.count("🧘") == 300  # one line of three: 2 would be 1200
    assert len(rest) == 1 and rest[0].count("🧘") == 600


def test_a_line_longer_than_a_caption_is_cut_at_words() -> None:
    words = " ".join(f"word{n}" for n in range(400))  # ~3 600 characters in one line
    reply = Reply((Part(((Span(words),),)),), picture=Picture("https://x.example/p.jpg"))
    pieces = _checked(reply)
    assert len(pieces) == 2
    assert _visible(pieces).replace("\n…\n", " ").replace("\n", " ") == words


def test_content_in_captions_is_escaped(library: Library) -> None:
    exercise = library.get("inner-thigh-lifts")
    assert exercise is not None
    hostile = replace(exercise, title="<b>Lifts</b> & <i>co</i>", steps=("a < b > c & d",) * 80)
    pieces = _checked(render(_card(hostile, section=Section.STEPS), site=SITE))
    assert "&lt;b&gt;Lifts&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in pieces[0]
    assert parse_html(pieces[0]).text.startswith("<b>Lifts</b> & <i>co</i>")
    assert all("a &lt; b &gt; c &amp; d" in piece for piece in pieces)
