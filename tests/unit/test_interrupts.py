"""Ctrl-C during a server read is held until the read is over, then raised."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from ingest.interrupts import interrupts_deferred


def test_an_interrupt_inside_the_block_lets_it_finish_then_raises() -> None:
    finished = []
    with pytest.raises(KeyboardInterrupt), interrupts_deferred():
        os.kill(os.getpid(), signal.SIGINT)
        finished.append("read")
    assert finished == ["read"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_no_interrupt_means_no_raise_and_the_handler_is_restored() -> None:
    with interrupts_deferred():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_error_inside_the_block_is_not_replaced() -> None:
    with pytest.raises(ValueError, match="bad row"), interrupts_deferred():
        raise ValueError("bad row")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_outside_the_main_thread_it_does_nothing() -> None:
    seen: list[object] = []

    def run() -> None:
        with interrupts_deferred():
            seen.append(signal.getsignal(signal.SIGINT))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert seen == [signal.default_int_handler]
