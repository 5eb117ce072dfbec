"""One play of one pack: the pure state machine every front end drives.

No I/O and no Pygame here. A front end asks for the current step and its
choices, calls :meth:`Session.choose`, shows the returned feedback, then calls
:meth:`Session.proceed`. Scores are never stored: they are derived from the
choices made, so a snapshot is just ids and cannot disagree with itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from game.packs.model import CATEGORIES, Choice, Pack, Scenario, Step, choice_points

SNAPSHOT_VERSION = 1


class Phase(str, Enum):
    STEP = "step"  # a step is on screen, waiting for a choice
    FEEDBACK = "feedback"  # the feedback for the last choice is on screen
    SCENARIO_END = "scenario_end"  # a scenario has finished: its scores and help
    PACK_END = "pack_end"  # every scenario is finished


class SessionError(Exception):
    """A front end asked for something the current phase does not allow."""


class SnapshotError(Exception):
    """A saved snapshot cannot be restored (unknown version or another pack)."""


@dataclass(frozen=True)
class Score:
    earned: int
    available: int

    @property
    def scaled(self) -> float | None:
        """0..1, or None where nothing in this category was on offer."""
        return self.earned / self.available if self.available else None

    def __add__(self, other: Score) -> Score:
        return Score(self.earned + other.earned, self.available + other.available)


@dataclass(frozen=True)
class Feedback:
    scenario_id: str
    step_id: str
    choice_id: str
    outcome: str
    text: str
    help: tuple[str, ...]
    points: dict[str, int]
    next_step: str | None


# Events a recorder can listen to.
@dataclass(frozen=True)
class ScenarioStarted:
    pack_id: str
    scenario_id: str


@dataclass(frozen=True)
class ChoiceMade:
    pack_id: str
    scenario_id: str
    step_id: str
    choice: Choice
    points: dict[str, int]
    available: dict[str, int]


@dataclass(frozen=True)
class ScenarioCompleted:
    pack_id: str
    scenario_id: str
    scores: dict[str, Score]


@dataclass(frozen=True)
class PackCompleted:
    pack_id: str
    scores: dict[str, Score]


Event = ScenarioStarted | ChoiceMade | ScenarioCompleted | PackCompleted
Listener = Callable[[Event], None]


def step_available(step: Step, category: str) -> dict[str, int]:
    """Most points any choice of the step gives, per category (PACK-FORMAT.md 'Meaning')."""
    best: dict[str, int] = {}
    for choice in step.choices:
        for cat, value in choice_points(choice, category).items():
            best[cat] = max(best.get(cat, 0), value)
    return {cat: value for cat, value in best.items() if value > 0}


def total(scores: dict[str, Score]) -> Score:
    result = Score(0, 0)
    for score in scores.values():
        result = result + score
    return result


@dataclass
class Session:
    pack: Pack
    phase: Phase = Phase.STEP
    scenario_id: str = ""
    step_id: str = ""
    finished: list[str] = field(default_factory=list)
    attempts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    last_feedback: Feedback | None = None
    _listeners: list[Listener] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.scenario_id:
            first = self.pack.scenarios[0]
            self.scenario_id, self.step_id = first.id, first.steps[0].id
            self.attempts.setdefault(first.id, [])

    # --- what is on screen -------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.pack.scenario(self.scenario_id)

    @property
    def step(self) -> Step:
        return self.scenario.step(self.step_id)

    @property
    def choices(self) -> list[Choice]:
        return list(self.step.choices) if self.phase is Phase.STEP else []

    @property
    def scenario_number(self) -> int:
        return [s.id for s in self.pack.scenarios].index(self.scenario_id) + 1

    @property
    def pack_finished(self) -> bool:
        return all(s.id in self.finished for s in self.pack.scenarios)

    # --- listeners -----------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # --- playing -------------------------------------------------------------
    def start(self, scenario_id: str | None = None) -> None:
        """(Re)start a scenario from its first step; default: the current one."""
        scenario = self.pack.scenario(scenario_id or self.scenario_id)
        self.scenario_id, self.step_id = scenario.id, scenario.steps[0].id
        self.attempts[scenario.id] = []
        self.phase, self.last_feedback = Phase.STEP, None
        self._emit(ScenarioStarted(self.pack.id, scenario.id))

    def restart_pack(self) -> None:
        self.finished.clear()
        self.attempts.clear()
        self.start(self.pack.scenarios[0].id)

    def choose(self, choice_id: str) -> Feedback:
        if self.phase is not Phase.STEP:
            raise SessionError(f"cannot choose during {self.phase.value}")
        step = self.step
        choice = next((c for c in step.choices if c.id == choice_id), None)
        if choice is None:
            raise SessionError(f"step {step.id!r} has no choice {choice_id!r}")
        self.attempts.setdefault(self.scenario_id, []).append((step.id, choice.id))
        points = choice_points(choice, self.pack.category)
        feedback = Feedback(
            self.scenario_id, step.id, choice.id, choice.outcome, choice.feedback,
            tuple(choice.help), points, choice.next,
        )
        self.phase, self.last_feedback = Phase.FEEDBACK, feedback
        self._emit(ChoiceMade(self.pack.id, self.scenario_id, step.id, choice, points,
                              step_available(step, self.pack.category)))
        return feedback

    def proceed(self) -> Phase:
        """From feedback to the next step or the scenario's end; from there to the next scenario."""
        if self.phase is Phase.FEEDBACK:
            assert self.last_feedback is not None
            if self.last_feedback.next_step:
                self.step_id, self.phase = self.last_feedback.next_step, Phase.STEP
            else:
                self.phase = Phase.SCENARIO_END
                if self.scenario_id not in self.finished:
                    self.finished.append(self.scenario_id)
                self._emit(ScenarioCompleted(self.pack.id, self.scenario_id, self.scenario_scores()))
        elif self.phase is Phase.SCENARIO_END:
            upcoming = self.next_scenario()
            if upcoming is None:
                self.phase = Phase.PACK_END
                self._emit(PackCompleted(self.pack.id, self.pack_scores()))
            else:
                self.start(upcoming)
        elif self.phase is Phase.STEP:
            raise SessionError("choose before proceeding")
        return self.phase

    def next_scenario(self) -> str | None:
        """The first unfinished scenario after the current one, else any unfinished one."""
        ids = [s.id for s in self.pack.scenarios]
        here = ids.index(self.scenario_id)
        for scenario_id in ids[here + 1:] + ids[:here]:
            if scenario_id not in self.finished:
                return scenario_id
        return None

    # --- scores --------------------------------------------------------------
    def scenario_scores(self, scenario_id: str | None = None) -> dict[str, Score]:
        scenario = self.pack.scenario(scenario_id or self.scenario_id)
        earned: dict[str, int] = {}
        available: dict[str, int] = {}
        for step_id, choice_id in self.attempts.get(scenario.id, []):
            step = scenario.step(step_id)
            choice = next(c for c in step.choices if c.id == choice_id)
            for cat, value in step_available(step, self.pack.category).items():
                available[cat] = available.get(cat, 0) + value
            for cat, value in choice_points(choice, self.pack.category).items():
                earned[cat] = earned.get(cat, 0) + value
        return {cat: Score(min(earned.get(cat, 0), available[cat]), available[cat])
                for cat in CATEGORIES if cat in available}

    def pack_scores(self) -> dict[str, Score]:
        result: dict[str, Score] = {}
        for scenario_id in self.finished:
            for cat, score in self.scenario_scores(scenario_id).items():
                result[cat] = result.get(cat, Score(0, 0)) + score
        return {cat: result[cat] for cat in CATEGORIES if cat in result}

    def scenario_help(self, scenario_id: str | None = None) -> list[str]:
        """Help ids that fit what this scenario was about: the scenario's, then its chosen answers'."""
        scenario = self.pack.scenario(scenario_id or self.scenario_id)
        ids = list(scenario.help)
        for step_id, choice_id in self.attempts.get(scenario.id, []):
            choice = next(c for c in scenario.step(step_id).choices if c.id == choice_id)
            ids.extend(h for h in choice.help if h not in ids)
        return ids

    def pack_help(self) -> list[str]:
        ids: list[str] = []
        for scenario in self.pack.scenarios:
            ids.extend(h for h in self.scenario_help(scenario.id) if h not in ids)
        return ids

    # --- saving --------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        return {
            "version": SNAPSHOT_VERSION,
            "pack": self.pack.id,
            "phase": self.phase.value,
            "scenario": self.scenario_id,
            "step": self.step_id,
            "finished": list(self.finished),
            "attempts": {sid: [list(pair) for pair in pairs] for sid, pairs in self.attempts.items()},
        }

    @classmethod
    def restore(cls, pack: Pack, snapshot: dict[str, Any]) -> Session:
        """Rebuild a session; choices that no longer exist in an edited pack are dropped."""
        version = snapshot.get("version")
        if not isinstance(version, int) or version > SNAPSHOT_VERSION or version < 1:
            raise SnapshotError(f"unknown snapshot version {version!r}")
        if snapshot.get("pack") != pack.id:
            raise SnapshotError(f"snapshot is for pack {snapshot.get('pack')!r}, not {pack.id!r}")
        scenarios = {s.id: s for s in pack.scenarios}
        attempts: dict[str, list[tuple[str, str]]] = {}
        for sid, pairs in dict(snapshot.get("attempts") or {}).items():
            scenario = scenarios.get(sid)
            if scenario is None:
                continue
            kept = []
            for pair in pairs:
                step_id, choice_id = pair
                steps = {s.id: s for s in scenario.steps}
                if step_id in steps and any(c.id == choice_id for c in steps[step_id].choices):
                    kept.append((step_id, choice_id))
            attempts[sid] = kept
        finished = [sid for sid in snapshot.get("finished") or [] if sid in scenarios]
        session = cls(pack, finished=finished, attempts=attempts)
        scenario_id, step_id = snapshot.get("scenario"), snapshot.get("step")
        try:
            phase = Phase(snapshot.get("phase"))
        except ValueError:
            phase = Phase.STEP
        if scenario_id in scenarios and any(s.id == step_id for s in scenarios[scenario_id].steps):
            session.scenario_id, session.step_id, session.phase = str(scenario_id), str(step_id), phase
            if phase is Phase.FEEDBACK:
                # The feedback was on screen: show it again from the last choice made.
                pairs = attempts.get(session.scenario_id) or []
                if pairs and pairs[-1][0] == session.step_id:
                    choice = next(c for c in session.step.choices if c.id == pairs[-1][1])
                    session.last_feedback = Feedback(
                        session.scenario_id, session.step_id, choice.id, choice.outcome, choice.feedback,
                        tuple(choice.help), choice_points(choice, pack.category), choice.next)
                else:
                    session.phase = Phase.STEP
        elif scenario_id in scenarios:
            session.scenario_id, session.step_id = str(scenario_id), scenarios[scenario_id].steps[0].id
            session.attempts[session.scenario_id] = []
        if session.phase is Phase.PACK_END and not session.pack_finished:
            session.phase = Phase.SCENARIO_END
        return session
