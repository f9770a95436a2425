"""Everything one language needs to answer, built once from the library."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial

from bot.content import DEFAULT_LANG, FaqEntry, Level, Library, Section
from bot.engine.faq import FaqIndex, FaqSource
from bot.engine.lexicon import Analysis, Lexicon, lexicon
from bot.engine.matching import NameIndex
from bot.engine.spelling import Speller, common_words, real_words
from bot.languages.text import words


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


class LanguageIndex:
    """Names, FAQ entries, passages and the vocabulary of one language's pages."""

    def __init__(self, library: Library, lang: str) -> None:
        self.lexicon: Lexicon = lexicon(lang)
        pages = library.catalogue(lang)
        self.pages = pages  # one page per exercise, in this language where translated
        vocabulary: Counter[str] = Counter()
        name_words: set[str] = set()
        names: list[tuple[str, str, bool]] = []
        faq: list[FaqSource] = []
        passages: list[FaqSource] = []
        self.faq_refs: list[FaqRef] = []
        self.passage_refs: list[PassageRef] = []
        muscle_words: set[str] = set()
        # Each exercise's body position, as its description states it first ("A prone...").
        self.position_of: dict[str, str] = {}
        for page in pages:
            exercise_id = page.id
            stated = self.lexicon.position(self.lexicon.analyse(page.description))
            position = stated[0] if stated else None
            if position is not None:
                self.position_of[exercise_id] = position
            titles = [(page.title, page.keywords)]
            original = library.get(exercise_id, DEFAULT_LANG)
            if original is not None and original is not page:
                # People type the English name too ("teaser", "roll up") whatever their language.
                titles.append((original.title, original.keywords))
            for title, keywords in titles:
                names.append((exercise_id, title, True))
                names.extend((exercise_id, keyword, False) for keyword in keywords)
                for name in (title, *keywords):
                    name_words.update(words(name))
            name_terms = frozenset(self.lexicon.term(w) for w in words(page.title))
            context = " ".join((page.title, *page.keywords, page.description, *page.steps))

            source = partial(
                FaqSource, exercise_id, name_terms=name_terms, context=context, position=position
            )
            for entry in page.faq:
                faq.append(source(question=entry.question, answer=entry.answer))
                self.faq_refs.append(FaqRef(exercise_id, entry))
            for section, blocks in (
                (Section.MISTAKES, page.body.mistakes),
                (Section.TIPS, page.body.tips),
            ):
                for block in blocks:
                    passages.append(source(question=block.text, answer=""))
                    self.passage_refs.append(PassageRef(exercise_id, section))
            for modification in page.modifications:
                text = f"{modification.name}. {modification.description}"
                passages.append(source(question=text, answer=""))
                self.passage_refs.append(
                    PassageRef(exercise_id, Section.MODIFICATIONS, modification.level)
                )
            for muscle in page.muscles:
                single = words(muscle)
                if len(single) == 1 and len(single[0]) > 3:  # "oblicuos", not "parte alta de..."
                    muscle_words.add(self.lexicon.stem(single[0]))
            body = page.body.overview + page.body.benefits + page.body.mistakes + page.body.tips
            for text in (
                page.description,
                *page.steps,
                *(f"{f.question} {f.answer}" for f in page.faq),
                *(f"{m.name} {m.description}" for m in page.modifications),
                *(block.text for block in body),
            ):
                vocabulary.update(words(text))
        self.known_words = frozenset(vocabulary)
        self.names = NameIndex(names, self.lexicon, self.known_words)
        self.faq = FaqIndex(faq, self.lexicon)
        self.passages = FaqIndex(passages, self.lexicon)
        self.muscle_words = frozenset(muscle_words)
        self.common_words = common_words(self.lexicon.language.spelling)
        self.speller = Speller(
            vocabulary,
            name_words,
            self.lexicon.cue_words,
            self.lexicon.table_words,
            self.lexicon.stem,
            real_words(self.lexicon.language.spelling),
        )

    def analyse(self, text: str) -> Analysis:
        """A message, analysed with this language's lexicon, the content's words and spelling
        help across the whole vocabulary."""
        return self.lexicon.analyse(text, self.known_words, correct=self.speller.correct_all)
