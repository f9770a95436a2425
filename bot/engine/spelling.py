"""Spelling help across a language's whole vocabulary: exercise names, part cues, the words of
every page and of the language's tables.

rapidfuzz's OSA distance (an edit is an insert, a delete, a change or two letters swapped)
over the vocabulary is enough to find what a misspelt word was meant to be: a few thousand
words, one C call per unknown word. What it cannot tell is whether a word is misspelt at all:
"text", "mate" or "receta" are no Pilates words, but they are words, and correcting them into
"next", "mats" or "recta" would invent a subject. So the real words of the language, from the
frequency lists pyspellchecker ships (English, Spanish and a dozen more), are never corrected.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from importlib import resources
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.nearby import NearWords
from bot.languages.text import fold

# Edits a word may be from a vocabulary word and still be taken for it: one up to 7 letters,
# two beyond ("benfits" is "benefits", "modifcations" is "modifications").
SHORT_WORD = 4  # below this, only a cue word that is the same letters plus one ("tps": tips)
CUE_TYPO = 6  # letters from which a word two slips from a cue word is read as it
LONG_WORD = 8
MAX_LOOKUPS = 24  # unknown words corrected per message: bounds the cost of a hostile message
LONGEST = 30  # no word of any page is longer: a longer one is not misspelt, it is noise
SPLIT_PART = 3  # "swandive" -> "swan dive": both parts words of the vocabulary, 3+ letters
COMMON_WORD = 20_000  # times a word occurs in the list to be an everyday word
REAL_WORD = 5  # times a word occurs in the language's frequency list to count as a real word
# A word the pages use this many times more often than the language does is one of their
# subject's own ("exhale", "hips", "neck"); "hand", "long" or "see" are everyday words.
TYPICAL = 15.0
PLAIN_WORD = 200_000  # times a word occurs in the list to be a word of any subject ("see")
SCARCE = 1e-4  # share of the pages' words below which a word is hardly theirs ("ver": 2 in 40 000)
# A word of an exercise's names that no page says and the language does not know is a
# misspelling the names list ("mermade", "sholder bridge") when it is this close to another
# word of the same exercise's names: one edit, or two from this many letters on, the first
# letter kept and the length within one ("mermade" is "mermaid", "hands" no "manos").
VARIANT_WORD = 4
VARIANT_TWO_EDITS = 7


def word_counts(lang: str | None) -> dict[str, int]:
    """pyspellchecker's word counts for `lang`; empty for a language it does not ship."""
    if lang is None:
        return {}
    try:
        packed = resources.files("spellchecker").joinpath("resources", f"{lang}.json.gz")
        with gzip.open(packed.open("rb")) as stream:
            counts: dict[str, int] = json.load(stream)
    except (FileNotFoundError, ModuleNotFoundError, OSError, ValueError):
        return {}
    return counts


# Per language: its real words and its everyday words, read once per process (or handed over
# by the index cache, which keeps them: reading the lists is a quarter of a second each).
_LISTS: dict[str | None, tuple[frozenset[str], frozenset[str]]] = {}


