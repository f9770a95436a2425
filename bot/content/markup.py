"""Markdown and HTML in untrusted pages: plain text out, raw and active HTML found and reported.

Everything a page says reaches users as plain text; the renderer escapes it for Telegram. Raw
HTML is recognised by real parsers (markdown-it for the Markdown structure, the standard
library's HTML tokenizer for the tags) and dropped, keeping only the text it wrapped. A page
with no HTML, links, code or other Markdown than headings, flat lists and **bold** is read
without markdown-it, to the same result (`_plain_body`); every other page goes through it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.content.model import Block, BlockKind, Body
from bot.languages import all_languages

# Tags that run code, load other documents or redirect: never acceptable in a page.
ACTIVE_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "form"}
)
# Elements whose text is code or styling, not prose.
_HIDDEN_TEXT_TAGS = frozenset({"script", "style"})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "poster"})
_SAFE_DATA_URL = re.compile(r"data:image/(png|gif|jpeg|webp);", re.IGNORECASE)
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_SPACES = re.compile(r"\s+")
_DISPLAY_NONE = re.compile(r"(^|;)(display:none|visibility:hidden)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """Raw HTML found in a page; active findings make the page an error."""

    description: str
    active: bool
    line_offset: int = 0
    outcome: str = "is stripped"  # what the bot does with it, for the report


def is_active_url(url: str) -> bool:
    """True for URLs a browser runs rather than fetches (javascript:, vbscript:, data: pages)."""
    if ":" not in url:
        return False
    # Browsers ignore control characters and whitespace inside the scheme ("java\tscript:").
    squeezed = _CONTROL_OR_SPACE.sub("", url).lower()
    if squeezed.startswith(("javascript:", "vbscript:")):
        return True
    return squeezed.startswith("data:") and not _SAFE_DATA_URL.match(squeezed)


def _hidden_by(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """What hides an element on the website (`hidden`, `display:none`, a closed <details>)."""
    if tag == "details":
        return tag
    for name, value in attrs:
        if name == "hidden":
            return "hidden"
        if name == "style" and value and _DISPLAY_NONE.search(_CONTROL_OR_SPACE.sub("", value)):
            return 'style="display:none"'
    return None


class _HtmlScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.active: list[str] = []
        self.hidden: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ACTIVE_TAGS:
            self.active.append(f"<{tag}> tag")
        if tag in _HIDDEN_TEXT_TAGS:
            self._hidden_depth += 1
        hidden = _hidden_by(tag, attrs)
        if hidden:
            self.hidden.append(f"<{tag} {hidden}>" if hidden != tag else f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.active.append(f"{name}= event handler attribute on <{tag}>")
            elif name in _URL_ATTRIBUTES and value is not None and is_active_url(value):
                self.active.append(f"{value.split(':', 1)[0].strip()}: URL in <{tag} {name}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN_TEXT_TAGS:
            self._hidden_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TEXT_TAGS and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")


@dataclass(slots=True)
class HtmlScan:
    text: str
    findings: list[Finding] = field(default_factory=list)


def scan_html(fragment: str, line_offset: int = 0) -> HtmlScan:
    """The visible text of an HTML fragment and what in it is raw or active HTML."""
    scanner = _HtmlScanner()
    scanner.feed(fragment)
    scanner.close()
    findings = [Finding(what, active=True, line_offset=line_offset) for what in scanner.active]
    if scanner.hidden:  # the website hides it, the bot would show its text: the author decides
        hidden = ", ".join(dict.fromkeys(scanner.hidden))
        outcome = "is hidden on the website, but the bot shows its text"
        findings.append(Finding(f"hidden HTML ({hidden})", False, line_offset, outcome))
    raw = sorted({f"<{t}>" for t in scanner.tags if t not in ACTIVE_TAGS})
    if raw:  # reported even beside active content: both are the author's to fix
        findings.append(
            Finding(f"raw HTML ({', '.join(raw)})", active=False, line_offset=line_offset)
        )
    return HtmlScan(text="".join(scanner.text), findings=findings)


def plain_text(value: str) -> str:
    """`clean_text(value).text`, without building the scan for a value with no HTML (the
    loader cleans some thirty strings a page)."""
    if "<" not in value:
        return " ".join(value.split())
    return clean_text(value).text


def clean_text(value: str) -> HtmlScan:
    """A front matter string as plain text: any HTML in it is found and stripped."""
    if "<" not in value:
        return HtmlScan(text=" ".join(value.split()))
    scan = scan_html(value)
    scan.text = _SPACES.sub(" ", scan.text).strip()
    return scan


# Section headings the bot knows, per language, after normalise_heading().
@cache
def section_headings() -> dict[str, str]:
    """Every language's "##" headings (folded) and the section each one starts."""
    return {
        heading: part for lang in all_languages() for heading, part in lang.section_headings.items()
    }


