"""xAPI statements from a real play: the shape DESIGN.md asks for, valid by ralph's own xAPI models."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from recpacks import play_through, tiny_pack

from game.engine import Session
from game.records.assignment import Assignment
from game.records.recorder import Recorder
from game.records.results import RESULTS_DIR, device_id, export, read_statements
from game.records.xapi import ANSWERED, COMPLETED, EXT_CLASS, EXT_OUTCOME, EXT_POINTS, EXT_SCORES


def recorded_play(data: Path, name: str = "Sam", assignment: Assignment | None = None,
                  choices: tuple[str, ...] = ("tell-age", "ignore", "give-password")) -> list[dict]:
    recorder = Recorder.open(data, name, assignment)
    session = Session(tiny_pack())
    recorder.attach(session)
    play_through(session, list(choices))
    return [json.loads(line) for line in recorder.own_file.read_text("utf-8").splitlines()]


def test_one_answered_per_choice_and_completed_per_scenario_and_pack(tmp_path: Path) -> None:
    statements = recorded_play(tmp_path, assignment=Assignment("7B", ("tiny-pack",)))
    verbs = [(s["verb"]["id"].rsplit("/", 1)[1], s["object"]["id"]) for s in statements]
    assert verbs == [
        ("answered", "urn:threecs:pack:tiny-pack:scenario:stranger:step:start"),
        ("answered", "urn:threecs:pack:tiny-pack:scenario:stranger:step:photo"),
        ("completed", "urn:threecs:pack:tiny-pack:scenario:stranger"),
        ("answered", "urn:threecs:pack:tiny-pack:scenario:gift:step:only"),
        ("completed", "urn:threecs:pack:tiny-pack:scenario:gift"),
        ("completed", "urn:threecs:pack:tiny-pack"),
    ]
    first = statements[0]
    assert first["result"]["response"] == "tell-age" and first["result"]["success"] is False
    assert first["result"]["extensions"][EXT_OUTCOME] == "unsafe"
    assert first["result"]["extensions"][EXT_POINTS] == {"contact": 0}
    assert statements[1]["result"]["extensions"][EXT_POINTS] == {"contact": 1}
    scenario = statements[2]["result"]
    # stranger: contact 0+1 of 3+3, conduct 0 of 1 -> 1 of 7 in all
    assert scenario["score"] == {"scaled": round(1 / 7, 4), "raw": 1, "min": 0, "max": 7}
    assert scenario["extensions"][EXT_SCORES]["contact"] == {"earned": 1, "available": 6, "scaled": 1 / 6}
    pack = statements[-1]["result"]
    assert 0 <= pack["score"]["scaled"] <= 1 and pack["completion"] is True
    for statement in statements:
        assert uuid.UUID(statement["id"]).version == 4
        assert statement["version"] == "1.0.3"
        assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": "urn:threecs", "name": "Sam"}}
        assert statement["context"]["extensions"][EXT_CLASS] == "7B"
    assert "mbox" not in json.dumps(statements) and "@" not in json.dumps([s["actor"] for s in statements])


def test_statements_validate_against_ralphs_xapi_models(tmp_path: Path) -> None:
    pytest.importorskip("ralph", reason="ralph-malph is not installed (pip install '.[test]')")
    from ralph.models.xapi.base.statements import BaseXapiStatement
    from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition
    from ralph.models.xapi.concepts.activity_types.scorm_profile import ModuleActivity
    from ralph.models.xapi.concepts.verbs.adl_vocabulary import AnsweredVerb
    from ralph.models.xapi.concepts.verbs.scorm_profile import CompletedVerb

    school = Assignment("7B", ("tiny-pack",), home_page="https://school.example")
    statements = recorded_play(tmp_path, assignment=school)
    for statement in statements:
        model = BaseXapiStatement.model_validate(statement)
        assert str(model.id) == statement["id"]
        if statement["verb"]["id"] == ANSWERED:
            AnsweredVerb.model_validate(statement["verb"])
            interaction = BaseXapiActivityInteractionDefinition.model_validate(statement["object"]["definition"])
            assert interaction.interactionType == "choice"
        else:
            assert statement["verb"]["id"] == COMPLETED
            CompletedVerb.model_validate(statement["verb"])
    ModuleActivity.model_validate(statements[-1]["object"])
    assert statements[0]["actor"]["account"]["homePage"] == "https://school.example"


def test_results_go_to_the_data_folder_and_the_class_folder(tmp_path: Path) -> None:
    shared = tmp_path / "share" / "7B"
    shared.mkdir(parents=True)
    assignment = Assignment("7B", ("tiny-pack",), results=str(shared))
    statements = recorded_play(tmp_path / "data", assignment=assignment)
    device = device_id(tmp_path / "data")
    assert device == device_id(tmp_path / "data")  # made once, kept
    [copy] = shared.glob("*.jsonl")
    assert copy.name.endswith(f"-{device}.jsonl") and "sam" in copy.name
    assert [json.loads(line)["id"] for line in copy.read_text().splitlines()] == [s["id"] for s in statements]


def test_an_unreachable_class_folder_waits_on_this_computer_and_catches_up(tmp_path: Path) -> None:
    shared = tmp_path / "share"  # not there yet: the network drive is not mounted
    assignment = Assignment("7B", ("tiny-pack",), results=str(shared))
    recorder = Recorder.open(tmp_path / "data", "Sam", assignment)
    session = Session(tiny_pack())
    recorder.attach(session)
    play_through(session, ["tell-age"])
    assert recorder.notices and "cannot be reached" in recorder.notices[0]
    shared.mkdir()
    play_through(session, ["block", "refuse"])
    own = [json.loads(x)["id"] for x in recorder.own_file.read_text().splitlines()]
    [copy] = shared.glob("*.jsonl")
    assert [json.loads(x)["id"] for x in copy.read_text().splitlines()] == own
    assert not list((tmp_path / "data" / "class-folder-queue").rglob("*.jsonl"))


def test_a_learner_at_home_exports_a_file_to_hand_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sam = recorded_play(data, "Sam")
    recorded_play(data, "Ali")  # a brother on the same computer
    target = tmp_path / "sam-results.jsonl"
    assert export([data / RESULTS_DIR], target, "sam") == len(sam)
    assert [s["id"] for s in read_statements([target])] == [s["id"] for s in sam]
    with pytest.raises(ValueError, match=".jsonl"):
        export([data / RESULTS_DIR], tmp_path / "sam.txt", "Sam")


def test_a_completed_scenario_says_how_long_it_took(tmp_path: Path) -> None:
    import re

    statements = recorded_play(tmp_path, assignment=Assignment("7B", ("tiny-pack",)))
    scenarios = [s for s in statements if s["verb"]["id"].endswith("completed") and ":scenario:" in s["object"]["id"]]
    assert scenarios and all(re.fullmatch(r"PT\d+\.\dS", s["result"]["duration"]) for s in scenarios)
