"""The quick exit: at once, a plain page that shows nothing about online safety."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.input import Act, Action
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column
from game.ui.widgets import Button, Paint


class NeutralScene(Scene):
    name = "neutral"
    top_bar = False

    def title(self) -> str:
        return _("Notes")

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 700)
        flow.text(_("Times tables"), "title", "text", True)
        for n in range(1, 13):
            flow.text(f"{n} × 7 = {n * 7}", "large", "text")
        flow.button(Button(_("Back"), self.app.pop, "link", key="back"))
        return [flow]

    def handle(self, action: Action) -> bool:
        if action.act in (Act.HELP, Act.BACK):
            return True  # stay hidden until the learner chooses Back
        return super().handle(action)

    def speech(self) -> str:
        return ""
