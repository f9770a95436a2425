"""Text as the matcher sees it: folded, unaccented, punctuation-free words and their stems."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

from bot.languages import language

# Messages longer than this are cut before matching: nobody asks a form question in a novel,
# and it bounds the work one message can cause.
MAX_MESSAGE_CHARS = 4000
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile("['`\u2018\u2019\u00b4]")  # ' ` and the typographic ones
# A terminal's escape sequences (colours: "\x1b[31m") are markup pasted along, not words: read
# as words they say "31m", thirty-one minutes.
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])")


class _Marks(dict[int, int | None]):
    """str.translate's table: combining marks dropped, every other character kept. Filled as
    characters are met, so a page costs one look-up per character, not one Python call."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text` (á -> a, ß -> ss)."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose, no marks: most English text
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return decomposed if decomposed.isascii() else decomposed.translate(_MARKS)


# ASCII text's words without the regex (its Unicode class costs a look-up per character):
# apostrophes dropped, every other character that is not a letter or digit a space. A bytes
# table: indexing translates megabytes, and str.translate looks each character up in a dict.
_ASCII_BREAKS = bytes(c if chr(c).isalnum() else ord(" ") for c in range(256))
_APOSTROPHE_BYTES = b"'`"


def words(text: str) -> list[str]:
    """The words of `text`: folded, apostrophes joined (don't -> dont), everything else a break."""
    # Cut again once folded: compatibility forms expand ("\ufdfa" is 18 letters).
    text = text[:MAX_MESSAGE_CHARS]
    if "\x1b" in text:
        text = _ESCAPES.sub(" ", text)
    folded = fold(text)[:MAX_MESSAGE_CHARS]
    if folded.isascii():  # the same words as below, found faster (indexing reads megabytes)
        return folded.encode("ascii").translate(_ASCII_BREAKS, _APOSTROPHE_BYTES).decode().split()
    return _WORD.findall(_APOSTROPHES.sub("", folded))


def words_of_all(texts: Sequence[str]) -> list[str]:
    """`words` of each text, one text after the other.

    Indexing counts every word of every page: ASCII texts are read in one pass, joined by line
    breaks, instead of one call per text (a fifth less time than the calls). The same words:
    each text is short enough for `words` not to cut it, an ASCII text folds to as many
    characters, and a line break is a break between words that joins nothing."""
    joined = "\n".join(texts)
    if joined.isascii() and all(len(text) <= MAX_MESSAGE_CHARS for text in texts):
        return (
            joined.casefold()
            .encode("ascii")
            .translate(_ASCII_BREAKS, _APOSTROPHE_BYTES)
            .decode()
            .split()
        )
    return [word for text in texts for word in words(text)]


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "en") -> str:
    stemmer = _stemmer(language(lang).stemmer)
    return str(stemmer.stemWord(word))


_local = threading.local()


def _stemmer(name: str) -> snowballstemmer.stemmer:
    # One stemmer per thread: a Snowball stemmer keeps its word in itself while it works, and
    # the content is reloaded (and reports built) in a worker thread while the event loop's
    # thread goes on answering.
    stemmers: dict[str, snowballstemmer.stemmer] = _local.__dict__.setdefault("stemmers", {})
    if name not in stemmers:
        stemmers[name] = snowballstemmer.stemmer(name)
    return stemmers[name]
