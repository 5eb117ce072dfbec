"""Progress: resume after quitting, atomic writes, damaged and newer files kept aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from packdata import SMALL_PACK

from game.engine import Phase
from game.packs.model import Pack
from game.records import atomic
from game.records.progress import NicknameError, ProgressStore, clean_nickname, learner_key


def pack() -> Pack:
    return Pack.model_validate(yaml.safe_load(SMALL_PACK))


def test_resume_mid_pack_after_quitting(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    session = store.session_for(pack())
    session.choose("tell-age")
    session.proceed()
    store.save(session)
    again = ProgressStore(tmp_path, "sam").session_for(pack())  # the same learner, any case
    assert again.step.id == "asks-photo" and again.phase is Phase.STEP
    assert ProgressStore(tmp_path, "Sam").status("test-pack") == "in-progress"


def test_only_the_nickname_is_stored(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    store.save(store.session_for(pack()))
    saved = json.loads(store.path.read_text())
    assert set(saved) == {"version", "nickname", "packs"} and saved["nickname"] == "Sam"


def test_a_crash_between_write_and_rename_keeps_the_old_progress(tmp_path: Path, monkeypatch) -> None:
    store = ProgressStore(tmp_path, "Sam")
    session = store.session_for(pack())
    session.choose("tell-age")
    session.proceed()
    store.save(session)
    before = store.path.read_bytes()

    def power_cut(src, dst):  # the temp file is written and synced; the rename never happens
        raise OSError("power cut")

    monkeypatch.setattr(atomic.os, "replace", power_cut)
    session.choose("block")
    with pytest.raises(OSError):
        store.save(session)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    resumed = ProgressStore(tmp_path, "Sam")
    assert resumed.notices == []
    assert resumed.session_for(pack()).step.id == "asks-photo"
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_half_written_temp_file_is_ignored(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    store.save(store.session_for(pack()))
    (store.folder / f".progress.json.{os.getpid() + 1}.tmp").write_text('{"version": 1, "pa')
    assert ProgressStore(tmp_path, "Sam").notices == []


def test_a_damaged_file_is_kept_aside_and_reported(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    store.save(store.session_for(pack()))
    store.path.write_text('{"version": 1, "packs": {', encoding="utf-8")
    again = ProgressStore(tmp_path, "Sam")
    assert len(again.notices) == 1 and "kept aside" in again.notices[0]
    kept = [p for p in again.folder.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == '{"version": 1, "packs": {'
    assert again.status("test-pack") == "new"


def test_a_newer_version_is_kept_aside_never_overwritten(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps({"version": 99, "packs": {}}))
    again = ProgressStore(tmp_path, "Sam")
    assert "newer version" in again.notices[0]
    again.save(again.session_for(pack()))
    kept = [p for p in again.folder.iterdir() if ".newer-" in p.name]
    assert json.loads(kept[0].read_text())["version"] == 99


def test_an_unusable_pack_entry_is_kept_and_reported(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path, "Sam")
    store.save(store.session_for(pack()))
    raw = json.loads(store.path.read_text())
    raw["packs"]["test-pack"]["snapshot"]["version"] = 7
    store.path.write_text(json.dumps(raw))
    again = ProgressStore(tmp_path, "Sam")
    session = again.session_for(pack())
    assert session.step.id == "start" and "could not be used" in again.notices[0]
    assert (again.folder / "progress.json.unreadable-test-pack").exists()


def test_nicknames_are_checked_and_keyed() -> None:
    assert clean_nickname("  Sam   Lee ") == "Sam Lee"
    with pytest.raises(NicknameError):
        clean_nickname("   ")
    with pytest.raises(NicknameError):
        clean_nickname("x" * 25)
    assert learner_key("Sam") == learner_key("SAM") != learner_key("Sami")
    assert learner_key("علی").isalnum()
