"""Random front matter never crashes the loader: every page is either loaded or reported."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import load_library
from bot.content.schema import KNOWN_KEYS

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=40)
    | st.sampled_from(
        ["beginner", "easier", "harder", "<b>x</b>", "<script>x</script>", "javascript:x"]
    )
    | st.dates()
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "level", "description", "q", "a", "x"]), children, max_size=4
        )
    ),
    max_leaves=12,
)
keys = st.sampled_from(sorted(KNOWN_KEYS)) | st.text(min_size=1, max_size=12)
front_matter = st.dictionaries(keys, values, max_size=12)
bodies = st.text(max_size=200) | st.sampled_from(
    ["## Benefits\n\n- a\n", "<div onclick='x'>y</div>"]
)


def _load_one(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.md"
        page.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = load_library(Path(folder))
        loaded = "page" in result.library
        reported = any(p.path == page for p in result.errors)
        assert not (loaded and reported)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, bodies)
def test_random_front_matter_is_loaded_or_reported(meta: dict[str, object], body: str) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    _load_one(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_between_fences_is_loaded_or_reported(raw: str) -> None:
    _load_one("---\n" + raw + "\n---\nbody\n")


@settings(max_examples=100, deadline=None)
@given(front_matter)
def test_pages_with_steps_are_never_skipped_silently(meta: dict[str, object]) -> None:
    meta = {**meta, "steps": meta.get("steps", ["one"])}
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.md"
        page.write_text("---\n" + yaml.safe_dump(meta) + "---\n", encoding="utf-8")
        result = load_library(Path(folder))
        assert ("page" in result.library) != any(p.path == page for p in result.errors)
