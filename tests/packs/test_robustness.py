"""Whatever a teacher's file holds, the validator answers with problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from packdata import SMALL_PACK

from game.packs import BrokenPack, LoadedPack, load_pack

KNOWN = {"school", "childline", "ceop"}
LINES = SMALL_PACK.splitlines()

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=20)


def check(path: Path) -> None:
    result = load_pack(path, KNOWN)
    assert isinstance(result, (LoadedPack, BrokenPack))
    if isinstance(result, BrokenPack):
        lines = max(1, len(path.read_text(encoding="utf-8", errors="replace").splitlines()))
        for problem in result.problems:
            assert 1 <= problem.line <= lines + 1 and problem.col >= 1 and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=values)
def test_any_yaml_value_gives_problems_not_a_crash(data, tmp_path: Path) -> None:
    path = tmp_path / "any.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    check(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(
    ["drop", "double", "indent", "dedent", "cut", "tab", "colon"])), min_size=1, max_size=4))
def test_a_damaged_pack_gives_problems_not_a_crash(edits, tmp_path: Path) -> None:
    lines = list(LINES)
    for index, kind in edits:
        index %= len(lines)
        line = lines[index]
        lines[index:index + 1] = {
            "drop": [], "double": [line, line], "indent": ["  " + line], "dedent": [line[2:]],
            "cut": [line[: len(line) // 2]], "tab": ["\t" + line.lstrip()], "colon": [line.replace(":", "", 1)],
        }[kind]
        if not lines:
            lines = ["x"]
    path = tmp_path / "damaged.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    check(path)
