"""Who is playing: a nickname only (never a full name), typed with any keyboard."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.records.progress import NICKNAME_MAX, NicknameError, clean_nickname
from game.ui.input import Act, Action
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column
from game.ui.widgets import Button, Paint, focus_ring, panel


class WhoScene(Scene):
    name = "who"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.nickname = app.preset_name or ""
        self.error = ""
        self.field = Button("", self.submit, "field", key="nickname")

    def enter(self) -> None:
        pygame.key.start_text_input()

    def exit(self) -> None:
        pygame.key.stop_text_input()

    def pause(self) -> None:
        pygame.key.stop_text_input()

    def resume(self) -> None:
        super().resume()
        pygame.key.start_text_input()

    def title(self) -> str:
        return _("Who is playing?")

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 720)
        flow.text(_("Who is playing?"), "title", "text", True)
        flow.text(_("Type a nickname. Use a made-up name, not your full name."), "body", "muted")
        type_ = paint.type
        shown = self.nickname or _("for example: StarFox")
        pad = paint.px(16)
        block = type_.wrap(shown, "large", flow.width - 2 * pad)
        height = max(paint.px(60), block.height + 2 * pad)
        field = self.field

        def draw(p: Paint, rect: pygame.Rect) -> None:
            panel(p, rect, p.theme["surface"], 12, p.theme["border"], p.px(2))
            colour = p.theme["text"] if self.nickname else p.theme["muted"]
            box = rect.inflate(-2 * pad, -2 * pad)
            p.type.draw(p.surface, block, box, colour)
            if self.nickname:  # a caret after the text
                last = block.lines[-1] if block.lines else ""
                x = box.left + p.type.width(last, "large") + p.px(3)
                if p.type.rtl:
                    x = box.right - p.type.width(last, "large") - p.px(3)
                y = box.top + (len(block.lines) - 1) * block.line_height
                pygame.draw.line(p.surface, p.theme["text"], (x, y + p.px(4)), (x, y + block.line_height - p.px(4)),
                                 p.px(2))
            if self.focused() is field and self.app.show_focus:
                focus_ring(p, rect, 12)

        rect = flow.add(height, draw)
        field.rect = rect
        flow.buttons.append(field)
        if self.error:
            flow.text(self.error, "body", "unsafe", True)
        flow.text(_("{count} of {most} characters").format(count=len(self.nickname), most=NICKNAME_MAX),
                  "small", "muted")
        flow.button(Button(_("Continue"), self.submit, "primary", key="continue"))
        flow.button(Button(_("Back"), self.app.pop, key="back"))
        return [flow]

    def handle(self, action: Action) -> bool:
        on_field = self.focused() is self.field
        if action.act is Act.TEXT and on_field:
            if len(self.nickname) < NICKNAME_MAX:
                self.nickname += action.text[: NICKNAME_MAX - len(self.nickname)]
                self.error = ""
                self.dirty_layout = True
            return True
        if action.act is Act.ERASE and on_field:
            self.nickname = self.nickname[:-1]
            self.dirty_layout = True
            return True
        if on_field and (action.act is Act.NUMBER or (action.act is Act.ACTIVATE and action.key == pygame.K_SPACE)
                         or action.act in (Act.LEFT, Act.RIGHT)):
            return True  # typed as text, not a command
        return super().handle(action)

    def submit(self) -> None:
        from game.ui.scenes.picker import PickerScene

        try:
            name = clean_nickname(self.nickname)
        except NicknameError as error:
            self.error = str(error)
            self.dirty_layout = True
            return
        self.app.sign_in(name)
        self.app.replace(PickerScene(self.app))

    def speech(self) -> str:
        return _("Who is playing? Type a nickname, then press Enter.")
