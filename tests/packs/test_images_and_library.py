"""Folder packs with images, and a library that leaves broken packs out without failing."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from packdata import SMALL_PACK

from game.packs import BrokenPack, LoadedPack, load_library, load_pack
from game.packs.schema import SCHEMA_PATH, generate

KNOWN = {"school", "childline", "ceop"}


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def folder_pack(tmp_path: Path, image: str) -> Path:
    folder = tmp_path / "my-pack"
    folder.mkdir()
    text = SMALL_PACK.replace("          title: SquadChat", f"          title: SquadChat\n          image: {image}"
                              "  # HERE\n          alt: A chat app")
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder


def here(folder: Path) -> int:
    return next(n for n, line in enumerate((folder / "pack.yaml").read_text().splitlines(), 1) if "# HERE" in line)


def test_an_image_in_the_folder_loads(tmp_path: Path) -> None:
    folder = folder_pack(tmp_path, "chat.png")
    (folder / "chat.png").write_bytes(png(40, 30))
    result = load_pack(folder, KNOWN)
    assert isinstance(result, LoadedPack) and result.folder == folder


@pytest.mark.parametrize("image, content, fragment", [
    ("../outside.png", None, "outside the pack's folder"),
    ("/etc/passwd", None, "outside the pack's folder"),
    ("missing.png", None, "does not exist"),
    ("notes.png", b"just some text", "not a PNG, JPEG or SVG"),
    ("huge.png", png(5000, 1), "at most 4096"),
])
def test_bad_images_are_rejected_at_their_line(tmp_path: Path, image: str, content: bytes | None,
                                               fragment: str) -> None:
    folder = folder_pack(tmp_path, image)
    (tmp_path / "outside.png").write_bytes(png(4, 4))
    if content is not None:
        (folder / image).write_bytes(content)
    result = load_pack(folder, KNOWN)
    assert isinstance(result, BrokenPack)
    assert any(fragment in p.message and p.line == here(folder) for p in result.problems), result.problems


def test_an_image_in_a_single_file_pack_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "single.yaml"
    path.write_text(SMALL_PACK.replace("          title: SquadChat", "          title: SquadChat\n"
                                       "          image: a.png"), encoding="utf-8")
    result = load_pack(path, KNOWN)
    assert isinstance(result, BrokenPack) and any("pack folder" in p.message for p in result.problems)


def test_an_image_needs_alt_text(tmp_path: Path) -> None:
    folder = folder_pack(tmp_path, "chat.png")
    (folder / "chat.png").write_bytes(png(4, 4))
    text = (folder / "pack.yaml").read_text().replace("          alt: A chat app\n", "")
    (folder / "pack.yaml").write_text(text)
    result = load_pack(folder, KNOWN)
    assert isinstance(result, BrokenPack)
    assert any("needs 'alt'" in p.message and p.line == here(folder) for p in result.problems)


def test_broken_packs_are_left_out_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(SMALL_PACK, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(SMALL_PACK.replace("id: test-pack", "id: other\ncolour: red"),
                                       encoding="utf-8")
    library = load_library([tmp_path], KNOWN)
    assert library.ids() == ["test-pack"]
    assert [b.path.name for b in library.broken] == ["bad.yaml"]
    assert library.broken[0].first.line == 3


def test_two_packs_with_one_id_the_second_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SMALL_PACK, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(SMALL_PACK, encoding="utf-8")
    library = load_library([tmp_path], KNOWN)
    assert library.ids() == ["test-pack"]
    assert "already used" in library.broken[0].problems[0].message
    assert library.broken[0].problems[0].line == 2


def test_the_json_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == generate(), (
        "game/packs/pack.schema.json is stale: run python -m game.packs.schema")
