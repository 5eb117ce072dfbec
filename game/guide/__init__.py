"""``threecs guide --out FILE.html``: a printable page for parents and carers.

What the Cs are, the packs their child's class has (from ``--assignment FILE|CODE``, else
``--pack ID|PATH...``, else every learner pack), the school's own safeguarding lead and how to tell
the school, then the national help services for the school's region, and how to report on an app.

Registered into the main parser by :func:`register` (one line in game/cli.py), like the records commands.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _

if TYPE_CHECKING:
    from game.packs import Library, Pack
    from game.records.assignment import Assignment

__all__ = ["cmd_guide", "register"]


def register(sub: argparse._SubParsersAction) -> None:
    guide = sub.add_parser("guide", help=_("write a printable guide for parents and carers (a web page)"))
    guide.add_argument("--out", required=True, metavar="FILE.html", help=_("the page to write"))
    guide.add_argument("--assignment", metavar="FILE|CODE",
                       help=_("an assignment file or code: the guide lists the class's packs"))
    guide.add_argument("--pack", action="append", metavar="ID|PATH",
                       help=_("a pack id, file or folder to list (default: every pack for learners)"))
    guide.add_argument("--data-dir", help=_("where progress and settings are kept (or THREECS_DATA_DIR)"))
    guide.add_argument("--school", help=_("the school's configuration file (school.yaml)"))
    guide.add_argument("--lang", help=_("language: en, cy, pl or ur"))
    guide.set_defaults(func=cmd_guide)


def _learner_packs(library: Library) -> list[Pack]:
    from game.packs.model import AGE_BANDS, CATEGORIES

    packs = [loaded.pack for loaded in library.packs if loaded.pack.audience == "learners"]
    return sorted(packs, key=lambda p: (AGE_BANDS.index(p.age_bands[0]), CATEGORIES.index(p.category), p.id))


def _assigned_packs(assignment: Assignment, library: Library, known_help: set[str]) -> tuple[list[Pack], list[str]]:
    """The assignment's packs in the teacher's order; its own packs are read from a scratch folder."""
    from game.packs import load_library
    from game.records.assignment import unpack_own_packs

    packs: list[Pack] = []
    notices: list[str] = []
    carried: dict[str, Pack] = {}
    if assignment.own_packs:
        with tempfile.TemporaryDirectory() as scratch:  # never write into anyone's data folder
            extra = load_library(unpack_own_packs(assignment, Path(scratch)), known_help)
        carried = {loaded.pack.id: loaded.pack for loaded in extra.packs}
        for broken in extra.broken:
            notices.append(_("A pack in the assignment has problems and is not listed: {problem}")
                           .format(problem=broken.first))
    for pack_id in assignment.packs:
        bundled = library.get(pack_id)
        pack = carried.get(pack_id) or (bundled.pack if bundled else None)
        if pack is None:
            notices.append(_("The assigned pack '{id}' is not in this copy of Three Cs.").format(id=pack_id))
        elif pack not in packs:
            packs.append(pack)
    return packs, notices


def cmd_guide(args: argparse.Namespace) -> int:
    from babel.dates import format_date

    from game.cli import UserError, assignment_from, load_context
    from game.guide.page import build_guide, render_html
    from game.i18n import locale_name
    from game.records.atomic import write_atomic

    out = Path(args.out)
    if out.is_dir():
        raise UserError(_("--out must name a file, not a folder: {path}").format(path=args.out))
    assignment = assignment_from(args)
    context = load_context(args)
    notices: list[str] = []
    if assignment is not None:
        packs, notices = _assigned_packs(assignment, context.library, context.directory.known_ids())
        packs += [p.pack for p in context.chosen if p.pack not in packs]
    elif context.chosen:
        packs = [p.pack for p in context.chosen]
    else:
        packs = _learner_packs(context.library)
    due = format_date(assignment.due, format="long", locale=locale_name()) if assignment and assignment.due else None
    guide = build_guide(packs, context.directory, assignment.class_label if assignment else None, due, notices)
    try:
        write_atomic(out, render_html(guide).encode("utf-8"))
    except OSError as error:
        raise UserError(_("Could not write {path}: {error}").format(path=args.out,
                                                                   error=error.strerror or error)) from None
    for notice in notices:
        print(notice, file=sys.stderr)
    print(_("Guide for parents and carers: {path}").format(path=args.out))
    return 0
