"""The toolkit the mock apps are built from: parts that measure their height at a width, then draw.

Each part is one thing children know from real apps (a header with an avatar, an address bar, a chat
bubble, a feed card, a video player, a pop-up, a button); mockapps.py lists which parts each app uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.i18n import _
from game.packs.model import Message
from game.ui.widgets import Paint, panel


@dataclass
class Part:
    measure: Callable[[Paint, int], int]
    draw: Callable[[Paint, pygame.Rect], None]


def text_part(text: str, role: str = "body", colour: str = "text", bold: bool = False, pad: int = 0) -> Part:
    def measure(p: Paint, width: int) -> int:
        return p.type.wrap(text, role, max(1, width - 2 * p.px(pad)), bold).height + 2 * p.px(pad)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        p.type.line(p.surface, text, role, rect.inflate(-2 * p.px(pad), -2 * p.px(pad)), p.theme[colour], bold)

    return Part(measure, draw)


def header(title: str, subtitle: str = "", initial: str = "", app: str = "chat") -> Part:
    def avatar(p: Paint) -> int:
        return max(p.px(36), p.type.line_height("body", True), p.type.width(initial, "body", True) + p.px(8))

    def inner(p: Paint, width: int) -> int:
        return width - 2 * p.px(14) - (avatar(p) + p.px(8) if initial else 0)

    def measure(p: Paint, width: int) -> int:
        h = p.type.wrap(title, "body", inner(p, width), True).height
        if subtitle:
            h += p.type.wrap(subtitle, "small", inner(p, width)).height
        return max(p.px(56), h + 2 * p.px(10), (avatar(p) + 2 * p.px(6)) if initial else 0)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        fill, ink = p.theme[f"app:{app}"], p.theme["on_app"]
        pygame.draw.rect(p.surface, fill, rect, border_top_left_radius=p.px(10), border_top_right_radius=p.px(10))
        box = rect.inflate(-2 * p.px(14), -2 * p.px(10))
        if initial:
            size = avatar(p)
            centre = (box.left + size // 2, rect.centery) if not p.type.rtl else (box.right - size // 2, rect.centery)
            pygame.draw.circle(p.surface, ink, centre, size // 2)
            spot = pygame.Rect(0, 0, size, size)
            spot.center = centre
            p.type.line(p.surface, initial, "body", spot.move(0, (size - p.type.line_height("body", True)) // 2),
                        fill, True, "center")
            box.width -= size + p.px(8)
            if not p.type.rtl:
                box.left += size + p.px(8)
        block = p.type.line(p.surface, title, "body", box, ink, True)
        if subtitle:
            p.type.line(p.surface, subtitle, "small", box.move(0, block.height), ink)

    return Part(measure, draw)


def bar(text: str, kind: str) -> Part:
    """An address bar with a padlock, or a search box with a magnifier."""

    def measure(p: Paint, width: int) -> int:
        return max(p.px(44), p.type.wrap(text, "small", width - p.px(70)).height + p.px(16))

    def draw(p: Paint, rect: pygame.Rect) -> None:
        box = rect.inflate(-p.px(12), -p.px(6))
        panel(p, box, p.theme["surface_alt"], 20, p.theme["border"], p.px(1))
        icon_x = box.left + p.px(20) if not p.type.rtl else box.right - p.px(20)
        cy = box.centery
        ink = p.theme["muted"]
        if kind == "address":  # padlock
            pygame.draw.rect(p.surface, ink, (icon_x - p.px(6), cy - p.px(2), p.px(12), p.px(10)))
            pygame.draw.circle(p.surface, ink, (icon_x, cy - p.px(3)), p.px(5), p.px(2))
        else:  # magnifier
            pygame.draw.circle(p.surface, ink, (icon_x - p.px(2), cy - p.px(2)), p.px(6), p.px(2))
            pygame.draw.line(p.surface, ink, (icon_x + p.px(2), cy + p.px(2)), (icon_x + p.px(7), cy + p.px(7)),
                             p.px(2))
        text_box = box.inflate(-p.px(76), -p.px(8))
        p.type.line(p.surface, text, "small", text_box, p.theme["text"])

    return Part(measure, draw)


def bubble(message: Message, who: str, mine: bool, lobby: bool) -> Part:
    if message.from_ == "system":
        return text_part(message.text + (f"  {message.time}" if message.time else ""), "small", "muted",
                          pad=6)
    name = "" if mine else (f"[{who}]" if lobby else who)

    def widths(p: Paint, width: int) -> int:
        return int(width * 0.8) - 2 * p.px(12)

    def blocks(p: Paint, width: int):
        inner = widths(p, width)
        body = p.type.wrap(message.text, "body", inner)
        head = p.type.wrap(name, "small", inner, True) if name else None
        stamp = p.type.wrap(message.time, "small", inner) if message.time else None
        return body, head, stamp

    def measure(p: Paint, width: int) -> int:
        body, head, stamp = blocks(p, width)
        return body.height + (head.height if head else 0) + (stamp.height if stamp else 0) + 2 * p.px(10)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        body, head, stamp = blocks(p, rect.width)
        inner_w = max(body.width, head.width if head else 0, stamp.width if stamp else 0)
        bubble = pygame.Rect(0, rect.top, inner_w + 2 * p.px(12), rect.height)
        on_right = mine != p.type.rtl
        if on_right:
            bubble.right = rect.right
        else:
            bubble.left = rect.left
        fill, ink = (p.theme["bubble_me"], p.theme["on_bubble_me"]) if mine else (p.theme["bubble_them"],
                                                                                 p.theme["text"])
        pygame.draw.rect(p.surface, fill, bubble, border_radius=p.px(16))
        box = bubble.inflate(-2 * p.px(12), -2 * p.px(10))
        y = box.top
        for block in (head, body, stamp):
            if block is None:
                continue
            p.type.draw(p.surface, block, pygame.Rect(box.left, y, box.width, block.height), ink)
            y += block.height

    return Part(measure, draw)


def post(message: Message, who: str) -> Part:
    """A feed card: poster, text, and a like / comment / share row."""
    pad = 12

    def measure(p: Paint, width: int) -> int:
        inner = width - 2 * p.px(pad)
        h = p.type.wrap(who, "body", inner, True).height + p.type.wrap(message.text, "body", inner).height
        if message.time:
            h += p.type.wrap(message.time, "small", inner).height
        return h + 2 * p.px(pad) + p.px(34)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        panel(p, rect, p.theme["device_screen"], 10, p.theme["border"], p.px(1))
        box = rect.inflate(-2 * p.px(pad), -2 * p.px(pad))
        block = p.type.line(p.surface, who, "body", box, p.theme["text"], True)
        box.top += block.height
        if message.time:
            block = p.type.line(p.surface, message.time, "small", box, p.theme["muted"])
            box.top += block.height
        p.type.line(p.surface, message.text, "body", box, p.theme["text"])
        row_y = rect.bottom - p.px(pad) - p.px(12)
        labels_row = [_("Like"), _("Comment"), _("Share")]
        slot = (rect.width - 2 * p.px(pad)) // 3
        for i, word in enumerate(labels_row):
            x = rect.left + p.px(pad) + i * slot
            if p.type.rtl:
                x = rect.right - p.px(pad) - (i + 1) * slot
            cell = pygame.Rect(x, row_y - p.px(12), slot, p.px(30))
            p.type.line(p.surface, word, "small", cell, p.theme["muted"], False, "center")

    return Part(measure, draw)


def video(caption: str) -> Part:
    def measure(p: Paint, width: int) -> int:
        return int(width * 9 / 16) + (p.type.wrap(caption, "small", width).height if caption else 0) + p.px(8)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        player = pygame.Rect(rect.left, rect.top, rect.width, int(rect.width * 9 / 16))
        pygame.draw.rect(p.surface, p.theme["device"], player, border_radius=p.px(8))
        cx, cy, r = player.centerx, player.centery, p.px(26)
        pygame.draw.circle(p.surface, p.theme["device_screen"], (cx, cy), r)
        pygame.draw.polygon(p.surface, p.theme["device"], [(cx - r // 3, cy - r // 2), (cx - r // 3, cy + r // 2),
                                                            (cx + r // 2, cy)])
        if caption:
            box = pygame.Rect(rect.left, player.bottom + p.px(4), rect.width, rect.height - player.height)
            p.type.line(p.surface, caption, "small", box, p.theme["muted"])

    return Part(measure, draw)


def paragraph(text: str) -> Part:
    """A paragraph of a web page or an email; '[ Pay now ]' on its own is drawn as the button it is."""
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]") and "]" not in inner[1:-1]:
        return button(inner[1:-1].strip())
    return text_part(text, "body", "text", False, 10)


def button(label: str) -> Part:
    """A button inside the mock app (Pay, Report, Block...), drawn as one, so 'tap the button' makes sense."""

    def measure(p: Paint, width: int) -> int:
        return p.type.wrap(label, "body", width - 2 * p.px(28), True).height + 2 * p.px(10) + p.px(8)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        button = rect.inflate(-2 * p.px(8), -p.px(8))
        panel(p, button, p.theme["surface_alt"], 10, p.theme["border"], p.px(1))
        p.type.line(p.surface, label, "body", button.inflate(-2 * p.px(20), -2 * p.px(10)).move(0, 0),
                    p.theme["text"], True, "center")

    return Part(measure, draw)


def popup(title: str, text: list[str], buttons: list[str]) -> Part:
    pad = 16

    def measure(p: Paint, width: int) -> int:
        inner = width - 2 * p.px(pad) - 2 * p.px(12)
        h = p.type.wrap(title, "large", inner, True).height if title else 0
        h += sum(p.type.wrap(t, "body", inner).height + p.px(4) for t in text)
        h += sum(p.type.wrap(b, "body", inner - p.px(20), True).height + p.px(22) for b in buttons)
        return h + 2 * p.px(pad) + 2 * p.px(12)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        card = rect.inflate(-2 * p.px(12), -2 * p.px(12))
        panel(p, card, p.theme["surface"], 16, p.theme["border"], p.px(2))
        box = card.inflate(-2 * p.px(pad), -2 * p.px(pad))
        if title:
            box.top += p.type.line(p.surface, title, "large", box, p.theme["text"], True).height
        for t in text:
            box.top += p.type.line(p.surface, t, "body", box, p.theme["text"]).height + p.px(4)
        for label in buttons:
            block = p.type.wrap(label, "body", box.width - p.px(20), True)
            button = pygame.Rect(box.left, box.top + p.px(4), box.width, block.height + p.px(14))
            panel(p, button, p.theme["surface_alt"], 10, p.theme["border"], p.px(1))
            p.type.draw(p.surface, block, button.inflate(-p.px(20), -p.px(14)), p.theme["text"], "center")
            box.top += block.height + p.px(22)

    return Part(measure, draw)


def image(path: Path, alt: str) -> Part:
    cache: dict[int, pygame.Surface] = {}

    def load(width: int) -> pygame.Surface | None:
        if width not in cache:
            try:
                image = pygame.image.load(str(path))
            except (pygame.error, FileNotFoundError):
                return None
            scale = min(1.0, width / max(1, image.get_width()))
            cache[width] = pygame.transform.smoothscale(
                image, (max(1, int(image.get_width() * scale)), max(1, int(image.get_height() * scale))))
        return cache[width]

    def measure(p: Paint, width: int) -> int:
        image = load(width)
        alt_h = p.type.wrap(alt, "small", width).height if alt else 0
        return (image.get_height() if image else 0) + alt_h + p.px(4)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        image = load(rect.width)
        top = rect.top
        if image is not None:
            p.surface.blit(image, image.get_rect(top=top, centerx=rect.centerx))
            top += image.get_height() + p.px(4)
        if alt:
            p.type.line(p.surface, alt, "small", pygame.Rect(rect.left, top, rect.width, 1), p.theme["muted"])

    return Part(measure, draw)
