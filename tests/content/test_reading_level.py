"""Reading level fits the band (CONTENT.md): Flesch-Kincaid grade, measured with textstat.

7-11 packs at or below grade 6, 11-14 at or below grade 9; a pack for several bands meets the strictest.
The text measured is the prose a learner reads: titles, summary, notes, discussion questions, the
messages and captions on the mock screens, prompts, choices and feedback, each piece a sentence of its own.
Each scenario is measured too, so one hard scenario cannot hide behind easy ones in the same pack.
"""

from __future__ import annotations

import textstat
from packtext import pack_pieces, prose, scenario_pieces

from game.packs import Pack

GRADE_LIMITS = {"7-11": 6.0, "11-14": 9.0}


def limit_for(pack: Pack) -> tuple[str, float] | None:
    """The strictest limit among the pack's bands, or None when no band has one."""
    limits = [(band, GRADE_LIMITS[band]) for band in pack.age_bands if band in GRADE_LIMITS]
    return min(limits, key=lambda item: item[1]) if limits else None


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def test_textstat_counts_syllables_from_the_dictionary_offline() -> None:
    # Hyphenation rules alone (textstat's fallback) count "idea" and "video" as one syllable each;
    # the CMU dictionary knows they have three.
    assert textstat.syllable_count("idea") == 3
    assert textstat.syllable_count("video") == 3
    assert grade("The cat sat on the mat. It was happy.") < 2 < grade(
        "Considerable institutional uncertainty characterises contemporary regulatory frameworks.")


def test_a_pack_for_several_bands_meets_the_strictest() -> None:
    both = Pack.model_validate({
        "format": 1, "id": "p", "title": "t", "summary": "s", "category": "commerce", "ages": ["14-19", "11-14"],
        "scenarios": [{"id": "s", "title": "t", "steps": [{"id": "a", "screen": {"app": "chat"}, "prompt": "p",
                       "choices": [{"id": "x", "text": "x", "outcome": "safe", "feedback": "f"},
                                   {"id": "y", "text": "y", "outcome": "safe", "feedback": "f"}]}]}],
    })
    assert limit_for(both) == ("11-14", 9.0)
    assert limit_for(both.model_copy(update={"ages": ["7-11", "11-14"]})) == ("7-11", 6.0)


def test_every_pack_and_scenario_reads_at_its_band(packs: list[Pack]) -> None:
    too_hard: list[str] = []
    measured = 0
    for pack in packs:
        limit = limit_for(pack)
        if limit is None:
            continue
        band, most = limit
        measured += 1
        whole = grade(prose(pack_pieces(pack)))
        if whole > most:
            too_hard.append(f"{pack.id} ({band}): grade {whole:.1f} over {most:g}")
        for scenario in pack.scenarios:
            level = grade(prose(scenario_pieces(pack, scenario)))
            if level > most:
                too_hard.append(f"{pack.id}/{scenario.id} ({band}): grade {level:.1f} over {most:g}")
    assert measured >= 6, "expected the 7-11 and 11-14 packs to be measured"
    assert not too_hard, "text too hard for its age band (Flesch-Kincaid grade):\n" + "\n".join(too_hard)