def word_lists(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """`lang`'s real words and everyday words (see `real_words`, `common_words`)."""
    found = _LISTS.get(lang)
    if found is None:
        real, common = _read_lists(lang)
        found = (frozenset(real), frozenset(common))
        _LISTS[lang] = found
    return found


def _read_lists(
    lang: str | None, counts: dict[str, int] | None = None
) -> tuple[list[str], list[str]]:
    """`lang`'s real words and everyday words, in the list's order (from its `counts`, when
    already read)."""
    # Messages are read folded ("música" as "musica"), so the lists are folded too.
    real: list[str] = []
    common: list[str] = []
    for word, count in (word_counts(lang) if counts is None else counts).items():
        if count >= REAL_WORD:
            folded = word if word.isascii() else fold(word)
            real.append(folded)
            if count >= COMMON_WORD:  # a subset of the real words: folded once
                common.append(folded)
    return real, common


# How the index helper hands the lists back: each list's length and its words joined by line
# breaks. A string pickles in no time, where the sets were 1.9 MB (English) and 0.16 s of the
# two processes' time; the words, in the list's order, make the same sets here.
Packed = tuple[tuple[int, str], tuple[int, str]]


def packed_word_lists(lang: str | None, counts: dict[str, int] | None = None) -> Packed:
    """`lang`'s lists read (in a helper process), packed to be handed back."""
    real, common = _read_lists(lang, counts)
    return (len(real), "\n".join(real)), (len(common), "\n".join(common))


def remember_packed(lang: str | None, packed: Packed) -> None:
    """The lists a helper read, unless one of its words holds a line break (then they are
    read here when first asked for: nothing of the kind is in the lists shipped)."""
    real, common = (_unpacked(*part) for part in packed)
    if real is not None and common is not None:
        remember_word_lists(lang, frozenset(real), frozenset(common))


def _unpacked(count: int, joined: str) -> list[str] | None:
    found = joined.split("\n") if count else []
    return found if len(found) == count else None


def remember_counted(lang: str | None, counts: dict[str, int]) -> None:
    """The lists of `lang` made from its counts, read for something else, unless this process
    has them."""
    if lang not in _LISTS:
        real, common = _read_lists(lang, counts)
        remember_word_lists(lang, frozenset(real), frozenset(common))


def has_word_lists(lang: str | None) -> bool:
    """Whether this process has `lang`'s lists already."""
    return lang in _LISTS


def remember_word_lists(lang: str | None, real: frozenset[str], common: frozenset[str]) -> None:
    """The lists of `lang` as the index cache kept them, unless this process has read them."""
    _LISTS.setdefault(lang, (real, common))


def real_words(lang: str | None) -> frozenset[str]:
    """The words of `lang` as pyspellchecker's frequency list has them."""
    return word_lists(lang)[0]


def common_words(lang: str | None) -> frozenset[str]:
    """Everyday words of `lang` ("lower", "back", "bridge"): on their own they name nothing."""
    return word_lists(lang)[1]


# Letters of a form's stem, and of a word with a pronoun written onto it, for it to be read
# as a form of a listed word ("meses" is "mes", "ago" no "agir")
FORM_STEM = 2
FORM_WORD = 4


class Inflections:
    """The regular forms of a language's words that its spelling list may lack (see
    `Language.inflections`): which listed words a word may be a form of."""

    def __init__(
        self,
        table: Mapping[str, str] | None,
        changes: Iterable[tuple[str, str]] = (),
        verbs: Iterable[str] = (),
        pronouns: Iterable[str] = (),
        diminutives: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._diminutives = tuple(diminutives)
        self._bases: dict[str, tuple[str, ...]] = {}
        for base, forms in (table or {}).items():
            for ending in dict.fromkeys(forms.split()):
                self._bases[ending] = (*self._bases.get(ending, ()), base)
        self._lengths = sorted({len(e) for e in self._bases}, reverse=True)
        self._changes = tuple(changes)
        self._verbs = frozenset(verbs)
        self._pronouns = tuple(pronouns)

    def __bool__(self) -> bool:
        return bool(self._bases)

    def bases(self, word: str, real: Container[str]) -> list[str]:
        """The words of `real` that `word` is a regular form of ("meses": "mes"; "entiendo":
        "entender"), or a form with a pronoun written onto it ("sujetándote": "sujetar")."""
        if len(word) < FORM_WORD or not self._bases:
            return []
        found = self._bases_of(word, real)
        for suffix, replacement in () if found else self._diminutives:
            if word.endswith(suffix) and len(word) - len(suffix) >= FORM_STEM:
                # "besito": "beso"; "minutitos": "minutos", a form of "minuto"
                base = word[: -len(suffix)] + replacement
                found.extend([base] if base in real else self._bases_of(base, real))
        if not found:
            for pronoun in self._pronouns:
                if word.endswith(pronoun) and len(word) - len(pronoun) >= FORM_WORD:
                    verb = word[: -len(pronoun)]
                    found.extend([verb] if verb in real else self._bases_of(verb, real))
        return found

    def _bases_of(self, word: str, real: Container[str]) -> list[str]:
        found: list[str] = []
        for length in self._lengths:
            stem_length = len(word) - length
            if stem_length < FORM_STEM:
                continue
            bases = self._bases.get(word[stem_length:])
            if bases is None:
                continue
            stem = word[:stem_length]
            for base in bases:
                if stem + base in real:
                    found.append(stem + base)
                if base not in self._verbs:
                    continue
                for written, listed in self._changes:
                    at = stem.rfind(written)
                    changed = stem[:at] + listed + stem[at + len(written) :] + base
                    if at > 0 and changed in real:
                        found.append(changed)
        return found


NO_INFLECTIONS = Inflections(None)


# A letter typed three times or more in a row: no word of either language has that
_ELONGATED = re.compile(r"(\w)\1{2,}")


class Speller:
    """Corrects a word that no page and no table uses to the vocabulary word it most likely is.

    Ties go to the more important word: a cue word, then the word most pages use. Exercise
    names are not corrected here but by the name index, which charges each edit; two words run
    together are split here ("swandive").
    """

    def __init__(
        self,
        vocabulary: Counter[str],
        names: Iterable[str],
        cues: Iterable[str],
        protected: Iterable[str],
        stem: Callable[[str], str],
        real: frozenset[str] = frozenset(),
        counts: dict[str, int] | None = None,
        variants: dict[str, str] | None = None,
        inflections: Inflections = NO_INFLECTIONS,
        places: Iterable[str] = (),
    ) -> None:
        """`places`: the words of the places of the body, where it hurts ("lowr bak"): short
        words are corrected towards them as towards cue words, though they stay unknown
        (a place no page speaks of, "jaw", is still another word)."""
        cues, protected = tuple(cues), tuple(protected)  # each is read more than once
        self._stem = stem
        self._real = real
        self._inflections = inflections
        self._cache: dict[str, tuple[str, ...]] = {}
        self._near: NearWords | None = None
        self._choice_set: frozenset[str] | None = None
        self._name_pool: list[str] | None = None
        self._names = frozenset(names)
        # Misspellings a page lists among its names, read as the word they stand for, so the
        # whole name is found ("mermade stretch" is the keyword "mermaid stretch"); see
        # `name_variants`.
        self._variants: dict[str, str] = dict(variants or {})
        self._cues = self.cue_set(cues)
        # Words the language's tables know (greetings, other sports...) are never corrected.
        self._known = frozenset(vocabulary) | self._names | frozenset(cues) | frozenset(protected)
        self._frequency: dict[str, int] = dict(vocabulary)
        self._preferred = sorted(
            {w for w in (*self._cues, *places) if len(w) >= SHORT_WORD and w.isalpha()}
        )
        # Nothing is corrected into a word shorter than 4 letters: "mate" is not "mat".
        # Name words are left to the name index, which weighs a misspelt name by its edits
        # and by the unknown words around it ("sopa de patatas" is no kick).
        # A name's word that the language's tables also know is corrected to like any other
        # ("brething": "breathing", which a name holds too); one only the pages use is left
        # to the name index ("patatas" is no "patadas").
        only_names = self._names - frozenset(cues) - frozenset(protected)
        self._choices = sorted(w for w in self._known - only_names if len(w) >= SHORT_WORD)
        # "commonmistakes", "swandive": page words, names and cue words typed as one
        self._splittable = frozenset(
            w for w in (*vocabulary, *self._names, *cues) if len(w) >= SPLIT_PART
        )
        # A form of a known word is no typo: "pike" when a page says "piking".
        self._stems = frozenset(stem(w) for w in self._known)
        self._typical, self._plain = _subject_words(vocabulary, (*cues, *protected), counts or {})
        self._scarce = SCARCE * sum(vocabulary.values())

    @staticmethod
    def cue_set(cues: Iterable[str]) -> frozenset[str]:
        """The cue words a short word may be corrected towards. Of the speller's sets this is
        the one it iterates (the others it only asks), so its order matters: a set sent from
        another process is rebuilt there in another order, this one is made again here."""
        return frozenset(w for w in cues if len(w) >= SHORT_WORD)

    _STATE = (
        "_names _cues _known _frequency _preferred _choices _splittable _stems _typical _plain "
        "_scarce _variants"
    ).split()

    def state(self) -> dict[str, Any]:
        """What `from_state` rebuilds the speller from (for the index cache)."""
        return {name: getattr(self, name) for name in self._STATE}

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        stem: Callable[[str], str],
        real: frozenset[str],
        inflections: Inflections = NO_INFLECTIONS,
    ) -> Speller:
        speller = cls.__new__(cls)
        speller._stem = stem
        speller._real = real
        speller._inflections = inflections
        speller._cache = {}
        speller._near = None
        speller._choice_set = None
        speller._name_pool = None
        for name in cls._STATE:
            setattr(speller, name, state[name])
        return speller

    @property
    def real(self) -> frozenset[str]:
        """The real words of the language."""
        return self._real

    def __contains__(self, word: str) -> bool:
        return word in self._known

    def is_other_word(self, word: str) -> bool:
        """A real word of the language that no page or table uses ("invented", "music"), nor
        any form of one ("pike" when a page says "piking")."""
        return (
            word in self._real and word not in self._known and self._stem(word) not in self._stems
        )

    def is_typical(self, word: str) -> bool:
        """A word the pages use far more often than the language does: a word of their
        subject ("exhale", "hips", "neck"), not an everyday one ("hand", "see")."""
        return word in self._typical

    def is_plain(self, word: str) -> bool:
        """A cue word so frequent in the language that it asks about anything ("see", "use",
        "wrong"), unlike "tips" or "mistakes"."""
        return word in self._plain

    def is_scarce(self, word: str) -> bool:
        """A real word of the language that the pages hardly say as such, though a form of it
        or a table may know it ("sharpen", "ver")."""
        return word in self._real and self._frequency.get(word, 0) < self._scarce

    def correct(self, word: str) -> tuple[str, ...]:
        """The word(s) `word` stands for: itself when known or when nothing is close."""
        variant = self._variants.get(word)
        if variant is not None:
            return (variant,)
        if word in self._known or word.isdigit() or not SHORT_WORD - 1 <= len(word) <= LONGEST:
            return (word,)
        cached = self._cache.get(word)
        if cached is None:
            if self._stem(word) in self._stems:
                # a form of a known word ("piking"), unless a letter typed once for two
                # makes it a known word itself ("beginer": "beginner", not a form of "begin")
                doubled = self._doubled(word)
                cached = doubled if doubled is not None and doubled[0] in self._known else (word,)
            else:
                # a cue word typed with a letter doubled ("misstakes") before two words it
                # splits into ("miss takes")
                doubled = self._doubled(word)
                cued = doubled if doubled is not None and doubled[0] in self._cues else None
                cached = cued or self._split(word) or doubled or self._nearest(word) or (word,)
                base = self._form_of(word, cached) if cached != (word,) else None
                if base is not None:
                    cached = (base,) if base in self._known else (word,)
            if len(self._cache) < 100_000:
                self._cache[word] = cached
        return cached

    def correct_all(self, found: Iterable[str]) -> list[str]:
        """Every word of a message, corrected; at most MAX_LOOKUPS unknown words looked up."""
        out: list[str] = []
        lookups = 0
        variants = self._variants
        for word in found:
            variant = variants.get(word)
            if variant is not None:
                out.append(variant)
                continue
            if word in self._known or word in self._real or lookups >= MAX_LOOKUPS:
                out.append(word)
                continue
            lookups += 1
            out.extend(self.correct(word))
        return out

    def _form_of(self, word: str, reading: tuple[str, ...]) -> str | None:
        """The real word that `word`, which would be read as `reading`, is a form of, when the
        language's list lacks that form ("meses": "mes", not "metes"); one the pages use
        first, read in its stead ("nadáramos": "nadar", which the stemmer does not see once
        the accent is folded). A slip of a cue word stays one: the pages' question words are
        likelier than a rare form ("beneficos" is "beneficios", not a form of "benéfico")."""
        if len(reading) == 1 and reading[0] in self._cues and OSA.distance(word, reading[0]) < 2:
            return None
        bases = self._inflections.bases(word, self._real)
        return next((b for b in bases if b in self._known), bases[0] if bases else None)

    def _nearest(self, word: str) -> tuple[str, ...] | None:
        if len(word) < SHORT_WORD:
            # "tps": only a cue word (or a place of the body: "nck") made of the same letters
            # plus one
            edits, pool = 1, [c for c in self._preferred if len(c) == len(word) + 1]
        elif len(word) == SHORT_WORD:
            # "tipz": a four-letter word only towards a cue or a place; too many words are one
            # letter away from a four-letter word
            edits, pool = 1, self._preferred
        else:
            edits, pool = (1 if len(word) < LONG_WORD else 2), self._choices
        if pool is self._choices:  # the whole vocabulary: only the words of possible lengths
            found = self._near_choices().extract(word, edits, limit=8)
        else:
            found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=edits, limit=8)
        if not found and edits == 1 and len(word) >= CUE_TYPO:
            # "benifts": two slips from a word that asks for a part, few enough to tell apart
            # (of about its length: "hacerte" is "hacer" and a pronoun, not a slip)
            near = [c for c in self._cues if abs(len(c) - len(word)) <= 1]
            found = process.extract(word, near, scorer=OSA.distance, score_cutoff=2, limit=8)
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        if best > 1 and self._name_word_within(word, best - 1):
            # "buelta": a slip from a word only the names use ("vuelta", b for v) before two
            # from a cue word ("puesta"): left to the name index, which reads it as that name
            return None
        ties = [choice for choice, distance, _ in found if distance == best]
        ties.sort(key=self._importance, reverse=True)
        if (
            len(ties) > 1
            and self._importance(ties[0]) == self._importance(ties[1])
            and self._stem(ties[0]) != self._stem(ties[1])
        ):
            # two equally good readings: leave the word as typed (two forms of one word,
            # "mistake" and "mistakes" for "mistakez", are one reading)
            return None
        return (ties[0],)

    def _name_word_within(self, word: str, edits: int) -> bool:
        """Whether a word only the exercises' names use ("vuelta") is at most `edits` from
        `word` (the names' words of about its length: a few dozen)."""
        if self._name_pool is None:
            self._name_pool = sorted(self._names - self._known_choices())
        near = [w for w in self._name_pool if abs(len(w) - len(word)) <= edits]
        return bool(process.extract(word, near, scorer=OSA.distance, score_cutoff=edits, limit=1))

    def _known_choices(self) -> frozenset[str]:
        if self._choice_set is None:
            self._choice_set = frozenset(self._choices)
        return self._choice_set

    def _doubled(self, word: str) -> tuple[str, ...] | None:
        """The word a letter typed once for two, or twice for one, stands for ("flaping",
        "stepss"): the commonest slip on a phone, so it goes before any other reading one
        edit away ("flaring"). A word it may be corrected to (see `_nearest`) first; else,
        from five letters, a real word, which is then no word of the pages ("flapping")."""
        if len(word) < SHORT_WORD:
            return None  # "ded" is no "deed"
        found = dict.fromkeys(
            (
                *(word[: i + 1] + word[i:] for i in range(len(word)) if word[i].isalpha()),
                *(word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]),
                # a letter held down ("tipsss", "sooo"): its run as one letter, or two
                *(_ELONGATED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)),
            )
        )
        found.pop(word, None)
        if self._choice_set is None:
            self._choice_set = frozenset(self._choices)
        known = [w for w in found if w in self._choice_set]
        if not known:
            # ...or a word the pages' questions are asked in ("whyy": "why")
            known = [w for w in found if w in self._known]
        if known:
            known.sort(key=self._importance, reverse=True)
            if len(known) == 1 or self._importance(known[0]) != self._importance(known[1]):
                return (known[0],)
            return None
        real = [w for w in found if w in self._real]
        return (real[0],) if len(real) == 1 and len(word) > SHORT_WORD else None

    def _near_choices(self) -> NearWords:
        if self._near is None:  # built on the first unknown word, not at start-up
            self._near = NearWords(self._choices)
        return self._near

    def _importance(self, word: str) -> tuple[bool, bool, int]:
        return (word in self._names, word in self._cues, self._frequency.get(word, 0))

    def _split(self, word: str) -> tuple[str, ...] | None:
        """Two words typed as one: "swandive", "neckpull", "rollover"."""
        for cut in range(SPLIT_PART, len(word) - SPLIT_PART + 1):
            left, right = word[:cut], word[cut:]
            if left in self._splittable and right in self._splittable:
                return (left, right)
        return None


