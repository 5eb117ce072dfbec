"""The bar across the top of every screen (except the quick-exit page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.widgets import category_icon, focus_ring

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene

TITLE = "Three Cs"


def draw_top_bar(app: App, scene: Scene) -> None:
    """The bar on every screen: the four Cs, the product and page name, and Get help."""
    paint, w = app.paint, app.screen.get_width()
    bar = pygame.Rect(0, 0, w, app.bar_height())
    pygame.draw.rect(app.screen, paint.theme["surface"], bar)
    pygame.draw.line(app.screen, paint.theme["border"], bar.bottomleft, bar.bottomright, paint.px(1))
    size = paint.px(26)
    x = paint.px(20) + size // 2
    icons_width = 4 * (size + paint.px(4))
    for i, cat in enumerate(("content", "contact", "conduct", "commerce")):
        cx = x + i * (size + paint.px(4))
        if app.type.rtl:
            cx = w - cx
        category_icon(paint, cat, (cx, bar.centery), size, paint.theme.category(cat), paint.theme["on_category"])
    hw = app.help_width()
    hh = app.help_button.measure(paint, hw)
    app.help_button.rect = pygame.Rect(0, 0, hw, hh)
    app.help_button.rect.centery = bar.centery
    if app.type.rtl:
        app.help_button.rect.left = paint.px(16)
    else:
        app.help_button.rect.right = w - paint.px(16)
    title_box = pygame.Rect(0, 0, max(1, w - hw - icons_width - paint.px(80)), bar.height)
    title_box.left = paint.px(30) + icons_width
    if app.type.rtl:
        title_box.right = w - paint.px(30) - icons_width
    title = scene.title()
    text = f"{TITLE}: {title}" if title else TITLE
    block = app.type.wrap(text, "body", title_box.width, True)
    if len(block.lines) > 1 and title:  # no room for both: the page's own name says more
        block = app.type.wrap(title, "body", title_box.width, True)
    if len(block.lines) > 1:
        block = app.type.wrap(TITLE, "body", title_box.width, True)
    title_box.top = bar.centery - block.height // 2
    app.type.draw(app.screen, block, title_box, paint.theme["text"])
    focused = scene.focused() is app.help_button and app.show_focus
    app.help_button.draw(paint, app.help_button.rect, False, scene.hover is app.help_button)
    if focused:
        focus_ring(paint, app.help_button.rect)
