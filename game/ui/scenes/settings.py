"""Settings: language, text size, contrast, font, read aloud, motion, volume. Remembered.

Each setting is one button: Enter (or a click) moves to its next value, Left
and Right step through the values. Changes apply at once, without a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pygame

from game.i18n import _, format_percent
from game.ui.input import Act, Action
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column
from game.ui.settings import LANGUAGES, TEXT_SCALES
from game.ui.widgets import Button, Paint

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg", "pl": "Polski", "ur": "اردو", "qps": "[Pšéüðö]"}
VOLUMES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass
class Choice:
    key: str
    label: Callable[[], str]
    values: tuple[Any, ...]
    show: Callable[[Any], str]


def on_off(value: Any) -> str:
    return _("On") if value else _("Off")


class SettingsScene(Scene):
    name = "settings"

    def title(self) -> str:
        return _("Settings")

    def choices(self) -> list[Choice]:
        speech = self.app.speaker.available
        fonts = {"standard": _("Standard"), "dyslexia": _("Dyslexia-friendly (OpenDyslexic)"),
                 "hyperlegible": _("Easy to read (Atkinson Hyperlegible)")}
        return [
            Choice("language", lambda: _("Language"),
                   LANGUAGES + (("qps",) if self.app.settings.language == "qps" else ()),
                   lambda v: LANGUAGE_NAMES.get(v, v)),
            Choice("text_scale", lambda: _("Text size"), TEXT_SCALES, format_percent),
            Choice("high_contrast", lambda: _("High contrast"), (False, True), on_off),
            Choice("font", lambda: _("Font"), tuple(fonts), lambda v: fonts[v]),
            Choice("read_aloud", lambda: _("Read aloud"), (False, True) if speech else (False,),
                   on_off if speech else (lambda v: _("Not available: install the speech extra"))),
            Choice("reduced_motion", lambda: _("Reduced motion"), (False, True), on_off),
            Choice("volume", lambda: _("Sound volume"), VOLUMES, format_percent),
        ]

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 760)
        flow.text(_("Settings"), "title", "text", True)
        flow.text(_("Enter changes a setting; Left and Right step through its values."), "body", "muted")
        settings = self.app.settings
        for choice in self.choices():
            value = getattr(settings, choice.key)
            flow.button(Button(f"{choice.label()}: {choice.show(value)}", partial(self.step, choice, 1),
                               key=f"setting-{choice.key}", enabled=len(choice.values) > 1))
        flow.button(Button(_("Done"), self.app.pop, "primary", key="done"))
        return [flow]

    def step(self, choice: Choice, by: int) -> None:
        settings = self.app.settings
        value = getattr(settings, choice.key)
        values = choice.values
        index = values.index(value) if value in values else 0
        setattr(settings, choice.key, values[(index + by) % len(values)])
        self.app.apply_settings()

    def handle(self, action: Action) -> bool:
        focused = self.focused()
        if action.act in (Act.LEFT, Act.RIGHT) and focused is not None and focused.key.startswith("setting-"):
            key = focused.key.removeprefix("setting-")
            choice = next(c for c in self.choices() if c.key == key)
            self.step(choice, 1 if (action.act is Act.RIGHT) != self.app.type.rtl else -1)
            return True
        return super().handle(action)
