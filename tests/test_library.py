"""The library: every page it hands out carries its exercise's id."""

from __future__ import annotations

from dataclasses import replace

from bot.content import DEFAULT_LANG, Library, load_library
from tests.conftest import FIXTURES


def test_every_bundled_exercise_carries_the_id_the_library_gives_it(library: Library) -> None:
    assert len(library.pages()) > len(library)  # translations are checked too
    for exercise in library.pages():
        assert exercise.id == library.id_of(exercise), exercise.source
        assert exercise.id in library.ids
        primary = library.get(exercise.id)
        assert primary is not None and primary.slug == exercise.id
        assert primary.lang == DEFAULT_LANG
        assert library.get(exercise.id, exercise.lang) == exercise


def test_a_translation_carries_the_default_language_slug_as_its_id() -> None:
    library = load_library(FIXTURES / "good").library
    cien = library.get("el-cien", "es")  # the Spanish page has a translated file name
    assert cien is not None and cien.slug == "el-cien" and cien.lang == "es"
    assert cien.id == "the-hundred"
    assert [e.id for e in library.catalogue("es")] == sorted(library.ids)


def test_ids_are_set_again_when_pages_are_grouped_again(library: Library) -> None:
    smaller = Library(replace(e, id="") for e in library.pages() if e.id != "plank")
    assert "plank" not in smaller
    assert all(e.id == library.id_of(e) for e in smaller.pages())
    assert {e.id for e in smaller.pages()} == set(library.ids) - {"plank"}
