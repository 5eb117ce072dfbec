"""Where the bundled data lives, whether run from a checkout or an installed wheel.

The wheel carries scenarios/, assets/ and locales/ inside the package as
``game/_data/...``; a source checkout keeps them beside the package.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "_data" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def scenarios_dir() -> Path:
    return _bundled("scenarios")


def help_dir() -> Path:
    return scenarios_dir() / "help"


def assets_dir() -> Path:
    return _bundled("assets")


def locales_dir() -> Path:
    return _bundled("locales")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The learner's data folder: --data-dir, then THREECS_DATA_DIR, then the platform's."""
    if override:
        return Path(override)
    env = os.environ.get("THREECS_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("threecs", appauthor=False))
