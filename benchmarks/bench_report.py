"""The class report over 10,000 results files against only reading and JSON-parsing the same files, in one run.

Budget (DESIGN.md): the whole report (read, tally, HTML with charts, CSV) <= 2x the time it takes to
read every file and json.loads every line. The files are made here from real plays of a bundled pack:
30 learners a class, one file per learner per device, as a school's shared folder would hold them.
Prints both times and the ratio; exits 1 when over budget (for CI dashboards, not unit tests).
Usage: python benchmarks/bench_report.py [--files 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.engine import Phase, Session  # noqa: E402
from game.help import load_directory  # noqa: E402
from game.packs import Library, bundled_paths, load_library  # noqa: E402
from game.records.report import build  # noqa: E402
from game.records.report_output import render_csv, render_html  # noqa: E402
from game.records.results import SUFFIX, encode_statement  # noqa: E402
from game.records.xapi import StatementMaker  # noqa: E402

BUDGET = 2.0
CLASS_SIZE = 30


def one_play(library: Library, maker: StatementMaker, rng: random.Random, pack_id: str) -> list[bytes]:
    """Every statement of one learner's play of a pack, with choices picked at random."""
    pack = next(p.pack for p in library.packs if p.pack.id == pack_id)
    session = Session(pack)
    lines: list[bytes] = []

    def keep(event: object) -> None:
        from game.engine import ChoiceMade, PackCompleted, ScenarioCompleted

        if isinstance(event, ChoiceMade):
            lines.append(encode_statement(maker.answered(pack, event)))
        elif isinstance(event, ScenarioCompleted):
            lines.append(encode_statement(maker.scenario_completed(pack, event)))
        elif isinstance(event, PackCompleted):
            lines.append(encode_statement(maker.pack_completed(pack, event)))

    session.subscribe(keep)
    while session.phase is not Phase.PACK_END:
        if session.phase is Phase.STEP:
            session.choose(rng.choice(session.choices).id)
        session.proceed()
    return lines


def make_files(folder: Path, count: int, library: Library) -> int:
    """``count`` results files; returns the number of lines. Plays are re-used with new ids to save time."""
    rng = random.Random(7)
    packs = ["content-7-11", "contact-7-11", "conduct-7-11"]
    templates = [one_play(library, StatementMaker(f"T{n}", "7B", device="0000"), rng, packs[n % len(packs)])
                 for n in range(24)]
    total = 0
    for n in range(count):
        label = f"C{n // CLASS_SIZE}"
        name = f"Learner {n % CLASS_SIZE}"
        out: list[bytes] = []
        for line in templates[n % len(templates)]:
            statement = json.loads(line)
            statement["id"] = f"{n:08d}-{len(out):04d}-4000-8000-000000000000"
            statement["actor"]["account"]["name"] = name
            statement["context"]["extensions"]["urn:threecs:ext:class"] = label
            out.append(encode_statement(statement))
        (folder / f"learner-{n:05d}-dev{n % 7}{SUFFIX}").write_bytes(b"".join(out))
        total += len(out)
    return total


def read_and_parse(folder: Path) -> int:
    count = 0
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        for line in path.read_bytes().splitlines():
            if line:
                json.loads(line)
                count += 1
    return count


def whole_report(folder: Path, library: Library) -> int:
    report = build([folder], library)
    render_html(report)
    render_csv(report)
    return report.statements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    library = load_library(bundled_paths(), load_directory().known_ids())
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        lines = make_files(folder, args.files, library)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{args.files} results files, {lines} statements, {size / 1e6:.1f} MB")
        wall: dict[str, list[float]] = {"base": [], "report": []}
        cpu: dict[str, list[float]] = {"base": [], "report": []}
        for _round in range(args.rounds):  # alternate, so both see the same page cache and machine load
            for name, work in (("base", lambda: read_and_parse(folder)),
                               ("report", lambda: whole_report(folder, library))):
                start, start_cpu = time.perf_counter(), time.process_time()
                assert work() == lines
                wall[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
    for label, times in (("wall", wall), ("cpu", cpu)):
        base, full = statistics.median(times["base"]), statistics.median(times["report"])
        print(f"{label:>4}: read + json.loads every line {base:.3f} s; whole report (read, tally, HTML, CSV) "
              f"{full:.3f} s; ratio {full / base:.2f}x (medians of {args.rounds})")
    # The budget is judged on CPU time: both are single-threaded and CPU-bound (the files are in the page
    # cache after the first round), and CPU time does not swing when other work shares the machine.
    ratio = statistics.median(cpu["report"]) / statistics.median(cpu["base"])
    print(f"ratio {ratio:.2f}x (budget {BUDGET:.1f}x): {'OK' if ratio <= BUDGET else 'OVER BUDGET'}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
