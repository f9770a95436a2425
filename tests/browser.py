"""A real headless browser for the tests: Debian's Chromium, driven over the DevTools protocol
(CDP) with aiohttp's WebSocket client, which the bot already depends on.

Playwright would do the same, but cannot download its browsers here and would add a large
dependency for four commands: start, open a page, read what the page says, take a screenshot.

    async with Browser.start() as browser:
        page = await browser.open(path)   # console errors, exceptions and failed loads kept
        page.errors, await page.evaluate("document.title"), await page.screenshot()
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def unavailable(reason: str) -> None:
    """Skip, unless .ci/run asked for a browser (there it must be present)."""
    if os.environ.get("PILATES_REQUIRE_BROWSER") == "1":
        pytest.fail(f"a headless browser is required here but {reason}")
    pytest.skip(f"no headless browser: {reason} (Debian: apt-get install chromium)")


@dataclass
class Page:
    """One tab, with what went wrong in it since it was opened."""

    ws: aiohttp.ClientWebSocketResponse
    errors: list[str] = field(default_factory=list)
    events: dict[str, asyncio.Event] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _waiting: dict[int, asyncio.Future[Any]] = field(default_factory=dict)
    _reader: asyncio.Task[None] | None = None

    async def call(self, method: str, **params: Any) -> Any:
        number = next(self._ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self.ws.send_str(json.dumps({"id": number, "method": method, "params": params}))
        async with asyncio.timeout(30):
            return await future

    async def read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self._waiting.pop(data["id"])
                if "error" in data:
                    future.set_exception(RuntimeError(f"CDP: {data['error']}"))
                else:
                    future.set_result(data.get("result"))
                continue
            self._event(data["method"], data.get("params", {}))

    def _event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            said = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.errors.append(f"console.{params['type']}: {said}")
        elif method == "Runtime.exceptionThrown":
            self.errors.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')}")
        self.events.setdefault(method, asyncio.Event()).set()

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    async def screenshot(self, width: int = 1100, height: int | None = None) -> bytes:
        """The page as a PNG, `width` pixels wide: its first `height` pixels, or all of it."""
        whole = int(await self.evaluate("document.documentElement.scrollHeight"))
        height = min(height or whole, whole)
        await self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        shot = await self.call(
            "Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip
        )
        return base64.b64decode(shot["data"])


class Browser:
    def __init__(self, process: asyncio.subprocess.Process, port: int, profile: Path) -> None:
        self.process = process
        self.port = port
        self.profile = profile
        self.session = aiohttp.ClientSession()

    @classmethod
    @contextlib.asynccontextmanager
    async def start(cls) -> AsyncIterator[Browser]:
        executable = find_chromium()
        if executable is None:
            unavailable("no chromium on PATH")
            return
        profile = Path(tempfile.mkdtemp(prefix="pilates-chromium-"))
        command = [
            executable,
            "--headless=new",
            "--no-sandbox",  # the tests run as root in CI, where the sandbox cannot start
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
        ]
        process = await asyncio.create_subprocess_exec(
            *command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        port_file = profile / "DevToolsActivePort"
        for _ in range(300):
            if port_file.is_file() and port_file.read_text().count("\n") >= 1:
                break
            if process.returncode is not None:
                break
            await asyncio.sleep(0.1)
        if not port_file.is_file():
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
            shutil.rmtree(profile, ignore_errors=True)
            unavailable(f"{executable} did not start (exit status {process.returncode})")
            return
        browser = cls(process, int(port_file.read_text().split()[0]), profile)
        try:
            yield browser
        finally:
            await browser.session.close()
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            try:
                async with asyncio.timeout(10):
                    await process.wait()
            except TimeoutError:
                process.kill()
                await process.wait()
            shutil.rmtree(profile, ignore_errors=True)

    async def open(self, path: Path) -> Page:
        """A new tab showing the file at `path` (absolute), loaded; what went wrong is in
        `page.errors`."""
        base = f"http://127.0.0.1:{self.port}"
        async with self.session.put(f"{base}/json/new?about:blank") as response:
            target = await response.json()
        ws = await self.session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
        page = Page(ws)
        page._reader = asyncio.create_task(page.read())
        for domain in ("Runtime", "Log", "Page"):
            await page.call(f"{domain}.enable")
        loaded = page.events.setdefault("Page.loadEventFired", asyncio.Event())
        loaded.clear()
        await page.call("Page.navigate", url=path.as_uri())
        async with asyncio.timeout(30):
            await loaded.wait()
        await asyncio.sleep(0.2)  # late console messages
        return page
