"""The log filter masks the token and the webhook secret in messages, arguments and tracebacks."""

from __future__ import annotations

import io
import logging

from bot.faces.telegram.redact import RedactSecrets, redact

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "s3cr3t-webhook_value"


def test_every_part_of_a_record_is_masked() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactSecrets([TOKEN, SECRET]))
    log = logging.getLogger("test_redact")
    log.addHandler(handler)
    try:
        log.warning("calling %s with %s", f"/bot{TOKEN}/setWebhook", {"secret_token": SECRET})
        try:
            raise ValueError(f"http://x/bot{TOKEN.replace(':', '%3A')}/getMe")
        except ValueError:
            log.exception("failed", stack_info=True)
        log.warning("an unknown token-shaped string 987654321:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert "Traceback" in text and "ValueError" in text and "Stack (most recent" in text
    assert TOKEN.split(":")[1] not in text and SECRET not in text and "ZZZZZZZZZZ" not in text
    assert text.count("<token>") == 3 and "<secret>" in text


def test_ordinary_text_is_left_alone() -> None:
    assert redact("update 700000001 at 12:30, 5 exercises", [TOKEN]) == (
        "update 700000001 at 12:30, 5 exercises"
    )
