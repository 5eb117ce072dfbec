"""Colours as data (assets/themes/*.yaml), and the pairs of text-on-background the screens use.

TEXT_PAIRS is the contract between the theme and the widgets: a widget draws
text only in one of these pairs, and a test checks each pair's contrast ratio
(WCAG: 4.5:1 for the default theme, 7:1 for high contrast).
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from game.paths import assets_dir

Colour = tuple[int, int, int]

# (text role, background role) pairs that the screens draw.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"), ("muted", "background"), ("text", "surface"), ("muted", "surface"),
    ("text", "surface_alt"), ("muted", "surface_alt"), ("on_accent", "accent"), ("link", "surface"),
    ("safe", "surface"), ("mixed", "surface"), ("unsafe", "surface"), ("text", "bubble_them"),
    ("on_bubble_me", "bubble_me"), ("text", "device_screen"), ("muted", "device_screen"),
    ("accent", "surface"), ("accent", "background"), ("safe", "background"), ("mixed", "background"),
    ("unsafe", "background"), ("link", "device_screen"),
    *((f"category:{c}", "surface") for c in ("content", "contact", "conduct", "commerce")),
    *(("on_category", f"category:{c}") for c in ("content", "contact", "conduct", "commerce")),
    *(("on_app", f"app:{a}") for a in ("chat", "sms", "game", "feed", "video", "email")),
)


def parse_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: Colour) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class Theme:
    """Named colours (a plain class: no generated code to compile before the first frame)."""

    def __init__(self, name: str, colours: dict[str, Colour]) -> None:
        self.name = name
        self.colours = colours

    def __getitem__(self, role: str) -> Colour:
        return self.colours[role]

    def category(self, cat: str) -> Colour:
        return self.colours[f"category:{cat}"]


@lru_cache(maxsize=4)
def load_theme(high_contrast: bool = False) -> Theme:
    name = "high-contrast" if high_contrast else "default"
    raw = yaml.load((assets_dir() / "themes" / f"{name}.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    colours: dict[str, Colour] = {}
    for key, value in raw.items():
        if key == "categories":
            colours.update({f"category:{cat}": parse_colour(v) for cat, v in value.items()})
        elif key == "apps":
            colours.update({f"app:{app}": parse_colour(v) for app, v in value.items()})
        elif key != "name":
            colours[key] = parse_colour(value)
    return Theme(raw["name"], colours)
