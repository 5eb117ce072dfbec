"""Fonts, wrapping and cached text surfaces: the one way every screen draws words.

Every word on screen goes through :class:`Typesetter`, so text size, the
dyslexia-friendly font, right-to-left shaping and the test that checks text
stays inside its box all live in one place.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from typing import NamedTuple

import pygame

from game.paths import assets_dir
from game.ui.bidi import Run, has_arabic, right_to_left, runs, visual

ROLE_SIZES = {"small": 18, "body": 22, "large": 28, "title": 40, "huge": 60}
FONT_FILES = {
    "standard": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "dyslexia": ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"),
    "hyperlegible": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "urdu": ("NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"),
}
RTL_LANGUAGES = ("ur",)
_CACHE_BYTES = 12 * 1024 * 1024  # rendered lines kept for reuse; the oldest go first

Colour = tuple[int, int, int]


class TextBlock(NamedTuple):
    lines: tuple[str, ...]
    role: str
    bold: bool
    width: int  # widest line
    height: int
    line_height: int


class Drawn(NamedTuple):
    """One line of text as drawn, with the box it had to stay inside (for the fit tests)."""

    text: str
    rect: pygame.Rect
    box: pygame.Rect


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


def _pictograph(ch: str) -> bool:
    """Emoji and other pictographs: our text fonts have no glyph for them (a box would show)."""
    return ch in "\ufe0f\u200d" or unicodedata.category(ch) in ("So", "Co", "Cn", "Cs")


class Typesetter:
    """Fonts and text for one language, family and size.

    Latin text uses the chosen family; Arabic-script text (Urdu) is shaped
    right to left in Noto Nastaliq Urdu; numbers and Latin names inside Urdu
    stay left to right in a Latin font, so 0800 1111 and Childline read as
    they should. ``rtl`` mirrors the layout for right-to-left languages.
    """

    def __init__(self, scale: float, family: str = "standard", language: str = "en") -> None:
        self.scale = scale
        self.language = language
        self.rtl = language in RTL_LANGUAGES
        self.family = family if family in FONT_FILES and family != "urdu" else "standard"
        self._fonts: dict[tuple[str, str, bool], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, str, bool, Colour], pygame.Surface] = OrderedDict()
        self._cached_bytes = 0
        self._clean: dict[tuple[str, bool], str] = {}
        self._widths: dict[tuple[str, str, bool], int] = {}
        self.record: list[Drawn] | None = None  # tests switch this on

    def px(self, role: str) -> int:
        return max(10, round(ROLE_SIZES[role] * self.scale))

    def _font(self, family: str, role: str, bold: bool) -> pygame.font.Font:
        key = (family, role, bold)
        font = self._fonts.get(key)
        if font is None:
            regular, heavy = FONT_FILES[family]
            size = self.px(role) if family != "urdu" else round(self.px(role) * 0.9)
            font = pygame.font.Font(str(assets_dir() / "fonts" / (heavy if bold else regular)), size)
            if family == "urdu":
                font.set_script("Arab")
                font.set_direction(pygame.DIRECTION_RTL)
            self._fonts[key] = font
        return font

    def font(self, role: str, bold: bool = False) -> pygame.font.Font:
        """The font for Latin text in this role."""
        return self._font(self.family, role, bold)

    def glyph(self, text: str, size: int, colour: Colour) -> pygame.Surface:
        """A symbol at an exact pixel size (icons), in the bold Latin font; cached."""
        key = (text, f"glyph-{size}", True, colour)
        surface = self._surfaces.get(key)
        if surface is None:
            font = self._fonts.get((self.family, f"glyph-{size}", True))
            if font is None:
                font = pygame.font.Font(str(assets_dir() / "fonts" / FONT_FILES[self.family][1]), size)
                self._fonts[(self.family, f"glyph-{size}", True)] = font
            surface = self._surfaces[key] = font.render(text, True, colour)
            self._cached_bytes += _bytes(surface)
        return surface

    def line_height(self, role: str, bold: bool = False) -> int:
        height = self.font(role, bold).get_linesize()
        if self.rtl:
            height = max(height, self._font("urdu", role, bold).get_linesize())
        return height

    def clean(self, text: str, bold: bool = False) -> str:
        """Drop characters the font has no glyph for (emoji in a teacher's pack), never show boxes."""
        key = (text, bold)
        found = self._clean.get(key)
        if found is None:
            found = "".join(ch for ch in text if not _pictograph(ch))
            found = " ".join(found.split()) if found != text else text
            found = found.replace(" · ", " ·\u00a0")  # "PixPost · Messages" breaks before the dot, not after
            self._clean[key] = found
        return found

    def _run_font(self, run: Run, role: str, bold: bool) -> pygame.font.Font:
        return self._font("urdu", role, bold) if run.urdu else self.font(role, bold)

    def width(self, text: str, role: str, bold: bool = False) -> int:
        key = (text, role, bold)
        found = self._widths.get(key)
        if found is None:
            if not has_arabic(text):
                found = self.font(role, bold).size(text)[0]
            else:
                found = sum(self._run_font(run, role, bold).size(run.text)[0] for run in runs(text, self.rtl))
            self._widths[key] = found
        return found

    def wrap(self, text: str, role: str, width: int, bold: bool = False) -> TextBlock:
        lines: list[str] = []
        for paragraph in self.clean(text, bold).split("\n"):
            current = ""
            for word in (w for w in paragraph.split(" ") if w):  # a no-break space keeps words together
                trial = f"{current} {word}" if current else word
                if self.width(trial, role, bold) <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                while self.width(word, role, bold) > width and len(word) > 1:  # a word wider than the box
                    cut = len(word) - 1
                    while cut > 1 and self.width(word[:cut], role, bold) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                current = word
            lines.append(current)
        arabic = self.rtl and has_arabic(text)
        line_height = self.line_height(role, bold) if arabic else self.font(role, bold).get_linesize()
        widest = max((self.width(line, role, bold) for line in lines), default=0)
        return TextBlock(tuple(lines), role, bold, widest, line_height * len(lines), line_height)

    def _compose(self, text: str, role: str, colour: Colour, bold: bool) -> pygame.Surface:
        """One line of mixed scripts, its runs placed in visual order."""
        if not has_arabic(text):
            return self.font(role, bold).render(text, True, colour)
        height = self.line_height(role, bold)
        surfaces = [self._run_font(run, role, bold).render(run.text, True, colour)
                    for run in visual(runs(text, self.rtl), right_to_left(text, self.rtl)) if run.text]
        line = pygame.Surface((max(1, sum(s.get_width() for s in surfaces)), height), pygame.SRCALPHA)
        x = 0
        for surface in surfaces:
            line.blit(surface, (x, (height - surface.get_height()) // 2))
            x += surface.get_width()
        return line

    def render(self, text: str, role: str, colour: Colour, bold: bool = False) -> pygame.Surface:
        key = (text, role, bold, colour)
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self._compose(text, role, colour, bold) if text else self.font(role, bold).render(
                " ", True, colour)
            self._surfaces[key] = surface
            self._cached_bytes += _bytes(surface)
            while self._cached_bytes > _CACHE_BYTES and len(self._surfaces) > 1:
                self._cached_bytes -= _bytes(self._surfaces.popitem(last=False)[1])
        else:
            self._surfaces.move_to_end(key)
        return surface

    def draw(self, target: pygame.Surface, block: TextBlock, box: pygame.Rect, colour: Colour,
             align: str = "start") -> None:
        """Draw a wrapped block at the top of ``box``; 'start' is left, or right in RTL."""
        y = box.top
        for line in block.lines:
            surface = self.render(line, block.role, colour, block.bold)
            rect = surface.get_rect(top=y + max(0, (block.line_height - surface.get_height()) // 2))
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
