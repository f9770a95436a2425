"""Handlers.keyboard: the same buttons give the same keyboard, made once; kept data is not."""

from __future__ import annotations

from typing import Annotated, Any, cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.conversation.actions import Action, ShowSection, Text, ToggleSave, encode
from bot.conversation.conversation import Conversation
from bot.conversation.reply import Button, Reply
from bot.faces.telegram.handlers import KEYBOARDS_KEPT, Handlers


class Lengthy(Action, prefix="Y"):
    """An action over 64 bytes: its data is kept server-side under a key that expires."""

    text: Annotated[str, Text(r"[a-z]{1,200}")]


class KeepingConversation:
    """What Handlers.keyboard asks of a conversation: the data of an action too long to carry."""

    def __init__(self) -> None:
        self.kept = 0

    async def button_data(self, action: Action) -> str:
        self.kept += 1
        return f"1k{self.kept:016d}"


def handlers() -> tuple[Handlers, KeepingConversation]:
    conversation = KeepingConversation()
    return Handlers(cast(Conversation, conversation)), conversation


def card(exercise_id: str = "hundred", saved: bool = False) -> Reply:
    return Reply(
        (),
        (
            (Button("Steps", ShowSection(exercise_id)), Button("Video", url="https://v.example")),
            (Button("★ Saved" if saved else "☆ Save", ToggleSave(exercise_id)),),
        ),
    )


def as_sent(markup: InlineKeyboardMarkup | None) -> dict[str, Any]:
    assert markup is not None
    return markup.to_dict()


async def test_the_same_buttons_make_the_same_keyboard_once() -> None:
    faces, _ = handlers()
    first = await faces.keyboard(card())
    assert await faces.keyboard(card()) is first
    assert (
        as_sent(first)
        == InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("Steps", callback_data=encode(ShowSection("hundred"))),
                    InlineKeyboardButton("Video", url="https://v.example"),
                ],
                [InlineKeyboardButton("☆ Save", callback_data=encode(ToggleSave("hundred")))],
            ]
        ).to_dict()
    )
    assert as_sent(first) is as_sent(first)  # its dict form made once too
    saved = await faces.keyboard(card(saved=True))
    assert saved is not first and as_sent(saved) != as_sent(first)
    assert await faces.keyboard(Reply(())) is None


async def test_data_kept_server_side_is_never_reused() -> None:
    faces, conversation = handlers()
    lengthy = Reply((), ((Button("More", Lengthy("x" * 80)),),))
    first, second = await faces.keyboard(lengthy), await faces.keyboard(lengthy)
    assert conversation.kept == 2  # each keyboard keeps its own, with its own expiry
    assert as_sent(first) != as_sent(second)


async def test_the_keyboards_remembered_are_bounded() -> None:
    faces, _ = handlers()
    oldest = await faces.keyboard(card("ex-0"))
    for number in range(1, KEYBOARDS_KEPT + 1):
        await faces.keyboard(card(f"ex-{number}"))
    assert await faces.keyboard(card("ex-0")) is not oldest  # let go, made again
    assert await faces.keyboard(card(f"ex-{KEYBOARDS_KEPT}")) is not None
