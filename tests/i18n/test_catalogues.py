"""The Babel workflow: the template and compiled catalogues are current; catalogues are valid."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
LANGUAGES = ("cy", "pl", "ur")


def extracted() -> set[tuple[str | None, str]]:
    """What `pybabel extract -F babel.cfg .` would collect, run in this process."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    method_map = [(pattern, "game.i18n.extract:extract_packs" if method == "threecs_packs" else method)
                  for pattern, method in method_map]
    found = set()
    for _filename, _line, message, _comments, context in extract_from_dir(str(ROOT), method_map, options_map):
        msgid = message[0] if isinstance(message, (tuple, list)) else message
        found.add((context, msgid))
    return found


def catalogue_ids(path: Path) -> set[tuple[str | None, str]]:
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    return {(m.context, m.id[0] if isinstance(m.id, (tuple, list)) else m.id) for m in catalog if m.id}


def test_the_pack_extractor_is_registered_for_pybabel() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="babel.extractors")}
    assert names.get("threecs_packs") == "game.i18n.extract:extract_packs"


def test_the_template_is_current() -> None:
    current, template = extracted(), catalogue_ids(LOCALES / "threecs.pot")
    missing, gone = current - template, template - current
    assert not missing and not gone, (
        f"locales/threecs.pot is stale ({len(missing)} new, {len(gone)} gone, e.g. "
        f"{sorted(missing, key=str)[:3]} / {sorted(gone, key=str)[:3]}): run "
        "pybabel extract -F babel.cfg -o locales/threecs.pot . then pybabel update -d locales -D threecs "
        "-i locales/threecs.pot, translate, and pybabel compile -d locales -D threecs")


def test_pack_text_carries_its_ids_and_line() -> None:
    with open(LOCALES / "threecs.pot", "rb") as handle:
        catalog = read_po(handle)
    message = next(m for m in catalog if m.context and m.context.endswith("/title") and "/" in m.context)
    assert message.locations and message.locations[0][0].startswith("scenarios/")
    assert message.locations[0][1] > 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogues_pass_msgfmt_check(lang: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: apt-get install gettext (.ci/run does this)"
    po = LOCALES / lang / "LC_MESSAGES" / "threecs.po"
    result = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "out.mo"), str(po)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogues_follow_the_template(lang: str) -> None:
    po = catalogue_ids(LOCALES / lang / "LC_MESSAGES" / "threecs.po")
    assert po == catalogue_ids(LOCALES / "threecs.pot"), (
        "run pybabel update -d locales -D threecs -i locales/threecs.pot")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogues_are_current(lang: str) -> None:
    folder = LOCALES / lang / "LC_MESSAGES"
    with open(folder / "threecs.po", "rb") as handle:
        catalog = read_po(handle)
    with open(folder / "threecs.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalog:
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        if not message.id or not all(strings) or message.fuzzy:
            continue
        if isinstance(message.id, (tuple, list)):
            got = compiled.npgettext(message.context, message.id[0], message.id[1], 1) if message.context else \
                compiled.ngettext(message.id[0], message.id[1], 1)
            want = message.string[compiled.plural(1)] if isinstance(message.string, (tuple, list)) else message.string
        else:
            got = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
            want = message.string
        assert got == want, f"{lang}/threecs.mo is stale: run pybabel compile -d locales -D threecs"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headers_say_the_translation_awaits_native_review(lang: str) -> None:
    text = (LOCALES / lang / "LC_MESSAGES" / "threecs.po").read_text(encoding="utf-8")
    assert "AWAITING REVIEW BY A NATIVE SPEAKER" in text
