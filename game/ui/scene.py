"""Scenes (screens) and the flow layout they are built from.

A scene lays its content out as a list of drawing operations in a tall
content column (``Flow``), so every screen scrolls, reflows with the window
and the text size, mirrors for right-to-left languages, and moves keyboard
focus the same way. Lifecycle, after Tuxemon: enter, pause, resume, exit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.ui.input import Act, Action
from game.ui.widgets import Button, Paint, TextField

if TYPE_CHECKING:
    from game.ui.app import App

DrawFn = Callable[[Paint, pygame.Rect], None]


class Op(NamedTuple):
    rect: pygame.Rect  # content coordinates
    draw: DrawFn


class Flow:
    """Stacks things down a column; ``row`` packs buttons side by side, wrapping."""

    def __init__(self, paint: Paint, left: int, top: int, width: int) -> None:
        self.paint, self.left, self.top, self.width = paint, left, top, width
        self.y = top
        self.ops: list[Op] = []
        self.buttons: list[Button] = []
        self.gap = paint.px(14)

    def _place(self, x: int, width: int) -> int:
        """Mirror a column-relative x for right-to-left languages."""
        if self.paint.type.rtl:
            return self.left + self.width - (x - self.left) - width
        return x

    def add(self, height: int, draw: DrawFn, indent: int = 0, width: int | None = None) -> pygame.Rect:
        w = self.width - indent if width is None else width
        rect = pygame.Rect(self._place(self.left + indent, w), self.y, w, height)
        self.ops.append(Op(rect, draw))
        self.y += height + self.gap
        return rect

    def text(self, text: str, role: str = "body", colour: str = "text", bold: bool = False,
             align: str = "start", indent: int = 0, background: str = "background") -> pygame.Rect:
        type_ = self.paint.type
        block = type_.wrap(text, role, self.width - indent, bold)

        def draw(paint: Paint, rect: pygame.Rect) -> None:
            paint.type.draw(paint.surface, block, rect, paint.theme[colour], align)

        del background
        return self.add(block.height, draw, indent)

    def button(self, button: Button, width: int | None = None) -> Button:
        w = min(self.width, width or self.width)
        height = button.measure(self.paint, w)
        button.rect = pygame.Rect(self._place(self.left, w), self.y, w, height)
        self.buttons.append(button)
        self.y += height + self.gap
        return button

    def row(self, buttons: list[Button], min_width: int = 0) -> None:
        """Buttons at their natural width, left to right (right to left in RTL), wrapping."""
        x, row_height, gap = self.left, 0, self.paint.px(12)
        for button in buttons:
            w = min(self.width, max(min_width, button.natural_width(self.paint)))
            if x > self.left and x + w > self.left + self.width:
                self.y += row_height + gap
                x, row_height = self.left, 0
            h = button.measure(self.paint, w)
            button.rect = pygame.Rect(self._place(x, w), self.y, w, h)
            self.buttons.append(button)
            x += w + gap
            row_height = max(row_height, h)
        self.y += row_height + self.gap

    def space(self, amount: float) -> None:
        self.y += self.paint.px(amount)


class Scene:
    """One screen. Subclasses build their content in ``build`` and may handle actions."""

    name = "scene"
    opaque = True

    def __init__(self, app: App) -> None:
        self.app = app
        self.ops: list[Op] = []
        self.buttons: list[Button] = []
        self.focus = 0
        self.hover: Button | None = None
        self.scroll = 0
        self.content_height = 0
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self.dirty_layout = True

    # --- lifecycle ---------------------------------------------------------
    def enter(self) -> None: ...

    def exit(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None:
        self.dirty_layout = True

    # --- content -----------------------------------------------------------
    def title(self) -> str:
        return ""

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        raise NotImplementedError

    def help_ids(self) -> list[str]:
        """Help services that fit what is on screen (the help screen lists these first)."""
        return []

    def speech(self) -> str:
        """What read-aloud says for this screen."""
        parts = [self.title()] + [b.label for b in self.buttons[:1]]
        return ". ".join(p for p in parts if p)

    def layout(self, paint: Paint, viewport: pygame.Rect) -> None:
        keep = self.buttons[self.focus].key if 0 <= self.focus < len(self.buttons) else ""
        flows = self.build(paint, viewport)
        self.ops = [op for flow in flows for op in flow.ops]
        self.buttons = [b for flow in flows for b in flow.buttons]
        self.content_height = max((f.y for f in flows), default=0) - viewport.top
        self.viewport = viewport
        if keep:
            found = next((i for i, b in enumerate(self.buttons) if b.key == keep), None)
            if found is not None:
                self.focus = found
        self.focus = min(self.focus, max(0, len(self.buttons) - 1))
        self.clamp_scroll()
        self.dirty_layout = False

    def clamp_scroll(self) -> None:
        most = max(0, self.content_height - self.viewport.height + self.app.paint.px(24))
        self.scroll = max(0, min(self.scroll, most))

    def draw(self, paint: Paint) -> None:
        surface = paint.surface
        surface.set_clip(self.viewport)
        offset = -self.scroll
        focused = self.buttons[self.focus] if self.buttons and self.app.show_focus else None
        for op in self.ops:
            rect = op.rect.move(0, offset)
            if rect.colliderect(self.viewport):
                op.draw(paint, rect)
        for button in self.buttons:
            if button.fixed:  # drawn by the top bar
                continue
            rect = button.rect.move(0, offset)
            if rect.colliderect(self.viewport.inflate(0, paint.px(20))):
                button.draw(paint, rect, button is focused, button is self.hover)
        surface.set_clip(None)
        if self.content_height > self.viewport.height:
            self.draw_scrollbar(paint)

    def draw_scrollbar(self, paint: Paint) -> None:
        track = pygame.Rect(0, self.viewport.top, paint.px(6), self.viewport.height)
        track.right = self.viewport.right - paint.px(4)
        if paint.type.rtl:
            track.left = self.viewport.left + paint.px(4)
        share = self.viewport.height / max(1, self.content_height + paint.px(24))
        thumb = pygame.Rect(track.left, 0, track.width, max(paint.px(30), int(track.height * share)))
        most = max(1, self.content_height - self.viewport.height + paint.px(24))
        thumb.top = track.top + int((track.height - thumb.height) * (self.scroll / most))
        pygame.draw.rect(paint.surface, paint.theme["border"], thumb, border_radius=paint.px(3))

    # --- input -------------------------------------------------------------
    def focused(self) -> Button | None:
        return self.buttons[self.focus] if 0 <= self.focus < len(self.buttons) else None

    def move_focus(self, step: int) -> None:
        if not self.buttons:
            return
        if not self.app.show_focus:  # the first Tab shows where focus is, before it moves anywhere
            self.app.show_focus = True
            focused = self.buttons[self.focus]
            if not focused.fixed:
                self.reveal(focused.rect)
            self.app.focus_changed(focused.label)
            return
        count = len(self.buttons)
        for _ in range(count):
            self.focus = (self.focus + step) % count
            if self.buttons[self.focus].enabled:
                break
        self.app.show_focus = True
        if not self.buttons[self.focus].fixed:
            self.reveal(self.buttons[self.focus].rect)
        self.app.focus_changed(self.buttons[self.focus].label)

    def reveal(self, rect: pygame.Rect) -> None:
        margin = self.app.paint.px(20)
        if rect.top - self.scroll < self.viewport.top + margin:
            self.scroll = rect.top - self.viewport.top - margin
        elif rect.bottom - self.scroll > self.viewport.bottom - margin:
            self.scroll = rect.bottom - self.viewport.bottom + margin
        self.clamp_scroll()

    def button_at(self, pos: tuple[int, int]) -> Button | None:
        if not self.viewport.collidepoint(pos):
            return None
        x, y = pos[0], pos[1] + self.scroll
        return next((b for b in self.buttons if b.enabled and not b.fixed and b.rect.collidepoint(x, y)), None)

    def activate(self, button: Button) -> None:
        self.app.sound("click")
        button.on_activate()

    def handle(self, action: Action) -> bool:
        """Common moves; returns True when the action was used."""
        act = action.act
        field = self.focused()
        if isinstance(field, TextField):
            if act is Act.TEXT:
                if field.type_text(action.text):
                    self.typed(field)
                return True
            if act is Act.ERASE:
                field.value = field.value[:-1]
                self.typed(field)
                return True
            if act is Act.NUMBER or act in (Act.LEFT, Act.RIGHT) or (act is Act.ACTIVATE and action.key == 32):
                return True  # typed as text (the TEXT event carries it), not a command
        if act in (Act.NEXT, Act.RIGHT):
            self.move_focus(1)
        elif act in (Act.PREV, Act.LEFT):
            self.move_focus(-1)
        elif act is Act.ACTIVATE:
            button = self.focused()
            if button is not None and button.enabled:
                self.activate(button)
        elif act is Act.POINT:
            button = self.button_at(action.pos)
            if button is None:
                return False
            self.focus = self.buttons.index(button)
            self.app.show_focus = False
            self.activate(button)
        elif act is Act.HOVER:
            over = self.button_at(action.pos)
            if over is not self.hover:
                self.hover = over
                self.app.invalidate()
            return True
        elif act is Act.SCROLL:
            self.scroll += action.amount * self.app.paint.px(20)
            self.clamp_scroll()
        elif act is Act.BACK:
            self.back()
        else:
            return False
        self.app.invalidate()
        return True

    def typed(self, field: TextField) -> None:
        """A text field changed: lay out again (the text may wrap to a new line)."""
        self.dirty_layout = True
        self.app.invalidate()

    def back(self) -> None:
        self.app.pop()
