"""Shared fixtures: small packs written inline, a help directory, a data folder."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from packdata import SMALL_PACK  # noqa: E402,F401  (re-exported for older imports)

from game.help import HelpDirectory, load_directory  # noqa: E402


@pytest.fixture(scope="session")
def directory() -> HelpDirectory:
    return load_directory()


@pytest.fixture
def write_pack(tmp_path: Path):
    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def context():  # type: ignore[no-untyped-def]
    """The bundled packs and help directory, as the game loads them."""
    import argparse

    from game.cli import load_context

    return load_context(argparse.Namespace(data_dir=None, school=None, pack=None, lang=None))


@pytest.fixture
def make_app_for_language(context):  # type: ignore[no-untyped-def]
    """A game window (dummy driver) on a fresh data folder, with no language given."""
    from game.ui.app import App

    apps = []

    def make(data):  # type: ignore[no-untyped-def]
        app = App(context, data)
        apps.append(app)
        return app

    yield make
    import pygame

    from game.i18n import set_language

    for app in apps:
        app.speaker.close()
    set_language("en")
    pygame.quit()
