"""Page and picture URLs on the website, as Hugo publishes the content tree by default."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import Exercise, Library, Website, WebsiteError, load_library
from bot.faces.cli import main
from tests.conftest import FIXTURES

SITE = Website.at("https://pilates.example.com")


def _page(library: Library, exercise_id: str, lang: str = "en") -> Exercise:
    page = library.get(exercise_id, lang)
    assert page is not None and page.lang == lang
    return page


def test_pages_are_where_hugo_publishes_them_in_every_layout() -> None:
    library = load_library(FIXTURES / "good").library
    urls = {
        # exercises/roll-up.md, a page; exercises/roll-up.es.md, its translation by suffix
        ("roll-up", "en"): "https://pilates.example.com/exercises/roll-up/",
        ("roll-up", "es"): "https://pilates.example.com/es/exercises/roll-up/",
        # exercises/the-hundred/index.md, a page bundle: its folder is its slug
        ("the-hundred", "en"): "https://pilates.example.com/exercises/the-hundred/",
        # es/exercises/el-cien.md, a translation in the language's own folder
        ("the-hundred", "es"): "https://pilates.example.com/es/exercises/el-cien/",
    }
    for (exercise_id, lang), url in urls.items():
        assert SITE.page_url(_page(library, exercise_id, lang)) == url


def test_the_bundled_pages_are_under_exercises_in_both_languages(library: Library) -> None:
    for exercise_id in library.ids:
        english, spanish = _page(library, exercise_id), _page(library, exercise_id, "es")
        assert SITE.page_url(english) == f"https://pilates.example.com/exercises/{exercise_id}/"
        assert SITE.page_url(spanish) == f"https://pilates.example.com/es/exercises/{exercise_id}/"


def test_front_matter_slug_replaces_the_file_name_and_paths_are_lowercased(
    tmp_path: Path,
) -> None:
    (tmp_path / "Mat Work").mkdir()
    page = (FIXTURES / "good" / "exercises" / "roll-up.md").read_text()
    (tmp_path / "Mat Work" / "roll-up.md").write_text(page)
    (tmp_path / "Mat Work" / "roll-up.es.md").write_text(
        page.replace("---\n", "---\nslug: Enrollamiento\n", 1)
    )
    library = load_library(tmp_path).library
    assert SITE.page_url(_page(library, "roll-up")) == (
        "https://pilates.example.com/mat-work/roll-up/"
    )
    assert SITE.page_url(_page(library, "roll-up", "es")) == (
        "https://pilates.example.com/es/mat-work/enrollamiento/"
    )


def test_a_site_in_a_folder_keeps_it_and_a_trailing_slash_is_dropped() -> None:
    exercise = load_library(FIXTURES / "good").library.get("roll-up")
    assert exercise is not None
    site = Website.at("https://example.org/pilates/")
    assert site.base_url == "https://example.org/pilates"
    assert site.page_url(exercise) == "https://example.org/pilates/exercises/roll-up/"
    pictured = replace(exercise, image="/images/exercises/roll-up.jpg")
    assert site.image_url(pictured) == "https://example.org/pilates/images/exercises/roll-up.jpg"


@pytest.mark.parametrize(
    ("image", "url"),
    [
        ("/images/exercises/plank.jpg", "https://pilates.example.com/images/exercises/plank.jpg"),
        ("images/plank.jpg", "https://pilates.example.com/images/plank.jpg"),
        (
            "/images/side plank ñ.jpg",
            "https://pilates.example.com/images/side%20plank%20%C3%B1.jpg",
        ),
        ("/images/side%20plank.jpg", "https://pilates.example.com/images/side%20plank.jpg"),
        ("/images/plank.jpg?v=2", "https://pilates.example.com/images/plank.jpg?v=2"),
        # Pictures come from the operator's site only, never a host a page names.
        ("https://elsewhere.example/plank.jpg", None),
        ("//elsewhere.example/plank.jpg", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_pictures_are_site_relative(library: Library, image: str | None, url: str | None) -> None:
    assert SITE.image_url(replace(_page(library, "plank"), image=image)) == url


def test_a_translation_without_a_picture_shows_the_original_one(tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    page = (FIXTURES / "good" / "exercises" / "roll-up.md").read_text()
    (folder / "roll-up.md").write_text(page.replace("---\n", "---\nimage: /img/r.jpg\n", 1))
    (folder / "roll-up.es.md").write_text(page)
    library = load_library(tmp_path).library
    assert (
        SITE.image_url(_page(library, "roll-up", "es")) == "https://pilates.example.com/img/r.jpg"
    )


@pytest.mark.parametrize(
    "url",
    [
        "pilates.example.com",
        "ftp://pilates.example.com",
        "https://",
        "https://x.org/?a=1",
        "http://[::1",
    ],
)
def test_a_site_url_that_is_not_one_is_refused(url: str) -> None:
    with pytest.raises(WebsiteError, match="site URL"):
        Website.at(url)


@pytest.mark.parametrize("command", ["chat", "run"])
def test_a_bad_site_url_stops_the_bot_with_one_line(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    token = ["--token", "123:not-used"] if command == "run" else []
    assert main([command, *token, "--site-url", "pilates.example.com"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: the site URL 'pilates.example.com' must be http(s)://host")
    assert error.endswith("(--site-url, PILATES_BOT_SITE_URL)\n")
