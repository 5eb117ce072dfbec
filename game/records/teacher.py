"""What a teacher does with records, for both front ends: make an assignment, make or find the latest report.

The command line (commands.py) and the game's teacher screen call these, so
the rules live in one place. Each assignment made on this computer is
remembered (its class and results folder) so that "open the latest report"
knows which folders to read without asking again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from game.i18n import _
from game.packs import Library
from game.records.assignment import Assignment, AssignmentError, OwnPack, read_own_pack, save
from game.records.atomic import write_json
from game.records.codes import CodeError, clean_label, pack_numbers
from game.records.report import build
from game.records.report_output import write_csv, write_html
from game.records.results import RESULTS_DIR

MADE_FILE = "assignments-made.json"
REPORTS_DIR = "reports"
REMEMBER = 50


@dataclass(frozen=True)
class MadeAssignment:
    assignment: Assignment
    path: Path
    code: str | None  # None when no pack is a numbered bundled pack
    code_is_partial: bool  # some packs travel only in the file (a teacher's own, or unnumbered)


def make_assignment(class_label: str, packs: list[str], library: Library, *, own_pack_paths: Sequence[Path] = (),
                    results: str | None = None, lang: str | None = None, school: str | None = None,
                    due: date | None = None, home_page: str | None = None) -> Assignment:
    """An assignment for bundled pack ids and a teacher's own pack files or folders, checked."""
    try:
        label = clean_label(class_label)
    except CodeError as error:
        raise AssignmentError(str(error)) from None
    where = {loaded.pack.id: (loaded.folder or loaded.path) for loaded in library.packs}
    own: list[OwnPack] = []
    ids: list[str] = []
    for path in own_pack_paths:
        carried = read_own_pack(path, where)
        if carried.id in pack_numbers():
            raise AssignmentError(_("Your pack {path} uses the id '{id}' of a bundled pack; give it its own id.")
                                  .format(path=path, id=carried.id))
        own.append(carried)
        ids.append(carried.id)
    for pack_id in packs:
        if library.get(pack_id) is None:
            raise AssignmentError(_("No pack with id '{id}'. Run 'threecs packs' to list them.").format(id=pack_id))
        ids.append(pack_id)
    if not ids:
        raise AssignmentError(_("An assignment needs at least one pack."))
    unique = list(dict.fromkeys(ids))
    return Assignment(label, tuple(unique), results=results, lang=lang, school=school, due=due,
                      own_packs=tuple(own), home_page=home_page)


def publish(assignment: Assignment, path: Path, data_dir: Path) -> MadeAssignment:
    """Write the assignment file, create its results folder if it can, and remember it here."""
    save(assignment, path)
    folder = assignment.results_folder()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # a network drive not mounted on this computer: the learners' computers may still reach it
    _remember(data_dir, assignment, path)
    return MadeAssignment(assignment, path, assignment.code, not assignment.code_covers_all)


def _remember(data_dir: Path, assignment: Assignment, path: Path) -> None:
    made = remembered(data_dir)
    folder = assignment.results_folder()
    entry = {"class": assignment.class_label, "file": str(path.resolve()),
             "results": str(folder.resolve()) if folder else None,
             "made": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    made = [e for e in made if e.get("file") != entry["file"]] + [entry]
    write_json(data_dir / MADE_FILE, {"version": 1, "assignments": made[-REMEMBER:]})


def remembered(data_dir: Path) -> list[dict[str, str | None]]:
    try:
        raw = json.loads((data_dir / MADE_FILE).read_text("utf-8"))
        items = raw.get("assignments") if isinstance(raw, dict) else None
        return [e for e in items if isinstance(e, dict)] if isinstance(items, list) else []
    except (OSError, ValueError):
        return []


def report_sources(data_dir: Path) -> list[Path]:
    """Where results are on this computer: the data folder's own, and every class folder assigned from here."""
    sources = [data_dir / RESULTS_DIR]
    for entry in remembered(data_dir):
        folder = entry.get("results")
        if folder and Path(folder) not in sources:
            sources.append(Path(folder))
    return [s for s in sources if s.is_dir()]


def make_report(sources: list[Path], data_dir: Path, library: Library | None = None,
                show_initials: bool = False) -> Path:
    """Build the report now into the data folder's reports/; returns the HTML file (a CSV sits beside it)."""
    report = build(sources, library)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    html = data_dir / REPORTS_DIR / f"report-{stamp}.html"
    write_html(report, html, show_initials)
    write_csv(report, html.with_suffix(".csv"), show_initials)
    return html


def latest_report(data_dir: Path) -> Path | None:
    """The most recent report made on this computer, if any."""
    folder = data_dir / REPORTS_DIR
    found = sorted(folder.glob("report-*.html")) if folder.is_dir() else []
    return found[-1] if found else None