@lru_cache(maxsize=4096)  # pages repeat their headings ("## Benefits" on every page)
def _section_named(heading: str) -> str | None:
    return section_headings().get(normalise_heading(heading))


def normalise_heading(heading: str) -> str:
    decomposed = unicodedata.normalize("NFKD", heading.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", letters))


def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    # Let every link through as a token so its URL can be judged, instead of silently unlinking.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_MARKDOWN = _md()


@dataclass(slots=True)
class ParsedBody:
    body: Body
    findings: list[Finding]


@dataclass(slots=True)
class _Sections:
    current: str = "overview"
    blocks: dict[str, list[Block]] = field(
        default_factory=lambda: {"overview": [], "benefits": [], "mistakes": [], "tips": []}
    )

    def add(self, kind: BlockKind, text: str) -> None:
        if text:
            self.blocks[self.current].append(Block(kind, text))

    def heading(self, level: int, text: str) -> None:
        """A "##" heading starts the section it names (the overview when none); others are
        text of the current section."""
        if level == 2:
            known = _section_named(text)
            self.current = known or "overview"
            if known is None:
                self.add(BlockKind.HEADING, text)
        else:
            self.add(BlockKind.HEADING, text)

    def body(self) -> Body:
        b = self.blocks
        return Body(
            overview=tuple(b["overview"]),
            benefits=tuple(b["benefits"]),
            mistakes=tuple(b["mistakes"]),
            tips=tuple(b["tips"]),
        )


def _inline_text(token: Token, findings: list[Finding], line: int) -> str:
    parts: list[str] = []
    html: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            html.append(child.content)
        elif child.type in ("link_open", "image"):
            url = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
            if is_active_url(url):
                scheme = url.split(":", 1)[0].strip()
                what = "link" if child.type == "link_open" else "image"
                findings.append(Finding(f"{scheme}: {what}", active=True, line_offset=line))
    if html:  # one report per paragraph, not one per tag
        findings.extend(scan_html("".join(html), line).findings)
    return _SPACES.sub(" ", "".join(parts)).strip()


def parse_body(markdown: str) -> ParsedBody:
    """Split a page body into the known sections, as plain-text blocks."""
    plain = _plain_body(markdown)
    if plain is not None:
        return ParsedBody(body=plain, findings=[])
    return _parse_markdown(markdown)


def _parse_markdown(markdown: str) -> ParsedBody:
    """`parse_body` by markdown-it: any Markdown, raw HTML and links found and judged."""
    tokens = _MARKDOWN.parse(markdown)
    findings: list[Finding] = []
    sections = _Sections()
    list_depth = 0
    heading_level = 0
    for token in tokens:
        line = token.map[0] if token.map else 0
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "inline":
            text = _inline_text(token, findings, line)
            if heading_level:
                sections.heading(heading_level, text)
            else:
                sections.add(BlockKind.ITEM if list_depth else BlockKind.PARAGRAPH, text)
        elif token.type == "html_block":
            scan = scan_html(token.content, line)
            findings.extend(scan.findings)
            sections.add(BlockKind.PARAGRAPH, _SPACES.sub(" ", scan.text).strip())
        elif token.type in ("fence", "code_block"):
            sections.add(BlockKind.PARAGRAPH, _SPACES.sub(" ", token.content).strip())
    return ParsedBody(body=sections.body(), findings=findings)


# The plain pages' fast path. Most pages are "##" headings, paragraphs and flat "-" or "1."
# lists with **bold** words: what markdown-it makes of those is known without it, in a tenth
# of the time (its parse was over half of a cold start). Anything else, or anything that could
# read another way (indented lines, HTML, links, code, escapes, entities, other emphasis,
# a list that may not interrupt a paragraph), goes to markdown-it as before.
# tests/test_markup_fast.py checks that both give the same on the bundled pages and on
# generated near-plain Markdown.
#
# Characters that can start Markdown or HTML other than the above anywhere in a line, and
# whitespace other than spaces and line breaks (tabs indent, and other spaces are not
# whitespace to a Markdown line).
_NOT_PLAIN = re.compile(r"[\r\0\t\\`\[\]<>&_]|[^\S \n]")
_PLAIN_HEADING = re.compile(r"(#{1,6}) ([^ #][^#]*)")
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)]( |$)")
_ORDERED_ITEM = re.compile(r"\d{1,9}\. ")
_CLOSER_FOLLOWS = frozenset(" \n.,:;!?)-")
_OPENER_FOLLOWS = frozenset(" \n(")
_HEADING, _PARAGRAPH, _BULLET, _ORDERED = range(4)


