"""ConfirmingPoller: the offset waits for updates in hand, and their repeats are never parsed."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update
from telegram.ext import ExtBot

from bot.faces.telegram.offsets import ConfirmingPoller, HandledUpdates, _updates_from
from bot.faces.telegram.transport import AiohttpRequest
from tests.fake_telegram import FakeTelegram

USER = 1001


def test_only_updates_from_the_first_asked_for_are_kept() -> None:
    raw = [{"update_id": 4}, {"update_id": 5}, {"update_id": 6}, {"odd": True}]
    assert _updates_from(5, raw) == [{"update_id": 5}, {"update_id": 6}, {"odd": True}]
    assert _updates_from(0, raw) == raw
    assert _updates_from(5, True) is True


async def test_updates_in_hand_come_again_but_are_not_parsed_again(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.make_user(USER)
    parsed: list[int] = []
    parse = Update.de_json.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Update], data: dict[str, Any], bot: Any = None) -> Update:
        parsed.append(data["update_id"])
        return parse(cls, data, bot)  # type: ignore[no-any-return]

    monkeypatch.setattr(Update, "de_json", classmethod(counting))
    handled = HandledUpdates()
    bot: ExtBot[Any] = ExtBot(
        fake.token,
        base_url=fake.base_url,
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(pool_size=1),
    )
    async with bot:
        poller = ConfirmingPoller(bot, handled)
        first = fake.send_text(USER, "how do i do the hundred")
        assert [u.update_id for u in await poller.get_updates(timeout=0)] == [first]
        second = fake.send_text(USER, "and the plank")
        # The first is still in hand: Telegram sends it again, and only the second is new.
        fresh = await poller.get_updates(first + 1, timeout=0)
        assert [u.update_id for u in fresh] == [second]
        polls = fake.requests_for("getUpdates")
        assert [u["update_id"] for u in polls[-1].result] == [first, second]
        assert parsed == [first, second]  # the repeat was dropped before parsing
        handled.handled(first)
        handled.handled(second)
        assert await poller.get_updates(second + 1, timeout=0) == ()
        assert fake.requests_for("getUpdates")[-1].params["offset"] == second + 1
