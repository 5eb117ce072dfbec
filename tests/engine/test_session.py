"""The engine: play, feedback, follow-ups, scores with the meaning in PACK-FORMAT.md, snapshots."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from packdata import SMALL_PACK
from strategies import packs

from game.engine import (
    ChoiceMade,
    PackCompleted,
    Phase,
    ScenarioCompleted,
    ScenarioStarted,
    Score,
    Session,
    SessionError,
    SnapshotError,
)
from game.packs.model import Pack


def small() -> Pack:
    return Pack.model_validate(yaml.safe_load(SMALL_PACK))


def test_a_choice_returns_its_feedback_and_follow_up_comes_next() -> None:
    session = Session(small())
    assert session.phase is Phase.STEP and session.step.id == "start"
    feedback = session.choose("tell-age")
    assert feedback.outcome == "unsafe" and "Instead" in feedback.text and feedback.help == ("ceop",)
    assert session.phase is Phase.FEEDBACK and session.choices == []
    assert session.proceed() is Phase.STEP and session.step.id == "asks-photo"


def test_scores_follow_the_meaning_in_the_pack_format() -> None:
    session = Session(small())
    session.choose("tell-age")  # unsafe, no points: contact 0 of 3
    session.proceed()
    session.choose("ignore")  # points {contact: 1}; step max contact 3, conduct 1
    assert session.proceed() is Phase.SCENARIO_END
    assert session.scenario_scores() == {"contact": Score(1, 6), "conduct": Score(0, 1)}


def test_a_scenario_ending_at_the_first_step_counts_only_that_step() -> None:
    session = Session(small())
    session.choose("keep-private")
    session.proceed()
    assert session.scenario_scores() == {"contact": Score(3, 3)}


def test_the_pack_ends_after_every_scenario_and_sums_scores() -> None:
    session = Session(small())
    events = []
    session.subscribe(events.append)
    session.choose("keep-private")
    session.proceed()
    session.proceed()
    assert session.scenario_id == "second"
    session.choose("b")
    session.proceed()
    assert session.proceed() is Phase.PACK_END and session.pack_finished
    assert session.pack_scores() == {"contact": Score(3, 6)}
    kinds = [type(e) for e in events]
    assert kinds == [ChoiceMade, ScenarioCompleted, ScenarioStarted, ChoiceMade, ScenarioCompleted, PackCompleted]


def test_help_for_a_scenario_is_its_own_then_the_answers() -> None:
    session = Session(small())
    session.choose("tell-age")
    assert session.scenario_help() == ["childline", "ceop"]


def test_wrong_moves_are_refused() -> None:
    session = Session(small())
    with pytest.raises(SessionError):
        session.choose("no-such-choice")
    with pytest.raises(SessionError):
        session.proceed()
    session.choose("keep-private")
    with pytest.raises(SessionError):
        session.choose("keep-private")


def test_snapshot_and_restore_resume_mid_scenario() -> None:
    session = Session(small())
    session.choose("tell-age")
    session.proceed()
    snap = session.snapshot()
    assert snap["version"] == 1 and snap["step"] == "asks-photo"
    again = Session.restore(small(), snap)
    assert again.step.id == "asks-photo" and again.snapshot() == snap
    again.choose("block")
    again.proceed()
    assert again.scenario_scores() == {"contact": Score(3, 6), "conduct": Score(1, 1)}


def test_restore_refuses_a_newer_version_and_another_pack() -> None:
    snap = Session(small()).snapshot()
    with pytest.raises(SnapshotError):
        Session.restore(small(), {**snap, "version": 2})
    with pytest.raises(SnapshotError):
        Session.restore(small(), {**snap, "pack": "other"})


def test_restore_drops_choices_an_edited_pack_no_longer_has() -> None:
    session = Session(small())
    session.choose("tell-age")
    session.proceed()
    snap = session.snapshot()
    snap["attempts"]["gamer-tag"].append(["start", "gone"])
    snap["step"] = "gone-step"
    again = Session.restore(small(), snap)
    assert again.step.id == "start" and again.phase is Phase.STEP


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=packs(), picks=st.data())
def test_any_valid_pack_plays_to_an_end_by_any_choices(data: dict, picks: st.DataObject) -> None:
    pack = Pack.model_validate(data)
    session = Session(pack)
    for _turn in range(200):
        if session.phase is Phase.PACK_END:
            break
        if session.phase is Phase.STEP:
            choice = picks.draw(st.sampled_from(session.choices))
            session.choose(choice.id)
            if picks.draw(st.booleans()):  # quitting and coming back changes nothing
                session = Session.restore(pack, session.snapshot())
        else:
            session.proceed()
        for score in [*session.scenario_scores().values(), *session.pack_scores().values()]:
            assert 0 <= score.earned <= score.available
            assert 0.0 <= (score.scaled or 0.0) <= 1.0
    assert session.phase is Phase.PACK_END


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=packs())
def test_any_generated_pack_passes_the_validator(data: dict, tmp_path_factory) -> None:
    from game.packs import LoadedPack, load_pack

    path = tmp_path_factory.mktemp("gen") / "pack.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = load_pack(path, {"school"})
    assert isinstance(result, LoadedPack), [str(p) for p in getattr(result, "problems", [])]
