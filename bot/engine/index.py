"""Everything one language needs to answer, built once from the library (or read back from
the index cache, bot/engine/cache.py)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial
from typing import Any, cast, overload

import numpy as np
import numpy.typing as npt

from bot.content import (
    DEFAULT_LANG,
    Exercise,
    FaqEntry,
    Level,
    Library,
    RandomFilters,
    Section,
    helper_process,
)
from bot.engine.faq import FaqIndex, FaqSource
from bot.engine.lexicon import Analysis, Lexicon, lexicon
from bot.engine.matching import NameIndex
from bot.engine.places import Told, told_in
from bot.engine.portraits import Portrait, PortraitIndex
from bot.engine.spelling import (
    Packed,
    Speller,
    common_words,
    has_word_lists,
    name_variants,
    packed_word_lists,
    real_words,
    remember_counted,
    remember_packed,
    word_counts,
)
from bot.languages.text import fold, words, words_of_all

# A passage's section, as a small number in the refs array.
_SECTIONS = (Section.MISTAKES, Section.TIPS, Section.MODIFICATIONS)
_LEVELS = (None, Level.EASIER, Level.HARDER)
# From this many pages on, the index is built in two processes when a core is free: a fork
# and handing the names back cost some 50 ms.
HELPED_PAGES = 400
# Other pages whose own texts may say a word of a name that is an everyday thing's
PLAIN_NAME_PAGES = 2
KIN_READ = 8  # pages ranked as kin of an exercise (LanguageIndex.kin)


@dataclass(frozen=True, slots=True)
class FaqRef:
    exercise_id: str
    entry: FaqEntry


@dataclass(frozen=True, slots=True)
class PassageRef:
    """A passage of a page that may answer a described problem: a mistake, a tip, a version."""

    exercise_id: str
    section: Section
    level: Level | None = None


class FaqRefs(Sequence[FaqRef]):
    """FAQ entry id -> its page's entry; kept as two arrays, made into a FaqRef when asked."""

    def __init__(self, pages: Sequence[Exercise], page: npt.NDArray[np.int32], item: Any) -> None:
        self._pages, self._page, self._item = pages, page, item

    def __len__(self) -> int:
        return len(self._page)

    @overload
    def __getitem__(self, index: int) -> FaqRef: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[FaqRef]: ...
    def __getitem__(self, index: int | slice) -> FaqRef | Sequence[FaqRef]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        page = self._pages[int(self._page[index])]
        return FaqRef(page.id, page.faq[int(self._item[index])])


class PassageRefs(Sequence[PassageRef]):
    """Passage id -> where on which page it is; kept as arrays, made into a PassageRef when
    asked."""

    def __init__(self, pages: Sequence[Exercise], page: Any, section: Any, level: Any) -> None:
        self._pages, self._page, self._section, self._level = pages, page, section, level

    def __len__(self) -> int:
        return len(self._page)

    @overload
    def __getitem__(self, index: int) -> PassageRef: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[PassageRef]: ...
    def __getitem__(self, index: int | slice) -> PassageRef | Sequence[PassageRef]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return PassageRef(
            self._pages[int(self._page[index])].id,
            _SECTIONS[int(self._section[index])],
            _LEVELS[int(self._level[index])],
        )


# The analyses of the texts read while answering one message, by their words (all an
# analysis depends on): a story's question is read alone, then again with a sentence of the
# story, whose sentences are read for the names they say and again for what they describe.
# Only for one message (`remembering`): the same message sent again costs what it costs.
_REMEMBERED: ContextVar[dict[tuple[int, tuple[str, ...]], Analysis] | None] = ContextVar(
    "remembered_analyses", default=None
)


@contextmanager
def remembering() -> Iterator[None]:
    """Within it, `LanguageIndex.analyse` analyses the same words once."""
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


