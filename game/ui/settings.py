"""The learner's settings on this device, remembered between runs (settings.json, atomic)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.records.atomic import move_aside, write_json

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
LANGUAGES = ("en", "cy", "pl", "ur")


@dataclass(repr=False)
class Settings:
    version: int = 1
    language: str = ""  # empty: from the system locale on first run
    text_scale: float = 1.0
    high_contrast: bool = False
    font: str = "standard"  # standard | dyslexia | hyperlegible
    read_aloud: bool = False
    reduced_motion: bool = False
    volume: float = 0.6
    fullscreen: bool = False

    def clamp(self) -> Settings:
        self.text_scale = min(TEXT_SCALES, key=lambda s: abs(s - float(self.text_scale)))
        self.volume = max(0.0, min(1.0, float(self.volume)))
        if self.font not in ("standard", "dyslexia", "hyperlegible"):
            self.font = "standard"
        if self.language and self.language not in (*LANGUAGES, "qps"):
            self.language = ""
        return self


def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def load_settings(data_dir: Path) -> tuple[Settings, list[str]]:
    """Settings and any notice (a damaged file is kept aside, defaults used)."""
    path = settings_path(data_dir)
    if not path.exists():
        return Settings(), []
    try:
        raw = json.loads(path.read_text("utf-8"))
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in raw.items() if k in known}).clamp()
        return settings, []
    except (OSError, ValueError, TypeError, AttributeError):
        kept = move_aside(path, "damaged")
        return Settings(), [f"Settings could not be read; kept aside at {kept}."]


def save_settings(data_dir: Path, settings: Settings) -> None:
    write_json(settings_path(data_dir), asdict(settings))
