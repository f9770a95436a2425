"""Interface strings in the user's language, from gettext catalogues.

Strings are written in English in the code, marked with `_()` (or `N_()` where they are data),
and translated in bot/locale/LANG/LC_MESSAGES/messages.po. See README "Adding a language".
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from bot.content import DEFAULT_LANG

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; translated where it is shown."""
    return message


@cache
def _catalogue(lang: str) -> Mapping[str, str]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    return {
        str(m.id): str(m.string)
        for m in catalogue
        if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }


class Translator:
    """`_("Steps")` in one language; placeholders are filled after translating."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._strings = _catalogue(lang)

    def __call__(self, message: str, **values: object) -> str:
        text = self._strings.get(message, message)
        return text.format(**values) if values else text


@cache
def translator(lang: str) -> Translator:
    return Translator(lang)


@cache
def interface_languages() -> tuple[str, ...]:
    """Languages the interface speaks: English and every catalogue present."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
    return (DEFAULT_LANG, *(lang for lang in found if lang != DEFAULT_LANG))