class LanguageIndex:
    """Names, FAQ entries, passages and the vocabulary of one language's pages.

    `state` is what the index cache kept of an earlier build of the same library; without it
    everything is built from the pages.
    """

    def __init__(self, library: Library, lang: str, state: dict[str, Any] | None = None) -> None:
        self.lexicon: Lexicon = lexicon(lang)
        self.pages = library.catalogue(lang)  # one page per exercise, in this language
        self._state = self._build(library) if state is None else state
        state = self._state
        spelling = self.lexicon.language.spelling
        self.position_of: dict[str, str] = state["position_of"]
        self.known_words: frozenset[str] = state["known_words"]
        self.muscle_words: frozenset[str] = state["muscle_words"]
        self.faq_refs = FaqRefs(self.pages, *state["faq_refs"])
        self.passage_refs = PassageRefs(self.pages, *state["passage_refs"])
        self.names = NameIndex.from_state(state["names"], self.lexicon, self.known_words)
        self.faq = FaqIndex.from_state(state["faq"], self.lexicon)
        self.passages = FaqIndex.from_state(state["passages"], self.lexicon)
        self.portraits = PortraitIndex.from_state(state["portraits"])
        self.common_words = common_words(spelling)
        self.speller = Speller.from_state(
            state["speller"], self.lexicon.stem, real_words(spelling), self.lexicon.inflections
        )
        self._done_in: dict[str, list[str]] = {}
        self._versions: dict[str, list[tuple[Level, frozenset[str]]]] = {}
        self._plain_names: dict[tuple[str, str], bool] = {}
        self._kin: dict[str, list[tuple[str, float]]] = {}
        self._title_words: dict[str, frozenset[str]] = {}
        self._told: dict[int, Told] = {}
        self._counted: dict[str, frozenset[str]] = {}
        for exercise_id, position in self.position_of.items():
            self._done_in.setdefault(position, []).append(exercise_id)
        self._accepting: dict[tuple[str, object], npt.NDArray[np.bool_]] = {}
        # Each folded equipment and muscle name, with the rows of the pages that list it.
        self._kit: dict[str, list[int]] | None = None
        self._muscles: dict[str, list[int]] = {}
        self._no_kit: npt.NDArray[np.bool_] = np.zeros(0, np.bool_)
        # Read now, not at the first random pick, which would wait for it (about 50 ms at
        # 10 000 pages, a few at 1 000).
        self._read_lists()

    def state(self) -> dict[str, Any]:
        """What the index cache keeps to rebuild this index without reading a page."""
        return self._state

    def _build(self, library: Library) -> dict[str, Any]:
        # The names and the vocabulary (with spelling help) are built in a helper process,
        # when a core is free for one, while this one builds the FAQ and passage indexes: the
        # two halves share nothing but the pages.
        spelling = self.lexicon.language.spelling
        helped = len(self.pages) >= HELPED_PAGES
        # The language's word lists (a quarter of a second to read) are read by the helper
        # first and handed back at once, as joined strings: this process makes them into sets
        # (0.06-0.1 s) when done with the FAQ, while the helper goes on with the names.
        lists = helped and not has_word_lists(spelling)
        helper = (
            helper_process.start(partial(self._build_helped, library, lists)) if helped else None
        )
        try:
            texts = self._build_texts(library)
            packed = helper.early() if helper is not None and lists else None
            if packed is not None:
                remember_packed(spelling, cast(Packed, packed))
            words = helper.result() if helper is not None else None
        finally:
            if helper is not None:
                helper.close()
        if words is None:  # no helper, or it failed: built here (the lists read when asked for)
            words = self._build_words(library)
        else:
            # Sets come back from the helper with the same members, in another order: the
            # one the speller iterates is made here, as when built in this process.
            words["speller"]["_cues"] = Speller.cue_set(self.lexicon.cue_words)
        return {
            "position_of": texts["position_of"],
            "known_words": words["known_words"],
            "muscle_words": texts["muscle_words"],
            "faq_refs": texts["faq_refs"],
            "passage_refs": texts["passage_refs"],
            "names": words["names"],
            "faq": texts["faq"],
            "passages": texts["passages"],
            "portraits": texts["portraits"],
            "speller": words["speller"],
        }

    def _build_helped(self, library: Library, lists: bool) -> dict[str, Any]:
        """The helper's work: the word lists handed back first (when asked for), then
        `_build_words`."""
        spelling = self.lexicon.language.spelling
        counts = word_counts(spelling)  # read once, for both
        if lists:
            helper_process.hand_back(packed_word_lists(spelling, counts))
        return self._build_words(library, counts)

    def _build_words(
        self, library: Library, counts: dict[str, int] | None = None
    ) -> dict[str, Any]:
        """The vocabulary, the name index and spelling help (from the language's word
        `counts`, when already read)."""
        lex = self.lexicon
        if counts is None:
            counts = word_counts(lex.language.spelling)
            # the lists this process reads next are made from the same counts
            remember_counted(lex.language.spelling, counts)
        vocabulary: Counter[str] = Counter()
        name_words: set[str] = set()
        names: list[tuple[str, str, bool]] = []
        # each exercise's name words in this language, and in all its names
        name_groups: list[tuple[set[str], set[str]]] = []
        name_said: dict[str, list[str]] = {}  # each name's words
        for page in self.pages:
            exercise_id = page.id
            own: set[str] = set()
            every: set[str] = set()
            name_groups.append((own, every))
            titles = [(page.title, page.keywords)]
            original = library.get(exercise_id, DEFAULT_LANG)
            if original is not None and original is not page:
                # People type the English name too ("teaser", "roll up") whatever their language.
                titles.append((original.title, original.keywords))
            for title, keywords in titles:
                names.append((exercise_id, title, True))
                names.extend((exercise_id, keyword, False) for keyword in keywords)
                for name in (title, *keywords):
                    said = name_said.get(name)
                    if said is None:
                        said = name_said[name] = words(name)
                    every.update(said)
            name_words.update(every)
            # Its names' words in this language, not those of its English names that are
            # listed again: another language's words are not this one's typos ("glute" is
            # no "gluteo" misspelt).
            for name in (page.title, *page.keywords):
                own.update(name_said[name])
            if len(titles) > 1:
                original_title, original_keywords = titles[1]
                for name in (original_title, *original_keywords):
                    own.difference_update(name_said[name])
            body = page.body.overview + page.body.benefits + page.body.mistakes + page.body.tips
            texts = (
                page.description,
                *page.steps,
                *(f"{f.question} {f.answer}" for f in page.faq),
                *(f"{m.name} {m.description}" for m in page.modifications),
                *(block.text for block in body),
            )
            # One count per page, of its words in order: the same counts, and keys in the same
            # order, as one count per text.
            vocabulary.update(words_of_all(texts))
        known_words = frozenset(vocabulary)
        variants = name_variants(name_groups, vocabulary, counts, lex.stem)
        if variants:
            # A misspelling a name lists is read as the word it stands for in messages (see
            # Speller), so the name is listed so spelt too: "kris kross" as "kris cross". The
            # name as listed stays, for the slips near it ("teazr" is one from "teazer").
            respelt = {
                text: " ".join(variants.get(w, w) for w in said)
                for text, said in name_said.items()
                if not variants.keys().isdisjoint(said)
            }
            names = [
                named
                for exercise_id, text, is_title in names
                for named in (
                    ((exercise_id, text, is_title), (exercise_id, respelt[text], is_title))
                    if text in respelt
                    else ((exercise_id, text, is_title),)
                )
            ]
        speller = Speller(
            vocabulary,
            name_words,
            lex.cue_words,
            lex.table_words,
            lex.stem,
            counts=counts,
            variants=variants,
            inflections=lex.inflections,
            places=lex.place_word_set,
        )  # the real words are not part of its state: `from_state` is given them
        return {
            "known_words": known_words,
            "names": NameIndex(names, lex, known_words).state(),
            "speller": speller.state(),
        }

    def _build_texts(self, library: Library) -> dict[str, Any]:
        """Body positions, the FAQ and passage indexes and the muscle words."""
        lex = self.lexicon
        faq: list[FaqSource] = []
        passages: list[FaqSource] = []
        faq_refs: tuple[list[int], list[int]] = ([], [])
        passage_refs: tuple[list[int], list[int], list[int]] = ([], [], [])
        muscle_words: set[str] = set()
        contexts: list[str] = []
        portraits: list[Portrait] = []
        faq_page, faq_item = faq_refs
        passage_page, passage_section, passage_level = passage_refs
        mistakes, tips, versions = (
            _SECTIONS.index(part)
            for part in (Section.MISTAKES, Section.TIPS, Section.MODIFICATIONS)
        )
        # Each exercise's body position, as its description states it first ("A prone...").
        position_of: dict[str, str] = {}
        for row, page in enumerate(self.pages):
            exercise_id = page.id
            position = lex.stated_position(page.description)
            if position is not None:
                position_of[exercise_id] = position
            # The page's names: its title's words and its one-word keywords ("clamshells"),
            # which a question may use for its name as well as the title.
            name_terms = frozenset(lex.term(w) for w in words(page.title)) | frozenset(
                lex.term(k[0]) for k in map(words, page.keywords) if len(k) == 1
            )
            context = " ".join((page.title, *page.keywords, page.description, *page.steps))
            names = (page.title, *page.keywords)
            contexts.append(context)
            overview = (block.text for block in page.body.overview)
            parts = (page.title, *page.keywords, page.description, *page.steps, *overview)
            portraits.append(Portrait(exercise_id, parts, position))

            # FaqSources made with positional arguments and the refs' columns filled in
            # place: fifteen thousand of each at 1 000 pages.
            for item, entry in enumerate(page.faq):
                faq.append(
                    FaqSource(
                        exercise_id,
                        entry.question,
                        entry.answer,
                        name_terms,
                        context,
                        position,
                        names,
                    )
                )
                faq_page.append(row)
                faq_item.append(item)
            for section, blocks in ((mistakes, page.body.mistakes), (tips, page.body.tips)):
                for block in blocks:
                    passages.append(
                        FaqSource(exercise_id, block.text, "", name_terms, context, position, names)
                    )
                    passage_page.append(row)
                    passage_section.append(section)
                    passage_level.append(0)
            for modification in page.modifications:
                text = f"{modification.name}. {modification.description}"
                passages.append(
                    FaqSource(exercise_id, text, "", name_terms, context, position, names)
                )
                passage_page.append(row)
                passage_section.append(versions)
                passage_level.append(_LEVELS.index(modification.level))
            for muscle in page.muscles:
                single = words(muscle)
                if len(single) == 1 and len(single[0]) > 3:  # "oblicuos", not "parte alta de..."
                    muscle_words.add(lex.stem(single[0]))
        # Each text is read once, for both indexes, and without a whole Analysis each (the
        # FaqIndexes take their terms from here: lexicon.content_terms gives what they would).
        analysed: dict[str, frozenset[str]] = {}
        counted: dict[str, Counter[str]] = {}
        for context in contexts:
            # A context's terms and its counts from one reading: a frozenset made from the
            # counts' keys is content_terms' frozenset (the same terms added in the same order).
            counts = counted[context] = lex.content_counts(context)
            analysed[context] = frozenset(counts)
        for indexed in (*faq, *passages):
            for text in (indexed.question, indexed.answer, indexed.context):
                if text not in analysed:
                    analysed[text] = lex.content_terms(text)
        return {
            "position_of": position_of,
            "muscle_words": frozenset(muscle_words),
            "faq_refs": tuple(np.array(a, np.int32) for a in faq_refs),
            "passage_refs": tuple(np.array(a, np.int32) for a in passage_refs),
            "faq": FaqIndex(faq, lex, analysed, counted).state(),
            "passages": FaqIndex(passages, lex, analysed, counted, asked=False).state(),
            "portraits": PortraitIndex(portraits, lex).state(),
        }

    def versions(self, exercise_id: str) -> list[tuple[Level, frozenset[str]]]:
        """An exercise's modifications by level, each as the terms of its name that are not
        the exercise's own ("Teaser 2": {"2"}; "Bent-Knee Teaser": {"bent", "knee"}); worked
        out for an exercise when first asked for (a message naming it)."""
        found = self._versions.get(exercise_id)
        if found is None:
            at = bisect_left(self.pages, exercise_id, key=lambda page: page.id)
            page = self.pages[at] if at < len(self.pages) else None
            found = []
            if page is not None and page.id == exercise_id:
                own = self.lexicon.content_terms(page.title)
                for version in page.modifications:
                    # a number counts here: it is what tells "Teaser 2" from the Teaser
                    said = self.lexicon.analyse(version.name)
                    terms = (
                        frozenset(
                            term
                            for term, stop in zip(said.terms, said.stop, strict=True)
                            if not stop or term.isdigit()
                        )
                        - own
                    )
                    if terms:
                        found.append((version.level, terms))
            self._versions[exercise_id] = found
        return found

    def page(self, exercise_id: str) -> Exercise | None:
        """The page of an exercise in this language."""
        at = bisect_left(self.pages, exercise_id, key=lambda page: page.id)
        page = self.pages[at] if at < len(self.pages) else None
        return page if page is not None and page.id == exercise_id else None

    def title_words(self, exercise_id: str) -> frozenset[str]:
        """The words of an exercise's title as written (folded, not stemmed): "rolling" of
        "Rolling Like a Ball", where its stem is also Roll Up's."""
        found = self._title_words.get(exercise_id)
        if found is None:
            page = self.page(exercise_id)
            found = frozenset(self.lexicon.analyse(page.title).words) if page else frozenset()
            if len(self._title_words) < 100_000:
                self._title_words[exercise_id] = found
        return found

    def counted(self, exercise_id: str) -> frozenset[str]:
        """What an exercise's page counts in its description, steps and overview ("2:leg" for
        "both legs", Lexicon.counted); worked out when first asked for."""
        found = self._counted.get(exercise_id)
        if found is None:
            page = self.page(exercise_id)
            found = frozenset()
            if page is not None:
                overview = (block.text for block in page.body.overview)
                for text in (page.description, *page.steps, *overview):
                    found |= self.lexicon.counted(self.lexicon.analyse(text))
            if len(self._counted) < 100_000:
                self._counted[exercise_id] = found
        return found

    def told(self, entry_id: int) -> Told:
        """What a FAQ entry's question tells of a problem, as `places.told_in` reads it (of
        "my knee rolls in as I lift the foot": the knee's fault, not the foot's); worked out
        when first asked for."""
        found = self._told.get(entry_id)
        if found is None:
            found = told_in(self.faq_refs[entry_id].entry.question, self.lexicon)
            if len(self._told) < 100_000:
                self._told[entry_id] = found
        return found

    def kin(self, exercise_id: str) -> list[tuple[str, float]]:
        """The exercises whose whole portraits explain an exercise's description best, the
        exercise itself first, each with its fit: the pages of its kind (a ball rolling back
        on the spine, a seal doing so with a clap, a rocker with open legs). Worked out for an
        exercise when first asked for."""
        found = self._kin.get(exercise_id)
        if found is None:
            page = self.page(exercise_id)
            run = self.lexicon.content_run(page.description) if page else []
            found = self.portraits.describe(run, limit=KIN_READ) if run else []
            if len(self._kin) < 100_000:
                self._kin[exercise_id] = found
        return found

    def plain_name(self, exercise_id: str, name: str) -> bool:
        """Whether an exercise's name (its title or another of its names) is made only of
        everyday words that the other pages' own texts hardly use: the name of a thing as
        much as of the exercise ("seal", "saw", "dead bug"), unlike "single leg stretch" or
        "plank", whose words are the pages' own. Worked out for a name when first asked."""
        found = self._plain_names.get((exercise_id, name))
        if found is None:
            said = self.lexicon.analyse(name)
            found = True
            for word, term, stop in zip(said.words, said.terms, said.stop, strict=True):
                if stop:
                    continue
                if word not in self.speller.real:
                    found = False
                    break
                own = term in self.faq.context_of(exercise_id)
                if self.faq.pages_saying(term) - own > PLAIN_NAME_PAGES:
                    found = False
                    break
            if len(self._plain_names) < 100_000:
                self._plain_names[(exercise_id, name)] = found
        return found

    def done_in(self, position: str) -> Sequence[str]:
        """The exercises done in a body position, in `position_of`'s order."""
        return self._done_in.get(position, ())

    def analyse(self, text: str) -> Analysis:
        """A message, analysed with this language's lexicon, the content's words and spelling
        help across the whole vocabulary; once for the same words while `remembering`."""
        said = words(text)
        memo = _REMEMBERED.get()
        if memo is None:
            return self.lexicon.analyse_words(said, self.known_words, self.speller.correct_all)
        key = (id(self), tuple(said))
        found = memo.get(key)
        if found is None:
            found = self.lexicon.analyse_words(said, self.known_words, self.speller.correct_all)
            memo[key] = found
        return found

    def accepting(self, filters: RandomFilters) -> list[int]:
        """The rows of `pages` that `filters` accepts, as `filters.accepts` would find them.

        A random pick at 10 000 exercises used to fold every page's muscles each time; each
        filter's answer for every page is now worked out once, as an array."""
        keep = np.ones(len(self.pages), np.bool_)
        for name in ("difficulty", "equipment", "muscle", "max_seconds"):
            value = getattr(filters, name)
            if value is not None:
                keep &= self._mask(name, value)
        rows: list[int] = np.flatnonzero(keep).tolist()
        return rows

    def _mask(self, name: str, value: object) -> npt.NDArray[np.bool_]:
        mask = self._accepting.get((name, value))
        if mask is not None:
            return mask
        if self._kit is None:
            self._read_lists()
        if name == "difficulty":
            found = [page.difficulty is value for page in self.pages]
            mask = np.array(found, np.bool_).reshape(len(self.pages))
        elif name == "equipment" and value == "none":  # nothing at all, not even a mat
            mask = self._no_kit
        elif name in ("equipment", "muscle"):
            # A page accepts when one of its names holds the word: every page listing a name
            # that does, found among the few hundred distinct names, not the pages' lists.
            listed = self._kit if name == "equipment" else self._muscles
            mask = np.zeros(len(self.pages), np.bool_)
            for folded, rows in (listed or {}).items():
                if str(value) in folded:
                    mask[rows] = True
        else:
            bound = int(value)  # type: ignore[call-overload]
            found = [p.duration is not None and p.duration <= bound for p in self.pages]
            mask = np.array(found, np.bool_).reshape(len(self.pages))
        if len(self._accepting) < 1024:  # filter words come from the language's tables
            self._accepting[(name, value)] = mask
        return mask

    def _read_lists(self) -> None:
        """Every page's equipment and muscles, folded once per distinct name."""
        folded: dict[str, str] = {}
        kit: dict[str, list[int]] = {}
        muscles: dict[str, list[int]] = {}
        no_kit = np.zeros(len(self.pages), np.bool_)
        for row, page in enumerate(self.pages):
            held = [folded.get(e) or folded.setdefault(e, fold(e)) for e in page.equipment]
            no_kit[row] = all(k == "none" for k in held)
            for k in dict.fromkeys(held):
                kit.setdefault(k, []).append(row)
            for m in dict.fromkeys(page.muscles):
                muscles.setdefault(folded.get(m) or folded.setdefault(m, fold(m)), []).append(row)
        self._kit, self._muscles, self._no_kit = kit, muscles, no_kit
