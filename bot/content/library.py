"""The loaded exercises, grouped across translations, with the look-ups the bot needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.content.model import DEFAULT_LANG, Exercise


class Library:
    """Exercises by id and language.

    An exercise's id is the slug of its default-language page; translations join it through
    `translationKey` (or, without one, by having the same slug), so a Spanish page in its own
    folder with a translated file name still answers to the English id. Every page the library
    hands out carries that id as `Exercise.id`.
    """

    __slots__ = ("_alias", "_groups")

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        by_group: dict[str, dict[str, Exercise]] = {}
        for exercise in exercises:
            group = exercise.translation_key or exercise.slug
            by_group.setdefault(group, {})[exercise.lang] = exercise
        self._groups: dict[str, dict[str, Exercise]] = {}
        self._alias: dict[str, str] = {}
        for pages in by_group.values():
            primary = pages.get(DEFAULT_LANG) or pages[min(pages)]
            if primary.slug not in self._groups:
                # A translation without its own picture shows the original's: a picture
                # has no language, and the site serves it to every language.
                self._groups[primary.slug] = {
                    # Pages read back from the index cache already carry their id.
                    lang: page
                    if page.id == primary.slug and (page.image or not primary.image)
                    else replace(page, id=primary.slug, image=page.image or primary.image)
                    for lang, page in pages.items()
                }
            self._alias.setdefault(primary.slug, primary.slug)
        # Translations' slugs answer too, but never over an exercise's own id (the loader
        # reports pages that try).
        for primary_id, pages in self._groups.items():
            for page in pages.values():
                self._alias.setdefault(page.slug, primary_id)

    def __len__(self) -> int:
        return len(self._groups)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._alias

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._groups)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for pages in self._groups.values() for lang in pages)

    def get(self, exercise_id: str, lang: str = DEFAULT_LANG) -> Exercise | None:
        """The page in `lang`, else the default-language page, else any translation."""
        primary = self._alias.get(exercise_id)
        if primary is None:
            return None
        pages = self._groups[primary]
        return pages.get(lang) or pages.get(DEFAULT_LANG) or pages[min(pages)]

    def id_of(self, exercise: Exercise) -> str:
        """The id of a page of this library, found from its slug; the same as `exercise.id`."""
        return self._alias[exercise.slug]

    def catalogue(self, lang: str = DEFAULT_LANG) -> tuple[Exercise, ...]:
        """One page per exercise, in `lang` where translated, ordered by id."""
        return tuple(self.get(exercise_id, lang) for exercise_id in sorted(self._groups))  # type: ignore[misc]

    def pages(self) -> tuple[Exercise, ...]:
        """Every page in every language."""
        return tuple(page for pages in self._groups.values() for page in pages.values())
