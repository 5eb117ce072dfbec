"""Mock apps a child recognises at a glance, drawn from a pack's ``screen``.

One toolkit (parts that measure their height at a width, then draw into a
rectangle) and a small recipe per app kind that lists its parts. Phones hold
chats, texts, feeds, games, videos and pop-ups; a laptop holds the browser,
search and email. No real brand is copied: only the shapes children know.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game import labels
from game.i18n import _
from game.packs.model import Screen
from game.ui import mockparts as kit
from game.ui.mockparts import Part
from game.ui.widgets import Paint, panel

LAPTOP_APPS = ("browser", "search", "email")


def parts_for(screen: Screen, folder: Path | None) -> list[Part]:
    """The recipe for each app kind, then what any screen may carry: its picture, its buttons."""
    parts: list[Part] = []
    shown: set[str] = set()

    def image(file: str | None, alt: str | None) -> None:
        if file and folder is not None and file not in shown:
            shown.add(file)
            parts.append(kit.image(folder / file, alt or ""))

    _recipe(screen, parts, image)
    image(screen.image, screen.alt)
    for message in screen.messages:
        image(message.image, message.alt)
    if screen.buttons and screen.app not in ("popup", "chat", "sms", "game", "email"):
        parts.extend(kit.button(label) for label in screen.buttons)
    return parts


def _recipe(screen: Screen, parts: list[Part], image: Callable[[str | None, str | None], None]) -> None:
    app, contact = screen.app, screen.contact
    name = screen.title or labels.app(app)

    if app in ("chat", "sms", "game"):
        subtitle = contact or ""
        if app == "game":
            subtitle = _("Lobby chat") + (f" · {contact}" if contact else "")
        parts.append(kit.header(contact if app == "sms" and contact else name,
                             "" if app == "sms" else subtitle, (contact or name)[:1].upper(), app))
        image(screen.image, screen.alt)
        for message in screen.messages:
            who = labels.sender(message.from_, contact)
            parts.append(kit.bubble(message, who, message.from_ == "me", app == "game"))
            image(message.image, message.alt)
        for button in screen.buttons:
            parts.append(kit.button(button))
    elif app == "feed":
        parts.append(kit.header(name, _("Your feed"), app="feed"))
        image(screen.image, screen.alt)
        for message in screen.messages:
            parts.append(kit.post(message, labels.sender(message.from_, contact) or name))
            image(message.image, message.alt)
    elif app == "video":
        parts.append(kit.header(name, contact or "", app="video"))
        parts.append(kit.video(screen.caption or ""))
        image(screen.image, screen.alt)
        if screen.messages:
            parts.append(kit.text_part(_("Comments"), "small", "muted", True, 4))
        for message in screen.messages:
            parts.append(kit.bubble(message, labels.sender(message.from_, contact), False, False))
    elif app == "browser":
        parts.append(kit.bar(screen.address or "", "address"))
        if screen.title:
            parts.append(kit.text_part(screen.title, "large", "text", True, 10))
        image(screen.image, screen.alt)
        for message in screen.messages:
            parts.append(kit.paragraph(message.text))
    elif app == "search":
        parts.append(kit.bar(screen.query or screen.title or "", "search"))
        for message in screen.messages:
            who = labels.sender(message.from_, contact)
            if who:  # a result: its site as a headline link, then the snippet in smaller type
                parts.append(kit.text_part(who, "body", "link", True, 6))
            parts.append(kit.text_part(message.text, "small", "text", False, 6))
    elif app == "email":
        sender = contact or ""
        if screen.address:
            sender = f"{sender} <{screen.address}>" if sender else screen.address
        parts.append(kit.header(screen.subject or name, _("From: {sender}").format(sender=sender) if sender else "",
                             app="email"))
        image(screen.image, screen.alt)
        for message in screen.messages:
            who = labels.sender(message.from_, contact) if message.from_ not in ("them", "system") else ""
            parts.append(kit.paragraph(f"{who}: {message.text}" if who else message.text))
        for button in screen.buttons:
            parts.append(kit.button(button))
    elif app == "popup":
        parts.append(kit.popup(screen.title or "", [m.text for m in screen.messages], list(screen.buttons)))
    else:  # narration: a story card, no device
        if screen.title:
            parts.append(kit.text_part(screen.title, "large", "text", True, 6))
        image(screen.image, screen.alt)
        for message in screen.messages:
            text = message.text + (f" ({message.time})" if message.time else "")
            parts.append(kit.text_part(text, "body", "text", False, 6))


def device_kind(screen: Screen) -> str:
    if screen.app == "narration":
        return "story"
    return "laptop" if screen.app in LAPTOP_APPS else "phone"


def measure_device(paint: Paint, screen: Screen, folder: Path | None, width: int) -> tuple[int, list[Part]]:
    parts = parts_for(screen, folder)
    bezel = paint.px(14) if device_kind(screen) != "story" else paint.px(16)
    inner = width - 2 * bezel
    gap = paint.px(8)
    content = sum(part.measure(paint, inner) + gap for part in parts)
    extra = paint.px(34) if device_kind(screen) == "laptop" else paint.px(20)
    minimum = paint.px(300) if device_kind(screen) == "phone" else 0
    return max(minimum, content + 2 * bezel + extra), parts


def draw_device(paint: Paint, screen: Screen, parts: list[Part], rect: pygame.Rect) -> None:
    kind = device_kind(screen)
    theme = paint.theme
    if kind == "story":
        panel(paint, rect, theme["surface"], 14, theme["border"], paint.px(1))
        bezel = paint.px(16)
        body = rect.inflate(-2 * bezel, -2 * bezel)
    elif kind == "phone":
        panel(paint, rect, theme["device"], 30)
        bezel = paint.px(14)
        body = rect.inflate(-2 * bezel, -2 * bezel - paint.px(20))
        body.top = rect.top + bezel + paint.px(10)
        pygame.draw.rect(paint.surface, theme["device_screen"], body, border_radius=paint.px(12))
        notch = pygame.Rect(0, 0, paint.px(60), paint.px(6))
        notch.center = (rect.centerx, rect.top + paint.px(12))
        pygame.draw.rect(paint.surface, theme["device_screen"], notch, border_radius=paint.px(3))
    else:
        base_h = paint.px(20)
        lid = pygame.Rect(rect.left + paint.px(10), rect.top, rect.width - paint.px(20), rect.height - base_h)
        panel(paint, lid, theme["device"], 12)
        bezel = paint.px(14)
        body = lid.inflate(-2 * bezel, -2 * bezel)
        pygame.draw.rect(paint.surface, theme["device_screen"], body, border_radius=paint.px(4))
        base = pygame.Rect(rect.left, lid.bottom, rect.width, base_h)
        pygame.draw.rect(paint.surface, theme["device"], base, border_bottom_left_radius=paint.px(12),
                         border_bottom_right_radius=paint.px(12))
    gap = paint.px(8)
    y = body.top
    for part in parts:
        height = part.measure(paint, body.width)
        part.draw(paint, pygame.Rect(body.left, y, body.width, height))
        y += height + gap
