"""The bundled library has the packs the scenario-library issue asks for, each of the shape it asks for.

- nine Content/Contact/Conduct packs for learners: one per C per band (7-11, 11-14, 14-19);
- two Commerce packs; the school-technology pack (11-14); the staff pack (audience staff, ages adults);
- every pack: at least 6 scenarios, at least half of them with a follow-up step, a safe choice in
  every step;
- all eight UKCIS strands tagged in every learner band (a pack for several bands counts for each);
- every Contact and Conduct pack: a `report-practice` scenario that walks through the app's Report
  and Block buttons, then a later step about taking a screenshot and telling someone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import get_args

from packtext import LEARNER_BANDS, SCHOOL_TECH_PACK

from game.packs import Pack, Scenario, Step
from game.packs.model import Strand

MIN_SCENARIOS = 6
THREE_CS = ("content", "contact", "conduct")


def _learner(packs: list[Pack]) -> list[Pack]:
    return [p for p in packs if p.audience == "learners"]


def test_one_pack_per_c_per_band(packs: list[Pack]) -> None:
    problems: list[str] = []
    for category in THREE_CS:
        for band in LEARNER_BANDS:
            found = [p.id for p in _learner(packs)
                     if p.category == category and list(p.age_bands) == [band] and p.id != SCHOOL_TECH_PACK]
            if len(found) != 1:
                problems.append(f"{category} {band}: expected one pack, found {found or 'none'}")
    assert not problems, "\n".join(problems)


def test_two_commerce_packs(packs: list[Pack]) -> None:
    commerce = [p.id for p in _learner(packs) if p.category == "commerce"]
    assert len(commerce) == 2, commerce
    covered = {band for p in _learner(packs) if p.category == "commerce" for band in p.age_bands}
    assert covered >= set(LEARNER_BANDS), f"Commerce packs cover only {sorted(covered)}"


def test_the_school_technology_pack(packs: list[Pack]) -> None:
    found = [p for p in packs if p.id == SCHOOL_TECH_PACK]
    assert found, f"no pack with id {SCHOOL_TECH_PACK}"
    pack = found[0]
    assert pack.audience == "learners" and list(pack.age_bands) == ["11-14"], (pack.audience, pack.age_bands)


def test_the_staff_pack(packs: list[Pack]) -> None:
    staff = [p.id for p in packs if p.audience == "staff" and list(p.age_bands) == ["adults"]]
    assert staff, "no pack with audience staff and ages adults"


def test_every_pack_has_at_least_six_scenarios(packs: list[Pack]) -> None:
    small = [f"{p.id}: {len(p.scenarios)}" for p in packs if len(p.scenarios) < MIN_SCENARIOS]
    assert not small, f"packs with fewer than {MIN_SCENARIOS} scenarios:\n" + "\n".join(small)


def _has_follow_up(scenario: Scenario) -> bool:
    """A second step that some choice leads to."""
    return len(scenario.steps) > 1 and any(choice.next for step in scenario.steps for choice in step.choices)


def test_at_least_half_the_scenarios_have_a_follow_up_step(packs: list[Pack]) -> None:
    problems: list[str] = []
    for pack in packs:
        with_follow_up = sum(_has_follow_up(s) for s in pack.scenarios)
        if 2 * with_follow_up < len(pack.scenarios):
            single = [s.id for s in pack.scenarios if not _has_follow_up(s)]
            problems.append(f"{pack.id}: {with_follow_up} of {len(pack.scenarios)} have a follow-up step "
                            f"(one step only: {', '.join(single)})")
    assert not problems, "\n".join(problems)


def test_every_step_has_a_safe_choice(packs: list[Pack]) -> None:
    missing = [f"{p.id}/{s.id}/{step.id}" for p in packs for s in p.scenarios for step in s.steps
               if not any(c.outcome == "safe" for c in step.choices)]
    assert not missing, "steps with no safe choice:\n" + "\n".join(missing)


def test_all_eight_strands_in_every_band(packs: list[Pack]) -> None:
    strands = set(get_args(Strand))
    assert len(strands) == 8
    tagged: dict[str, set[str]] = defaultdict(set)
    for pack in _learner(packs):
        for band in pack.age_bands:
            tagged[band].update(pack.strands)
    missing = {band: sorted(strands - tagged[band]) for band in LEARNER_BANDS if strands - tagged[band]}
    assert not missing, f"strands no pack tags, by band: {missing}"


# --- report practice ----------------------------------------------------------------------------
REPORT = re.compile(r"\breport\b", re.IGNORECASE)
BLOCK = re.compile(r"\bblock\b", re.IGNORECASE)
SCREENSHOT = re.compile(r"\bscreen ?shots?\b|\bscreenshott?(?:ed|ing)\b", re.IGNORECASE)
TELL = re.compile(r"\btell(?:s|ing)?\b|\btold\b", re.IGNORECASE)


def _screen_text(step: Step) -> str:
    return " ".join([*step.screen.buttons, *(m.text for m in step.screen.messages)])


def _step_text(step: Step) -> str:
    parts = [_screen_text(step), step.screen.caption or "", step.prompt]
    parts += [text for choice in step.choices for text in (choice.text, choice.feedback)]
    return " ".join(parts)


def walks_through_reporting(scenario: Scenario) -> list[str]:
    """What a report-practice scenario lacks; empty when it goes through the reporting actions."""
    lacks: list[str] = []
    report_at = next((n for n, step in enumerate(scenario.steps) if REPORT.search(_screen_text(step))), None)
    if report_at is None:
        lacks.append("no screen whose buttons or messages offer Report")
    if not any(BLOCK.search(_screen_text(step)) for step in scenario.steps):
        lacks.append("no screen whose buttons or messages offer Block")
    later = scenario.steps[report_at + 1:] if report_at is not None else []
    if not any(SCREENSHOT.search(_step_text(s)) and TELL.search(_step_text(s)) for s in later):
        shots = [s.id for s in later if SCREENSHOT.search(_step_text(s))]
        tells = [s.id for s in later if TELL.search(_step_text(s))]
        lacks.append("no step after the Report screen mentions both a screenshot and telling someone "
                     f"(screenshot in steps {shots or 'none'}, telling in steps {tells or 'none'})")
    return lacks


def test_every_contact_and_conduct_pack_practises_reporting(packs: list[Pack]) -> None:
    problems: list[str] = []
    for pack in packs:
        if pack.category not in ("contact", "conduct"):
            continue
        practice = [s for s in pack.scenarios if "report-practice" in s.tags]
        if not practice:
            problems.append(f"{pack.id}: no scenario tagged report-practice")
            continue
        results = {s.id: walks_through_reporting(s) for s in practice}
        if all(results.values()):
            problems += [f"{pack.id}/{sid}: {'; '.join(lacks)}" for sid, lacks in results.items()]
    assert not problems, "\n".join(problems)
