"""Scenario packs: the model, the loader that keeps line numbers, validation, the library."""

from game.packs.library import Library, bundled_paths, load_library
from game.packs.model import Choice, Pack, Scenario, Screen, Step
from game.packs.validate import BrokenPack, LoadedPack, load_pack
from game.packs.yamlsource import Problem

__all__ = [
    "BrokenPack", "Choice", "Library", "LoadedPack", "Pack", "Problem", "Scenario", "Screen", "Step",
    "bundled_paths", "load_library", "load_pack",
]
