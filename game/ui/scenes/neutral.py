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
        """Plain revision notes: nothing on screen says what was there before, at any age."""
        flow = column(paint, viewport, 760)
        flow.text(_("Revision notes: the water cycle"), "title", "text", True)
        for line in (_("1. Evaporation: the sun heats water in seas, lakes and rivers, and it rises as vapour."),
                     _("2. Condensation: the vapour cools high in the air and forms clouds."),
                     _("3. Precipitation: the water falls back as rain, hail, sleet or snow."),
                     _("4. Collection: the water gathers in rivers, lakes, seas and under the ground."),
                     _("Then the cycle starts again.")):
            flow.text(line, "large", "text")
        flow.button(Button(_("Back"), self.app.pop, "link", key="back"))
        return [flow]

    def handle(self, action: Action) -> bool:
        if action.act in (Act.HELP, Act.BACK):
            return True  # stay hidden until the learner chooses Back
        return super().handle(action)

    def speech(self) -> str:
        return ""
