"""The vocabulary of one language compiled for matching, and messages analysed with it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bot import vocabulary as v
from bot.text import stem, words

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """A message as the engine sees it, analysed once.

    `stems` are the plain stems, for spotting cue phrases; `terms` are the stems after
    synonyms ("hurts" and "strain" both become "pain"), for matching against content.
    """

    lang: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    terms: tuple[str, ...]
    stop: tuple[bool, ...]
    filler: tuple[bool, ...]  # skipped when looking for cue phrases

    def __len__(self) -> int:
        return len(self.words)

    def find(self, phrase: Phrase, ignore: frozenset[int] = frozenset()) -> tuple[int, ...]:
        """Positions of `phrase` (stems, fillers left out) in the message, or ().

        Filler words and the `ignore`d positions (an exercise name, say) are stepped over, so
        "what does the saw do" still holds the cue "what does do".
        """
        kept = [i for i in range(len(self.stems)) if not self.filler[i] and i not in ignore]
        size = len(phrase)
        for start in range(len(kept) - size + 1):
            if all(self.stems[kept[start + k]] == phrase[k] for k in range(size)):
                return tuple(kept[start : start + size])
        return ()


class Lexicon:
    """One language's vocabulary: stop words, synonyms and cue phrases as stems."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._synonyms = v.SYNONYMS.get(lang, {})
        self._shorthand = v.SHORTHAND.get(lang, {})
        self.name_fillers = frozenset(stem(w, lang) for w in v.NAME_FILLERS.get(lang, ()))
        self._cue_fillers = v.CUE_FILLERS.get(lang, frozenset())
        self.stop_words = v.STOP_WORDS.get(lang, frozenset())
        self.stop_terms = frozenset(self.term(w) for w in self.stop_words)
        self.section_cues: dict[str, tuple[Phrase, ...]] = {
            section: self.phrases(cues) for section, cues in v.SECTION_CUES.get(lang, {}).items()
        }
        self.random_cues = self.phrases(v.RANDOM_CUES.get(lang, ()))
        self.weak_random_cues = self.phrases(v.WEAK_RANDOM_CUES.get(lang, ()))
        self.domain_words = v.DOMAIN_WORDS.get(lang, frozenset())
        self.foreign_exercises = self.phrases(v.FOREIGN_EXERCISES.get(lang, ()))
        self.time_bounds = self.phrases(v.TIME_BOUNDS.get(lang, ()))
        self.greetings = frozenset(v.GREETINGS.get(lang, ()))
        self.thanks = frozenset(v.THANKS.get(lang, ()))
        self.small_talk = frozenset(v.SMALL_TALK.get(lang, ()))
        self.difficulty = v.DIFFICULTY_WORDS.get(lang, {})
        self.muscles = v.MUSCLE_WORDS.get(lang, {})
        self.equipment = {
            self.phrase(text): value for text, value in v.EQUIPMENT_WORDS.get(lang, {}).items()
        }
        self.time_units = v.TIME_UNITS.get(lang, {})
        self.number_words = v.NUMBER_WORDS.get(lang, {})

    def stem(self, word: str) -> str:
        return stem(word, self.lang)

    def term(self, word: str) -> str:
        return stem(self._synonyms.get(word, word), self.lang)

    def phrase(self, text: str) -> Phrase:
        """A cue phrase as the stems `Analysis.find` compares, fillers left out."""
        return tuple(
            stem(w, self.lang) for w in self._expand(words(text)) if w not in self._cue_fillers
        )

    def _expand(self, found: Iterable[str]) -> list[str]:
        return [part for w in found for part in self._shorthand.get(w, w).split()]

    def phrases(self, texts: Iterable[str]) -> tuple[Phrase, ...]:
        # Longest first, so "doing it wrong" is seen before "wrong".
        return tuple(sorted({self.phrase(t) for t in texts}, key=len, reverse=True))

    def analyse(self, text: str) -> Analysis:
        found = tuple(self._expand(words(text)))
        terms = tuple(self.term(w) for w in found)
        return Analysis(
            lang=self.lang,
            words=found,
            stems=tuple(stem(w, self.lang) for w in found),
            terms=terms,
            stop=tuple(
                len(w) < 2 or w in self.stop_words or t in self.stop_terms
                for w, t in zip(found, terms, strict=True)
            ),
            filler=tuple(w in self._cue_fillers for w in found),
        )


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang`; languages without tables get empty ones."""
    return Lexicon(lang)
