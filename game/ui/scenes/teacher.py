"""The teacher screen: make an assignment code for a class, and open the latest class report.

Reached from the title by holding T for two seconds (so a learner does not
land here by accident); nothing is protected by a password, so none is stored.
"""

from __future__ import annotations

import webbrowser
from functools import partial
from pathlib import Path

import pygame

from game.i18n import _
from game.i18n.packs import translate_pack
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import card, column
from game.ui.widgets import Button, Paint, TextField


class TeacherScene(Scene):
    name = "teacher"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.label = TextField(_("Class"), self.make, key="class", placeholder="7B", max_length=12)
        self.results = TextField(_("Shared results folder (optional)"), self.make, key="results",
                                 placeholder=_("for example: S:/ICT/results/7B"), max_length=200)
        self.chosen: list[str] = []
        self.message: list[tuple[str, str, str, bool]] = []

    def title(self) -> str:
        return _("For teachers")

    def toggle(self, pack_id: str) -> None:
        if pack_id in self.chosen:
            self.chosen.remove(pack_id)
        else:
            self.chosen.append(pack_id)
        self.dirty_layout = True

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 900)
        flow.text(_("For teachers"), "title", "text", True)
        flow.text(_("Make an assignment: learners type its code on the first screen, in school or at home."),
                  "body", "muted")
        flow.button(self.label)
        flow.text(_("Packs to assign (in the order you choose them):"), "body", "text", True)
        packs = [translate_pack(p.pack) for p in self.app.library.packs]
        flow.row([Button(pack.title, partial(self.toggle, pack.id), "chip", selected=pack.id in self.chosen,
                         key=f"assign-{pack.id}") for pack in packs])
        flow.button(self.results)
        flow.button(Button(_("Make the assignment"), self.make, "primary", key="make"))
        if self.message:
            card(flow, self.message, accent="accent")
        flow.button(Button(_("Make and open the class report"), self.report, key="report"))
        flow.button(Button(_("Back"), self.app.pop, key="back"))
        return [flow]

    def make(self) -> None:
        from game.records.assignment import AssignmentError
        from game.records.teacher import make_assignment, publish

        try:
            assignment = make_assignment(self.label.value, self.chosen, self.app.library,
                                         results=self.results.value.strip() or None)
        except AssignmentError as error:
            self.message = [(str(error), "body", "unsafe", True)]
            self.dirty_layout = True
            return
        folder = self.app.data_dir / "assignments"
        folder.mkdir(parents=True, exist_ok=True)
        made = publish(assignment, folder / f"{assignment.class_label}.threecs-assignment.json", self.app.data_dir)
        self.message = [(_("Assignment code: {code}").format(code=made.code or "-"), "title", "text", True),
                        (_("Saved as {path}").format(path=made.path), "small", "muted", False)]
        if made.code_is_partial:
            self.message.append((_("Some packs travel only in the file: give learners the file."), "body",
                                 "text", False))
        self.dirty_layout = True

    def report(self) -> None:
        from game.records.teacher import make_report, report_sources

        sources = report_sources(self.app.data_dir)
        if not sources:
            self.message = [(_("No results on this computer yet."), "body", "text", True)]
        else:
            html = make_report(sources, self.app.data_dir, self.app.library)
            self.message = [(_("Report saved as {path}").format(path=html), "body", "text", True),
                            (_("A CSV file for spreadsheets is beside it."), "small", "muted", False)]
            open_file(html)
        self.dirty_layout = True


def open_file(path: Path) -> None:
    """Show a local file in the computer's browser (never a web address)."""
    try:
        webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        pass