def _plain_start(text: str) -> bool:
    """Whether a line (or a list item's text) can only start a paragraph's text."""
    first = text[:1]
    if not first or first in " #>-+=~*":
        return text[:2] == "**" and text[2:3].isalnum()  # bold, not a list or a rule
    return not (first.isdigit() and _ORDERED_MARKER.match(text))


def _plain_inline(text: str) -> str | None:
    """A paragraph's text as markdown-it's text tokens give it, when its only markup is
    **bold** that plainly opens after a space and closes before a space or punctuation."""
    if "*" not in text:
        return text
    pieces = text.split("**")
    if len(pieces) % 2 == 0 or any("*" in piece for piece in pieces):
        return None  # an unpaired **, or * and *** emphasis
    if not all(pieces[1:-1]):
        return None  # "****": one run of four, not two of two
    for i in range(1, len(pieces), 2):
        before, inside, after = pieces[i - 1], pieces[i], pieces[i + 1]
        if not (inside[:1].isalnum() and inside[-1:].isalnum()):
            return None
        if before and before[-1] not in _OPENER_FOLLOWS:
            return None
        if after and after[0] not in _CLOSER_FOLLOWS:
            return None
    return "".join(pieces)


def _plain_body(markdown: str) -> Body | None:
    """The body of a plain page (see above) without markdown-it; None for any other page."""
    if _NOT_PLAIN.search(markdown):
        return None
    blocks: list[tuple[int, int, list[str]]] = []  # (kind, heading level, lines)
    open_kind = None  # the paragraph or list item that a text line continues
    for line in markdown.split("\n"):
        if not line.strip(" "):
            open_kind = None
            continue
        if line[0] == "#":
            heading = _PLAIN_HEADING.fullmatch(line)
            if heading is None:
                return None
            blocks.append((_HEADING, len(heading[1]), [heading[2]]))
            open_kind = None
        elif line.startswith("- "):
            if open_kind not in (None, _PARAGRAPH, _BULLET) or not _plain_start(line[2:]):
                return None
            blocks.append((_BULLET, 0, [line[2:]]))
            open_kind = _BULLET
        elif _plain_start(line):
            if open_kind is None:
                blocks.append((_PARAGRAPH, 0, [line]))
                open_kind = _PARAGRAPH
            else:
                blocks[-1][2].append(line)  # a lazy continuation line
        else:
            item = _ORDERED_ITEM.match(line)
            if item is None or open_kind not in (None, _ORDERED):
                return None  # only "1." may break into a paragraph: markdown-it decides
            text = line[item.end() :]
            if not _plain_start(text):
                return None
            blocks.append((_ORDERED, 0, [text]))
            open_kind = _ORDERED
    sections = _Sections()
    for kind, level, lines in blocks:
        inline = _plain_inline("\n".join(lines))
        if inline is None:
            return None
        text = " ".join(inline.split())  # as _SPACES does: only " " and "\n" are here
        if kind == _HEADING:
            sections.heading(level, text)
        else:
            sections.add(BlockKind.PARAGRAPH if kind == _PARAGRAPH else BlockKind.ITEM, text)
    return sections.body()
