"""Fixtures of the worker pool's tests."""

from __future__ import annotations

import signal

import pytest


@pytest.fixture
def deadline():
    """Start a timer that fails the test instead of letting a stuck worker pool hang it."""
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs signal.setitimer")

    def expired(signum, frame):
        raise TimeoutError("the stream did not end in time")

    previous = signal.signal(signal.SIGALRM, expired)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)
