"""Telegram's text rules: HTML parse mode (ported from TDLib), UTF-16 lengths, and the
entities Telegram's servers mark in a user's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.fake_telegram.api import JSON

# --------------------------------------------------------------------------------------------
# Telegram's HTML parse mode
# --------------------------------------------------------------------------------------------


class HtmlParseError(ValueError):
    """Telegram refused the HTML; ``str(error)`` is what follows "can't parse entities: "."""


@dataclass
class FormattedText:
    """Visible text and its message entities (UTF-16 offsets), as Telegram stores a message."""

    text: str
    entities: list[JSON] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: Telegram's unit for limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _utf16_units(utf8: bytes) -> int:
    return utf16_len(utf8.decode("utf-8"))


# TDLib's is_space counts NUL too, which is what stops its scans at the end of the C string.
_SPACES = frozenset(b" \t\r\n\0\v\f")
_ALPHA = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset(b"0123456789")
_ALNUM = _ALPHA | _DIGITS
_HEX = _DIGITS | frozenset(b"abcdefABCDEF")
_NAME_TOKEN = _ALNUM | frozenset(b".-")
_ATTRIBUTE_NAME_STOP = _SPACES | frozenset(b"=>/\"'")
_NAMED_REFERENCES = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_SPECIAL = re.compile(rb"[<&]")
_AMP, _LT, _GT, _SLASH, _EQ, _SEMI = 0x26, 0x3C, 0x3E, 0x2F, 0x3D, 0x3B
_QUOTES = (0x22, 0x27)

_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)
_SIMPLE_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)
_URL_WITH_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>\S+)$")
_HOST = re.compile(
    r"^(?:[^\s/?#@]*@)?(?P<host>[A-Za-z0-9\u00a1-\uffff-]+(?:\.[A-Za-z0-9\u00a1-\uffff-]+)+)"
    r"(?::\d{1,5})?(?:[/?#]\S*)?$"
)


def normalize_url(url: str) -> str | None:
    """The link Telegram would keep, or None where Telegram refuses it.

    A simplified TDLib ``check_url``: http(s)/ftp links need a dotted host, tg:// and ton://
    links anything after the scheme, and a link without a scheme becomes http://.
    """
    match = _URL_WITH_SCHEME.match(url)
    if match is None:
        return f"http://{url}" if _HOST.match(url) else None
    scheme = match["scheme"].lower()
    if scheme in ("tg", "ton"):
        return url
    if scheme in ("http", "https", "ftp") and _HOST.match(match["rest"]):
        return url
    return None


@dataclass
class _OpenTag:
    name: str
    argument: str
    has_href: bool
    utf16_offset: int
    result_position: int
    byte_offset: int


class _HtmlParser:
    """A step-by-step port of TDLib's ``parse_html`` (td/telegram/MessageEntity.cpp).

    It reads UTF-8 bytes with a NUL appended, as TDLib reads its C string, so the error messages
    carry the same byte offsets Telegram reports.
    """

    def __init__(self, html: str, *, strict: bool) -> None:
        self.data = html.encode("utf-8") + b"\0"
        self.end = len(self.data) - 1
        self.strict = strict
        self.result = bytearray()
        self.utf16 = 0
        self.entities: list[JSON] = []
        self.stack: list[_OpenTag] = []

    def parse(self) -> FormattedText:
        data = self.data
        i = 0
        while i < self.end:
            # Plain text runs are copied in one go: only '<' and '&' are special.
            match = _SPECIAL.search(data, i, self.end)
            stop = match.start() if match else self.end
            if stop > i:
                chunk = data[i:stop]
                self.result += chunk
                self.utf16 += _utf16_units(chunk)
                i = stop
                continue
            if data[i] == _AMP:
                i = self._text_reference(i)
            elif data[i + 1] == _SLASH:
                i = self._end_tag(i)
            else:
                i = self._start_tag(i)
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        for entity in self.entities:
            # A language only counts on code inside pre; TDLib clears it elsewhere.
            if entity["type"] == "code":
                entity.pop("language", None)
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return FormattedText(self.result.decode("utf-8"), self.entities)

    # -- character references -----------------------------------------------------------------

    def _decode_reference(self, pos: int) -> tuple[int, int, bool]:
        """TDLib's decode_html_entity: (code point or 0, position after it, ended with ';')."""
        data = self.data
        end = pos + 1
        code = 0
        if data[end] == 0x23:  # '#'
            end += 1
            if data[end] == 0x78:  # 'x'; TDLib does not accept 'X'
                end += 1
                while data[end] in _HEX:
                    code = code * 16 + int(chr(data[end]), 16)
                    end += 1
                    if code >= 0x10FFFF:  # stop before a long run of digits gets expensive
                        break
            else:
                while data[end] in _DIGITS:
                    code = code * 10 + data[end] - 0x30
                    end += 1
                    if code >= 0x10FFFF:
                        break
            if code == 0 or code >= 0x10FFFF or end - pos >= 10:
                return 0, pos, False
        else:
            while data[end] in _ALPHA:
                end += 1
            code = _NAMED_REFERENCES.get(bytes(data[pos + 1 : end]), 0)
            if code == 0:
                return 0, pos, False
        if 0xD800 <= code <= 0xDFFF:
            raise HtmlParseError(_SURROGATE_ERROR)
        if data[end] == _SEMI:
            return code, end + 1, True
        return code, end, False

    def _reference(self, pos: int) -> tuple[int, int]:
        """A reference at ``pos`` under the current strictness: (code point or 0, next pos)."""
        code, after, terminated = self._decode_reference(pos)
        if not self.strict:
            return code, after  # TDLib keeps an unknown '&' as a literal character
        if code and terminated:
            return code, after
        if code:
            raise HtmlParseError(f'HTML entity at byte offset {pos} must end with ";"')
        shape = re.match(rb"&#?[A-Za-z0-9]+;", self.data[pos : pos + 34])
        if shape:
            reference = shape.group().decode("ascii")
            raise HtmlParseError(f'Unsupported HTML entity "{reference}" at byte offset {pos}')
        raise HtmlParseError(f'Character "&" at byte offset {pos} must be escaped as "&amp;"')

    def _text_reference(self, pos: int) -> int:
        code, after = self._reference(pos)
        if code == 0:
            self.result.append(_AMP)
            self.utf16 += 1
            return pos + 1
        self.result += chr(code).encode("utf-8")
        self.utf16 += 2 if code > 0xFFFF else 1
        return after

    # -- tags -----------------------------------------------------------------------------------

    def _start_tag(self, begin: int) -> int:
        data = self.data
        i = begin + 1
        while data[i] not in _SPACES and data[i] != _GT:
            i += 1
        if data[i] == 0:
            raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
        name = bytes(data[begin + 1 : i]).lower().decode("utf-8", "replace")
        if name not in _TAGS:
            raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {begin}')

        argument = ""
        has_href = False
        while data[i] != _GT:
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] == _GT:
                break
            attribute_begin = i
            while data[i] not in _ATTRIBUTE_NAME_STOP:
                i += 1
            attribute = bytes(data[attribute_begin:i])
            if not attribute:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {begin}'
                )
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] != _EQ:
                # An attribute without a value: TDLib ignores it, except blockquote's expandable.
                if data[i] == 0:
                    raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {begin}')
                if name == "blockquote" and attribute == b"expandable":
                    argument = "1"
                continue
            i += 1
            while data[i] != 0 and data[i] in _SPACES:
                i += 1
            if data[i] == 0:
                raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {begin}')
            value, i = self._attribute_value(i)
            if data[i] == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            if name == "a" and attribute == b"href":
                argument, has_href = value, True
            elif name == "code" and attribute == b"class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif name == "span" and attribute == b"class" and value.startswith("tg-"):
                argument = value[len("tg-") :]
            elif name == "tg-emoji" and attribute == b"emoji-id":
                argument = value
            elif name == "blockquote" and attribute == b"expandable":
                argument = "1"

        if name == "span" and argument != "spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
        if self.strict and name == "a" and not has_href:
            raise HtmlParseError(f'Tag "a" must have attribute "href" at byte offset {begin}')
        self.stack.append(_OpenTag(name, argument, has_href, self.utf16, len(self.result), begin))
        return i + 1

    def _attribute_value(self, i: int) -> tuple[str, int]:
        data = self.data
        if data[i] not in _QUOTES:
            # An unquoted name token: letters, digits, periods and hyphens, case-insensitive.
            token_begin = i
            while data[i] in _NAME_TOKEN:
                i += 1
            if data[i] not in _SPACES and data[i] != _GT:
                raise HtmlParseError(f"Unexpected end of name token at byte offset {token_begin}")
            return bytes(data[token_begin:i]).lower().decode("ascii"), i
        quote = data[i]
        i += 1
        value = bytearray()
        while data[i] != quote and data[i] != 0:
            if data[i] == _AMP:
                code, after = self._reference(i)
                if code:
                    value += chr(code).encode("utf-8")
                    i = after
                    continue
            value.append(data[i])
            i += 1
        if data[i] == quote:
            i += 1
        return value.decode("utf-8", "replace"), i

    def _end_tag(self, begin: int) -> int:
        data = self.data
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
        i = begin + 2
        while data[i] not in _SPACES and data[i] != _GT:
            i += 1
        end_name = bytes(data[begin + 2 : i]).lower().decode("utf-8", "replace")
        while data[i] in _SPACES and data[i] != 0:
            i += 1
        if data[i] != _GT:
            raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
        opened = self.stack[-1]
        # "</>" closes whatever is open, as in TDLib.
        if end_name and end_name != opened.name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {begin}, "
                f'expected "</{opened.name}>", found "</{end_name}>"'
            )
        if self.utf16 > opened.utf16_offset:
            self._add_entity(opened, self.utf16 - opened.utf16_offset)
        self.stack.pop()
        return i + 1

    def _add_entity(self, opened: _OpenTag, length: int) -> None:
        offset = opened.utf16_offset
        entities = self.entities
        last = entities[-1] if entities else None
        same_span = last is not None and last["offset"] == offset and last["length"] == length
        name = opened.name
        if name in _SIMPLE_ENTITIES:
            entities.append({"type": _SIMPLE_ENTITIES[name], "offset": offset, "length": length})
        elif name == "a":
            url = opened.argument or self.result[opened.result_position :].decode("utf-8")
            link = normalize_url(url)
            if link is not None:
                entities.append(
                    {"type": "text_link", "offset": offset, "length": length, "url": link}
                )
            elif self.strict:
                raise HtmlParseError(
                    f'Invalid URL "{url}" in the tag "a" at byte offset {opened.byte_offset}'
                )
        elif name == "pre":
            if same_span and last is not None and last["type"] == "code" and last.get("language"):
                last["type"] = "pre"
            else:
                entities.append({"type": "pre", "offset": offset, "length": length})
        elif name == "code":
            if same_span and last is not None and last["type"] == "pre" and opened.argument:
                last["language"] = opened.argument
            else:
                entity: JSON = {"type": "code", "offset": offset, "length": length}
                if opened.argument:
                    entity["language"] = opened.argument
                entities.append(entity)
        elif name == "tg-emoji":
            emoji_id = opened.argument
            if not (emoji_id.isascii() and emoji_id.isdigit() and 0 < int(emoji_id) < 2**63):
                raise HtmlParseError("Invalid custom emoji identifier specified")
            entities.append(
                {
                    "type": "custom_emoji",
                    "offset": offset,
                    "length": length,
                    "custom_emoji_id": emoji_id,
                }
            )
        elif name == "blockquote":
            kind = "expandable_blockquote" if opened.argument else "blockquote"
            entities.append({"type": kind, "offset": offset, "length": length})


