"""The class report: what results files say, per class and per learner.

Reads statements (results.read_statements skips and counts damaged lines),
and sums them up: per-C mastery from each learner's latest attempt at each
scenario, completion of scenarios and packs, and the risky choices most
often made, with their words looked up in the packs by id (what to teach
next). Rendering (HTML, CSV) lives in report_output.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.packs import Library
from game.packs.model import CATEGORIES, Pack
from game.records.results import ReadStats, read_statements
from game.records.xapi import (
    ANSWERED,
    COMPLETED,
    EXT_CLASS,
    EXT_OUTCOME,
    EXT_SCENARIOS,
    EXT_SCORES,
    parse_iri,
)

TOP_RISKY = 10


@dataclass
class Mastery:
    earned: int = 0
    available: int = 0

    @property
    def scaled(self) -> float | None:
        return self.earned / self.available if self.available else None


@dataclass
class Learner:
    nickname: str
    class_label: str
    last_seen: str = ""
    answered: int = 0
    risky: int = 0
    # (pack, scenario) -> (timestamp, {category: (earned, available)}) of the latest completed attempt
    scenarios: dict[tuple[str, str], tuple[str, dict[str, tuple[int, int]]]] = field(default_factory=dict)
    packs_started: set[str] = field(default_factory=set)
    packs_finished: set[str] = field(default_factory=set)
    risky_choices: set[tuple[str, str, str, str]] = field(default_factory=set)

    def completion(self, counts: dict[str, int]) -> tuple[int, int | None]:
        """Scenarios finished, and how many the packs they started have (None if a pack is unknown)."""
        done = len(self.scenarios)
        if any(pack not in counts for pack in self.packs_started):
            return done, None
        return done, max(done, sum(counts[pack] for pack in self.packs_started))

    def mastery(self) -> dict[str, Mastery]:
        result = {cat: Mastery() for cat in CATEGORIES}
        for _stamp, scores in self.scenarios.values():
            for cat, (earned, available) in scores.items():
                if cat in result:
                    result[cat].earned += earned
                    result[cat].available += available
        return result


@dataclass
class RiskyChoice:
    pack: str
    scenario: str
    step: str
    choice: str
    learners: int
    times: int
    text: str  # the choice's words, from the pack (or, failing that, from the statement)
    prompt: str = ""
    scenario_title: str = ""
    pack_title: str = ""
    safer: list[str] = field(default_factory=list)  # the safe choices in the same step: what to teach


@dataclass
class PackProgress:
    pack: str
    title: str
    scenarios: int | None
    started: int = 0
    finished: int = 0


@dataclass
class ClassReport:
    label: str
    learners: list[Learner]
    mastery: dict[str, float | None]  # mean of the learners' mastery, per C
    risky: list[RiskyChoice]
    packs: list[PackProgress]


@dataclass
class Report:
    classes: list[ClassReport]
    stats: ReadStats
    sources: list[str]
    scenario_counts: dict[str, int]
    statements: int = 0

    @property
    def empty(self) -> bool:
        return not self.classes


@dataclass
class _Tally:
    learners: dict[tuple[str, str], Learner] = field(default_factory=dict)
    risky_times: Counter[tuple[str, str, str, str, str]] = field(default_factory=Counter)
    choice_words: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    scenario_counts: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


def _ext(part: Any, key: str) -> Any:
    if isinstance(part, dict):
        extensions = part.get("extensions")
        if isinstance(extensions, dict):
            return extensions.get(key)
    return None


def _tally(statements: Iterable[dict[str, Any]], tally: _Tally) -> int:
    count = 0
    learners = tally.learners
    for statement in statements:
        verb = statement["verb"]["id"]
        if verb != ANSWERED and verb != COMPLETED:
            continue
        ids = parse_iri(statement["object"]["id"])
        pack = ids.get("pack")
        if not pack:
            continue
        count += 1
        nickname = statement["actor"]["account"]["name"]
        label = _ext(statement.get("context"), EXT_CLASS)
        label = label if isinstance(label, str) else ""
        key = (label, nickname.casefold())
        learner = learners.get(key)
        if learner is None:
            learner = learners[key] = Learner(nickname, label)
        stamp = statement.get("timestamp")
        stamp = stamp if isinstance(stamp, str) else ""
        if stamp > learner.last_seen:
            learner.last_seen = stamp
        learner.packs_started.add(pack)
        result = statement.get("result")
        result = result if isinstance(result, dict) else {}
        if verb == ANSWERED:
            learner.answered += 1
            if _ext(result, EXT_OUTCOME) == "unsafe" and "step" in ids:
                choice = result.get("response")
                if isinstance(choice, str):
                    where = (pack, ids.get("scenario", ""), ids["step"], choice)
                    learner.risky += 1
                    learner.risky_choices.add(where)
                    tally.risky_times[(label,) + where] += 1
                    if where not in tally.choice_words:
                        tally.choice_words[where] = _words_from_statement(statement, choice)
        elif "scenario" in ids:
            scores = _ext(result, EXT_SCORES)
            parsed: dict[str, tuple[int, int]] = {}
            if isinstance(scores, dict):
                for cat, value in scores.items():
                    if isinstance(value, dict) and isinstance(value.get("earned"), int) \
                            and isinstance(value.get("available"), int):
                        parsed[cat] = (value["earned"], value["available"])
            where2 = (pack, ids["scenario"])
            before = learner.scenarios.get(where2)
            if before is None or stamp >= before[0]:
                learner.scenarios[where2] = (stamp, parsed)
        else:
            learner.packs_finished.add(pack)
            count_ext = _ext(result, EXT_SCENARIOS)
            if isinstance(count_ext, int) and pack not in tally.scenario_counts:
                tally.scenario_counts[pack] = count_ext
            name = statement["object"].get("definition", {}).get("name") \
                if isinstance(statement["object"].get("definition"), dict) else None
            if isinstance(name, dict) and name and pack not in tally.titles:
                tally.titles[pack] = str(next(iter(name.values())))
    return count


def _words_from_statement(statement: dict[str, Any], choice: str) -> str:
    definition = statement["object"].get("definition")
    if isinstance(definition, dict):
        for item in definition.get("choices") or []:
            if isinstance(item, dict) and item.get("id") == choice and isinstance(item.get("description"), dict):
                return str(next(iter(item["description"].values()), choice))
    return choice


def _risky(label: str, tally: _Tally, learners: list[Learner], packs: dict[str, Pack]) -> list[RiskyChoice]:
    by_learners: Counter[tuple[str, str, str, str]] = Counter()
    for learner in learners:
        by_learners.update(learner.risky_choices)
    ranked = sorted(by_learners.items(), key=lambda item: (-item[1], -tally.risky_times[(label,) + item[0]],
                                                           item[0]))
    found: list[RiskyChoice] = []
    for where, count in ranked[:TOP_RISKY]:
        pack_id, scenario_id, step_id, choice_id = where
        item = RiskyChoice(pack_id, scenario_id, step_id, choice_id, count, tally.risky_times[(label,) + where],
                           tally.choice_words.get(where, choice_id), pack_title=tally.titles.get(pack_id, pack_id))
        pack = packs.get(pack_id)
        if pack is not None:
            item.pack_title = pack.title
            try:
                scenario = pack.scenario(scenario_id)
                step = scenario.step(step_id)
            except KeyError:
                scenario = None
            if scenario is not None:
                item.scenario_title, item.prompt = scenario.title, step.prompt
                item.safer = [c.text for c in step.choices if c.outcome == "safe"]
                item.text = next((c.text for c in step.choices if c.id == choice_id), item.text)
        found.append(item)
    return found


def build(paths: Iterable[Path], library: Library | None = None) -> Report:
    """The report over results files and folders; packs (if given) supply titles and the choices' words."""
    paths = list(paths)
    stats = ReadStats()
    tally = _Tally()
    count = _tally(read_statements(paths, stats), tally)
    packs = {p.pack.id: p.pack for p in library.packs} if library else {}
    counts = dict(tally.scenario_counts)
    counts.update({pack_id: len(pack.scenarios) for pack_id, pack in packs.items()})
    grouped: dict[str, list[Learner]] = {}
    for learner in tally.learners.values():
        grouped.setdefault(learner.class_label, []).append(learner)
    classes: list[ClassReport] = []
    for label in sorted(grouped, key=lambda value: (value == "", value)):
        learners = sorted(grouped[label], key=lambda item: item.nickname.casefold())
        mastery: dict[str, float | None] = {}
        each = [learner.mastery() for learner in learners]
        for cat in CATEGORIES:
            values = [v for v in (m[cat].scaled for m in each) if v is not None]
            mastery[cat] = sum(values) / len(values) if values else None
        progress: dict[str, PackProgress] = {}
        for learner in learners:
            for pack_id in learner.packs_started:
                entry = progress.get(pack_id)
                if entry is None:
                    title = packs[pack_id].title if pack_id in packs else tally.titles.get(pack_id, pack_id)
                    entry = progress[pack_id] = PackProgress(pack_id, title, counts.get(pack_id))
                entry.started += 1
                entry.finished += pack_id in learner.packs_finished
        classes.append(ClassReport(label, learners, mastery, _risky(label, tally, learners, packs),
                                   sorted(progress.values(), key=lambda p: p.title.casefold())))
    return Report(classes, stats, [str(p) for p in paths], counts, count)


def initials(nickname: str) -> str:
    """'Sam Jones' -> 'S.J.': for a report shown on a screen the class can see."""
    words = [w for w in nickname.replace("_", " ").replace("-", " ").split() if w]
    return "".join(w[0].upper() + "." for w in words) or "?"
