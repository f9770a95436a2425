"""Photos the bot sends: by URL (fetched once, as Telegram caches a URL it has seen), by the
file_id of one sent before, or uploaded; each becomes the sizes Telegram returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.fake_telegram.api import (
    JSON,
    NO_PHOTO,
    URL_FAILED,
    WRONG_FILE,
    WRONG_URL,
    UploadedFile,
    _ApiError,
)
from tests.fake_telegram.text import normalize_url

# (width, height) of the sizes Telegram makes of a photo, smallest first as in Message.photo.
_SIZES = ((320, 240), (1280, 960))
_FAKE_JPEG = b"\xff\xd8\xff\xe0fake-jpeg\xff\xd9"

NewFile = Callable[[str, bytes], tuple[str, str]]  # (path, data) -> (file_id, file_unique_id)


class Photos:
    """The photos known to the fake, by URL and by file_id.

    ``unreachable`` maps a URL to the error Telegram gives when it cannot fetch it (by default
    "failed to get HTTP URL content"); a test adds URLs to it to play a site that is down.
    """

    def __init__(self, new_file: NewFile) -> None:
        self._new_file = new_file
        self._by_url: dict[str, list[JSON]] = {}
        self._by_file_id: dict[str, list[JSON]] = {}
        self.unreachable: dict[str, str] = {}
        self.fetched: list[str] = []  # every URL Telegram would have downloaded, in order

    def fail_url(self, url: str, description: str = URL_FAILED) -> None:
        """Fetching `url` fails from now on, with `description`."""
        self.unreachable[url] = description

    def sizes(self, photo: Any) -> list[JSON]:
        """The PhotoSize list of `photo` as sendPhoto or InputMediaPhoto give it."""
        if isinstance(photo, UploadedFile):
            return self._make(photo.data)
        if not isinstance(photo, str) or not photo:
            raise _ApiError(400, NO_PHOTO)
        if photo.lower().startswith(("http://", "https://")):
            if normalize_url(photo) is None:
                raise _ApiError(400, WRONG_URL)
            if photo in self.unreachable:
                raise _ApiError(400, self.unreachable[photo])
            known = self._by_url.get(photo)
            if known is None:
                self.fetched.append(photo)
                known = self._by_url[photo] = self._make(_FAKE_JPEG)
            return known
        known = self._by_file_id.get(photo)
        if known is None:
            raise _ApiError(400, WRONG_FILE)
        return known

    def _make(self, data: bytes) -> list[JSON]:
        sizes = []
        for width, height in _SIZES:
            file_id, unique_id = self._new_file("photos/file.jpg", data)
            sizes.append(
                {
                    "file_id": file_id,
                    "file_unique_id": unique_id,
                    "width": width,
                    "height": height,
                    "file_size": len(data),
                }
            )
        for size in sizes:
            self._by_file_id[size["file_id"]] = sizes
        return sizes
