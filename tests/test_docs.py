"""The documentation's promises hold: the complete example in docs/pack-format.md validates and plays,
and the example school file loads."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from game.packs import LoadedPack, load_pack

ROOT = Path(__file__).resolve().parents[1]


def first_complete_example() -> str:
    text = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    return next(block for block in blocks if re.search(r"^format: 1$", block, re.M) and "\nscenarios:" in block)


def test_the_guide_s_example_pack_is_valid(tmp_path: Path, directory) -> None:
    path = tmp_path / "my-pack.yaml"
    path.write_text(first_complete_example(), encoding="utf-8")
    result = load_pack(path, directory.known_ids())
    assert isinstance(result, LoadedPack), [str(p) for p in getattr(result, "problems", [])]


def test_the_guide_s_example_pack_plays_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "my-pack.yaml"
    path.write_text(first_complete_example(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--pack", str(path), "--data-dir",
                             str(tmp_path / "data"), "--name", "Test"], input="1\n" * 20, capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "You finished the pack" in result.stdout
