"""The end of a pack: a bar per C, the help that fits, and a certificate to save as PNG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pygame

from game import labels
from game.engine import Session
from game.i18n import _, locale_name
from game.packs import LoadedPack
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import column, school_card, score_bars, service_card
from game.ui.text import Typesetter
from game.ui.widgets import Button, Paint, category_icon, panel


class SummaryScene(Scene):
    name = "summary"

    def __init__(self, app, loaded: LoadedPack, session: Session, class_mode: bool = False) -> None:
        super().__init__(app)
        self.loaded, self.session, self.class_mode = loaded, session, class_mode
        self.saved_to: Path | None = None
        self.handed_in = ""

    def title(self) -> str:
        return _("Well done!")

    def help_ids(self) -> list[str]:
        return self.session.pack_help()

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 860)
        flow.text(_("You finished: {title}").format(title=self.session.pack.title), "title", "text", True)
        if not self.class_mode:
            flow.text(_("How you did in each C"), "large", "text", True)
            score_bars(flow, self.session.pack_scores())
            flow.button(Button(_("Save my certificate (PNG)"), self.save_certificate, "primary", key="certificate"))
            if self.saved_to is not None:
                flow.text(_("Saved to {path}").format(path=self.saved_to), "body", "safe", True)
            flow.button(Button(_("Save my results to hand in"), self.hand_in, key="hand-in"))
            if self.handed_in:
                flow.text(self.handed_in, "body", "text", True)
        flow.text(_("Where to get help"), "large", "text", True)
        school_card(flow, self.app.directory)
        for service in self.app.directory.services_for(self.session.pack_help()):
            service_card(flow, service)
        flow.button(Button(_("Play this pack again"), self.again, key="again"))
        flow.button(Button(_("Back to the packs"), self.app.pop, key="back"))
        return [flow]

    def hand_in(self) -> None:
        """At home: one results file with this learner's statements, to give to the teacher."""
        from game.records.results import RESULTS_DIR, export, result_files

        store = self.app.store
        if store is None:
            return
        folder = self.app.data_dir / RESULTS_DIR
        target = self.app.data_dir / "hand-in" / f"{store.folder.name}-results.jsonl"
        try:
            count = export(list(result_files([folder])) if folder.is_dir() else [], target, store.nickname)
            self.handed_in = _("Saved {path}: give this file to your teacher.").format(path=target) if count \
                else _("There are no results to hand in yet.")
        except (OSError, ValueError) as error:
            self.handed_in = _("Could not save the results: {error}").format(error=error)
        self.dirty_layout = True

    def again(self) -> None:
        self.session.restart_pack()
        if self.app.store is not None and not self.class_mode:
            self.app.store.save(self.session)
        from game.ui.scenes.play import PlayScene

        self.app.replace(PlayScene(self.app, self.loaded, self.session, self.class_mode))

    def save_certificate(self) -> None:
        store = self.app.store
        name = store.nickname if store else ""
        folder = self.app.data_dir / "certificates"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.loaded.pack.id}-{store.folder.name if store else 'player'}.png"
        surface = render_certificate(self.app.paint, name, self.loaded, self.session)
        pygame.image.save(surface, str(path))
        self.saved_to = path
        self.dirty_layout = True
        self.app.sound("safe")


def render_certificate(paint: Paint, nickname: str, loaded: LoadedPack, session: Session) -> pygame.Surface:
    """A 1600x1130 certificate (A4 landscape proportions), printable in black and white.

    It celebrates finishing and names the Cs practised; scores stay on the learner's own screen, so a
    certificate that is shared never shows a low mark."""
    from babel.dates import format_date

    surface = pygame.Surface((1600, 1130))
    scale = 1.6 if paint.type.rtl else 2.0  # Nastaliq lines are taller
    type_ = Typesetter(scale, paint.type.family, paint.type.language)
    cert = Paint(surface, paint.theme, type_, scale)
    theme = paint.theme
    surface.fill(theme["surface"])
    panel(cert, surface.get_rect().inflate(-40, -40), theme["surface"], 20, theme["accent"], 8)
    flow = Flow(cert, 160, 100, 1280)
    flow.text("Three Cs", "title", "accent", True, "center")
    flow.text(_("Certificate"), "huge", "text", True, "center")
    flow.text(_("awarded to {name} for finishing").format(name=nickname), "large", "text", False, "center")
    flow.text(session.pack.title, "title", "text", True, "center")
    flow.text(_("Practised:"), "large", "muted", False, "center")
    for op in flow.ops:
        op.draw(cert, op.rect)
    y = flow.y
    practised = [cat for cat in session.pack_scores()]
    slot = 1280 // max(1, len(practised))
    for i, cat in enumerate(practised):
        cx = 160 + slot * i + slot // 2
        if type_.rtl:
            cx = 1600 - cx
        category_icon(cert, cat, (cx, y + 40), 80, theme.category(cat), theme["on_category"])
        box = pygame.Rect(cx - slot // 2, y + 90, slot, 120)
        type_.line(surface, labels.category(cat), "body", box, theme["text"], True, "center")
    today = format_date(date.today(), format="long", locale=locale_name())
    type_.line(surface, today, "body", pygame.Rect(160, 1010, 1280, 60), theme["muted"], False, "center")
    return surface