def name_variants(
    groups: Iterable[tuple[Iterable[str], Iterable[str]]],
    vocabulary: Counter[str],
    counts: dict[str, int],
    stem: Callable[[str], str],
) -> dict[str, str]:
    """The misspellings exercises list among their names, each with the word it stands for.

    Per exercise (`groups`: the words of its names in the language, and of all its names): a
    word of the first that no page says and the language's list does not know, close to a
    word of its names that a page says or the language knows (see VARIANT_TWO_EDITS), of
    another stem, and not that word and an ending ("lifts"). Of several, the one the pages
    say most, then the language; a word with two such readings, in one exercise or two, is
    left alone."""
    found: dict[str, str] = {}
    clashes: set[str] = set()

    def known(word: str) -> bool:
        return word in vocabulary or counts.get(word, 0) >= REAL_WORD

    for own, every in groups:
        unknown = sorted(
            w for w in set(own) if len(w) >= VARIANT_WORD and not w.isdigit() and not known(w)
        )
        if not unknown:
            continue  # most exercises: no word read against the others
        meant = sorted(w for w in set(every) if known(w))
        for word in unknown:
            ranked: list[tuple[int, int, int, str]] = []
            for other, distance, _ in process.extract(
                word, meant, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                if (
                    abs(len(other) - len(word)) > 1
                    or word.startswith(other)
                    or (distance == 2 and (len(word) < VARIANT_TWO_EDITS or other[0] != word[0]))
                    or stem(other) == stem(word)
                ):
                    continue
                ranked.append(
                    (int(distance), -vocabulary.get(other, 0), -counts.get(other, 0), other)
                )
            if not ranked:
                continue
            ranked.sort()
            if len(ranked) > 1 and ranked[0][:3] == ranked[1][:3]:
                clashes.add(word)  # two readings as likely
            elif found.setdefault(word, ranked[0][3]) != ranked[0][3]:
                clashes.add(word)
    return {word: meant for word, meant in found.items() if word not in clashes}


def _subject_words(
    vocabulary: Counter[str], tables: Iterable[str], counts: dict[str, int]
) -> tuple[frozenset[str], frozenset[str]]:
    """The pages' words that are their subject's own (see `Speller.is_typical`), and those
    words and the tables' that speak of any subject (`Speller.is_plain`), from the language's
    word counts; none without them."""
    if not counts:
        return frozenset(), frozenset()
    wanted = set(vocabulary) | set(tables)
    counted: dict[str, int] = {}
    for word, count in counts.items():
        folded = word if word.isascii() else fold(word)
        if folded in wanted:
            counted[folded] = counted.get(folded, 0) + count
    pages = sum(vocabulary.values()) or 1
    language = sum(counts.values()) or 1
    typical = frozenset(
        word
        for word, used in vocabulary.items()
        if used / pages >= TYPICAL * (counted.get(word, 0) + 1) / language
    )
    plain = frozenset(w for w, count in counted.items() if count >= PLAIN_WORD)
    return typical, plain
