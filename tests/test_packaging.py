"""A plain (not editable) install carries the packs, help, assets and locales, and finds them
from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    return next(out.glob("threecs-*.whl"))


def test_the_wheel_carries_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {p.name for p in (ROOT / "scenarios").glob("*.yaml")}
    assert bundled and all(f"game/_data/scenarios/{name}" in names for name in bundled)
    assert "game/_data/scenarios/help/gb.yaml" in names
    assert "game/packs/pack.schema.json" in names
    assert "game/guide/templates/guide.html" in names
    assert any(n.startswith("game/_data/assets/") for n in names)
    assert any(n.startswith("game/_data/locales/") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "threecs = game.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_an_installed_copy_finds_the_bundled_packs_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))
    result = subprocess.run([sys.executable, "-m", "game", "packs", "--json"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ids = {p["id"] for p in json.loads(result.stdout)["packs"]}
    assert ids == {p.stem for p in (ROOT / "scenarios").glob("*.yaml")}
    assert all(str(target) in p for p in [json.loads(result.stdout)["packs"][0]["path"]])
