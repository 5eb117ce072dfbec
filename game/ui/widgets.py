"""The small layout toolkit: painting helpers, icons, and the focusable button.

Buttons measure their own height from their wrapped text, so at any text
size a label grows the button instead of spilling out of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui.bidi import right_to_left
from game.ui.text import Typesetter
from game.ui.theme import Colour, Theme

MIN_TARGET = 48  # px: the smallest button at 100%


@dataclass(eq=False, repr=False)  # few generated methods: the first frame comes sooner
class Paint:
    """What a widget needs to draw itself."""

    surface: pygame.Surface
    theme: Theme
    type: Typesetter
    scale: float  # layout scale (window size), not text size

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))


def panel(paint: Paint, rect: pygame.Rect, colour: Colour, radius: int = 14, border: Colour | None = None,
          width: int = 0) -> None:
    pygame.draw.rect(paint.surface, colour, rect, border_radius=paint.px(radius))
    if border is not None:
        pygame.draw.rect(paint.surface, border, rect, max(1, width or paint.px(2)), border_radius=paint.px(radius))


def focus_ring(paint: Paint, rect: pygame.Rect, radius: int = 14) -> None:
    ring = rect.inflate(paint.px(10), paint.px(10))
    pygame.draw.rect(paint.surface, paint.theme["focus"], ring, paint.px(4), border_radius=paint.px(radius + 4))


# --- icons: every C and every outcome has a shape as well as a colour and a name ----------
def category_icon(paint: Paint, cat: str, centre: tuple[int, int], size: int, colour: Colour,
                  ink: Colour) -> None:
    x, y = centre
    r = size // 2
    pygame.draw.circle(paint.surface, colour, centre, r)
    s = max(2, size // 12)
    if cat == "content":  # a picture: frame and a mountain
        frame = pygame.Rect(0, 0, int(r * 1.2), int(r * 0.9))
        frame.center = centre
        pygame.draw.rect(paint.surface, ink, frame, s)
        pygame.draw.polygon(paint.surface, ink, [(frame.left + s, frame.bottom - s), (x - r // 8, y - r // 5),
                                                  (frame.right - s, frame.bottom - s)])
    elif cat == "contact":  # two people
        for dx in (-r // 3, r // 3):
            pygame.draw.circle(paint.surface, ink, (x + dx, y - r // 4), max(2, r // 5))
            pygame.draw.rect(paint.surface, ink, (x + dx - r // 4, y, r // 2, r // 3),
                             border_top_left_radius=r // 4, border_top_right_radius=r // 4)
    elif cat == "conduct":  # a shield
        w, h = int(r * 0.9), int(r * 1.1)
        points = [(x - w // 2, y - h // 2), (x + w // 2, y - h // 2), (x + w // 2, y), (x, y + h // 2),
                  (x - w // 2, y)]
        pygame.draw.polygon(paint.surface, ink, points, s)
    else:  # commerce: a coin with a pound sign
        pygame.draw.circle(paint.surface, ink, centre, int(r * 0.7), s)
        pound = paint.type.glyph("£", max(8, int(r * 1.0)), ink)
        paint.surface.blit(pound, pound.get_rect(center=centre))


def outcome_icon(paint: Paint, outcome: str, centre: tuple[int, int], size: int) -> None:
    """A calm green tick, an amber half-circle, a soft red triangle (DESIGN.md)."""
    colour = paint.theme[outcome]
    x, y = centre
    r = size // 2
    s = max(3, size // 9)
    if outcome == "safe":
        pygame.draw.circle(paint.surface, colour, centre, r)
        ink = paint.theme["surface"]
        pygame.draw.lines(paint.surface, ink, False, [(x - r // 2, y), (x - r // 8, y + r // 3),
                                                     (x + r // 2, y - r // 3)], s)
    elif outcome == "mixed":  # a ring, its left half filled
        pygame.draw.circle(paint.surface, colour, centre, r, s)
        arc = [(x + r * math.cos(a), y + r * math.sin(a)) for a in
               (math.pi / 2 + i * math.pi / 16 for i in range(17))]
        pygame.draw.polygon(paint.surface, colour, [(x, y - r), *arc])
    else:
        points = [(x, y - r), (x + r, y + int(r * 0.8)), (x - r, y + int(r * 0.8))]
        pygame.draw.polygon(paint.surface, colour, points)
        ink = paint.theme["surface"]
        pygame.draw.line(paint.surface, ink, (x, y - r // 3), (x, y + r // 4), s)
        pygame.draw.circle(paint.surface, ink, (x, y + r // 2), max(2, s // 2 + 1))


@dataclass(eq=False, repr=False)  # a button is itself: compared by identity
class Button:
    """A focusable thing: label, what it does, and where layout put it (content coordinates)."""

    label: str
    on_activate: Callable[[], None]
    style: str = "secondary"  # primary | secondary | choice | chip | link
    number: int = 0  # choice buttons show their number key
    selected: bool = False  # chips and toggles
    note: str = ""  # a second, smaller line (status, description)
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    enabled: bool = True
    key: str = ""  # a stable name for tests and screenshots
    fixed: bool = False  # part of the window's top bar: does not scroll
    category: str = ""  # a pack's C: its icon shows at the start (with its name in the note)

    def padding(self, paint: Paint) -> tuple[int, int]:
        return paint.px(18), paint.px(10)

    def badge(self, paint: Paint) -> int:
        """Room at the start for the number key, or the pack's C icon."""
        if self.number or self.category:
            return paint.type.line_height("body", True) + paint.px(8)
        return 0

    def measure(self, paint: Paint, width: int) -> int:
        """Height needed at ``width``, text wrapped."""
        pad_x, pad_y = self.padding(paint)
        inner = max(1, width - 2 * pad_x - self.badge(paint))
        height = paint.type.wrap(self.label, "body", inner, self.style != "choice").height
        if self.note:
            height += paint.type.wrap(self.note, "small", inner).height
        return max(paint.px(MIN_TARGET), height + 2 * pad_y)

    def natural_width(self, paint: Paint) -> int:
        pad_x, _pad = self.padding(paint)
        return paint.type.width(paint.type.clean(self.label, True), "body", True) + 2 * pad_x + self.badge(paint) + 2

    def draw(self, paint: Paint, rect: pygame.Rect, focused: bool, hovered: bool) -> None:
        theme, type_ = paint.theme, paint.type
        if self.style == "primary" or self.selected:
            fill, ink, border = theme["accent"], theme["on_accent"], None
        elif self.style == "link":
            fill, ink, border = theme["background"], theme["accent"], None
        else:
            fill, ink, border = theme["surface"], theme["text"], theme["border"]
        if hovered and self.style != "primary" and not self.selected:
            fill = theme["surface_alt"]
        if not self.enabled:
            fill, ink, border = theme["surface_alt"], theme["muted"], theme["border"]
        panel(paint, rect, fill, 12, border)
        pad_x, pad_y = self.padding(paint)
        inner = rect.inflate(-2 * pad_x, -2 * pad_y)
        badge = self.badge(paint)
        if badge:
            size = badge - paint.px(8)
            spot = pygame.Rect(0, 0, size, size)
            spot.top = inner.top
            if type_.rtl:
                spot.right, inner.width = inner.right, inner.width - badge
            else:
                spot.left = inner.left
                inner.left, inner.width = inner.left + badge, inner.width - badge
            if self.category:
                category_icon(paint, self.category, spot.center, size, theme.category(self.category),
                              theme["on_category"])
            else:
                pygame.draw.rect(paint.surface, theme["accent"], spot, border_radius=paint.px(8))
                digit = type_.wrap(str(self.number), "body", spot.width, True)
                type_.draw(paint.surface, digit, spot.move(0, (spot.height - digit.height) // 2), theme["on_accent"],
                           "center")
        block = type_.line(paint.surface, self.label, "body", inner, ink, self.style != "choice",
                           "center" if self.style in ("primary", "chip") else "start")
        if self.note:
            note_box = pygame.Rect(inner.left, inner.top + block.height, inner.width, inner.height - block.height)
            plain = fill in (theme["surface"], theme["surface_alt"])
            type_.line(paint.surface, self.note, "small", note_box, theme["muted"] if plain else ink)
        if focused:
            focus_ring(paint, rect)


@dataclass(eq=False, repr=False)
class TextField(Button):
    """A box to type in (a nickname, a code, a class label). Enter does ``on_activate``."""

    value: str = ""
    placeholder: str = ""
    max_length: int = 24
    style: str = "field"

    def shown(self) -> tuple[str, bool]:
        return (self.value, True) if self.value else (self.placeholder, False)

    def measure(self, paint: Paint, width: int) -> int:
        pad = paint.px(14)
        label = paint.type.wrap(self.label, "body", width, True).height if self.label else 0
        text, _real = self.shown()
        return label + max(paint.px(56), paint.type.wrap(text or " ", "large", width - 2 * pad).height + 2 * pad)

    def natural_width(self, paint: Paint) -> int:
        return paint.px(420)

    def type_text(self, text: str) -> bool:
        room = self.max_length - len(self.value)
        if room <= 0:
            return False
        self.value += "".join(ch for ch in text if ch.isprintable())[:room]
        return True

    def draw(self, paint: Paint, rect: pygame.Rect, focused: bool, hovered: bool) -> None:
        theme, type_ = paint.theme, paint.type
        top = rect.top
        if self.label:
            top += type_.line(paint.surface, self.label, "body", rect, theme["text"], True).height
        box = pygame.Rect(rect.left, top, rect.width, rect.bottom - top)
        panel(paint, box, theme["surface"], 12, theme["focus"] if focused else theme["border"], paint.px(2))
        pad = paint.px(14)
        inner = box.inflate(-2 * pad, -2 * pad)
        text, real = self.shown()
        block = type_.line(paint.surface, text, "large", inner, theme["text"] if real else theme["muted"])
        if focused:
            last = block.lines[-1] if real and block.lines else ""
            width = type_.width(last, "large") if real else 0
            start = inner.right - width if type_.rtl else inner.left  # where the line is drawn
            # the caret goes where the next letter will appear: after the text in its own direction
            x = start + paint.px(1) if right_to_left(last, type_.rtl) else start + width + paint.px(3)
            y = inner.top + (len(block.lines) - 1) * block.line_height if real else inner.top
            pygame.draw.line(paint.surface, theme["text"], (x, y + paint.px(4)),
                             (x, y + block.line_height - paint.px(4)), paint.px(2))
