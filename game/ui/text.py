"""Fonts, wrapping and cached text surfaces: the one way every screen draws words.

Every word on screen goes through :class:`Typesetter`, so text size, the
dyslexia-friendly font, right-to-left shaping and the test that checks text
stays inside its box all live in one place.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from dataclasses import dataclass

import pygame

from game.paths import assets_dir

ROLE_SIZES = {"small": 18, "body": 22, "large": 28, "title": 40, "huge": 60}
FONT_FILES = {
    "standard": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "dyslexia": ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"),
    "hyperlegible": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "urdu": ("NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"),
}
RTL_LANGUAGES = ("ur",)
_CACHE_LIMIT = 3000

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    role: str
    bold: bool
    width: int  # widest line
    height: int
    line_height: int


@dataclass
class Drawn:
    """One line of text as drawn, with the box it had to stay inside (for the fit tests)."""

    text: str
    rect: pygame.Rect
    box: pygame.Rect


def _pictograph(ch: str) -> bool:
    """Emoji and other pictographs: our text fonts have no glyph for them (a box would show)."""
    return ch in "\ufe0f\u200d" or unicodedata.category(ch) in ("So", "Co", "Cn", "Cs")


class Typesetter:
    def __init__(self, scale: float, family: str = "standard", language: str = "en") -> None:
        self.scale = scale
        self.language = language
        self.rtl = language in RTL_LANGUAGES
        self.family = "urdu" if self.rtl else family
        self._fonts: dict[tuple[str, bool], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, str, bool, Colour], pygame.Surface] = OrderedDict()
        self._clean: dict[tuple[str, bool], str] = {}
        self.record: list[Drawn] | None = None  # tests switch this on

    def px(self, role: str) -> int:
        return max(10, round(ROLE_SIZES[role] * self.scale))

    def font(self, role: str, bold: bool = False) -> pygame.font.Font:
        key = (role, bold)
        font = self._fonts.get(key)
        if font is None:
            regular, heavy = FONT_FILES[self.family]
            font = pygame.font.Font(str(assets_dir() / "fonts" / (heavy if bold else regular)), self.px(role))
            if self.rtl:
                font.set_script("Arab")
                font.set_direction(pygame.DIRECTION_RTL)
            self._fonts[key] = font
        return font

    def line_height(self, role: str, bold: bool = False) -> int:
        return self.font(role, bold).get_linesize()

    def clean(self, text: str, bold: bool = False) -> str:
        """Drop characters the font has no glyph for (emoji in a teacher's pack), never show boxes."""
        key = (text, bold)
        found = self._clean.get(key)
        if found is None:
            found = "".join(ch for ch in text if not _pictograph(ch))
            found = " ".join(found.split()) if found != text else text
            self._clean[key] = found
        return found

    def width(self, text: str, role: str, bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    def wrap(self, text: str, role: str, width: int, bold: bool = False) -> TextBlock:
        font = self.font(role, bold)
        lines: list[str] = []
        for paragraph in self.clean(text, bold).split("\n"):
            words = paragraph.split()
            current = ""
            for word in words:
                trial = f"{current} {word}" if current else word
                if font.size(trial)[0] <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                while font.size(word)[0] > width and len(word) > 1:  # a word wider than the box
                    cut = len(word) - 1
                    while cut > 1 and font.size(word[:cut])[0] > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                current = word
            lines.append(current)
        height = font.get_linesize() * len(lines)
        widest = max((font.size(line)[0] for line in lines), default=0)
        return TextBlock(tuple(lines), role, bold, widest, height, font.get_linesize())

    def render(self, text: str, role: str, colour: Colour, bold: bool = False) -> pygame.Surface:
        key = (text, role, bold, colour)
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self.font(role, bold).render(text, True, colour)
            self._surfaces[key] = surface
            if len(self._surfaces) > _CACHE_LIMIT:
                self._surfaces.popitem(last=False)
        else:
            self._surfaces.move_to_end(key)
        return surface

    def draw(self, target: pygame.Surface, block: TextBlock, box: pygame.Rect, colour: Colour,
             align: str = "start") -> None:
        """Draw a wrapped block at the top of ``box``; 'start' is left, or right in RTL."""
        y = box.top
        for line in block.lines:
            surface = self.render(line, block.role, colour, block.bold)
            rect = surface.get_rect(top=y)
            if align == "center":
                rect.centerx = box.centerx
            elif (align == "start") != self.rtl:
                rect.left = box.left
            else:
                rect.right = box.right
            target.blit(surface, rect)
            if self.record is not None:
                self.record.append(Drawn(line, rect.copy(), box.copy()))
            y += block.line_height

    def line(self, target: pygame.Surface, text: str, role: str, box: pygame.Rect, colour: Colour,
             bold: bool = False, align: str = "start") -> TextBlock:
        """Wrap ``text`` to the box's width and draw it; returns the block (for its height)."""
        block = self.wrap(text, role, max(1, box.width), bold)
        self.draw(target, block, pygame.Rect(box.left, box.top, box.width, max(box.height, block.height)),
                  colour, align)
        return block
