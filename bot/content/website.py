"""Where a page and its picture are published: the site's base URL and Hugo's URL rules."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from bot.content.model import DEFAULT_LANG, Exercise


class WebsiteError(ValueError):
    """A site URL the bot cannot link to."""


@dataclass(frozen=True, slots=True)
class Website:
    """The website the content tree is published on, at `base_url` (no trailing slash).

    Page URLs follow Hugo's defaults (no `permalinks` setting): the page's path in its
    language's tree, `/exercises/plank/`; other languages under their code, `/es/exercises/
    plank/` (defaultContentLanguageInSubdir = false, Hugo's default, so English has no prefix).
    """

    base_url: str

    @classmethod
    def at(cls, url: str) -> Website:
        """The site at `url` ("https://pilates.example.com"); WebsiteError if it is not one."""
        try:
            parts = urlsplit(url.strip())
        except ValueError as exc:
            raise WebsiteError(f"the site URL {url!r} is not a URL: {exc}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise WebsiteError(
                f"the site URL {url!r} must be http(s)://host, e.g. https://pilates.example.com"
            )
        if parts.query or parts.fragment:
            raise WebsiteError(f"the site URL {url!r} must not have a query or a fragment")
        # A site in a sub-folder (https://example.org/pilates/) keeps its folder.
        return cls(urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", "")))

    def page_url(self, exercise: Exercise) -> str:
        """The published page of `exercise` in its own language."""
        path = exercise.site_path or f"exercises/{exercise.slug}"  # a page made in a test
        prefix = "" if exercise.lang == DEFAULT_LANG else f"/{exercise.lang}"
        return f"{self.base_url}{prefix}/{_quoted(path.strip('/'))}/"

    def image_url(self, exercise: Exercise) -> str | None:
        """The page's picture on the site, or None when it has none.

        `image` is site-relative ("/images/exercises/plank.jpg"); an external URL is not
        followed (the content check warns about it): pages may come from anywhere, and the
        bot shows pictures from the operator's own site only.
        """
        image = (exercise.image or "").strip()
        parts = urlsplit(image)
        if not parts.path or parts.scheme or parts.netloc or image.startswith("//"):
            return None
        path = _quoted(parts.path.lstrip("/"))
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.base_url}/{path}{query}"


def _quoted(path: str) -> str:
    """A path as a URL path: spaces and non-ASCII percent-encoded, already encoded ones kept."""
    return quote(unquote(path), safe="/")
