"""What the UI tests check on a drawn screen."""

from __future__ import annotations

from game.ui.screenshots import settle


def overflowing(app) -> list[str]:
    """Lines drawn outside their box, or outside the window, on the current screen."""
    app.type.record = []
    settle(app)
    window = app.screen.get_rect()
    bad = []
    for drawn in app.type.record:
        box = drawn.box.inflate(2, 2)
        if not box.contains(drawn.rect):
            bad.append(f"{drawn.text!r} {drawn.rect} outside its box {drawn.box}")
        elif drawn.rect.right > window.right or drawn.rect.left < window.left:
            bad.append(f"{drawn.text!r} {drawn.rect} outside the window")
    app.type.record = None
    return bad
