"""Small pieces several screens share: the centred column, headings, help service cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import labels
from game.i18n import _, format_percent, ngettext
from game.ui.scene import Flow
from game.ui.widgets import Paint, category_icon, panel

if TYPE_CHECKING:
    from game.engine import Score
    from game.help import HelpDirectory, HelpService


def column(paint: Paint, viewport: pygame.Rect, widest: int = 980) -> Flow:
    margin = paint.px(32)
    width = min(viewport.width - 2 * margin, paint.px(widest))
    left = viewport.left + (viewport.width - width) // 2
    return Flow(paint, left, viewport.top + paint.px(24), width)


def card(flow: Flow, lines: list[tuple[str, str, str, bool]], fill: str = "surface", accent: str = "") -> None:
    """A rounded card of text lines: (text, role, colour, bold). ``accent`` colours its start edge."""
    paint = flow.paint
    pad = paint.px(18)
    inner = flow.width - 2 * pad - (paint.px(8) if accent else 0)
    blocks = [(paint.type.wrap(text, role, inner, bold), colour) for text, role, colour, bold in lines]
    height = sum(b.height for b, _c in blocks) + 2 * pad + paint.px(6) * (len(blocks) - 1)

    def draw(p: Paint, rect: pygame.Rect) -> None:
        panel(p, rect, p.theme[fill], 14, p.theme["border"], p.px(1))
        if accent:
            edge = pygame.Rect(rect.left, rect.top, p.px(8), rect.height)
            if p.type.rtl:
                edge.right = rect.right
            pygame.draw.rect(p.surface, p.theme[accent], edge, border_radius=p.px(6))
        box = rect.inflate(-2 * pad, -2 * pad)
        if accent and not p.type.rtl:
            box.left += p.px(8)
        box.width = inner
        for block, colour in blocks:
            p.type.draw(p.surface, block, pygame.Rect(box.left, box.top, box.width, block.height), p.theme[colour])
            box.top += block.height + p.px(6)

    flow.add(height, draw)


def service_card(flow: Flow, service: HelpService) -> None:
    lines = [(service.name, "large", "text", True), (service.purpose, "body", "text", False),
             (_("For: {who}").format(who=service.who), "small", "muted", False)]
    for label, value in service.contacts():
        lines.append((f"{label}: {value}", "body", "text", False))
    if service.notes:
        lines.append((service.notes, "small", "muted", False))
    card(flow, lines)


def school_card(flow: Flow, directory: HelpDirectory) -> None:
    card(flow, [(_("In school"), "large", "text", True), (directory.school_lead(), "body", "text", False),
                (directory.report_in_school(), "body", "text", False)], "surface", "accent")


def report_card(flow: Flow) -> None:
    steps = [_("1. Take a screenshot of what happened (not of a nude image: never copy one)."),
             _("2. Block the person or account."),
             _("3. Report it in the app: find the menu (often three dots), choose Report and the reason."),
             _("4. Tell a trusted adult: at home or at school.")]
    card(flow, [(_("How to report on an app"), "large", "text", True),
                *((s, "body", "text", False) for s in steps)])


def score_bars(flow: Flow, scores: dict[str, Score]) -> None:
    """A bar per C, each with its icon, name and words: never colour alone."""
    paint = flow.paint
    for cat, score in scores.items():
        scaled = score.scaled or 0.0
        label = ngettext("{category}: {earned} of {available} point ({percent})",
                         "{category}: {earned} of {available} points ({percent})", score.available).format(
            category=labels.category(cat), earned=score.earned, available=score.available,
            percent=format_percent(scaled))
        icon = paint.px(40)
        text_block = paint.type.wrap(label, "body", flow.width - icon - paint.px(16), True)
        bar_h = paint.px(18)
        height = max(icon, text_block.height) + bar_h + paint.px(10)

        def draw(p: Paint, rect: pygame.Rect, cat: str = cat, scaled: float = scaled,
                 block: object = text_block, icon: int = icon, bar_h: int = bar_h) -> None:
            centre_x = rect.right - icon // 2 if p.type.rtl else rect.left + icon // 2
            category_icon(p, cat, (centre_x, rect.top + icon // 2), icon, p.theme.category(cat),
                          p.theme["on_category"])
            box = pygame.Rect(rect.left + icon + p.px(16), rect.top, rect.width - icon - p.px(16),
                              block.height)  # type: ignore[attr-defined]
            if p.type.rtl:
                box.left = rect.left
            p.type.draw(p.surface, block, box, p.theme["text"])  # type: ignore[arg-type]
            track = pygame.Rect(box.left, rect.bottom - bar_h, box.width, bar_h)
            pygame.draw.rect(p.surface, p.theme["surface_alt"], track, border_radius=bar_h // 2)
            pygame.draw.rect(p.surface, p.theme["border"], track, p.px(1), border_radius=bar_h // 2)
            fill = track.copy()
            fill.width = max(bar_h, int(track.width * scaled)) if scaled > 0 else 0
            if p.type.rtl:
                fill.right = track.right
            if fill.width:
                pygame.draw.rect(p.surface, p.theme.category(cat), fill, border_radius=bar_h // 2)

        flow.add(height, draw)
