"""Ctrl-C held back while the main thread talks to the server.

A KeyboardInterrupt raised inside the driver's socket read leaves the connection half-read; the driver's
own clean-up then fails on it (a BufferError) and that error, not the interrupt, reaches the caller, so an
operator's Ctrl-C looked like a crash. Around each of the ingest's short reads the signal is only noted,
and raised as soon as the read is over, when the connection is whole again.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run the block with SIGINT noted rather than raised; raise KeyboardInterrupt after it if one came.

    Outside the main thread (where Python delivers signals) or when SIGINT is not Python's to handle,
    it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        yield
        return
    received: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt
