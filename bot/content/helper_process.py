"""Start-up work done in a forked helper process while this one does the rest.

Loading and indexing a large library is pure Python, so a thread would only take turns with
this one; a forked process has the pages already in its memory and a second core to itself.
It hands its result back pickled through a pipe (a process of our own: nothing untrusted is
unpickled). Anything that goes wrong (no fork, a helper that dies or sends nothing) gives
None, and the caller does the work itself, as it would without a helper.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar, cast

T = TypeVar("T")


def core_free() -> bool:
    """Whether a helper may be forked now: a second core is free for it, and forking is safe.

    Safe: in the main thread of a process with no other thread (a reload in a worker thread,
    beside the event loop, does its work itself: a fork copies other threads' held locks), and
    not in a daemon process (which may not have children).

    A core is taken as free while the load average is under the cores less one (this process
    counts as one). On a busy machine a helper only shares our time: at 1 000 pages with the
    load average at 6 on 2 cores it made loading 0.4 s slower (docs/PERFORMANCE.md)."""
    try:
        cores = len(os.sched_getaffinity(0))
        busy = os.getloadavg()[0] > cores - 1
    except (AttributeError, OSError):  # not Linux: no affinity or load average to go by
        return False
    if cores < 2 or busy or threading.active_count() > 1:
        return False
    if multiprocessing.current_process().daemon:
        return False
    return threading.current_thread() is threading.main_thread()


class Helper(Generic[T]):
    """`work()` running in a forked process; `result()` waits for it (None if it failed)."""

    def __init__(self, work: Callable[[], T]) -> None:
        context = multiprocessing.get_context("fork")
        # Output still buffered here would be written by the helper too, as it exits.
        sys.stdout.flush()
        sys.stderr.flush()
        self._receive, send = context.Pipe(duplex=False)
        # Forked, so `work` and what it reads are not pickled: the child has them in memory.
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child's end: closed here so that a dead child reads as EOF

        self._result: list[T] = []  # the result, when `early` met it first

    def early(self) -> object | None:
        """The next value the helper handed back early (`hand_back`): None if it sent its
        result instead (kept for `result`), or failed."""
        if self._result:
            return None
        try:
            is_early, value = self._receive_one()
        except (EOFError, OSError, pickle.UnpicklingError):  # it died, or could not send
            return None
        if not is_early:
            self._result.append(cast(T, value))
            return None
        return value

    def result(self) -> T | None:
        try:
            while not self._result:
                is_early, value = self._receive_one()
                if not is_early:  # values handed back early and not asked for are dropped
                    return cast(T, value)
            return self._result[0]
        except (EOFError, OSError, pickle.UnpicklingError):  # it died, or could not send
            return None
        finally:
            self.close()

    def _receive_one(self) -> tuple[bool, object]:
        message: tuple[bool, object] = pickle.loads(self._receive.recv_bytes())
        return message

    def close(self) -> None:
        """Done with it: a helper whose result was not taken (the caller failed first) would
        wait forever to send it, so it is stopped."""
        if not self._receive.closed:
            self._receive.close()
        if self._process.exitcode is None:
            self._process.join(timeout=0.5)  # it is sending into a closed pipe: it ends
            if self._process.exitcode is None:
                self._process.terminate()
                self._process.join()


def start(work: Callable[[], T]) -> Helper[T] | None:
    """A helper doing `work`, when a core is free for one and it could be forked."""
    if not core_free():
        return None
    try:
        return Helper(work)
    except (OSError, ValueError):  # no fork (memory?)
        return None


# In a helper process: its end of the pipe to the parent, and the threads sending values
# handed back early.
_connection: Connection | None = None
_sending: list[threading.Thread] = []


def hand_back(value: object) -> bool:
    """In a helper: `value` sent to the parent now, ahead of the result, for `Helper.early`
    (the parent can use it while the helper goes on). False, and nothing sent, elsewhere.

    Sent by a thread: a pipe holds 64 KB, and the parent takes the value only when it is
    done with its own work; the helper goes on meanwhile (the thread waits in the write,
    without the interpreter's lock)."""
    if _connection is None:
        return False
    message = pickle.dumps((True, value), pickle.HIGHEST_PROTOCOL)
    # each sender waits for the one before it: values arrive in the order handed back
    before = _sending[-1] if _sending else None
    sending = threading.Thread(target=_send, args=(_connection, message, before), daemon=True)
    sending.start()
    _sending.append(sending)
    return True


def _send(connection: Connection, message: bytes, before: threading.Thread | None) -> None:
    if before is not None:
        before.join()
    with contextlib.suppress(OSError):  # the parent gave up on us: it reads nothing more
        connection.send_bytes(message)


def _run(work: Callable[[], T], send: Connection) -> None:
    global _connection
    # The collector would walk (and so copy, page by page) every object the parent had; the
    # helper lives for a second and frees nothing that matters.
    gc.disable()
    _connection = send
    try:
        result = pickle.dumps((False, work()), pickle.HIGHEST_PROTOCOL)
        for sending in _sending:  # the values handed back early go first
            sending.join()
        send.send_bytes(result)
    finally:
        send.close()
