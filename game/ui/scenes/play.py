"""Playing a pack: the mock app and the choices, then feedback, then the scenario's end.

The scene only presents: the engine decides what comes next and what scores
are; progress is saved after every choice and every step forward.
"""

from __future__ import annotations

from functools import partial

import pygame

from game import labels
from game.engine import Phase, Session
from game.i18n import _
from game.packs import LoadedPack, Problem, load_pack
from game.packs.validate import BrokenPack
from game.ui.input import Act, Action
from game.ui.mockapps import draw_device, measure_device
from game.ui.scene import Flow, Scene
from game.ui.scenes.common import card, column, school_card, score_bars, service_card
from game.ui.widgets import Button, Paint, outcome_icon


class PlayScene(Scene):
    name = "play"

    def __init__(self, app, loaded: LoadedPack, session: Session, class_mode: bool = False,
                 watch: bool = False) -> None:
        super().__init__(app)
        self.loaded = loaded
        self.session = session
        self.class_mode = class_mode
        self.watch = watch
        self.noted: set[str] = set()  # scenarios whose content note has been read
        self.problems: list[Problem] = []
        self.mtime = self._mtime()
        if not class_mode and app.recorder is not None:  # results as xAPI statements
            app.recorder.attach(session)
        self.localise()

    # --- what is on screen ---------------------------------------------------
    def title(self) -> str:
        return self.session.pack.title

    def help_ids(self) -> list[str]:
        ids = list(self.session.scenario.help)
        feedback = self.session.last_feedback
        if feedback is not None:
            ids = [*feedback.help, *(i for i in ids if i not in feedback.help)]
        return ids

    def showing_note(self) -> bool:
        scenario = self.session.scenario
        return (bool(scenario.content_note) and scenario.id not in self.noted and self.session.phase is Phase.STEP
                and self.session.step_id == scenario.steps[0].id)

    def build(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        if self.problems:
            return self.build_problems(paint, viewport)
        phase = self.session.phase
        if self.showing_note():
            return self.build_note(paint, viewport)
        if phase is Phase.STEP:
            return self.build_step(paint, viewport)
        if phase is Phase.FEEDBACK:
            return self.build_feedback(paint, viewport)
        return self.build_end(paint, viewport)

    def heading(self, flow: Flow) -> None:
        scenario = self.session.scenario
        count = len(self.session.pack.scenarios)
        flow.text(_("Scenario {n} of {count}: {title}").format(n=self.session.scenario_number, count=count,
                                                                title=scenario.title), "large", "text", True)

    def build_note(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 800)
        self.heading(flow)
        card(flow, [(_("Content note"), "large", "text", True),
                    (self.session.scenario.content_note or "", "body", "text", False),
                    (_("You can stop at any time, and talk to someone you trust."), "body", "muted", False)],
             accent="mixed")

        def carry_on() -> None:
            self.noted.add(self.session.scenario_id)
            self.dirty_layout = True
            self.hide_focus_on_choices()

        flow.button(Button(_("Continue"), carry_on, "primary", key="continue"))
        flow.button(Button(_("Choose another pack"), self.app.pop, key="back"))
        return [flow]

    def build_step(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        step = self.session.step
        margin = paint.px(28)
        wide = viewport.width >= paint.px(960) and paint.type.scale / paint.scale <= 1.5
        if wide:
            device_w = min(paint.px(460), int((viewport.width - 3 * margin) * 0.42))
            left = Flow(paint, viewport.left + margin, viewport.top + paint.px(20), device_w)
            right = Flow(paint, left.left + device_w + margin, viewport.top + paint.px(20),
                         viewport.width - device_w - 3 * margin)
            if paint.type.rtl:
                right.left, left.left = viewport.left + margin, viewport.right - margin - device_w
            flows, side = [left, right], right
        else:
            flow = column(paint, viewport, 720)
            flows, side, left = [flow], flow, flow
        if not wide:
            self.heading(side)
        device_w = left.width if wide else min(left.width, paint.px(520))
        height, parts = measure_device(paint, step.screen, self.loaded.folder, device_w)
        screen = step.screen
        left.add(height, lambda p, r: draw_device(p, screen, parts, r), width=device_w,
                 indent=0 if wide else (left.width - device_w) // 2)
        if wide:
            self.heading(side)
        side.text(step.prompt, "large", "text", True)
        for number, choice in enumerate(self.session.choices, 1):
            side.button(Button(choice.text, partial(self.choose, choice.id), "choice", number=number,
                               key=f"choice-{choice.id}"))
        if self.class_mode and self.session.scenario.discuss and step.id == self.session.scenario.steps[0].id:
            side.text(_("Talk about it"), "body", "text", True)
            for question in self.session.scenario.discuss:
                side.text(f"- {question}", "body", "text")
        return flows

    def build_feedback(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        feedback = self.session.last_feedback
        assert feedback is not None
        flow = column(paint, viewport, 860)
        self.heading(flow)
        icon = paint.px(56)
        word = labels.outcome(feedback.outcome)
        block = paint.type.wrap(word, "title", flow.width - icon - paint.px(20), True)

        def draw_outcome(p: Paint, rect: pygame.Rect) -> None:
            cx = rect.right - icon // 2 if p.type.rtl else rect.left + icon // 2
            outcome_icon(p, feedback.outcome, (cx, rect.top + icon // 2), icon)
            box = pygame.Rect(rect.left + icon + p.px(20), rect.top + max(0, (icon - block.height) // 2),
                              rect.width - icon - p.px(20), block.height)
            if p.type.rtl:
                box.left = rect.left
            p.type.draw(p.surface, block, box, p.theme[feedback.outcome])

        flow.add(max(icon, block.height), draw_outcome)
        chosen = next(c for c in self.session.scenario.step(feedback.step_id).choices if c.id == feedback.choice_id)
        flow.text(_("You chose: {text}").format(text=chosen.text), "body", "muted")
        flow.text(feedback.text, "large", "text")
        services = self.app.directory.services_for(feedback.help)
        if services or "school" in feedback.help:
            flow.text(_("Who can help with this:"), "body", "text", True)
            if "school" in feedback.help:
                school_card(flow, self.app.directory)
            for service in services:
                service_card(flow, service)
        flow.button(Button(_("Continue"), self.proceed, "primary", key="continue"))
        return [flow]

    def build_end(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport, 860)
        scenario = self.session.scenario
        flow.text(_("End of scenario: {title}").format(title=scenario.title), "title", "text", True)
        if not self.class_mode:
            scores = self.session.scenario_scores()
            if scores:
                flow.text(_("Your scores"), "large", "text", True)
                score_bars(flow, scores)
        if scenario.discuss:
            flow.text(_("Talk about it"), "large", "text", True)
            for question in scenario.discuss:
                flow.text(f"- {question}", "body", "text")
        flow.text(_("Where to get help"), "large", "text", True)
        school_card(flow, self.app.directory)
        for service in self.app.directory.services_for(self.session.scenario_help()):
            service_card(flow, service)
        last = self.session.next_scenario() is None
        flow.button(Button(_("See how you did") if last else _("Next scenario"), self.proceed, "primary",
                           key="continue"))
        flow.button(Button(_("Back to the packs"), self.app.pop, key="back"))
        return [flow]

    def build_problems(self, paint: Paint, viewport: pygame.Rect) -> list[Flow]:
        flow = column(paint, viewport)
        flow.text(_("This pack has problems. Fix them and save the file: it reloads by itself."), "large",
                  "unsafe", True)
        for problem in self.problems[:30]:
            flow.text(str(problem), "body", "text")
        flow.button(Button(_("Back"), self.app.pop, key="back"))
        return [flow]

    def resume(self) -> None:
        """Back from settings or help: if the language changed, the same play in the new language."""
        super().resume()
        self.localise()

    def localise(self) -> None:
        """Play in the current language (the same ids, so nothing about the play changes)."""
        from game.i18n.packs import translate_pack

        pack = translate_pack(self.loaded.pack)
        if pack is not self.session.pack:
            listeners = list(self.session._listeners)
            feedback = self.session.last_feedback
            self.session = Session.restore(pack, self.session.snapshot())
            if feedback is not None and self.session.last_feedback is None and self.session.phase is Phase.FEEDBACK:
                self.session.last_feedback = feedback
            for listener in listeners:
                self.session.subscribe(listener)

    # --- playing -------------------------------------------------------------
    def choose(self, choice_id: str) -> None:
        feedback = self.session.choose(choice_id)
        self.app.sound(feedback.outcome)
        self.saved()
        self.focus, self.scroll = 0, 0
        self.dirty_layout = True
        self.app.changed_screen()

    def proceed(self) -> None:
        from game.ui.scenes.summary import SummaryScene

        phase = self.session.proceed()
        self.saved()
        self.focus, self.scroll = 0, 0
        self.dirty_layout = True
        if phase is Phase.PACK_END:
            self.app.replace(SummaryScene(self.app, self.loaded, self.session, self.class_mode))
        else:
            self.app.changed_screen()
            self.hide_focus_on_choices()

    def saved(self) -> None:
        if not self.class_mode and self.app.store is not None:
            self.app.store.save(self.session)

    def hide_focus_on_choices(self) -> None:
        """No answer looks chosen or recommended when a step opens: focus shows at the first key press."""
        if self.session.phase is Phase.STEP and not self.showing_note():
            self.app.show_focus = False

    def enter(self) -> None:
        self.hide_focus_on_choices()

    def handle(self, action: Action) -> bool:
        if (action.act is Act.ACTIVATE and not self.app.show_focus and self.session.phase is Phase.STEP
                and not self.showing_note()):
            self.app.show_focus = True  # Enter first shows which answer has focus; a second Enter chooses it
            self.app.invalidate()
            return True
        if action.act is Act.NUMBER and self.session.phase is Phase.STEP and not self.showing_note():
            choices = self.session.choices
            if 1 <= action.number <= len(choices):
                self.app.sound("click")
                self.choose(choices[action.number - 1].id)
                return True
        return super().handle(action)

    def speech(self) -> str:
        session = self.session
        if session.phase is Phase.STEP and not self.showing_note():
            step = session.step
            said = [m.text for m in step.screen.messages] + [step.prompt]
            said += [f"{n}. {c.text}" for n, c in enumerate(session.choices, 1)]
            return " ".join(said)
        if session.phase is Phase.FEEDBACK and session.last_feedback:
            return f"{labels.outcome(session.last_feedback.outcome)}. {session.last_feedback.text}"
        return super().speech()

    # --- preview for pack authors -------------------------------------------
    def _mtime(self) -> float:
        try:
            return self.loaded.path.stat().st_mtime
        except OSError:
            return 0.0

    def check_reload(self) -> None:
        if not self.watch:
            return
        mtime = self._mtime()
        if mtime == self.mtime:
            return
        self.mtime = mtime
        result = load_pack(self.loaded.folder or self.loaded.path, self.app.directory.known_ids())
        if isinstance(result, BrokenPack):
            self.problems = result.problems
        else:
            scenario_id = self.session.scenario_id
            self.problems, self.loaded = [], result
            self.session = Session(result.pack)
            if any(s.id == scenario_id for s in result.pack.scenarios):
                self.session.start(scenario_id)
        self.focus, self.scroll = 0, 0
        self.dirty_layout = True
        self.app.invalidate()


def start_pack(app, loaded: LoadedPack, watch: bool = False) -> None:
    """Straight to a pack from the command line (``--pack``), for learners and pack authors."""
    from game.ui.scenes.who import WhoScene

    app.assigned_ids = [loaded.pack.id]
    name = app.preset_name or (_("Preview") if watch else None)
    if not name:
        app.push(WhoScene(app))
        return
    app.sign_in(name)
    app.push(PlayScene(app, loaded, app.store.session_for(loaded.pack), watch=watch))
