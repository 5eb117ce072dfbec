"""The class report: what results files say, per class and per learner.

Reads statements (results.read_statements skips and counts damaged lines),
and sums them up: per-C mastery from each learner's latest attempt at each
scenario, completion of scenarios and packs, and the risky choices most
often made, with their words looked up in the packs by id (what to teach
next). Rendering (HTML, CSV) lives in report_output.py.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.packs import Library
from game.packs.model import CATEGORIES, Pack
from game.records.results import ReadStats, read_values
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
    _mastery: tuple[int, dict[str, Mastery]] | None = field(default=None, repr=False, compare=False)

    def completion(self, counts: dict[str, int], assigned: tuple[str, ...] = ()) -> tuple[int, int | None]:
        """Scenarios finished, and how many there are in the packs they started and the packs assigned
        (None if a pack is unknown): a learner who never opened an assigned pack is not complete."""
        done = len(self.scenarios)
        packs = self.packs_started | set(assigned)
        if any(pack not in counts for pack in packs):
            return done, None
        return done, max(done, sum(counts[pack] for pack in packs))

    def mastery(self) -> dict[str, Mastery]:
        """Per C, from the latest attempt at each scenario; worked out once (the report asks three times)."""
        if self._mastery is not None and self._mastery[0] == len(self.scenarios):
            return self._mastery[1]
        result = {cat: Mastery() for cat in CATEGORIES}
        for _stamp, scores in self.scenarios.values():
            for cat, (earned, available) in scores.items():
                if cat in result:
                    result[cat].earned += earned
                    result[cat].available += available
        self._mastery = (len(self.scenarios), result)
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
    assigned: tuple[str, ...] = ()  # pack ids of the assignment the report is about, if one was given

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


def _tally(values: Iterable[Any], stats: ReadStats, tally: _Tally) -> int:
    """Sum up statements as they are read. The hot loop of the report: kept flat, ids parsed once each."""
    count = 0
    learners = tally.learners
    seen: set[str] = set()
    where_ids: dict[str, dict[str, str]] = {}
    last_name, last_label, last_learner = None, None, Learner("", "")
    answered, completed, ext_class, ext_outcome = ANSWERED, COMPLETED, EXT_CLASS, EXT_OUTCOME
    for statement in values:
        try:
            statement_id = statement["id"]
            verb = statement["verb"]["id"]
            nickname = statement["actor"]["account"]["name"]
            object_id = statement["object"]["id"]
            if type(statement_id) is not str or type(nickname) is not str or type(object_id) is not str:
                raise TypeError(statement_id)
        except (KeyError, TypeError, IndexError):
            stats.damaged += 1  # JSON, but not a statement: junk in the folder
            continue
        before_count = len(seen)
        seen.add(statement_id)
        if len(seen) == before_count:
            stats.duplicates += 1  # the same statement handed in twice, or in two folders
            continue
        if verb != answered and verb != completed:
            continue
        ids = where_ids.get(object_id)
        if ids is None:
            ids = where_ids[object_id] = parse_iri(object_id)
        pack = ids.get("pack")
        if not pack:
            continue
        count += 1
        try:
            label = statement["context"]["extensions"][ext_class]
            if type(label) is not str:
                label = ""
        except (KeyError, TypeError):
            label = ""
        if nickname != last_name or label != last_label:  # a file is mostly one learner: skip the lookup
            key = (label, nickname.casefold())
            learner = learners.get(key)
            if learner is None:
                learner = learners[key] = Learner(nickname, label)
            last_name, last_label, last_learner = nickname, label, learner
        else:
            learner = last_learner
        stamp = statement.get("timestamp")
        if type(stamp) is not str:
            stamp = ""
        if stamp > learner.last_seen:
            learner.last_seen = stamp
        learner.packs_started.add(pack)
        if verb == answered:
            learner.answered += 1
            try:
                result = statement["result"]
                if result["extensions"][ext_outcome] != "unsafe":
                    continue
                choice = result["response"]
            except (KeyError, TypeError):
                continue
            if type(choice) is str and "step" in ids:
                where = (pack, ids.get("scenario", ""), ids["step"], choice)
                learner.risky += 1
                learner.risky_choices.add(where)
                tally.risky_times[(label,) + where] += 1
                if where not in tally.choice_words:
                    tally.choice_words[where] = _words_from_statement(statement, choice)
            continue
        result = statement.get("result")
        extensions = result.get("extensions") if type(result) is dict else None
        if type(extensions) is not dict:
            extensions = {}
        if "scenario" in ids:
            scores = extensions.get(EXT_SCORES)
            parsed: dict[str, tuple[int, int]] = {}
            if type(scores) is dict:
                for cat, value in scores.items():
                    if type(value) is dict and type(value.get("earned")) is int \
                            and type(value.get("available")) is int:
                        parsed[cat] = (value["earned"], value["available"])
            where2 = (pack, ids["scenario"])
            before = learner.scenarios.get(where2)
            if before is None or stamp >= before[0]:
                learner.scenarios[where2] = (stamp, parsed)
        else:
            learner.packs_finished.add(pack)
            if pack not in tally.scenario_counts and type(extensions.get(EXT_SCENARIOS)) is int:
                tally.scenario_counts[pack] = extensions[EXT_SCENARIOS]
            if pack not in tally.titles:
                definition = statement["object"].get("definition")
                name = definition.get("name") if type(definition) is dict else None
                if type(name) is dict and name:
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


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Rest the cyclic garbage collector while a report is made.

    Parsing makes hundreds of thousands of short-lived dicts while the tally (and then the page) keeps
    growing, so the collector would rescan the whole tally again and again; nothing here makes a
    reference cycle, so plain reference counting frees everything. Measured: a third of the report's time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build(paths: Iterable[Path], library: Library | None = None, assigned: tuple[str, ...] = ()) -> Report:
    """The report over results files and folders; packs (if given) supply titles and the choices' words;
    ``assigned`` pack ids count towards every learner's completion, started or not."""
    with quiet_gc():
        report = _build(list(paths), library)
    report.assigned = tuple(assigned)
    return report


def _build(paths: list[Path], library: Library | None) -> Report:
    stats = ReadStats()
    tally = _Tally()
    count = _tally(read_values(paths, stats), stats, tally)
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
