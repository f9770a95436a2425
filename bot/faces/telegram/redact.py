"""Secrets out of text: the bot token and the webhook secret never reach a log line.

The token travels in every Bot API URL (`/bot<TOKEN>/getMe`), so any error that quotes a URL
carries it, and python-telegram-bot logs request parameters (the webhook secret among them) at
DEBUG. The transport redacts what it raises; a filter on the root log handlers redacts
whatever else gets through, at every level, tracebacks included.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import quote

# A bot token: the bot's id, a colon, 35 characters (any token-like string, even one we were
# not told about, such as a wrong token in someone's URL).
TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
TOKEN_MASK = "<token>"
SECRET_MASK = "<secret>"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every given secret (also URL-encoded) and anything token-shaped masked."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        mask = TOKEN_MASK if TOKEN_SHAPE.fullmatch(secret) else SECRET_MASK
        text = text.replace(secret, mask).replace(quote(secret, safe=""), mask)
    return TOKEN_SHAPE.sub(TOKEN_MASK, text)


class RedactSecrets(logging.Filter):
    """Masks secrets in a record's message, arguments and traceback before any handler writes."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: logging reports it itself
            return True
        record.msg, record.args = redact(message, self.secrets), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:  # formatters print exc_text when it is set
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


def redact_logs(secrets: Iterable[str]) -> RedactSecrets:
    """Install the filter on every handler of the root logger (call after logging is set up)."""
    redactor = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    return redactor
