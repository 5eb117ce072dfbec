"""Who is playing: a nickname only (never a full name), and the assignment code if a teacher gave one."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.records.progress import NICKNAME_MAX, NicknameError, clean_nickname
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column
from game.ui.widgets import Button, Paint, TextField


class WhoScene(Scene):
    name = "who"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.error = ""
        self.field = TextField(_("Nickname"), self.submit, key="nickname", value=app.preset_name or "",
                               placeholder=_("for example: StarFox"), max_length=NICKNAME_MAX)
        self.code = TextField(_("Assignment code (if your teacher gave you one)"), self.submit, key="code",
                              placeholder="7B-K3PQ-9X", max_length=40)

    def title(self) -> str:
        return _("Who is playing?")

    @property
    def nickname(self) -> str:
        return self.field.value

    @nickname.setter
    def nickname(self, value: str) -> None:
        self.field.value = value

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 720)
        flow.text(_("Who is playing?"), "title", "text", True)
        flow.text(_("Type a nickname. Use a made-up name, not your full name."), "body", "muted")
        self.field.label = _("Nickname")
        flow.button(self.field)
        flow.text(_("{count} of {most} characters").format(count=len(self.nickname), most=NICKNAME_MAX),
                  "small", "muted")
        flow.button(self.code)
        if self.error:
            flow.text(self.error, "body", "unsafe", True)
        flow.button(Button(_("Continue"), self.submit, "primary", key="continue"))
        flow.button(Button(_("Back"), self.app.pop, key="back"))
        return [flow]

    def typed(self, field: TextField) -> None:
        self.error = ""
        super().typed(field)

    def submit(self) -> None:
        from game.ui.scenes.picker import PickerScene

        try:
            name = clean_nickname(self.nickname)
        except NicknameError as error:
            self.error = str(error)
            self.dirty_layout = True
            return
        if self.code.value.strip():
            problem = self.app.use_assignment(self.code.value.strip())
            if problem:
                self.error = problem
                self.focus = self.buttons.index(self.code) if self.code in self.buttons else self.focus
                self.dirty_layout = True
                return
        self.app.sign_in(name)
        self.app.replace(PickerScene(self.app))

    def speech(self) -> str:
        return _("Who is playing? Type a nickname, then press Enter.")
