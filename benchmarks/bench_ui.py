"""The game window's budgets, each against a bare pygame baseline measured in the same run.

- start to first interactive frame <= 2x `import pygame; set_mode; flip` (median of several starts)
- frame time p99 <= 4 ms at 1280x720 with a scenario on screen (every frame forced to redraw)
- idle CPU <= 2% of one core over 5 s on one screen
- peak memory (RSS) <= 150 MB while a whole pack is played

Runs with the dummy video and audio drivers unless DISPLAY is set and --real is given.
Usage: python benchmarks/bench_ui.py [--starts 5] [--frames 600] [--idle 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import os, sys, time
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
screen.fill((240, 240, 240))
pygame.display.flip()
print("first-frame", flush=True)
if len(sys.argv) > 1:
    end = time.monotonic() + float(sys.argv[1])
    while time.monotonic() < end:
        pygame.event.wait(5000)
"""


def env(real: bool) -> dict[str, str]:
    result = dict(os.environ, THREECS_REPORT_FIRST_FRAME="1", PYTHONPATH=str(ROOT))
    # An installed game has compiled bytecode (pip writes it); so must the copy measured here,
    # or the comparison with pygame (always compiled) would time Python's compiler.
    result.pop("PYTHONDONTWRITEBYTECODE", None)
    if not real:
        result.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return result


def started(command: list[str], environment: dict[str, str]) -> subprocess.Popen[str]:
    """A process that has drawn its first frame (it says so on standard output)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment,
                               text=True, cwd=ROOT)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "first-frame":
            break
    return process


def first_frame(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    process = started(command, environment)
    elapsed = time.perf_counter() - start
    process.kill()
    process.wait()
    return elapsed


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(command: list[str], environment: dict[str, str], seconds: float) -> float:
    process = started(command, environment)
    time.sleep(0.5)  # let start-up work finish
    before = cpu_seconds(process.pid)
    time.sleep(seconds)
    used = cpu_seconds(process.pid) - before
    process.kill()
    process.wait()
    return used / seconds


def frame_times(frames: int) -> tuple[list[float], list[float]]:
    """In this process: the game with a scenario on screen vs a bare fill-and-flip, both forced to redraw."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    sys.path.insert(0, str(ROOT))
    import pygame

    from game.cli import load_context
    from game.engine import Session
    from game.ui.app import App
    from game.ui.scenes.play import PlayScene

    context = load_context(argparse.Namespace(data_dir=None, school=None, pack=None, lang=None))
    with tempfile.TemporaryDirectory() as data:
        app = App(context, Path(data))
        app.settings.reduced_motion = True
        app.configure()
        loaded = context.library.get("contact-11-14") or context.library.packs[0]
        app.sign_in("Bench")
        scene = PlayScene(app, loaded, Session(loaded.pack))
        scene.noted.update(s.id for s in loaded.pack.scenarios)
        app.push(scene)
        app.step([])
        game, bare = [], []
        screen = pygame.display.get_surface()
        for i in range(frames):
            scene.focus = i % max(1, len(scene.buttons))  # focus moves: a real change every frame
            app.invalidate()
            start = time.perf_counter()
            app.step([])
            game.append(time.perf_counter() - start)
            start = time.perf_counter()
            screen.fill((240, 240, 240))
            pygame.display.flip()
            bare.append(time.perf_counter() - start)
        pygame.quit()
    return game, bare


PLAY_AND_MEASURE = """
import argparse, os, resource, sys, tempfile
from pathlib import Path
import pygame
from game.cli import load_context
from game.engine import Phase
from game.ui.app import App
from game.ui.scenes.play import PlayScene
context = load_context(argparse.Namespace(data_dir=None, school=None, pack=None, lang=None))
app = App(context, Path(tempfile.mkdtemp()))
app.sign_in("Bench")
for loaded in context.library.packs[:3]:
    scene = PlayScene(app, loaded, app.store.session_for(loaded.pack))
    scene.noted.update(s.id for s in loaded.pack.scenarios)
    app.push(scene)
    while app.scene is scene and scene.session.phase is not Phase.PACK_END:
        app.step([])
        if scene.session.phase is Phase.STEP:
            scene.choose(scene.session.choices[0].id)
        else:
            scene.proceed()
    app.step([])
    app.pop()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_memory(code: str, environment: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                         cwd=ROOT, timeout=600)
    return float(out.stdout.strip().splitlines()[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--idle", type=float, default=5.0)
    parser.add_argument("--real", action="store_true", help="use the real display in $DISPLAY")
    args = parser.parse_args()
    environment = env(args.real)
    with tempfile.TemporaryDirectory() as data:
        game_cmd = [sys.executable, "-m", "game", "play", "--data-dir", data]
        bare_cmd = [sys.executable, "-c", BARE]
        first_frame(bare_cmd, environment)  # warm the file cache for both
        first_frame(game_cmd, environment)
        bare_starts, game_starts = [], []
        for _ in range(args.starts):
            bare_starts.append(first_frame(bare_cmd, environment))
            game_starts.append(first_frame(game_cmd, environment))
        bare_idle = idle_cpu([*bare_cmd, str(args.idle + 2)], environment, args.idle)
        game_idle = idle_cpu(game_cmd, environment, args.idle)
    start_ratio = statistics.median(game_starts) / statistics.median(bare_starts)
    game_frames, bare_frames = frame_times(args.frames)
    p50, p99 = percentile(game_frames, 0.5) * 1000, percentile(game_frames, 0.99) * 1000
    bare_p99 = percentile(bare_frames, 0.99) * 1000
    bare_mem = peak_memory("import resource, pygame; pygame.display.init(); pygame.display.set_mode((1280, 720));"
                           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)", environment)
    game_mem = peak_memory(PLAY_AND_MEASURE, environment)
    ok = start_ratio <= 2.0 and p99 <= 4.0 and game_idle <= 0.02 and game_mem <= 150
    print(f"start to first frame: game {statistics.median(game_starts) * 1000:.0f} ms, bare pygame "
          f"{statistics.median(bare_starts) * 1000:.0f} ms, ratio {start_ratio:.2f}x (budget 2x)")
    print(f"frame time at 1280x720, scenario on screen, redrawn every frame: p50 {p50:.2f} ms, "
          f"p99 {p99:.2f} ms (budget 4 ms); bare fill+flip p99 {bare_p99:.2f} ms, ratio "
          f"{p99 / max(bare_p99, 1e-6):.1f}x")
    print(f"idle CPU over {args.idle:.0f} s: game {game_idle * 100:.2f}% of a core, bare pygame "
          f"{bare_idle * 100:.2f}% (budget 2%)")
    print(f"peak memory playing 3 packs: game {game_mem:.0f} MB, bare pygame window {bare_mem:.0f} MB, "
          f"ratio {game_mem / bare_mem:.2f}x (budget 150 MB)")
    print("all within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
