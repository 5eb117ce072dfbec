"""The pack library: every pack we can find, the good ones and the broken ones.

A broken pack is never half-loaded and never fatal: it is listed with its
problems so the game can say which file is broken and why, and the other
packs still play.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.i18n import _
from game.packs.validate import PACK_FILE, BrokenPack, LoadedPack, load_pack
from game.packs.yamlsource import Problem
from game.paths import scenarios_dir


def discover(folder: Path) -> list[Path]:
    """Pack files and pack folders directly inside ``folder`` (the help directory is not a pack)."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and (entry / PACK_FILE).is_file():
            found.append(entry)
        elif entry.is_file() and entry.suffix in (".yaml", ".yml"):
            found.append(entry)
    return found


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files stay files; a pack folder is one pack; any other folder holds packs."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir() and not (path / PACK_FILE).is_file():
            result.extend(discover(path))
        else:
            result.append(path)
    return result


@dataclass
class Library:
    packs: list[LoadedPack] = field(default_factory=list)
    broken: list[BrokenPack] = field(default_factory=list)

    def get(self, pack_id: str) -> LoadedPack | None:
        return next((p for p in self.packs if p.pack.id == pack_id), None)

    def ids(self) -> list[str]:
        return [p.pack.id for p in self.packs]


def load_library(paths: Iterable[Path], known_help: set[str]) -> Library:
    library = Library()
    owners: dict[str, Path] = {}
    for path in expand(paths):
        if not path.exists():
            library.broken.append(BrokenPack(path, [Problem(str(path), 1, 1, _("no such file or folder"))]))
            continue
        result = load_pack(path, known_help)
        if isinstance(result, LoadedPack):
            first = owners.get(result.pack.id)
            if first is not None:
                if first.resolve() == result.path.resolve():
                    continue  # the same file named twice
                library.broken.append(BrokenPack(result.path, [Problem(
                    str(result.path), *result.id_at,
                    _("pack id '{id}' is already used by {other}").format(id=result.pack.id, other=first))]))
                continue
            owners[result.pack.id] = result.path
            library.packs.append(result)
        else:
            library.broken.append(result)
    return library


def bundled_paths() -> list[Path]:
    return discover(scenarios_dir())
