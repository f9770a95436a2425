"""The vocabulary of one language compiled for matching, and messages analysed with it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain, compress, count, pairwise
from operator import not_

from bot.engine.spelling import Inflections
from bot.languages import language
from bot.languages.text import fold, stem, words

Phrase = tuple[str, ...]
Forms = tuple[frozenset[str] | None, ...]  # the only words that say each of a phrase's (None: any)
MAX_REMEMBERED_WORDS = 200_000
MIN_VERB = 4  # letters of a verb left once an attached pronoun is stripped
# An image of a fault (Language.place_images) is read as the fault when said at most this
# many words that carry meaning from the place it pictures, on either side ("my stomach
# rises in the middle like a tent"): a picture takes more words than a verb does.
IMAGE_REACH = 5
_VOWELS = frozenset("aeiou")


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
    said: frozenset[int]  # positions of the words that carry meaning (not stop words)

    def __len__(self) -> int:
        return len(self.words)

    def positions_of(self, table: Container[str]) -> list[int]:
        """The positions, ascending, of the words said as written or as a term in `table`
        (a word list that holds both: Language.trouble has "can't" and the term of "pain")."""
        said = table.__contains__  # (walked by map: a long message is read so a dozen times)
        return sorted(
            {*compress(count(), map(said, self.words)), *compress(count(), map(said, self.terms))}
        )


class PhraseTable:
    """Cue phrases, each with a tag, found in one pass over a message.

    Filler words and `ignore`d positions (an exercise name, say) are stepped over, so "what
    does the saw do" still holds the cue "what does do".
    """

    def __init__(
        self,
        entries: Iterable[tuple[Phrase, str] | tuple[Phrase, str, Forms | None]],
        *,
        exact: bool = False,
        every_word: bool = False,
    ) -> None:
        """`entries`: (phrase, tag), or (phrase, tag, forms) where some of the phrase's words
        are said only in the forms given, not in every word of their stem ("tip": "tip" and
        "tips", not "tipping"; None where any word of the stem says it)."""
        self._exact = exact  # compare words as written, not stems ("sitting up" is no "sit up")
        self._every_word = every_word  # fillers count too: "the one where" is not "one"
        by_first: dict[str, list[tuple[Phrase, str, Forms | None]]] = {}
        for phrase, tag, *limits in entries:
            if phrase:
                by_first.setdefault(phrase[0], []).append(
                    (phrase, tag, limits[0] if limits else None)
                )
        for candidates in by_first.values():
            candidates.sort(key=lambda entry: len(entry[0]), reverse=True)
        self._by_first = by_first
        # The same, by a phrase's first two words (its phrases of one word after it) and, for
        # phrases of one word, by that word: a long message says some first word ("de", "en")
        # at every other place, with the second word of its phrases hardly ever.
        self._alone = {
            first: [entry for entry in candidates if len(entry[0]) == 1]
            for first, candidates in by_first.items()
        }
        self._alone = {first: alone for first, alone in self._alone.items() if alone}
        # (keyed as a message's pairs are: its last word has None after it)
        by_head: dict[tuple[str, str | None], list[tuple[Phrase, str, Forms | None]]] = {}
        for first, candidates in by_first.items():
            for entry in candidates:
                if len(entry[0]) > 1:
                    by_head.setdefault((first, entry[0][1]), []).append(entry)
        for head, candidates in by_head.items():
            candidates.extend(self._alone.get(head[0], ()))
        self._by_head = by_head
        # The message last read through, with what was found in it: several readings of a
        # message look for the same table's phrases (where a name's role is told, a body place)
        self._last: tuple[Analysis, list[tuple[str, tuple[int, ...]]]] | None = None

    def find_all(
        self, message: Analysis, ignore: frozenset[int] = frozenset()
    ) -> list[tuple[str, tuple[int, ...]]]:
        """Every (tag, positions) found, longest phrase first at each place."""
        last = self._last
        if last is not None and last[0] is message and not ignore:
            return list(last[1])
        if self._every_word:
            kept = list(range(len(message)))
        else:
            kept = list(compress(range(len(message)), map(not_, message.filler)))
        if ignore:
            kept = [i for i in kept if i not in ignore]
        source = message.words if self._exact else message.stems
        stems = list(map(source.__getitem__, kept))
        found: list[tuple[str, tuple[int, ...]]] = []
        for start, candidates in self._starts(stems):
            for phrase, tag, forms in candidates:
                end = start + len(phrase)
                if tuple(stems[start:end]) == phrase and (
                    forms is None or _said_in(forms, message.words, kept[start:end])
                ):
                    found.append((tag, tuple(kept[start:end])))
        if not ignore:
            self._last = (message, list(found))
        return found

    def _starts(
        self, said: Sequence[str]
    ) -> Iterator[tuple[int, list[tuple[Phrase, str, Forms | None]]]]:
        """The places in `said` where some phrase's first two words are said, or a phrase of
        one word, with the phrases that may start there, longest first (as `_by_first` has
        them). The walks over every word are itertools' and map's: tables are looked for
        dozens of times in a message, and a long one has hundreds of words."""
        by_head, alone = self._by_head, self._alone
        following: list[str | None] = [*said[1:], None] if said else []
        pairs = list(zip(said, following, strict=True))
        starts: Iterable[int] = compress(count(), map(by_head.__contains__, pairs))
        if alone:
            starts = sorted({*starts, *compress(count(), map(alone.__contains__, said))})
        for start in starts:
            yield start, by_head.get(pairs[start]) or alone[said[start]]

    def outermost(self, found: Sequence[str]) -> list[str]:
        """The tags of the phrases in `found` (a text's words, stems or terms, as the table's
        phrases are written; its fillers left out): the longest at each place, none inside one
        found before it ("how much time" asks no "how much")."""
        tags: list[str] = []
        end = 0
        for start, candidates in self._starts(found):
            if start < end:
                continue
            for phrase, tag, _ in candidates:
                if tuple(found[start : start + len(phrase)]) == phrase:
                    tags.append(tag)
                    end = start + len(phrase)
                    break
        return tags

    def find_all_words(self, found: Sequence[str]) -> list[tuple[str, tuple[int, ...]]]:
        """`find_all` for a text's words with its fillers left out, in a table of words as
        written (`exact`): positions are those of `found`."""
        matches: list[tuple[str, tuple[int, ...]]] = []
        for start, word in enumerate(found):
            for phrase, tag, forms in self._by_first.get(word, ()):
                said = found[start : start + len(phrase)]
                if tuple(said) == phrase and (
                    forms is None or _said_in(forms, said, range(len(said)))
                ):
                    matches.append((tag, tuple(range(start, start + len(phrase)))))
        return matches

    def first(self, found: Sequence[str]) -> str | None:
        """The tag `find_all` lists first, for a text's words with its fillers left out, in a
        table of words as written that skips fillers (`exact`, not `every_word`)."""
        for start, word in enumerate(found):
            for phrase, tag, forms in self._by_first.get(word, ()):
                said = found[start : start + len(phrase)]
                if tuple(said) == phrase and (
                    forms is None or _said_in(forms, said, range(len(said)))
                ):
                    return tag
        return None


# The tag of Language.body_directions: a place's words that name no place.
_DIRECTION = ""


def _outermost(found: list[tuple[str, tuple[int, ...]]]) -> list[tuple[str, tuple[int, ...]]]:
    """`found` without the phrases said inside a longer one found."""
    # A phrase holding another holds its first word: each is weighed only against the few
    # phrases said at that word, not against every one (a long message may name hundreds of
    # places, and comparing each with all of them cost a quarter of a second).
    spans = [frozenset(at) for _, at in found]
    at_word: dict[int, list[frozenset[int]]] = {}
    for span in spans:
        for p in span:
            at_word.setdefault(p, []).append(span)
    return [
        (tag, at)
        for (tag, at), span in zip(found, spans, strict=True)
        if not any(other > span for other in at_word[at[0]])  # a longer one holding it
    ]


def _said_in(forms: Forms, said: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether the words at `positions` are in the forms a phrase's words are limited to."""
    return all(
        limit is None or said[at] in limit for limit, at in zip(forms, positions, strict=True)
    )


