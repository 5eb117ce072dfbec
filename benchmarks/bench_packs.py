"""Loading and validating packs against libyaml alone parsing the same files, in one run.

Budget (DESIGN.md): load + validate <= 1.5x the time yaml.load(CSafeLoader) takes.
Prints both times and the ratio; exits 1 when over budget (for CI dashboards, not unit tests).
Usage: python benchmarks/bench_packs.py [--scenarios 1000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.packs import load_pack  # noqa: E402

BUDGET = 1.5
KNOWN = {"school", "childline", "ceop", "report-harmful-content"}


def scenario(n: int) -> str:
    return f"""\
  - id: scenario-{n}
    title: Scenario number {n}
    discuss:
      - Why might someone online pretend to be younger?
    help: [childline, ceop]
    steps:
      - id: start
        screen:
          app: chat
          title: SquadChat
          contact: Player_{n}
          messages:
            - from: them
              text: gg! you're really good, how old are you?
              time: "16:4{n % 10}"
            - from: me
              text: thanks! you too
            - from: them
              text: what school do you go to? we could play after
        prompt: What do you do?
        choices:
          - id: tell
            text: Tell them my age and my school
            outcome: unsafe
            feedback: >
              Your school and age help a stranger find you offline. Instead, keep
              personal details private and tell a trusted adult if they keep asking.
            help: [ceop]
            next: follow-up
          - id: private
            text: Keep it to the game and don't share personal details
            outcome: safe
            feedback: Good thinking. Friends made in a game can stay in the game.
          - id: ask
            text: Ask a friend what they would do
            outcome: mixed
            points: {{contact: 1, conduct: 1}}
            feedback: Talking it over helps. Instead of waiting, block if they keep asking.
      - id: follow-up
        screen:
          app: popup
          title: Report player
          buttons: [Report, Block, Mute, Cancel]
          messages:
            - from: system
              text: Choose what to do about Player_{n}.
        prompt: They keep asking. What now?
        choices:
          - id: report
            text: Report and block them, then tell an adult
            outcome: safe
            feedback: Reporting and blocking stops the chat and warns the game's moderators.
          - id: reply
            text: Keep chatting
            outcome: unsafe
            feedback: They may ask for more. Instead, report, block and tell an adult.
"""


def make_corpus(folder: Path, scenarios: int, per_file: int = 10) -> list[Path]:
    paths = []
    for f in range(scenarios // per_file):
        body = "".join(scenario(f * per_file + s) for s in range(per_file))
        path = folder / f"pack-{f:04d}.yaml"
        path.write_text(f"format: 1\nid: pack-{f}\ntitle: Pack {f}\nsummary: A generated pack.\n"
                        f"category: contact\nages: 11-14\nstrands: [online-relationships]\nscenarios:\n{body}",
                        encoding="utf-8")
        paths.append(path)
    return paths


def libyaml_only(paths: list[Path]) -> None:
    for path in paths:
        yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)


def ours(paths: list[Path]) -> None:
    for path in paths:
        result = load_pack(path, KNOWN)
        assert not hasattr(result, "problems"), result


def timed(fn, paths: list[Path]) -> float:
    start = time.perf_counter()
    fn(paths)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenarios", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.scenarios)
        ours(paths[:2])  # warm imports and caches for both sides
        libyaml_only(paths[:2])
        base, mine = [], []
        for _round in range(args.rounds):  # interleaved, so machine noise hits both alike
            base.append(timed(libyaml_only, paths))
            mine.append(timed(ours, paths))
    b, m = statistics.median(base), statistics.median(mine)
    ratio = m / b
    print(f"corpus: {args.scenarios} scenarios in {len(paths)} files, {args.rounds} rounds (median)")
    print(f"libyaml alone (yaml.load CSafeLoader): {b * 1000:8.1f} ms")
    print(f"threecs load + validate:               {m * 1000:8.1f} ms")
    print(f"ratio: {ratio:.2f}x (budget {BUDGET}x) {'OK' if ratio <= BUDGET else 'OVER BUDGET'}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
