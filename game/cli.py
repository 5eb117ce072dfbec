"""The command line: parse, call a layer, print, exit code. Nothing clever lives here.

Errors a user can cause (a bad pack, a bad file, a bad option) print a clear
message and exit non-zero: never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__, guide
from game.i18n import _, set_language
from game.paths import data_dir as default_data_dir
from game.paths import help_dir
from game.records import commands as records_commands

if TYPE_CHECKING:  # the heavy layers load only when a command needs them (a fast first frame)
    from game.help import HelpDirectory, School
    from game.packs import Library, LoadedPack, Problem
    from game.records.assignment import Assignment


class UserError(Exception):
    """Something the user can fix; printed as a message, exit status 2."""


def _shown(path: Path | str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


# --- shared set-up --------------------------------------------------------------
@dataclass(eq=False, repr=False)
class Context:
    directory: HelpDirectory
    library: Library
    chosen: list[LoadedPack]
    data_dir: Path


class LazyContext:
    """The context, loaded on first use: lets the game window show its title before the packs load."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.data_dir = default_data_dir(getattr(args, "data_dir", None))
        self._loaded: Context | None = None

    def load(self) -> Context:
        if self._loaded is None:
            self._loaded = load_context(self.args)
        return self._loaded

    @property
    def directory(self) -> HelpDirectory:
        return self.load().directory

    @property
    def library(self) -> Library:
        return self.load().library

    @library.setter
    def library(self, value: Library) -> None:
        self.load().library = value

    @property
    def chosen(self) -> list[LoadedPack]:
        return self.load().chosen


def find_school(option: str | None, data: Path) -> School | None:
    from game.help import HelpError, load_school

    path = Path(option) if option else data / "school.yaml"
    if not path.exists():
        if option:
            raise UserError(_("School file not found: {path}").format(path=option))
        return None
    try:
        return load_school(path)
    except HelpError as error:
        raise UserError(_("The school file has problems:") + "\n" + str(error)) from None


def load_context(args: argparse.Namespace) -> Context:
    from game.help import HelpError, load_directory
    from game.packs import bundled_paths, load_library

    data = default_data_dir(getattr(args, "data_dir", None))
    school = find_school(getattr(args, "school", None), data)
    try:
        directory = load_directory(help_dir(), school)
    except HelpError as error:
        raise UserError(_("The help directory has problems:") + "\n" + str(error)) from None
    extra: list[Path] = []
    wanted_ids: list[str] = []
    for item in getattr(args, "pack", None) or []:
        if Path(item).exists():
            extra.append(Path(item))
        else:
            wanted_ids.append(item)
    known = directory.known_ids()
    library = load_library(extra, known)
    bundled = load_library(bundled_paths(), known)
    # A teacher's own copy of a bundled pack (same id) is the one that plays.
    ids = set(library.ids())
    library.packs.extend(p for p in bundled.packs if p.pack.id not in ids)
    library.broken.extend(bundled.broken)
    chosen: list[LoadedPack] = []
    extra_files = {p.resolve() for p in extra}
    for loaded in library.packs:
        folder_or_file = (loaded.folder or loaded.path).resolve()
        if folder_or_file in extra_files or loaded.path.resolve() in extra_files:
            chosen.append(loaded)
    for broken in library.broken:
        if broken.path.resolve() in extra_files or broken.path.parent.resolve() in extra_files:
            raise UserError(_("The pack {path} has problems and cannot be played:").format(
                path=_shown(broken.path)) + "\n" + "\n".join(str(p) for p in broken.problems))
    for pack_id in wanted_ids:
        found = library.get(pack_id)
        if found is None:
            raise UserError(_("No pack with id or path '{id}'. Run 'threecs packs' to list them.").format(
                id=pack_id))
        chosen.append(found)
    return Context(directory, library, chosen, data)


# --- commands ------------------------------------------------------------------
def assignment_from(args: argparse.Namespace) -> Assignment | None:
    """``--assignment FILE|CODE``: the assignment, whose school file and language apply unless given."""
    if not getattr(args, "assignment", None):
        return None
    from game.records.assignment import AssignmentError, open_assignment

    try:
        assignment = open_assignment(args.assignment)
    except AssignmentError as error:
        raise UserError(str(error)) from None
    school_file = assignment.school_file()
    if not args.school and school_file is not None:
        args.school = str(school_file)
    if assignment.lang and not args.lang:
        set_language(assignment.lang)
    return assignment


def cmd_play(args: argparse.Namespace) -> int:
    assignment = assignment_from(args)
    if not args.text and not args.pack and assignment is None:
        window_context: Context | LazyContext = LazyContext(args)  # the title shows first, packs load after
    else:
        window_context = context = load_context(args)
    if args.text:
        from game.records.progress import NicknameError, ProgressStore
        from game.records.recorder import Recorder
        from game.text.player import TextPlayer

        name = args.name
        if not name:
            sys.stdout.write(_("What nickname shall we use? (not your full name)") + "\n")
            sys.stdout.flush()
            name = sys.stdin.readline().strip() or _("Player")
        try:
            store = ProgressStore(context.data_dir, name)
        except NicknameError as error:
            raise UserError(str(error)) from None
        assigned: list[str] = []
        if assignment is not None:
            from game.records.playing import arrange_library, assignment_intro

            packs, notices = arrange_library(assignment, context.library, context.directory, context.data_dir)
            assigned = [p.pack.id for p in packs]
            store.notices[:0] = [assignment_intro(assignment), *notices]
        recorder = Recorder.open(context.data_dir, store.nickname, assignment, context.directory.school)
        player = TextPlayer(context.library, context.directory, store, sys.stdin, sys.stdout,
                            recorder=recorder, assigned=assigned)
        return player.run(context.chosen)
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")):
        raise UserError(_("There is no screen to open the game window on. Play in the terminal instead: "
                          "threecs play --text"))
    try:
        from game.ui.app import run_window
    except ImportError as error:  # pragma: no cover - only without pygame
        raise UserError(_("The game window needs pygame-ce: {error}").format(error=error)) from None
    return run_window(args, window_context)


def _validate_help_file(path: Path) -> list[Problem]:
    from game.help.directory import RegionFile, _load_model

    _model, problems = _load_model(path, RegionFile)
    return problems


def cmd_validate(args: argparse.Namespace) -> int:
    from game.help import HelpError, load_directory
    from game.packs import Problem, bundled_paths, load_library

    try:
        directory = load_directory(help_dir(), find_school(args.school, default_data_dir(args.data_dir)))
        known = directory.known_ids()
        help_problems: list[Problem] = []
    except HelpError as error:
        known, help_problems = set(), error.problems
    targets = [Path(p) for p in args.paths] if args.paths else bundled_paths()
    help_files = [p for p in targets if p.is_file() and p.parent.name == "help"]
    help_files += [f for p in targets if p.is_dir() and p.name == "help" for f in sorted(p.glob("*.yaml"))]
    for path in help_files:
        help_problems.extend(_validate_help_file(path))
    pack_targets = [p for p in targets if p not in help_files and not (p.is_dir() and p.name == "help")]
    library = load_library(pack_targets, known)
    problems = sorted(set(help_problems)) + [p for b in library.broken for p in b.problems]
    if args.json:
        report = {
            "ok": not problems,
            "packs": [{"path": _shown(p.path), "id": p.pack.id, "ok": True, "problems": []} for p in library.packs]
            + [{"path": _shown(b.path), "ok": False, "problems": [pr.as_dict() for pr in b.problems]}
               for b in library.broken],
            "help": [pr.as_dict() for pr in help_problems],
        }
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for problem in problems:
            print(Problem(_shown(problem.path), problem.line, problem.col, problem.message))
        checked = len(library.packs) + len(library.broken)
        files = len(help_files)
        if problems:
            print(_("{bad} of {n} pack(s) and {problems} problem(s) in the help files; {count} problem(s) in all.")
                  .format(bad=len(library.broken), n=checked, problems=len(help_problems), count=len(problems)),
                  file=sys.stderr)
        else:
            print(_("{n} pack(s) and {files} help file(s) checked: no problems.").format(n=checked, files=files),
                  file=sys.stderr)
    return 1 if problems else 0


def cmd_packs(args: argparse.Namespace) -> int:
    from game.i18n.packs import languages_of

    context = load_context(args)
    rows = [
        {
            "id": p.pack.id,
            "title": p.pack.title,
            "category": p.pack.category,
            "ages": list(p.pack.age_bands),
            "audience": p.pack.audience,
            "scenarios": len(p.pack.scenarios),
            "languages": languages_of(p.pack),
            "path": _shown(p.path),
        }
        for p in context.library.packs
    ]
    broken = [{"path": _shown(b.path), "problem": str(b.first)} for b in context.library.broken]
    if args.json:
        print(json.dumps({"packs": rows, "broken": broken}, indent=1, ensure_ascii=False))
        return 0
    for row, p in zip(rows, context.library.packs, strict=True):
        ages, languages = ",".join(p.pack.age_bands), ",".join(languages_of(p.pack))
        print(f"{row['id']:<24} {row['category']:<9} {ages:<12} {row['audience']:<9} "
              f"{row['scenarios']:>3}  {languages:<6} {row['title']}")
    for item in broken:
        print(_("broken: {problem}").format(problem=item["problem"]))
    return 0


def cmd_screenshots(args: argparse.Namespace) -> int:
    import tempfile

    from game.ui.screenshots import render_all

    context = load_context(args)
    size = tuple(int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as scratch:  # never touch a learner's real progress
        written = render_all(context, Path(args.outdir), Path(scratch), size=size, language=args.lang or "en",
                             text_scale=args.text_scale, high_contrast=args.high_contrast)
    for path in written:
        print(_shown(path))
    return 0


# --- parser --------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="threecs", description=_("Three Cs: a game about staying safe online."))
    parser.add_argument("--version", action="version", version=f"threecs {__version__}")
    sub = parser.add_subparsers(dest="command")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help=_("where progress and settings are kept (or THREECS_DATA_DIR)"))
        p.add_argument("--school", help=_("the school's configuration file (school.yaml)"))
        p.add_argument("--lang", help=_("language: en, cy, pl or ur"))

    play = sub.add_parser("play", help=_("play the game (the default)"))
    common(play)
    play.add_argument("--text", action="store_true", help=_("play in the terminal, one number per line"))
    play.add_argument("--pack", action="append", metavar="ID|PATH", help=_("a pack id, file or folder"))
    play.add_argument("--assignment", metavar="FILE|CODE", help=_("an assignment file or code"))
    play.add_argument("--name", help=_("the learner's nickname"))
    play.add_argument("--fullscreen", action="store_true")
    play.add_argument("--watch", action="store_true", help=_("reload the pack when its file is saved"))
    play.set_defaults(func=cmd_play)

    validate = sub.add_parser("validate", help=_("check packs and print every problem"))
    common(validate)
    validate.add_argument("paths", nargs="*", help=_("pack files or folders (default: the bundled packs)"))
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(func=cmd_validate)

    packs = sub.add_parser("packs", help=_("list the pack library"))
    common(packs)
    packs.add_argument("--pack", action="append", metavar="ID|PATH")
    packs.add_argument("--json", action="store_true")
    packs.set_defaults(func=cmd_packs)
    shots = sub.add_parser("screenshots", help=_("render every screen to PNG files"))
    common(shots)
    shots.add_argument("outdir")
    shots.add_argument("--size", default="1280x720", help=_("window size, like 1280x720"))
    shots.add_argument("--text-scale", type=float, default=1.0, help=_("1.0 to 2.0"))
    shots.add_argument("--high-contrast", action="store_true")
    shots.set_defaults(func=cmd_screenshots)

    records_commands.register(sub)
    guide.register(sub)
    return parser


def remembered_language(args: argparse.Namespace) -> str:
    """The language chosen in the game's settings on this computer, else the computer's own."""
    from game.i18n import system_language

    try:
        raw = json.loads((default_data_dir(getattr(args, "data_dir", None)) / "settings.json").read_text("utf-8"))
        saved = raw.get("language") if isinstance(raw, dict) else None
    except (OSError, ValueError):
        saved = None
    return saved if isinstance(saved, str) and saved else system_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play"])
    set_language(getattr(args, "lang", None) or os.environ.get("THREECS_LANG") or remembered_language(args))
    try:
        return int(args.func(args))
    except UserError as error:
        print(f"threecs: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
