"""Get help: the school's own people first, then the services that fit what was on screen,
then every service in the region, then how to report on an app. Opens from anywhere (F1)."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column, report_card, school_card, service_card
from game.ui.widgets import Button, Paint


class HelpScene(Scene):
    name = "help"

    def __init__(self, app, fitting: list[str]) -> None:
        super().__init__(app)
        self.fitting = fitting

    def title(self) -> str:
        return _("Get help")

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        directory = self.app.directory
        flow = column(paint, viewport, 900)
        flow.button(Button(_("Close help and go back"), self.app.pop, "primary", key="close"))
        flow.text(_("Get help"), "title", "text", True)
        flow.text(_("If something online has worried or upset you, you are not in trouble. Tell someone."),
                  "large", "text")
        flow.text(_("If someone is in danger right now, call 999."), "body", "unsafe", True)
        flow.text(_("Quick exit: press Esc twice to hide the game at once."), "body", "muted")
        school_card(flow, directory)
        fitting = directory.services_for(self.fitting)
        if fitting:
            flow.text(_("Help for what you were looking at"), "large", "text", True)
            for service in fitting:
                service_card(flow, service)
        report_card(flow)
        others = [s for s in directory.all_services() if s not in fitting]
        if others:
            flow.text(_("Other services"), "large", "text", True)
            for service in others:
                service_card(flow, service)
        flow.button(Button(_("Close help and go back"), self.app.pop, "primary", key="close-bottom"))
        return [flow]

    def speech(self) -> str:
        directory = self.app.directory
        return ". ".join([_("Get help"), directory.school_lead(), directory.report_in_school()])