def parse_html(html: str, *, strict: bool = True) -> FormattedText:
    """Parse Telegram HTML into visible text and entities, or raise :class:`HtmlParseError`.

    ``strict=False`` follows TDLib as closely as this port does; ``strict=True`` also refuses a
    stray ``&``, an ``<a>`` without ``href`` and links Telegram would silently drop.
    """
    return _HtmlParser(html, strict=strict).parse()


_TRIMMED = " \t\r\n"


def _trim(formatted: FormattedText) -> FormattedText:
    """Drop leading and trailing whitespace as Telegram does, moving the entities along."""
    text = formatted.text
    stripped = text.strip(_TRIMMED)
    if stripped == text:
        return formatted
    cut = utf16_len(text[: len(text) - len(text.lstrip(_TRIMMED))])
    limit = utf16_len(stripped)
    entities: list[JSON] = []
    for entity in formatted.entities:
        start = max(entity["offset"] - cut, 0)
        end = min(entity["offset"] + entity["length"] - cut, limit)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return FormattedText(stripped, entities)


_USER_ENTITY = re.compile(
    r"(?P<bot_command>(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]{5,32}(?!\w))"
    r"|(?P<url>\bhttps?://[^\s<>\"]+)"
)


def _text_content(text: str) -> JSON:
    content: JSON = {"text": text}
    entities = _detect_entities(text)
    if entities:
        content["entities"] = entities
    return content


def _detect_entities(text: str) -> list[JSON]:
    entities: list[JSON] = []
    for match in _USER_ENTITY.finditer(text):
        kind = match.lastgroup or "url"
        entities.append(
            {
                "type": kind,
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities
