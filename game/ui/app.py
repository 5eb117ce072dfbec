"""The window, the scene stack and the async loop.

One ``await asyncio.sleep(0)`` a frame keeps the loop in the shape a browser
build needs. When nothing moves, the loop waits on events instead of
spinning, and it redraws only when something changed.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import _, set_language, system_language
from game.ui.input import QUICK_EXIT_SECONDS, Act, Action, InputMap
from game.ui.scene import Scene
from game.ui.settings import load_settings, save_settings
from game.ui.sound import Sounds
from game.ui.speech import Speaker
from game.ui.text import Typesetter
from game.ui.theme import load_theme
from game.ui.topbar import TITLE, draw_top_bar
from game.ui.widgets import Button, Paint

if TYPE_CHECKING:
    from game.cli import Context, LazyContext
    from game.engine import Session
    from game.help import HelpDirectory
    from game.packs import Library
    from game.records.assignment import Assignment
    from game.records.progress import ProgressStore
    from game.records.recorder import Recorder

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (800, 600)
TRANSITION = 0.18  # seconds; none with reduced motion
IDLE_SLEEP = 0.025  # seconds between looks at the event queue when nothing moves
WATCH_SECONDS = 0.5  # how often --watch looks at the pack file


class App:
    def __init__(self, context: Context | LazyContext, data_dir: Path, size: tuple[int, int] = DEFAULT_SIZE,
                 language: str | None = None, fullscreen: bool = False, watch: bool = False,
                 name: str | None = None) -> None:
        self.context = context
        self.data_dir = data_dir
        self.settings, self.notices = load_settings(data_dir)
        if language:
            self.settings.language = language
        if not self.settings.language:  # first run: the system's language, remembered from now on
            self.settings.language = system_language()
            save_settings(data_dir, self.settings)
        set_language(self.settings.language)
        self.watch = watch
        self.preset_name = name
        # Everything is drawn in software; a plain window framebuffer (not an OpenGL one) saves
        # about 95 MB on X11 and a moment at start-up.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen or self.settings.fullscreen else 0)
        self.screen = pygame.display.set_mode(size, flags)
        pygame.display.set_caption(TITLE)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):  # pragma: no cover - older SDL
            pass
        pygame.key.set_repeat(400, 60)
        pygame.key.start_text_input()
        self.sounds = Sounds(self.settings.volume)
        self.speaker = Speaker()
        self.input = InputMap()
        self.stack: list[Scene] = []
        self.running = True
        self.dirty = True
        self.show_focus = True
        self.store: ProgressStore | None = None
        self.recorder: Recorder | None = None
        self.assignment: Assignment | None = None
        self._library: Library | None = None
        self.transition_started = -1.0
        self.previous_frame: pygame.Surface | None = None
        self.pending_speech = False
        self.class_mode = False  # whiteboard: large text, discussion, no scores
        self.first_frame_shown = False
        self.last_popped: tuple[Scene | None, float] = (None, 0.0)
        self.assigned_ids: list[str] = []
        self.help_button = Button(_("Get help (F1)"), self.open_help, "primary", key="get-help", fixed=True)
        self.configure()

    # --- appearance ---------------------------------------------------------
    def configure(self) -> None:
        """Rebuild fonts, theme and layout after a resize or a settings change."""
        w, h = self.screen.get_size()
        ui = max(1.0, min(3.0, min(w / DEFAULT_SIZE[0], h / DEFAULT_SIZE[1])))
        text_scale = max(1.5, self.settings.text_scale) if self.class_mode else self.settings.text_scale
        self.type = Typesetter(ui * text_scale, self.settings.font, self.settings.language)
        self.paint = Paint(self.screen, load_theme(self.settings.high_contrast), self.type, ui)
        self.input.set_window((w, h))
        self.help_button.label = _("Get help (F1)")
        for scene in self.stack:
            scene.dirty_layout = True
        self.invalidate()

    def apply_settings(self) -> None:
        self.settings.clamp()
        set_language(self.settings.language)
        self.sounds.volume = self.settings.volume
        save_settings(self.data_dir, self.settings)
        self.configure()

    def bar_height(self) -> int:
        return self.help_button.measure(self.paint, self.help_width()) + self.paint.px(20)

    def help_width(self) -> int:
        return min(self.help_button.natural_width(self.paint), self.screen.get_width() // 2)

    def viewport(self) -> pygame.Rect:
        w, h = self.screen.get_size()
        top = self.bar_height() if self.scene_has_bar() else 0
        return pygame.Rect(0, top, w, h - top)

    def scene_has_bar(self) -> bool:
        return bool(self.stack) and getattr(self.stack[-1], "top_bar", True)

    # --- the stack ----------------------------------------------------------
    @property
    def scene(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        self.changed_screen()
        scene.enter()

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        left = self.stack.pop()
        left.exit()
        self.last_popped = (left, time.monotonic())
        self.scene.resume()
        self.changed_screen()

    def replace(self, scene: Scene) -> None:
        self.stack.pop().exit()
        self.stack.append(scene)
        self.changed_screen()
        scene.enter()

    def pop_to(self, name: str) -> None:
        while len(self.stack) > 1 and self.scene.name != name:
            self.stack.pop().exit()
        self.scene.resume()
        self.changed_screen()

    def changed_screen(self) -> None:
        self.speaker.stop()
        self.show_focus = True
        if not self.settings.reduced_motion and self.previous_frame is not None:
            self.transition_started = time.monotonic()
        self.invalidate()
        self.pending_speech = True

    def invalidate(self) -> None:
        self.dirty = True

    # --- always there: help and quick exit ------------------------------------
    def open_help(self) -> None:
        from game.ui.scenes.help import HelpScene

        if self.stack and self.scene.name in ("help", "neutral"):
            return
        self.push(HelpScene(self, self.scene.help_ids() if self.stack else []))

    def quick_exit(self) -> None:
        from game.ui.scenes.neutral import NeutralScene

        if self.scene.name != "neutral":
            popped, when = self.last_popped
            if popped is not None and time.monotonic() - when <= QUICK_EXIT_SECONDS:
                # The first Esc of the pair went Back: put that screen back, so Back returns to it.
                self.stack.append(popped)
                popped.enter()
                popped.dirty_layout = True
            self.speaker.stop()
            self.transition_started = -1.0
            self.push(NeutralScene(self))

    def toggle_fullscreen(self) -> None:
        pygame.display.toggle_fullscreen()
        self.settings.fullscreen = not self.settings.fullscreen
        save_settings(self.data_dir, self.settings)
        self.configure()

    # --- learners -------------------------------------------------------------
    def sign_in(self, nickname: str) -> ProgressStore:
        """A learner starts: their progress, and a recorder for their results (xAPI, class folder, LRS)."""
        from game.records.progress import ProgressStore
        from game.records.recorder import Recorder

        self.store = ProgressStore(self.data_dir, nickname)
        self.notices.extend(self.store.notices)
        try:
            self.recorder = Recorder.open(self.data_dir, self.store.nickname, self.assignment,
                                          self.directory.school, background=True)
        except OSError as error:  # results are a bonus: a read-only folder must not stop play
            self.recorder = None
            self.notices.append(_("Results cannot be saved here: {error}").format(error=error))
        return self.store

    def use_assignment(self, text: str) -> str:
        """An assignment code or file: its packs come first. Returns a problem to show, or ''."""
        from game.records.assignment import AssignmentError, open_assignment
        from game.records.playing import arrange_library, assignment_intro

        try:
            assignment = open_assignment(text)
        except AssignmentError as error:
            return str(error)
        from game.packs import Library

        own = Library(packs=list(self.library.packs), broken=list(self.library.broken))
        packs, notices = arrange_library(assignment, own, self.directory, self.data_dir)
        self._library = own  # this window's copy, in the assignment's order
        self.assignment = assignment
        self.assigned_ids = [p.pack.id for p in packs]
        self.notices[:0] = [assignment_intro(assignment), *notices]
        return ""

    def session_for(self, loaded_pack_id: str) -> Session:
        loaded = self.library.get(loaded_pack_id)
        assert loaded is not None and self.store is not None
        return self.store.session_for(loaded.pack)

    @property
    def library(self) -> Library:
        return self._library if self._library is not None else self.context.library

    @property
    def directory(self) -> HelpDirectory:
        return self.context.directory

    def sound(self, name: str) -> None:
        self.sounds.play(name)

    def focus_changed(self, label: str) -> None:
        if self.settings.read_aloud:
            self.speaker.say(label)

    # --- events and drawing -------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.screen = pygame.display.get_surface() or self.screen
            self.configure()
            return
        if event.type == pygame.CONTROLLERDEVICEADDED:
            self.start_gamepads()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.invalidate()
            return
        for action in self.input.translate(event, time.monotonic()):
            self.act(action)

    def act(self, action: Action) -> None:
        if action.act is Act.QUICK_EXIT:
            self.quick_exit()
            return
        if self.scene.name == "neutral":
            self.scene.handle(action)
            return
        if action.act is Act.HELP:
            self.open_help()
            return
        if action.act is Act.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if action.act is Act.POINT and self.scene_has_bar() and self.help_button.rect.collidepoint(action.pos):
            self.open_help()
            return
        self.scene.handle(action)

    def draw(self) -> None:
        paint = self.paint
        self.screen = pygame.display.get_surface() or self.screen
        paint.surface = self.screen
        scene = self.scene
        if scene.dirty_layout:
            scene.layout(paint, self.viewport())
            if self.scene_has_bar():
                scene.buttons.append(self.help_button)
        self.screen.fill(paint.theme["background"])
        if self.scene_has_bar():
            self.draw_bar(scene)
        scene.draw(paint)
        if self.transition_started >= 0 and self.previous_frame is not None:
            progress = (time.monotonic() - self.transition_started) / TRANSITION
            if progress >= 1:
                self.transition_started = -1.0
            else:
                self.previous_frame.set_alpha(int(255 * (1 - progress)))
                self.screen.blit(self.previous_frame, (0, 0))
        if self.transition_started < 0:
            self.previous_frame = self.screen.copy()

    def draw_bar(self, scene: Scene) -> None:
        draw_top_bar(self, scene)

    def animating(self) -> bool:
        return self.transition_started >= 0

    def step(self, events: list[pygame.event.Event]) -> bool:
        """One frame: handle events, redraw if needed. Returns whether it drew."""
        for event in events:
            self.dispatch(event)
            if not self.running:
                return False
        if self.pending_speech:
            self.pending_speech = False
            if self.settings.read_aloud:
                if self.scene.dirty_layout:
                    self.draw()
                self.speaker.say(self.scene.speech())
        if self.dirty or self.animating() or self.scene.dirty_layout:
            self.dirty = False
            self.draw()
            pygame.display.flip()
            return True
        return False

    def first_frame(self) -> None:
        """Draw the first frame at once, before the loop (and asyncio) start."""
        from game.ui.scenes.title import TitleScene

        if not self.stack:
            self.push(TitleScene(self))
        self.step([])
        self.first_frame_shown = True
        if os.environ.get("THREECS_REPORT_FIRST_FRAME"):  # for benchmarks/bench_ui.py
            print("first-frame", flush=True)

    def warm_up(self) -> None:
        """Work that can wait until the learner sees the title: packs, help, sounds."""
        load = getattr(self.context, "load", None)
        if load is not None:
            load()
        self.sounds.load()
        self.start_gamepads()

    def start_gamepads(self) -> None:
        """Gamepads, where present: their buttons become the same actions as keys."""
        try:
            from pygame._sdl2 import controller

            controller.init()
            self.pads = [controller.Controller(i) for i in range(controller.get_count())
                         if controller.is_controller(i)]
        except (ImportError, pygame.error):
            self.pads = []

    async def run(self) -> int:
        import asyncio

        if not self.first_frame_shown:
            self.first_frame()
        self.warm_up()
        last_watch = 0.0
        while self.running:
            events = pygame.event.get()
            busy = bool(events) or self.animating() or self.dirty or self.scene.dirty_layout
            if self.watch and time.monotonic() - last_watch > WATCH_SECONDS:
                last_watch = time.monotonic()
                self.poll_watch()
            self.step(events)
            # Idle: sleep between looks at the queue. SDL's own event wait polls every millisecond
            # (about 2% of a core here); a 25 ms sleep costs 0.4% and adds at most 25 ms to a key press.
            await asyncio.sleep(0 if busy or self.animating() else IDLE_SLEEP)
        self.speaker.close()
        if self.recorder is not None:
            self.recorder.wait_for_sending()
        pygame.quit()
        return 0

    def poll_watch(self) -> None:
        if self.watch and hasattr(self.scene, "check_reload"):
            self.scene.check_reload()


def run_window(args: argparse.Namespace, context: Context | LazyContext) -> int:
    from game.ui.scenes.title import TitleScene

    app = App(context, context.data_dir, language=args.lang, fullscreen=args.fullscreen, watch=args.watch,
              name=args.name)
    app.push(TitleScene(app))
    app.first_frame()
    if getattr(args, "assignment", None):  # --assignment FILE|CODE: its packs come first
        problem = app.use_assignment(args.assignment)
        if problem:
            app.notices.append(problem)
    if context.chosen:  # --pack: straight to the pack (with --watch, reloading it when it is saved)
        from game.ui.scenes.play import start_pack

        start_pack(app, context.chosen[0], watch=args.watch)
    import asyncio  # after the first frame: it takes a while to import

    return asyncio.run(app.run())

