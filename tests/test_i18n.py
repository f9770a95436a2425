"""Every interface string is in the catalogues, translated, with the same placeholders."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.conversation.i18n import LOCALE_DIR, interface_languages, translator
from bot.languages import language
from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _in_code() -> set[str]:
    found = extract_from_dir(str(ROOT / "bot"), keywords={"_": None, "N_": None})
    return {item[2] for item in found if isinstance(item[2], str)}


def _catalogue(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def test_template_matches_the_code() -> None:
    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        template = {str(m.id) for m in read_po(handle) if m.id}
    assert template == _in_code(), "run the pybabel extract/update commands in the README"


def test_every_language_translates_every_string_with_the_same_placeholders() -> None:
    wanted = _in_code()
    for lang in interface_languages()[1:]:
        catalogue = _catalogue(lang)
        missing = sorted(m for m in wanted if not catalogue.get(m))
        assert missing == [], f"{lang} lacks translations"
        for message in wanted:
            assert set(PLACEHOLDER.findall(catalogue[message])) == set(
                PLACEHOLDER.findall(message)
            ), (lang, message)


def test_translator_fills_placeholders_after_translating() -> None:
    assert translator("es")("Open {title}", title="Plancha") == "Abrir Plancha"
    assert translator("en")("Open {title}", title="Plank") == "Open Plank"
    assert translator("xx")("Steps") == "Steps"


def test_every_interface_language_has_its_word_tables() -> None:
    english = language("en")
    for lang in interface_languages():
        words = language(lang)
        assert words.code == lang, lang
        assert words.section_cues.keys() == english.section_cues.keys(), lang
        assert set(words.section_headings.values()) == set(english.section_headings.values())
        assert words.positions.keys() == english.positions.keys(), lang
