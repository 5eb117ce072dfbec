"""The terminal player: a whole way to play for screen-reader users, and for tests.

Reads one number per line. A line that is not a number in range is asked
again. At end of input the progress is already saved (after every choice),
so the player says so and ends with status 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from game import labels
from game.engine import Phase, Session
from game.help import HelpDirectory
from game.i18n import _, ngettext
from game.i18n.packs import translate_pack
from game.packs import Library, LoadedPack
from game.records.progress import ProgressStore
from game.records.recorder import Recorder
from game.text.render import choice_lines, feedback_lines, help_lines, score_lines, screen_lines, wrap


class EndOfInput(Exception):
    pass


@dataclass
class TextPlayer:
    library: Library
    directory: HelpDirectory
    store: ProgressStore
    stdin: TextIO
    stdout: TextIO
    recorder: Recorder | None = None  # keeps results as xAPI statements; listens to each session
    assigned: list[str] = field(default_factory=list)  # pack ids a teacher assigned: listed first, marked

    def say(self, *lines: str) -> None:
        for line in lines:
            self.stdout.write(line + "\n")
        self.stdout.flush()

    def ask(self, count: int, allow_zero: bool = False) -> int:
        low = 0 if allow_zero else 1
        question = _("Type a number from {low} to {high} and press Enter (or h for help):").format(
            low=low, high=count)
        while True:
            self.say(question)
            line = self.stdin.readline()
            if not line:
                raise EndOfInput
            answer = line.strip()
            if answer.isdigit() and low <= int(answer) <= count:
                return int(answer)
            if answer.lower() in ("h", "?", _("h")):
                self.say("", *help_lines([s.id for s in self.directory.all_services()], self.directory), "")
                continue
            self.say(_("'{answer}' is not one of the numbers.").format(answer=answer))

    # --- the whole run -------------------------------------------------------
    def run(self, chosen: list[LoadedPack]) -> int:
        self.say(_("Three Cs: staying safe online"), _("Playing as {name}.").format(name=self.store.nickname))
        for notice in self.store.notices:
            self.say(*wrap(notice))
        for broken in self.library.broken:
            self.say(_("Left out, because it has a problem: {problem}").format(problem=broken.first))
        try:
            if chosen:
                for loaded in chosen:
                    self.play_pack(loaded)
            else:
                self.menu()
        except EndOfInput:
            self.say("", _("Your progress is saved. See you next time!"))
        return 0

    def menu(self) -> None:
        while True:
            packs = self.library.packs
            if not packs:
                self.say(_("There are no packs to play."))
                return
            self.say("", _("Choose a pack:"))
            for number, loaded in enumerate(packs, 1):
                pack = translate_pack(loaded.pack)
                status = {"new": "", "in-progress": _(" (in progress)"), "finished": _(" (finished)")}[
                    self.store.status(pack.id)]
                if pack.id in self.assigned:
                    status += _(" (assigned)")
                self.say(f"  {number}. {pack.title}: {labels.category(pack.category)}, "
                         f"{labels.ages(pack.age_bands)}{status}")
            self.say("  0. " + _("Quit"))
            number = self.ask(len(packs), allow_zero=True)
            if number == 0:
                self.say(_("Goodbye!"))
                return
            self.play_pack(packs[number - 1])

    # --- one pack ------------------------------------------------------------
    def play_pack(self, loaded: LoadedPack) -> None:
        session = self.store.session_for(loaded.pack)
        pack = session.pack  # in the learner's language
        if self.recorder is not None:
            self.recorder.attach(session)
        count = len(pack.scenarios)
        self.say("", "=" * 40, pack.title,
                 f"{labels.category(pack.category)}, {labels.ages(pack.age_bands)}. " +
                 ngettext("{n} scenario.", "{n} scenarios.", count).format(n=count))
        self.say(*wrap(pack.summary))
        if pack.content_note:
            self.say(*wrap(_("Content note: {note}").format(note=pack.content_note)))
        if session.finished or session.attempts.get(session.scenario_id):
            self.say(_("Carrying on from where you left off."))
        shown_scenario = ""
        while True:
            phase = session.phase
            if phase is Phase.STEP:
                if session.scenario_id != shown_scenario:
                    shown_scenario = session.scenario_id
                    self.scenario_header(session)
                self.play_step(session)
            elif phase is Phase.FEEDBACK:
                assert session.last_feedback is not None
                self.say("", *feedback_lines(session.last_feedback, self.directory))
                session.proceed()
                self.store.save(session)
            elif phase is Phase.SCENARIO_END:
                self.say("", _("End of scenario: {title}").format(title=session.scenario.title))
                self.say(_("Your scores for this scenario:"), *score_lines(session.scenario_scores()))
                self.say(*help_lines(session.scenario_help(), self.directory))
                session.proceed()
                self.store.save(session)
            else:
                self.pack_summary(session)
                return

    def scenario_header(self, session: Session) -> None:
        scenario = session.scenario
        self.say("", "== " + _("Scenario {n} of {count}: {title}").format(
            n=session.scenario_number, count=len(session.pack.scenarios), title=scenario.title) + " ==")
        if scenario.content_note:
            self.say(*wrap(_("Content note: {note}").format(note=scenario.content_note)))

    def play_step(self, session: Session) -> None:
        step = session.step
        self.say("", *screen_lines(step.screen))
        choices = session.choices
        self.say("", *choice_lines(step.prompt, choices))
        number = self.ask(len(choices))
        self.say(_("You chose {number}: {text}").format(number=number, text=choices[number - 1].text))
        session.choose(choices[number - 1].id)
        self.store.save(session)
        if self.recorder is not None and self.recorder.notices:
            self.say(*[line for notice in self.recorder.notices for line in wrap(notice)])
            self.recorder.notices.clear()

    def pack_summary(self, session: Session) -> None:
        self.say("", "=" * 40, _("You finished the pack: {title}").format(title=session.pack.title))
        self.say(_("Your scores for the whole pack:"), *score_lines(session.pack_scores()))
        self.say(*help_lines(session.pack_help(), self.directory))
