"""A Spanish-speaking user through the fake Bot API: language, menu, fallback, /language."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.content import Library, load_library
from bot.faces.telegram.app import COMMANDS
from tests.conftest import CONTENT
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import buttons, press, running_bot, say

ANA = 3003


def partly_translated(tmp_path: Path) -> Library:
    """Plank in English and Spanish, Teaser in English only."""
    exercises = tmp_path / "content" / "exercises"
    exercises.mkdir(parents=True)
    for name in ("plank.md", "plank.es.md", "teaser.md"):
        shutil.copy(CONTENT / "exercises" / name, exercises / name)
    result = load_library(tmp_path / "content")
    assert not result.problems
    return result.library


async def test_spanish_user_gets_spanish_cards_buttons_and_menu(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    fake.make_user(ANA, "Ana", language_code="es")
    library = partly_translated(tmp_path)
    async with running_bot(fake, library, tmp_path / "db.sqlite3"):
        spanish_menu = [c["description"] for c in fake.commands(language_code="es")]
        assert len(spanish_menu) == len(COMMANDS)
        assert "Tus ejercicios guardados" in spanish_menu
        assert "Your saved exercises" in [c["description"] for c in fake.commands()]

        card = await say(fake, "¿cómo hago la plancha?", user=ANA)
        assert card["text"].startswith("Plancha")
        assert "Principiante" in card["text"]
        # "cómo hago" asks for the steps: that button is the one marked as on screen
        assert {"· Pasos ·", "Consejos", "Errores", "Más fácil", "Más difícil"} <= set(
            buttons(card)
        )
        card = await press(fake, card, "Más fácil", user=ANA)
        assert "Más fácil" in card["text"]

        fallback = await say(fake, "teaser", user=ANA)
        first, title = fallback["text"].splitlines()[:2]
        assert first == "Esta página aún no está traducida, así que te la muestro en inglés."
        assert title == "Teaser"
        assert "Pasos" in buttons(fallback)

        hello = await say(fake, "hola", user=ANA)
        assert hello["text"].startswith("¡Hola!")


async def test_language_can_be_changed_and_forget_deletes_it(
    fake: FakeTelegram, library: Library, tmp_path: Path
) -> None:
    fake.make_user(ANA, "Ana", language_code="es")
    db = tmp_path / "db.sqlite3"
    async with running_bot(fake, library, db):
        choice = await say(fake, "/language", user=ANA)
        assert "Elige tu idioma" in choice["text"]
        done = await press(fake, choice, "English", user=ANA)
        assert done["text"] == "Done: I'll answer in English from now on."
        card = await say(fake, "plank", user=ANA)
        assert "Beginner" in card["text"]
    async with running_bot(fake, library, db):  # the choice is stored
        card = await say(fake, "plank", user=ANA)
        assert "Beginner" in card["text"]
        confirm = await say(fake, "/forget", user=ANA)
        await press(fake, confirm, "Yes, delete everything", user=ANA)
        card = await say(fake, "plank", user=ANA)
        assert "Principiante" in card["text"]  # back to Telegram's language