class Lexicon:
    """One language's vocabulary: stop words, synonyms and cue phrases as stems."""

    def __init__(self, lang: str) -> None:
        v = language(lang)
        self._words: dict[str, tuple[str, str, bool, bool]] = {}
        self._content = _ContentTerms(self)
        self.lang = lang
        self.language = v
        self._synonyms = v.synonyms
        self._stems = v.stems
        self._attached = v.attached_pronouns
        self._imperative_endings = v.imperative_endings
        self._infinitive_pronouns = v.infinitive_pronouns
        self._infinitive_endings = v.infinitive_endings
        self._gerund_endings = v.gerund_endings
        self._not_gerunds = v.not_gerunds
        self._diminutives = v.diminutives
        self.inflections = Inflections(
            v.inflections,
            v.stem_changes,
            v.infinitive_endings,
            v.infinitive_pronouns,
            v.diminutives,
        )
        self._shorthand = v.shorthand
        # a teacher's or a clinician's words are read as the pages' words, as phrases are
        self._phrases = {tuple(k.split()): w for k, w in chain(v.phrases.items(), v.jargon.items())}
        # Each phrase's first word, with the lengths of the phrases it starts (longest first):
        # a word that starts none costs one dictionary miss.
        self._phrase_starts: dict[str, list[int]] = {}
        for phrase in self._phrases:
            self._phrase_starts.setdefault(phrase[0], []).append(len(phrase))
        for lengths in self._phrase_starts.values():
            lengths.sort(reverse=True)
        # ...and the first two words of each phrase, or its word alone: a long message says
        # many a word that starts a phrase ("a", "side"), hardly ever with the phrase's second
        self._phrase_heads = frozenset(phrase[:2] for phrase in self._phrases if len(phrase) > 1)
        self._phrase_words = frozenset(phrase[0] for phrase in self._phrases if len(phrase) == 1)
        self._cue_fillers = v.cue_fillers
        self.name_fillers = frozenset(self.stem(w) for w in v.name_fillers)
        self.stop_words: frozenset[str] = v.stop_words
        self.stop_terms = frozenset(self.term(w) for w in self.stop_words)
        self.section_cues = self.table(v.section_cues, v.exact_cues)
        self.random_cues = self.table({"strong": v.random_cues, "weak": v.weak_random_cues})
        # Exact words: stems would make "practicando" (practising a move) ask for a session.
        self.session_cues = PhraseTable(
            ((self.exact_phrase(text), "session") for text in v.session_cues), exact=True
        )
        self.session_lengths = v.session_lengths
        # Compared as terms (`kinds`), each phrase's words read as a message's are: a
        # synonym says what its word does ("sore" a pain, "exhalo" the breath).
        kind_phrases = [
            (
                tuple(self.term(w) for w in self._expand(words(text)) if w not in v.cue_fillers),
                kind,
            )
            for kind, texts in v.question_kinds.items()
            for text in texts
        ]
        self.question_kinds = PhraseTable(kind_phrases)
        # ...and their words: "How far should I twist?" says nothing of its own but "far"
        self.kind_terms = frozenset(t for phrase, _ in kind_phrases for t in phrase)
        # The words that alone ask whether it may be done at all: the conditions ("pregnant",
        # "osteoporosis", "hypertension"), which a "who should avoid it?" entry lists in its
        # answer (FaqIndex: such an entry speaks to a message naming one of them).
        # (one word each, as read: "blood pressure" is read "hypertension", a phrase of
        # words said otherwise too, "tunnel", names none)
        self.conditions = frozenset(
            said[0]
            for text in v.conditions
            for said in [[self.term(w) for w in self._expand(words(text))]]
            if len(said) == 1
        )
        self.question_words = v.question_words
        self.relatives = v.relatives
        # Word for word, as folded: what opens a question inside a sentence is how it is said;
        # each with whether it is written with an accent that marks the question ("qué").
        self.question_openers = {
            tuple(words(text)): fold(text) != text.casefold() for text in v.question_openers
        }
        self.longest_opener = max(map(len, self.question_openers), default=0)
        self.opener_starts = frozenset(opener[0] for opener in self.question_openers if opener)
        self.clause_binders = v.clause_binders
        self.opener_leads = v.opener_leads
        # Exact words: stems would seat a "seated" exercise on your "seat".
        self.positions = PhraseTable(
            (
                (self.exact_phrase(text), tag)
                for tag, texts in v.positions.items()
                for text in texts
            ),
            exact=True,
        )
        # Exact words: stems would put a "seated" exercise's seat on the hips.
        self.body_places = PhraseTable(
            [
                *(
                    (self.exact_phrase(text), tag)
                    for tag, texts in v.body_places.items()
                    for text in texts
                ),
                # found as places tagged "" so that the place said inside is none
                *((self.exact_phrase(text), _DIRECTION) for text in v.body_directions),
            ],
            exact=True,
        )
        # Each place's images, as terms of the faults they picture; and every image word, to
        # tell at a glance that a message pictures none (most do not)
        self.place_images = {
            place: {word: self.term(fault) for word, fault in images.items()}
            for place, images in v.place_images.items()
        }
        self._image_words = frozenset(w for images in v.place_images.values() for w in images)
        self._image_parts = v.image_parts
        self.pain = self.term(v.pain)
        self.age_leads = v.age_leads
        self.domain_words = v.domain_words
        self.foreign_exercises = PhraseTable(
            ((self.exact_phrase(text), "foreign") for text in v.foreign_exercises), exact=True
        )
        # Exact words: stems would make Spanish "comer" (to eat) a "como" (how).
        self.uncovered = PhraseTable(
            ((self.exact_phrase(text), "uncovered") for text in v.uncovered), exact=True
        )
        self.diagnoses = PhraseTable(
            ((self.exact_phrase(text), "diagnosis") for text in v.diagnoses), exact=True
        )
        self.cause_cues = PhraseTable(
            ((self.exact_phrase(text), "cause") for text in v.cause_cues), exact=True
        )
        self.illness_endings = v.illness_endings
        self.bound_words = v.bound_words
        self.lasting_words = v.lasting_words
        self.level_words = v.level_words
        self.being = v.being
        self.closing_bounds = v.closing_bounds
        self.bound_joiners = v.bound_joiners
        self.references = v.references
        self.pronouns = v.pronouns
        self.trouble = v.trouble
        self.faults = v.faults
        # ...and as the terms texts are indexed by: the fault each word tells ("sags" and
        # "sinking" tell "fall"), to tell whether two texts tell the same fault
        self.fault_terms = frozenset(self.term(w) for w in v.faults)
        # ...both, and those that tell one only beside a place, to find a fault told beside a
        # place in any form of its word ("se me va hundiendo", "se me sube": the table lists
        # "hunde" and "suben") or a word read as its concept ("apart" is "separate")
        self.fault_said = (
            self.faults
            | self.fault_terms
            | v.place_faults
            | frozenset(self.term(w) for w in v.place_faults)
        )
        self.pleas = v.pleas
        self.asking_what = v.asking_what
        self.general_words = v.general_words
        self.purpose_binders = v.purpose_binders
        self.speaker = v.speaker
        self.addressee = v.addressee
        self.objects = v.objects
        self.indefinite = v.indefinite
        self.exercise_leads = v.exercise_leads
        self.doing = v.doing
        # Word for word, fillers included: without "the" and "where", "the one where" is "one".
        self.name_requests = PhraseTable(
            (
                (tuple(self.stem(w) for w in words(text)), tag)
                for tag, texts in (("which", v.name_requests), ("marker", v.description_markers))
                for text in texts
            ),
            every_word=True,
        )
        # Word for word, as folded, articles included: "like a" is no "like" ("I like the
        # saw"); an article after one is stepped over where it is read (message.py)
        self.name_roles = PhraseTable(
            (
                (tuple(self._expand(words(text))), tag)
                for tag, texts in v.name_roles.items()
                for text in texts
            ),
            exact=True,
            every_word=True,
        )
        self.unsure = PhraseTable(
            ((tuple(self._expand(words(text))), "unsure") for text in v.unsure),
            exact=True,
            every_word=True,
        )
        self.existence = PhraseTable(
            ((tuple(self._expand(words(text))), "exists") for text in v.existence),
            exact=True,
            every_word=True,
        )
        self.counts = v.counts
        self.counts_after = v.counts_after
        self.limbs = v.limbs
        self.naming = v.naming
        self.name_words = v.name_words
        self.choosing = v.choosing
        self.greetings = v.greetings
        self.thanks = v.thanks
        self.small_talk = v.small_talk
        self.difficulty = v.difficulty_words
        self.muscles = v.muscle_words
        # Exact words: stems would make Spanish "para" a "pared" (wall).
        self.equipment = PhraseTable(
            ((self.exact_phrase(text), value) for text, value in v.equipment_words.items()),
            exact=True,
        )
        self.done_with = v.done_with
        self.time_units = v.time_units
        self.number_words = v.number_words
        # What spelling help prefers to correct towards: the words that ask for a part
        # ("modifcations", "tps")...
        # (and the words asking a kind of question: "how lomg" asks how long)
        self.cue_words = frozenset(
            w
            for table in (v.section_cues, v.question_kinds)
            for texts in table.values()
            for text in texts
            for w in words(text)
        )
        # ...and the words of the places of the body, which it corrects towards too
        self.place_word_set = frozenset(
            w for texts in v.body_places.values() for text in texts for w in words(text)
        )
        # ...and the words it leaves alone: they mean something as they are ("hey", "squats").
        self.table_words = frozenset(
            w
            for text in (
                *v.random_cues,
                *v.weak_random_cues,
                *v.session_cues,
                *v.session_lengths,
                *v.difficulty_words,
                *v.muscle_words,
                *v.equipment_words,
                *v.time_units,
                *v.number_words,
                *v.stop_words,
                *v.greetings,
                *v.thanks,
                *v.small_talk,
                *v.domain_words,
                *v.bound_words,
                *v.lasting_words,
                *v.level_words,
                *v.foreign_exercises,
                *v.uncovered,
                *v.synonyms,
                *v.synonyms.values(),  # "lightheaded": a word the tables read messages into
                *v.shorthand,
                *v.phrases,
                *v.phrases.values(),
                *v.jargon,
                *v.jargon.values(),
                *(t for texts in v.positions.values() for t in texts),
                *(w for images in v.place_images.values() for w in images),
            )
            for w in words(text)
        )

    def stem(self, word: str) -> str:
        return self._stems.get(word) or stem(self._unattached(word), self.lang)

    def _unattached(self, word: str) -> str:
        """The verb of an imperative, infinitive or gerund with a pronoun written onto it
        ("tumbate" -> "tumba", "sentarte" -> "sentar", "apoyandote" -> "apoyando"), else the
        word. Four letters at least stay, so "clase" keeps its "se"; "-mente" leaves an "n",
        so adverbs keep theirs."""
        for pronoun in self._attached:
            if word.endswith(pronoun):
                verb = word[: -len(pronoun)]
                if len(verb) >= MIN_VERB and verb.endswith(self._imperative_endings):
                    return verb
                if self._verb_form(verb):
                    return verb
        return word

    def verb_form(self, word: str) -> bool:
        """Whether `word` is a gerund or an infinitive ("lifting", "subir"), a pronoun
        written onto it or not ("girarse")."""
        return self._verb_form(self._unattached(word))

    def _verb_form(self, verb: str) -> bool:
        """Whether `verb` is a gerund or an infinitive a pronoun may be written onto (a word
        that only ends like a gerund, Language.not_gerunds, is none: "something"). An
        infinitive has more than four letters and a consonant before its ending: "fuerte",
        "convierte" and "aparte" are no "fuer", "convier" or "apar" with a pronoun."""
        if verb.endswith(self._gerund_endings):
            return len(verb) >= MIN_VERB and verb not in self._not_gerunds
        ending = next((e for e in self._infinitive_endings if verb.endswith(e)), None)
        return ending is not None and len(verb) > MIN_VERB and verb[-len(ending) - 1] not in _VOWELS

    def term(self, word: str) -> str:
        synonym = self._synonyms.get(word)
        if synonym is None:
            synonym = self._synonyms.get(self._infinitive(word), word)
        return self.stem(synonym)

    def _infinitive(self, word: str) -> str:
        """The infinitive or gerund of a verb with a pronoun written onto it ("evitarlo" ->
        "evitar", "subiendola" -> "subiendo"), else the word."""
        for pronoun in self._infinitive_pronouns:
            if word.endswith(pronoun):
                verb = word[: -len(pronoun)]
                if len(verb) >= MIN_VERB and verb.endswith(
                    self._infinitive_endings + self._gerund_endings
                ):
                    return verb
        return word

    def phrase(self, text: str) -> Phrase:
        """A cue phrase as the stems `Analysis.find` compares, fillers left out."""
        return tuple(self.stem(w) for w in self._expand(words(text)) if w not in self._cue_fillers)

    def exact_phrase(self, text: str) -> Phrase:
        """A phrase compared word for word (fillers left out, as `Analysis` skips them)."""
        return tuple(w for w in self._expand(words(text)) if w not in self._cue_fillers)

    def _expand(self, found: Iterable[str]) -> list[str]:
        """Shorthand spelt out, then each phrase of `phrases` read as its one word."""
        shorthand = self._shorthand
        # (one split of the whole: a word corrected may be two, "situp" -> "sit up")
        expanded = " ".join([shorthand.get(w, w) for w in found]).split()
        starts, heads, alone = self._phrase_starts, self._phrase_heads, self._phrase_words
        # where a phrase may start: its first word and its second, or a phrase of one word
        candidates = [
            at
            for at, pair in enumerate(pairwise([*expanded, ""]))
            if pair in heads or pair[0] in alone
        ]
        if not candidates:
            return expanded
        out: list[str] = []
        done = 0  # expanded[:done] is in out
        for at in candidates:
            if at < done:
                continue  # inside a phrase already read
            for length in starts[expanded[at]]:
                word = self._phrases.get(tuple(expanded[at : at + length]))
                if word is not None:
                    out.extend(expanded[done:at])
                    out.extend(word.split())  # "sit it out" -> "skip it": "it" still points
                    done = at + length
                    break
        out.extend(expanded[done:])
        return out

    def table(self, cues: Mapping[str, Iterable[str]], exact: Container[str] = ()) -> PhraseTable:
        """`cues` as stems; the words of `exact` said only as written or with a plural ending."""
        return PhraseTable(
            (self.phrase(text), tag, self._forms(text, exact))
            for tag, texts in cues.items()
            for text in texts
        )

    def _forms(self, text: str, exact: Container[str]) -> Forms | None:
        """The forms each word of the cue `text` is limited to, if any is."""
        said = [w for w in self._expand(words(text)) if w not in self._cue_fillers]
        if not any(w in exact for w in said):
            return None
        plurals = self.language.plural_endings
        return tuple(
            frozenset((w, *(w + ending for ending in plurals))) if w in exact else None
            for w in said
        )

    def analyse(
        self,
        text: str,
        known: Container[str] | None = None,
        correct: Callable[[Iterable[str]], list[str]] | None = None,
    ) -> Analysis:
        """`text` analysed; with `known` (the content's words), a diminutive the content does
        not use reads as its base word when the content uses that ("bultito" -> "bulto");
        with `correct`, misspelt words are read as the words they stand for."""
        return self.analyse_words(words(text), known, correct)

    def analyse_words(
        self,
        said: list[str],
        known: Container[str] | None = None,
        correct: Callable[[Iterable[str]], list[str]] | None = None,
    ) -> Analysis:
        """`analyse` of a text whose `words` are `said`: all an analysis depends on."""
        found = tuple(self._expand(said))
        if known is not None and self._diminutives:
            found = tuple(w if w in known else self._undiminish(w, known) for w in found)
        if correct is not None:
            found = tuple(self._expand(correct(found)))
        read = [self._read(w) for w in found]
        stop = tuple(r[2] for r in read)
        analysis = Analysis(
            lang=self.lang,
            words=found,
            stems=tuple(r[0] for r in read),
            terms=tuple(r[1] for r in read),
            stop=stop,
            filler=tuple(r[3] for r in read),
            said=frozenset(p for p, is_stop in enumerate(stop) if not is_stop),
        )
        if self._image_words.isdisjoint(found):
            return analysis
        return self._pictured(analysis)

    def _pictured(self, analysis: Analysis) -> Analysis:
        """`analysis` with each image of a fault said near the place it pictures
        (Language.place_images, IMAGE_REACH) read as that fault: "my belly goes up like a
        tent" tells the ridge, "my bum is up like a tent" the pike; "at the peak of the
        teaser my hips wobble" none (Language.image_parts)."""
        said = sorted(analysis.said)
        terms = list(analysis.terms)
        found = analysis.words
        # "at the peak of the teaser": a part of what follows, not a shape
        parts = {p for p in said if p + 1 < len(found) and found[p + 1] in self._image_parts}
        for tag, at in self.places(analysis):
            images = self.place_images.get(tag.split("/", 1)[0])
            if not images:
                continue
            first = bisect_left(said, min(at))
            last = bisect_right(said, max(at))
            for p in said[max(0, first - IMAGE_REACH) : last + IMAGE_REACH]:
                fault = images.get(found[p])
                if fault is not None and p not in at and p not in parts:
                    terms[p] = fault
        return replace(analysis, terms=tuple(terms))

    def content_terms(self, text: str) -> frozenset[str]:
        """The terms of `text` that are not stop words: what `analyse(text)` gives as terms
        where `stop` is False, as a frozenset built from them in the same order (so it is laid
        out, and iterates, as one built from the Analysis would).

        Indexing a library reads some ten thousand texts; this skips building an Analysis for
        each, and a word's terms are looked up once per word, not once per part and field."""
        content = self._content
        if len(content) >= MAX_REMEMBERED_WORDS:
            content.clear()
        return frozenset(chain.from_iterable(map(content.__getitem__, self._phrased(text))))

    def _phrased(self, text: str) -> list[str]:
        """The words of `text`, each phrase of `phrases` read as its words, as `analyse` reads
        them: an entry's "how high should I lift?" asks what a message's "how high" does."""
        found = words(text)
        starts, shorthand = self._phrase_starts, self._shorthand
        if not any(w in starts or w in shorthand for w in found):
            return found  # most texts: no phrase to read
        return self._expand(found)

    def content_counts(self, text: str) -> Counter[str]:
        """How often `text` says each of its `content_terms`."""
        content = self._content
        if len(content) >= MAX_REMEMBERED_WORDS:
            content.clear()
        return Counter(chain.from_iterable(map(content.__getitem__, self._phrased(text))))

    def content_run(self, text: str) -> list[str]:
        """`text`'s content terms in the order it says them (pairs said together count)."""
        content = self._content
        if len(content) >= MAX_REMEMBERED_WORDS:
            content.clear()
        return list(chain.from_iterable(map(content.__getitem__, self._phrased(text))))

    def _read(self, word: str) -> tuple[str, str, bool, bool]:
        """A word's stem, term, whether it is a stop word and a cue filler; remembered, since
        indexing a library reads the same few thousand words hundreds of thousands of times."""
        known = self._words.get(word)
        if known is None:
            term = self.term(word)
            # a letter alone is no word, unless it names a shape ("a V": its own term)
            short = len(word) < 2 and term == word
            # ...and a little word made smaller is still one ("poquito", "nadita")
            small = bool(self._diminutives) and self._undiminish(word, self.stop_words) != word
            stop = short or word in self.stop_words or term in self.stop_terms or small
            known = (self.stem(word), term, stop, word in self._cue_fillers)
            if len(self._words) >= MAX_REMEMBERED_WORDS:
                self._words.clear()  # hostile messages' made-up words do not pile up
            self._words[word] = known
        return known

    def kinds(self, message: Analysis, within: frozenset[int] | None = None) -> frozenset[str]:
        """The kinds of question (`Language.question_kinds`) the words of `message` at the
        positions `within` (all, when None) ask."""
        terms = [
            t
            for p, (t, filler) in enumerate(zip(message.terms, message.filler, strict=True))
            if not filler and (within is None or p in within)
        ]
        return frozenset(self.question_kinds.outermost(terms))

    def kinds_of(self, text: str) -> frozenset[str]:
        """`kinds(analyse(text))`, from the words alone (indexing reads every FAQ question)."""
        read = map(self._read, self._phrased(text))
        return frozenset(self.question_kinds.outermost([r[1] for r in read if not r[3]]))

    def position(self, message: Analysis) -> tuple[str, tuple[int, ...]] | None:
        """The body position a text states first ("on all fours"), and where."""
        stated = self.positions.find_all(message)
        return stated[0] if stated else None

    def stated_position(self, text: str) -> str | None:
        """The body position `text` states first: `position(analyse(text))`'s tag, from the
        words alone (indexing reads every page's description; an Analysis is most of that)."""
        fillers = self._cue_fillers
        return self.positions.first([w for w in self._expand(words(text)) if w not in fillers])

    def counted(self, message: Analysis) -> frozenset[str]:
        """Which limbs the text counts, and how many ("one leg", "both legs", "las dos piernas",
        "el brazo derecho"), as "count:term" ("1:leg", "2:leg"): a count word right before a
        limb (Language.limbs), or one that follows it (Language.counts_after)."""
        found: set[str] = set()
        said = message.words
        for at, word in enumerate(said):
            if word not in self.limbs:
                continue
            count = self.counts.get(said[at - 1]) if at > 0 else None
            if count is None and at + 1 < len(said):
                count = self.counts_after.get(said[at + 1])
            if count is not None:
                found.add(f"{count}:{message.terms[at]}")
        return frozenset(found)

    def places(self, message: Analysis) -> list[tuple[str, tuple[int, ...]]]:
        """The places of the body `message` names (Language.body_places), and where; a name
        inside a longer one said there is the longer one's ("hip" in "hip flexors"), and one
        inside a direction (Language.body_directions: "over your head") is none."""
        return [(tag, at) for tag, at in _outermost(self.body_places.find_all(message)) if tag]

    def places_in(self, text: str, names: Sequence[Phrase] = ()) -> frozenset[str]:
        """The places of the body `text` names: `places(analyse(text))`'s tags, from the words
        alone (indexing reads every entry's question and every passage). A place inside one
        of the exercise's `names` (`place_words`) is no place told: "shoulder" in "how do I
        breathe in the shoulder bridge?"."""
        said = self.place_words(text)
        found = _outermost(self.body_places.find_all_words(said))
        if not found:
            return frozenset()  # most texts name no place: their names need no reading
        named: set[int] = set()
        present = set(said)
        for name in names:
            if name[0] not in present:
                continue
            for start in range(len(said) - len(name) + 1):
                if tuple(said[start : start + len(name)]) == name:
                    named.update(range(start, start + len(name)))
        return frozenset(tag for tag, at in found if tag and named.isdisjoint(at))

    def place_words(self, text: str) -> Phrase:
        """The words of `text` as `places_in` reads them: phrases read, fillers left out."""
        fillers = self._cue_fillers
        # `_phrased`: `_expand`'s words, without its walk for the texts with no phrase
        return tuple(w for w in self._phrased(text) if w not in fillers)

    def _undiminish(self, word: str, known: Container[str]) -> str:
        for suffix, replacement in self._diminutives:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                base = word[: -len(suffix)] + replacement
                if base in known:
                    return base
        return word


class _ContentTerms(dict[str, tuple[str, ...]]):
    """A word as written -> the terms of its parts (shorthand expanded) that are not stop
    words, worked out when first met."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lexicon = lexicon

    def __missing__(self, word: str) -> tuple[str, ...]:
        read = self._lexicon._read
        terms = tuple(
            known[1] for known in map(read, self._lexicon._expand((word,))) if not known[2]
        )
        self[word] = terms
        return terms


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang`; languages without tables get empty ones."""
    return Lexicon(lang)
