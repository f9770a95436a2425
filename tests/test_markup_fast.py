"""The plain pages' fast path of parse_body gives what markdown-it gives, or declines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.loader import _YAML_HANDLER
from bot.content.markup import _parse_markdown, _plain_body, parse_body

ROOT = Path(__file__).resolve().parents[1]

# Line starts and inline pieces: the plain ones the fast path takes, and the Markdown, HTML
# and odd whitespace around them that it must leave to markdown-it (or read the same way).
_STARTS = [
    *[""] * 6,
    *["- "] * 3,
    "1. ",
    "2. ",
    "10. ",
    "1234567890. ",
    "1) ",
    "* ",
    "+ ",
    "-",
    "- - -",
    "---",
    "***",
    "===",
    "## ",
    "# ",
    "### ",
    "####### ",
    "#",
    "##  ",
    " ",
    "  ",
    "    ",
    "   - ",
    "> ",
    "```",
    "~~~",
    "<div>",
    "\t",
    "**",
    "1.5 ",
    "2024. ",
]
_PIECES = [
    *["word", "Palabra", "ünïcödé", "¿Qué?", "¡sí!", "5", "30 seconds", "x"] * 3,
    *["**", " **", "** ", "**a**", "**Bold**:", "(**b**)"] * 2,
    " ",
    "  ",
    "*",
    "***",
    "_",
    "__a__",
    "`",
    "[a](b)",
    "[a]: /u",
    "![i](j)",
    "&amp;",
    "&",
    "\\",
    "<b>",
    "<script>",
    "(",
    ")",
    ":",
    ".",
    "-",
    ",",
    "'",
    '"',
    "#",
    " #",
    "=",
    "x\u00a0y",
    "\r",
    "\u2028",
    "\x1c",
    "\u0301",
    "²",
    "javascript:alert(1)",
]

_line = st.builds(
    lambda start, pieces: start + "".join(pieces),
    st.sampled_from(_STARTS),
    st.lists(st.sampled_from(_PIECES), max_size=8),
)
_body = st.lists(_line, max_size=12).map("\n".join)
_plain_line = st.builds(
    lambda start, words: start + " ".join(words),
    st.sampled_from(["", "", "- ", "1. ", "3. ", "## ", "### ", "# "]),
    st.lists(
        st.sampled_from(["word", "**Bold**:", "**two words**", "¿Qué?", "5", "-"]),
        min_size=1,
        max_size=6,
    ),
)
_plain = st.lists(st.one_of(_plain_line, st.just("")), max_size=14).map("\n".join)
# Bold and list markers packed close together: where "**" opens, closes or stays text.
_starred_line = st.builds(
    lambda start, pieces: start + "".join(pieces),
    st.sampled_from(["", "", "- ", "1. ", "2. ", "## ", "1.5 ", "**"]),
    st.lists(
        st.sampled_from(["word", "é", "5", "²", "**", "**", "*", "***", " ", "(", ")", ".", "-"]),
        max_size=10,
    ),
)
_starred = st.lists(st.one_of(_starred_line, st.just("")), max_size=8).map("\n".join)


def _same_or_declined(markdown: str) -> bool:
    fast = _plain_body(markdown)
    if fast is None:
        return False
    slow = _parse_markdown(markdown)
    assert fast == slow.body, markdown
    assert not slow.findings, markdown
    return True


@settings(max_examples=1500, deadline=None)
@given(_body)
def test_the_fast_path_reads_any_markdown_as_markdown_it_or_declines(markdown: str) -> None:
    _same_or_declined(markdown)


@settings(max_examples=600, deadline=None)
@given(_plain)
def test_the_fast_path_reads_near_plain_markdown_as_markdown_it(markdown: str) -> None:
    _same_or_declined(markdown)


@settings(max_examples=600, deadline=None)
@given(_starred)
def test_the_fast_path_reads_bold_as_markdown_it_or_declines(markdown: str) -> None:
    _same_or_declined(markdown)


def test_runs_of_stars_read_as_markdown_it_reads_them() -> None:
    for markdown in ("**a****a**", "**a** **b**", "x **a**, **b**.", "(**a**)", "**a**b", "a**b**"):
        fast = _plain_body(markdown)
        assert fast is None or fast == _parse_markdown(markdown).body, markdown


def test_every_bundled_page_takes_the_fast_path_and_reads_the_same() -> None:
    pages = sorted((ROOT / "content").rglob("*.md"))
    assert pages
    for page in pages:
        _, body = _YAML_HANDLER.split(page.read_text("utf-8"))
        assert _same_or_declined(body), page


def test_fixture_pages_read_the_same_either_way() -> None:
    for page in sorted((ROOT / "tests" / "fixtures").rglob("*.md")):
        text = page.read_text("utf-8")
        if _YAML_HANDLER.detect(text):
            try:
                body = _YAML_HANDLER.split(text)[1]
            except ValueError:
                continue
            assert parse_body(body) == _parse_markdown(body), page
