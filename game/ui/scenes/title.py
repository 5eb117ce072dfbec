"""The title screen: what the game is, and the ways in."""

from __future__ import annotations

import time

import pygame

from game import labels
from game.i18n import _
from game.ui.input import Act, Action
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column
from game.ui.widgets import Button, Paint, category_icon

TEACHER_HOLD = 2.0  # seconds


class TitleScene(Scene):
    name = "title"
    t_held_since: float | None = None
    t_last = 0.0

    def title(self) -> str:
        return ""

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 760)
        flow.space(10)
        flow.text("Three Cs", "huge", "text", True, "center")
        flow.text(_("Stay safe online: spot the risk, make a safe choice, know where to get help."),
                  "large", "muted", align="center")
        icon = paint.px(64)
        cats = ("content", "contact", "conduct", "commerce")

        def icons(p: Paint, rect: pygame.Rect) -> None:
            slot = rect.width // 4
            for i, cat in enumerate(cats):
                cx = rect.left + slot * i + slot // 2
                if p.type.rtl:
                    cx = rect.right - slot * i - slot // 2
                category_icon(p, cat, (cx, rect.top + icon // 2), icon, p.theme.category(cat),
                              p.theme["on_category"])
                box = pygame.Rect(cx - slot // 2, rect.top + icon + p.px(6), slot, rect.height - icon)
                p.type.line(p.surface, labels.category(cat), "body", box, p.theme["text"], True, "center")

        slot_width = flow.width // 4
        tallest = max(paint.type.wrap(labels.category(c), "body", slot_width, True).height for c in cats)
        flow.add(icon + paint.px(6) + tallest, icons)
        flow.space(8)
        app = self.app
        flow.button(Button(_("Play"), self.play, "primary", key="play"))
        flow.button(Button(_("Class mode (for the whiteboard)"), self.class_mode, key="class-mode"))
        flow.button(Button(_("Settings"), self.settings, key="settings"))
        flow.button(Button(_("Quit"), self.quit, key="quit"))
        flow.text(_("Teachers: hold T, or press and hold the screen, for two seconds."), "small", "muted",
                  align="center")
        for notice in app.notices:
            flow.text(notice, "small", "muted")
        return [flow]

    # The screens behind the buttons are imported when used: the title must appear fast.
    def play(self) -> None:
        from game.ui.scenes.picker import PickerScene
        from game.ui.scenes.who import WhoScene

        self.app.push(WhoScene(self.app) if self.app.store is None else PickerScene(self.app))

    def class_mode(self) -> None:
        from game.ui.scenes.picker import PickerScene

        self.app.push(PickerScene(self.app, class_mode=True))

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def quit(self) -> None:
        self.app.running = False

    def handle(self, action: Action) -> bool:
        """Holding T (its key repeats) for two seconds, or a press held that long on a whiteboard,
        opens the teacher screen."""
        if action.act is Act.HOLD and action.amount >= TEACHER_HOLD * 1000:
            from game.ui.scenes.teacher import TeacherScene

            self.app.push(TeacherScene(self.app))
            return True
        if action.act is Act.KEY and action.key == pygame.K_t:
            now = time.monotonic()
            if self.t_held_since is None or now - self.t_last > 0.6:
                self.t_held_since = now
            self.t_last = now
            if now - self.t_held_since >= TEACHER_HOLD:
                from game.ui.scenes.teacher import TeacherScene

                self.t_held_since = None
                self.app.push(TeacherScene(self.app))
            return True
        return super().handle(action)

    def back(self) -> None:
        """Esc on the title does nothing (twice quickly is the quick exit)."""

    def speech(self) -> str:
        return _("Three Cs. Stay safe online. Use Tab to move and Enter to choose.")
