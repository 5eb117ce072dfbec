"""The pack picker: filter by C and by age; finished and in-progress packs marked; broken packs
listed with their problem, never hidden and never fatal."""

from __future__ import annotations

from functools import partial

import pygame

from game import labels
from game.i18n import _, ngettext
from game.i18n.packs import translate_pack
from game.packs import LoadedPack
from game.packs.model import AGE_BANDS, CATEGORIES
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import card, column
from game.ui.widgets import Button, Paint


class PickerScene(Scene):
    name = "picker"

    def __init__(self, app, class_mode: bool = False) -> None:
        super().__init__(app)
        self.class_mode = class_mode
        self.category = ""
        self.ages = ""

    def title(self) -> str:
        return _("Class mode: choose a pack") if self.class_mode else _("Choose a pack")

    def packs(self) -> list[LoadedPack]:
        found = [p for p in self.app.library.packs
                 if (not self.category or p.pack.category == self.category)
                 and (not self.ages or self.ages in p.pack.age_bands)]
        assigned = getattr(self.app, "assigned_ids", [])
        return sorted(found, key=lambda p: (p.pack.id not in assigned, assigned.index(p.pack.id)
                                            if p.pack.id in assigned else 0))

    def status(self, pack_id: str) -> str:
        store = self.app.store
        if store is None or self.class_mode:
            return ""
        return {"new": _("New"), "in-progress": _("In progress"), "finished": _("Finished")}[store.status(pack_id)]

    def set_filter(self, category: str | None = None, ages: str | None = None) -> None:
        if category is not None:
            self.category = category
        if ages is not None:
            self.ages = ages
        self.dirty_layout = True

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport)
        flow.text(self.title(), "title", "text", True)
        if self.app.store and not self.class_mode:
            flow.text(_("Playing as {name}.").format(name=self.app.store.nickname), "body", "muted")
        for notice in self.app.notices:
            flow.text(notice, "body", "text", True)
        flow.text(_("Which C?"), "body", "text", True)
        flow.row([Button(_("All"), lambda: self.set_filter(category=""), "chip", selected=not self.category,
                         key="cat-all")]
                 + [Button(labels.category(c), partial(self.set_filter, category=c), "chip",
                           selected=self.category == c, key=f"cat-{c}") for c in CATEGORIES])
        flow.text(_("Which ages?"), "body", "text", True)
        flow.row([Button(_("All"), lambda: self.set_filter(ages=""), "chip", selected=not self.ages, key="age-all")]
                 + [Button(labels.ages([a]), partial(self.set_filter, ages=a), "chip", selected=self.ages == a,
                           key=f"age-{a}") for a in AGE_BANDS])
        packs = self.packs()
        if not packs:
            flow.text(_("No packs match. Choose All to see every pack."), "body", "muted")
        for loaded in packs:
            pack = translate_pack(loaded.pack)
            status = self.status(pack.id)
            count = ngettext("{n} scenario", "{n} scenarios", len(pack.scenarios)).format(n=len(pack.scenarios))
            facts = [labels.category(pack.category), labels.ages(pack.age_bands), count]
            if pack.audience != "learners":
                facts.insert(0, labels.audience(pack.audience))
            if status:
                facts.append(status)
            if pack.id in getattr(self.app, "assigned_ids", []):
                facts.insert(0, _("Assigned"))
            flow.button(Button(pack.title, partial(self.open, loaded), "secondary",
                               note=" · ".join(facts) + "\n" + pack.summary, key=f"pack-{pack.id}",
                               category=pack.category))
        for broken in self.app.library.broken:
            shown = [(str(problem), "small", "text", False) for problem in broken.problems[:5]]
            if len(broken.problems) > 5:
                shown.append((_("and {n} more: run 'threecs validate' to see them all").format(
                    n=len(broken.problems) - 5), "small", "muted", False))
            card(flow, [(_("This pack has a problem and is left out:"), "body", "unsafe", True), *shown])
        flow.button(Button(_("Back"), self.app.pop, key="back"))
        return [flow]

    def open(self, loaded: LoadedPack) -> None:
        from game.ui.scenes.play import PlayScene

        if self.class_mode:
            from game.engine import Session

            self.app.push(PlayScene(self.app, loaded, Session(translate_pack(loaded.pack)), class_mode=True))
        else:
            self.app.push(PlayScene(self.app, loaded, self.app.session_for(loaded.pack.id)))

    def enter(self) -> None:
        if self.class_mode:  # the whiteboard: large text for the whole class mode
            self.app.class_mode = True
            self.app.configure()

    def exit(self) -> None:
        if self.class_mode:
            self.app.class_mode = False
            self.app.configure()

    def resume(self) -> None:
        super().resume()
