"""The shortcuts that keep a long message cheap read it exactly as the plain walks did: a
table's phrases are looked for only where their first two words are said, a name's words are
measured apart once per set of words said, and a text is analysed once while one message is
answered (and again for the next)."""

from __future__ import annotations

import random

from bot.content import Library
from bot.engine.index import LanguageIndex, remembering
from bot.engine.lexicon import Analysis, Lexicon, PhraseTable, _said_in, lexicon
from bot.engine.matching import FEW_PLACES, _span
from bot.engine.message import _asides


def _walked(
    table: PhraseTable, message: Analysis, ignore: frozenset[int] = frozenset()
) -> list[tuple[str, tuple[int, ...]]]:
    """`find_all` as a walk over every word, every phrase starting with it tried in turn."""
    kept = [
        i
        for i in range(len(message))
        if (table._every_word or not message.filler[i]) and i not in ignore
    ]
    source = message.words if table._exact else message.stems
    stems = [source[i] for i in kept]
    found: list[tuple[str, tuple[int, ...]]] = []
    for start, first in enumerate(stems):
        for phrase, tag, forms in table._by_first.get(first, ()):
            end = start + len(phrase)
            if tuple(stems[start:end]) == phrase and (
                forms is None or _said_in(forms, message.words, kept[start:end])
            ):
                found.append((tag, tuple(kept[start:end])))
    return found


def _outermost_walked(table: PhraseTable, found: list[str]) -> list[str]:
    tags: list[str] = []
    end = 0
    for start, word in enumerate(found):
        if start < end:
            continue
        for phrase, tag, _ in table._by_first.get(word, ()):
            if tuple(found[start : start + len(phrase)]) == phrase:
                tags.append(tag)
                end = start + len(phrase)
                break
    return tags


def test_a_table_finds_what_a_walk_over_every_word_finds() -> None:
    table = PhraseTable(
        [
            (("in", "place", "of"), "instead"),
            (("in", "place"), "still"),
            (("in",), "inside"),
            (("place",), "spot"),
            (("of", "course"), "sure"),
            (("tip",), "tip", (frozenset({"tip", "tips"}),)),
        ]
    )
    pieces = ["in", "place", "of", "course", "tip", "tipping", "the", "x"]
    rng = random.Random(3)
    en = lexicon("en")
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        message = en.analyse(text)
        ignore = frozenset(rng.sample(range(len(message)), min(2, len(message))))
        assert table.find_all(message) == _walked(table, message)
        assert table.find_all(message) == _walked(table, message)  # the same message again
        assert table.find_all(message, ignore) == _walked(table, message, ignore)
        terms = [t for t, filler in zip(message.terms, message.filler, strict=True) if not filler]
        assert table.outermost(terms) == _outermost_walked(table, terms)


def test_the_language_tables_find_in_a_long_message_what_a_walk_finds() -> None:
    for lang, text in [
        ("en", "after the hundred like a plank instead of the saw how do i " * 30),
        ("es", "en vez de el cien la sierra como la foca que hago mal " * 30),
    ]:
        tables = lexicon(lang)
        message = tables.analyse(text)
        for table in vars(tables).values():
            if isinstance(table, PhraseTable):
                assert table.find_all(message) == _walked(table, message)


def _spanned(ranks: list[list[int]]) -> int:
    """The narrowest window holding a place of each term, every window tried."""
    if len(ranks) <= 1:
        return 0
    places = sorted({r for held in ranks for r in held})
    return min(
        end - start
        for start in places
        for end in places
        if end >= start and all(any(start <= r <= end for r in held) for held in ranks)
    )


def test_how_far_apart_terms_are_said_is_the_narrowest_window_holding_each() -> None:
    rng = random.Random(5)
    for _ in range(400):
        terms = rng.randint(1, 4)
        # few places (walked in Python) and many (numpy's passes)
        most = rng.choice([3, FEW_PLACES])
        ranks = [sorted(rng.sample(range(60), rng.randint(1, most))) for _ in range(terms)]
        assert _span(ranks) == _spanned(ranks)


def test_a_text_is_analysed_once_while_a_message_is_answered(library: Library) -> None:
    index = LanguageIndex(library, "en")
    first = index.analyse("my neck hurts in the roll up")
    assert index.analyse("my neck hurts in the roll up") is not first  # no message: no memory
    with remembering():
        once = index.analyse("my neck hurts in the roll up?")
        # the same words, written otherwise: the same analysis
        assert index.analyse(" My neck hurts in the roll-up") is once
        assert index.analyse("my neck hurts in the roll up") == first
    with remembering():  # the next message reads it again
        assert index.analyse("my neck hurts in the roll up") is not once


def test_a_role_word_marks_only_a_name_said_right_after_it_in_a_long_message(
    library: Library,
) -> None:
    """Hundreds of role words said before a name (Language.name_roles: "after" makes it a
    point of reference) make it context only when one is said right before it."""
    index = LanguageIndex(library, "en")

    def asides(text: str) -> frozenset[str]:
        analysis = index.analyse(text)
        return _asides(index.names.lookup(analysis).matches, analysis, index.lexicon)

    assert asides("after the saw i do the roll up") == {"the-saw"}
    assert asides("after " * 300 + "the saw i do the roll up") == {"the-saw"}
    assert asides("after " * 300 + "class i do the saw and the roll up") == frozenset()
    assert asides("after " * 300 + "class " * 2 + "the saw and the roll up") == frozenset()


def _expanded_walked(tables: Lexicon, found: list[str]) -> list[str]:
    """`Lexicon._expand` as a walk trying every phrase at every word that starts one."""
    expanded = [part for w in found for part in tables._shorthand.get(w, w).split()]
    out: list[str] = []
    done = 0
    for at, word in enumerate(expanded):
        if at < done or word not in tables._phrase_starts:
            continue
        for length in tables._phrase_starts[word]:
            phrase = tables._phrases.get(tuple(expanded[at : at + length]))
            if phrase is not None:
                out.extend(expanded[done:at])
                out.extend(phrase.split())
                done = at + length
                break
    out.extend(expanded[done:])
    return out


def test_phrases_and_shorthand_are_read_as_a_walk_over_every_word_reads_them() -> None:
    rng = random.Random(11)
    for lang in ("en", "es"):
        tables = lexicon(lang)
        pieces = sorted(
            {w for phrase in tables._phrases for w in phrase}
            | set(tables._shorthand)
            | {"sit up", "x"}  # a word corrected may be two
        )
        phrases = sorted(tables._phrases)
        for _ in range(300):
            found: list[str] = []
            for _ in range(rng.randint(0, 12)):
                # whole phrases, and their words in other company
                found.extend(rng.choice(phrases) if rng.random() < 0.4 else [rng.choice(pieces)])
            assert tables._expand(found) == _expanded_walked(tables, found)


def test_the_positions_of_a_table_s_words_are_those_said_as_written_or_as_a_term() -> None:
    en = lexicon("en")
    message = en.analyse("it hurts, my neck aches and the strain hurts " * 20)
    table = en.trouble
    assert message.positions_of(table) == [
        p
        for p, (word, term) in enumerate(zip(message.words, message.terms, strict=True))
        if word in table or term in table
    ]
    assert message.positions_of(table)  # the words are there to be found
