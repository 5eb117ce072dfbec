"""xAPI 1.0.3 statements for what happens in a play: one per choice, one per finished scenario and pack.

The learner is an account (a school's home page, or ``urn:threecs``, and the
nickname): never an email, never a real name. The class label, the device
and the assignment code go in the context's extensions. Activity ids are
IRIs built only from the ids authors wrote, so they stay the same when a
pack's text is edited or translated:

    urn:threecs:pack:<pack>
    urn:threecs:pack:<pack>:scenario:<scenario>
    urn:threecs:pack:<pack>:scenario:<scenario>:step:<step>
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from game.engine import ChoiceMade, PackCompleted, ScenarioCompleted, Score, total
from game.packs.model import CATEGORIES, Pack

XAPI_VERSION = "1.0.3"
DEFAULT_HOME_PAGE = "urn:threecs"
PLATFORM = "Three Cs"

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
MODULE = "http://adlnet.gov/expapi/activities/module"

EXT = "urn:threecs:ext:"
EXT_OUTCOME = EXT + "outcome"  # safe | mixed | unsafe
EXT_POINTS = EXT + "points"  # {category: points this choice earned}
EXT_AVAILABLE = EXT + "available"  # {category: most points the step offered}
EXT_SCORES = EXT + "scores"  # {category: {"earned", "available", "scaled"}}
EXT_SCENARIOS = EXT + "scenarios"  # how many scenarios the pack has (for completion)
EXT_CLASS = EXT + "class"
EXT_DEVICE = EXT + "device"
EXT_ASSIGNMENT = EXT + "assignment"


def pack_iri(pack_id: str) -> str:
    return f"urn:threecs:pack:{pack_id}"


def scenario_iri(pack_id: str, scenario_id: str) -> str:
    return f"{pack_iri(pack_id)}:scenario:{scenario_id}"


def step_iri(pack_id: str, scenario_id: str, step_id: str) -> str:
    return f"{scenario_iri(pack_id, scenario_id)}:step:{step_id}"


def parse_iri(iri: str) -> dict[str, str]:
    """The ids in one of our activity IRIs: {'pack': ..., 'scenario': ..., 'step': ...} (as many as it has)."""
    if not iri.startswith("urn:threecs:"):
        return {}
    parts = iri[len("urn:threecs:"):].split(":")
    return dict(zip(parts[0::2], parts[1::2], strict=False))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _lang_map(language: str, text: str) -> dict[str, str]:
    return {language: text}


def scores_extension(scores: dict[str, Score]) -> dict[str, dict[str, Any]]:
    return {cat: {"earned": s.earned, "available": s.available, "scaled": s.scaled}
            for cat, s in scores.items()}


def _score(scores: dict[str, Score]) -> dict[str, Any] | None:
    whole = total(scores)
    if not whole.available:
        return None
    return {"scaled": round(whole.earned / whole.available, 4), "raw": whole.earned, "min": 0,
            "max": whole.available}


class StatementMaker:
    """Builds statements for one learner; knows who, which class, which device and assignment."""

    def __init__(self, nickname: str, class_label: str | None = None, home_page: str | None = None,
                 device: str | None = None, assignment_code: str | None = None) -> None:
        self.actor = {"objectType": "Agent", "account": {"homePage": home_page or DEFAULT_HOME_PAGE,
                                                         "name": nickname}}
        self.extensions: dict[str, Any] = {}
        if class_label:
            self.extensions[EXT_CLASS] = class_label
        if device:
            self.extensions[EXT_DEVICE] = device
        if assignment_code:
            self.extensions[EXT_ASSIGNMENT] = assignment_code

    def _statement(self, verb: str, verb_word: str, activity: dict[str, Any], result: dict[str, Any],
                   language: str, parents: list[str]) -> dict[str, Any]:
        context: dict[str, Any] = {"platform": PLATFORM, "language": language}
        if parents:
            context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parents[0]}]}
            if len(parents) > 1:
                context["contextActivities"]["grouping"] = [{"objectType": "Activity", "id": p}
                                                            for p in parents[1:]]
        if self.extensions:
            context["extensions"] = dict(self.extensions)
        return {
            "id": str(uuid.uuid4()),
            "version": XAPI_VERSION,
            "timestamp": _now(),
            "actor": self.actor,
            "verb": {"id": verb, "display": {"en-US": verb_word}},
            "object": activity,
            "result": result,
            "context": context,
        }

    def answered(self, pack: Pack, event: ChoiceMade) -> dict[str, Any]:
        step = pack.scenario(event.scenario_id).step(event.step_id)
        lang = pack.language
        activity = {
            "objectType": "Activity",
            "id": step_iri(event.pack_id, event.scenario_id, event.step_id),
            "definition": {
                "type": INTERACTION,
                "name": _lang_map(lang, step.prompt),
                "interactionType": "choice",
                "choices": [{"id": c.id, "description": _lang_map(lang, c.text)} for c in step.choices],
                "correctResponsesPattern": [c.id for c in step.choices if c.outcome == "safe"],
            },
        }
        result = {
            "response": event.choice.id,
            "success": event.choice.outcome == "safe",
            "extensions": {EXT_OUTCOME: event.choice.outcome, EXT_POINTS: dict(event.points),
                           EXT_AVAILABLE: dict(event.available)},
        }
        return self._statement(ANSWERED, "answered", activity, result, lang,
                               [scenario_iri(event.pack_id, event.scenario_id), pack_iri(event.pack_id)])

    def scenario_completed(self, pack: Pack, event: ScenarioCompleted,
                           seconds: float | None = None) -> dict[str, Any]:
        """``seconds``: how long the learner spent on the scenario, as result.duration (ISO 8601)."""
        scenario = pack.scenario(event.scenario_id)
        activity = {"objectType": "Activity", "id": scenario_iri(event.pack_id, event.scenario_id),
                    "definition": {"type": SIMULATION, "name": _lang_map(pack.language, scenario.title)}}
        result = self._completion(event.scores)
        if seconds is not None:
            result["duration"] = f"PT{max(0.0, seconds):.1f}S"
        return self._statement(COMPLETED, "completed", activity, result, pack.language, [pack_iri(event.pack_id)])

    def pack_completed(self, pack: Pack, event: PackCompleted) -> dict[str, Any]:
        activity = {"objectType": "Activity", "id": pack_iri(event.pack_id),
                    "definition": {"type": MODULE, "name": _lang_map(pack.language, pack.title)}}
        result = self._completion(event.scores)
        result["extensions"][EXT_SCENARIOS] = len(pack.scenarios)
        return self._statement(COMPLETED, "completed", activity, result, pack.language, [])

    @staticmethod
    def _completion(scores: dict[str, Score]) -> dict[str, Any]:
        ordered = {cat: scores[cat] for cat in CATEGORIES if cat in scores}
        result: dict[str, Any] = {"completion": True, "extensions": {EXT_SCORES: scores_extension(ordered)}}
        score = _score(ordered)
        if score:
            result["score"] = score
        return result
