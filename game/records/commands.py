"""The teacher's commands: ``assign``, ``report`` and ``results``, registered into the main parser.

Kept out of game/cli.py so that records can grow without touching the
command line's core; cli.py calls :func:`register` once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _, ngettext
from game.paths import data_dir as default_data_dir

if TYPE_CHECKING:
    from game.help import School
    from game.packs import Library


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help=_("where progress and settings are kept (or THREECS_DATA_DIR)"))
    p.add_argument("--school", help=_("the school's configuration file (school.yaml)"))
    p.add_argument("--lang", help=_("language: en, cy, pl or ur"))


def register(sub: argparse._SubParsersAction) -> None:
    assign = sub.add_parser("assign", help=_("make an assignment for a class: a file and a short code"))
    _common(assign)
    assign.add_argument("--class", dest="class_label", required=True, metavar="LABEL",
                        help=_("the class label, letters and digits (for example 7B)"))
    assign.add_argument("--pack", action="extend", nargs="+", required=True, metavar="ID|PATH",
                        help=_("bundled pack ids, or your own pack files or folders (they travel in the file)"))
    assign.add_argument("--results", metavar="DIR", help=_("the class's shared results folder"))
    assign.add_argument("--due", metavar="YYYY-MM-DD", help=_("when the work is due"))
    assign.add_argument("--home-page", metavar="URL",
                        help=_("your school's web address, to name learners' accounts in results"))
    assign.add_argument("--out", metavar="FILE",
                        help=_("the assignment file to write (default: assignment-LABEL.json)"))
    assign.set_defaults(func=cmd_assign)

    report = sub.add_parser("report", help=_("the class report from results files and folders"))
    _common(report)
    report.add_argument("results", nargs="+", metavar="RESULTS", help=_("results files or folders"))
    report.add_argument("--html", metavar="FILE", help=_("write the report as a web page (with charts)"))
    report.add_argument("--csv", metavar="FILE", help=_("write the learners' table for a spreadsheet"))
    report.add_argument("--initials", action="store_true", help=_("show learners by their initials only"))
    report.add_argument("--assignment", metavar="FILE|CODE",
                        help=_("count completion against this assignment's packs"))
    report.add_argument("--pack", action="append", metavar="PATH",
                        help=_("your own pack file or folder, for the words of its choices"))
    report.set_defaults(func=cmd_report)

    results = sub.add_parser("results", help=_("a learner's results on this computer: hand them in, send them"))
    _common(results)
    results.add_argument("--name", help=_("the learner's nickname (default: every learner on this computer)"))
    results.add_argument("--export", metavar="FILE.jsonl", help=_("save the results in one file to hand in"))
    results.add_argument("--send", nargs="*", metavar="RESULTS",
                         help=_("send waiting results to the school's learning record store now; with results "
                                "files or folders, send those too (each statement is stored once however often "
                                "it is sent)"))
    results.set_defaults(func=cmd_results)


def _user_error(message: str) -> Exception:
    from game.cli import UserError

    return UserError(message)


def _library(args: argparse.Namespace, extra: list[Path]) -> tuple[Library, School | None]:
    from game.cli import find_school
    from game.help import HelpError, load_directory
    from game.packs import bundled_paths, load_library
    from game.paths import help_dir

    school = find_school(args.school, default_data_dir(args.data_dir))
    try:
        directory = load_directory(help_dir(), school)
    except HelpError as error:
        raise _user_error(_("The help directory has problems:") + "\n" + str(error)) from None
    library = load_library([*bundled_paths(), *extra], directory.known_ids())
    wanted = {p.resolve() for p in extra}
    for broken in library.broken:
        if broken.path.resolve() in wanted or broken.path.parent.resolve() in wanted:
            raise _user_error(_("The pack {path} has problems:").format(path=broken.path) + "\n"
                              + "\n".join(str(p) for p in broken.problems))
    return library, school


def cmd_assign(args: argparse.Namespace) -> int:
    from game.records.assignment import AssignmentError, parse_due
    from game.records.teacher import make_assignment, publish

    data = default_data_dir(args.data_dir)
    own = [Path(p) for p in args.pack if Path(p).exists()]
    ids = [p for p in args.pack if not Path(p).exists()]
    if args.school and not Path(args.school).is_file():
        raise _user_error(_("School file not found: {path}").format(path=args.school))
    library, _school = _library(args, own)
    try:
        due = parse_due(args.due) if args.due else None
        # A folder typed on the command line means from here; the file keeps it whole (a relative path in a
        # file written by hand means beside that file).
        results = os.path.abspath(os.path.expanduser(args.results)) if args.results else None
        assignment = make_assignment(args.class_label, ids, library, own_pack_paths=own, results=results,
                                     lang=args.lang, school=str(Path(args.school).resolve()) if args.school else None,
                                     due=due, home_page=args.home_page)
        out = Path(args.out or f"assignment-{assignment.class_label}.json")
        made = publish(assignment, out, data)
    except AssignmentError as error:
        raise _user_error(str(error)) from None
    except OSError as error:
        raise _user_error(_("Could not write {path}: {error}").format(
            path=args.out, error=error.strerror or error)) from None
    if made.code:
        print(made.code)
    print(_("Assignment file: {path}").format(path=made.path), file=sys.stderr)
    if made.code and made.code_is_partial:
        print(_("The code carries only the bundled packs; give learners the file for your own packs."),
              file=sys.stderr)
    elif not made.code:
        print(_("These packs cannot go in a code: give learners the assignment file."), file=sys.stderr)
    folder = assignment.results_folder()
    if folder is not None:
        print(_("Results will be written to: {folder}").format(folder=folder), file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from game.records.report import build
    from game.records.report_output import class_title, write_csv, write_html

    sources = [Path(p) for p in args.results]
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        raise _user_error(_("Results file or folder not found: {paths}").format(paths=", ".join(missing)))
    extra = [Path(p) for p in args.pack or []]
    library, _school = _library(args, extra)
    assigned: tuple[str, ...] = ()
    if args.assignment:
        from game.records.assignment import AssignmentError, open_assignment

        try:
            assigned = open_assignment(args.assignment).packs
        except AssignmentError as error:
            raise _user_error(str(error)) from None
    report = build(sources, library, assigned)
    try:
        if args.html:
            write_html(report, Path(args.html), args.initials)
        if args.csv:
            write_csv(report, Path(args.csv), args.initials)
    except OSError as error:
        raise _user_error(_("Could not write the report: {error}").format(error=error)) from None
    stats = report.stats
    print(_("{files} results file(s), {count} statement(s).").format(files=stats.files, count=report.statements))
    for group in report.classes:
        print(f"{class_title(group.label)}: " + ngettext("{n} learner", "{n} learners", len(group.learners))
              .format(n=len(group.learners)))
    if stats.damaged:
        print(ngettext("{n} damaged or incomplete line was skipped.", "{n} damaged or incomplete lines were skipped.",
                       stats.damaged).format(n=stats.damaged))
    for problem in stats.unreadable:
        print(_("Could not be read: {problem}").format(problem=problem))
    if report.empty:
        print(_("No results were found."))
    for option, label in ((args.html, _("Report")), (args.csv, _("Spreadsheet"))):
        if option:
            print(f"{label}: {option}", file=sys.stderr)
    return 0


def cmd_results(args: argparse.Namespace) -> int:
    from game.cli import find_school
    from game.records.lrs import LrsError, LrsQueue, LrsSettings
    from game.records.results import RESULTS_DIR, ReadStats, export, read_statements, result_files

    data = default_data_dir(args.data_dir)
    folder = data / RESULTS_DIR
    files = list(result_files([folder])) if folder.is_dir() else []
    if args.export:
        if not files:
            raise _user_error(_("There are no results on this computer yet."))
        try:
            count = export(files, Path(args.export), args.name)
        except ValueError as error:
            raise _user_error(str(error)) from None
        except OSError as error:
            raise _user_error(_("Could not write {path}: {error}").format(
                path=args.export, error=error.strerror or error)) from None
        if count == 0 and args.name:
            raise _user_error(_("No results for '{name}' on this computer.").format(name=args.name))
        print(ngettext("{n} result saved to {path}: hand this file to your teacher.",
                       "{n} results saved to {path}: hand this file to your teacher.", count)
              .format(n=count, path=args.export))
        return 0
    if args.send is not None:
        school = find_school(args.school, data)
        if school is None or school.xapi is None:
            raise _user_error(_("The school file does not name a learning record store (xapi: endpoint)."))
        queue = LrsQueue(data, LrsSettings(school.xapi.endpoint, school.xapi.username, school.xapi.password))
        sources = [Path(p) for p in args.send]
        missing = [str(p) for p in sources if not p.exists()]
        if missing:
            raise _user_error(_("Results file or folder not found: {paths}").format(paths=", ".join(missing)))
        stats = ReadStats()
        for statement in read_statements(sources, stats):
            queue.add(statement)
        if stats.damaged:
            print(ngettext("{n} damaged or incomplete line was skipped.",
                           "{n} damaged or incomplete lines were skipped.", stats.damaged).format(n=stats.damaged))
        try:
            outcome = queue.flush(force=True)
        except LrsError as error:
            raise _user_error(str(error)) from None
        print(_("Sent: {sent}. Still waiting: {waiting}.").format(sent=outcome.sent, waiting=outcome.waiting))
        if outcome.rejected:
            print(_("Refused by the LRS and kept aside: {n}.").format(n=outcome.rejected))
        if outcome.problem and outcome.waiting:
            print(outcome.problem)
            return 1
        return 0
    stats = ReadStats()
    count = sum(1 for _s in read_statements(files, stats))
    print(_("Results on this computer: {folder}").format(folder=folder))
    print(_("{files} file(s), {count} statement(s).").format(files=stats.files, count=count))
    return 0
