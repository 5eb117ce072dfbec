"""The class report as a page (HTML with inline SVG charts, printable) and as a spreadsheet (CSV).

The page goes through Jinja2 with autoescape on, so a nickname such as
``<script>`` shows as text. Charts are inline SVG with the numbers also
written as words: no network, nothing to load, and never colour alone. The
CSV is safe to open in a spreadsheet: a text cell that starts with = + - @,
a tab or a carriage return is prefixed with ' so it is never run as a formula.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from game import labels
from game.i18n import _, format_percent, language, locale_name, ngettext
from game.packs.model import CATEGORIES
from game.records.atomic import write_atomic
from game.records.report import ClassReport, Learner, Report, initials, quiet_gc

TEMPLATES = Path(__file__).with_name("templates")
RTL_LANGUAGES = {"ur", "ar", "fa", "he"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@lru_cache(maxsize=4096)
def _when_cached(day: str, locale: str) -> str:
    try:
        moment = date.fromisoformat(day)
    except ValueError:
        return ""
    from babel.dates import format_date

    return format_date(moment, format="medium", locale=locale)


def _when(stamp: str) -> str:
    """The day a learner last played, in the teacher's language (a report lists thousands: cached)."""
    return _when_cached(stamp[:10], locale_name()) if stamp else ""


@lru_cache(maxsize=4096)
def _percent_cached(value: float, locale: str) -> str:
    return format_percent(value)


def _percent(value: float | None) -> str:
    return _percent_cached(value, locale_name()) if value is not None else "–"


@lru_cache(maxsize=4096)
def _mini_bar(value: float | None, cat: str, locale: str) -> Markup:
    """One table cell: a small bar and the percentage beside it (the bar is decoration, the words are the data)."""
    if value is None:
        return Markup('<td class="c"><span class="none">–</span></td>')
    return Markup('<td class="c"><svg class="mini" width="64" height="12" viewBox="0 0 64 12" aria-hidden="true" '
                  'xmlns="http://www.w3.org/2000/svg"><rect width="64" height="12" rx="3" class="track"/>'
                  '<rect width="{w}" height="12" rx="3" class="bar {cat}"/></svg> {text}</td>').format(
        w=round(64 * value, 1), cat=cat, text=_percent_cached(value, locale))


@dataclass
class LearnerRow:
    name: str
    class_label: str
    mastery: dict[str, float | None]
    scenarios_done: int
    scenarios_total: int | None
    packs_finished: int
    risky: int
    answered: int
    last_seen: str

    def html(self, of: str) -> Markup:
        """The learner's table row. Made here, not in a template loop, because a school's report can have
        ten thousand rows; every value is escaped (markupsafe.escape) just as autoescape would."""
        locale = locale_name()
        done = of.format(done=self.scenarios_done, total=self.scenarios_total) \
            if self.scenarios_total is not None else str(self.scenarios_done)
        cells = "".join(_mini_bar(self.mastery[cat], cat, locale) for cat in CATEGORIES)
        risky = of.format(done=self.risky, total=self.answered)
        return Markup(f'<tr><th scope="row">{escape(self.name)}</th>{cells}<td class="num">{escape(done)}</td>'
                      f'<td class="num">{self.packs_finished:d}</td><td class="num">{escape(risky)}</td>'
                      f'<td class="num">{escape(_when(self.last_seen))}</td></tr>')


def learner_rows(report: Report, group: ClassReport, show_initials: bool) -> list[LearnerRow]:
    rows: list[LearnerRow] = []
    shown: dict[str, int] = {}
    for learner in group.learners:
        name = _display_name(learner, show_initials, shown)
        done, total = learner.completion(report.scenario_counts, report.assigned)
        mastery = {cat: m.scaled for cat, m in learner.mastery().items()}
        rows.append(LearnerRow(name, group.label, mastery, done, total, len(learner.packs_finished),
                               learner.risky, learner.answered, learner.last_seen))
    return rows


def _display_name(learner: Learner, show_initials: bool, shown: dict[str, int]) -> str:
    if not show_initials:
        return learner.nickname
    name = initials(learner.nickname)
    shown[name] = shown.get(name, 0) + 1
    return name if shown[name] == 1 else f"{name} ({shown[name]})"


def class_title(label: str) -> str:
    return _("Class {label}").format(label=label) if label else _("No class given (played at home)")


# --- HTML ---------------------------------------------------------------------------
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["percent"] = _percent
    env.filters["when"] = _when
    env.globals["category_name"] = labels.category
    env.globals["class_title"] = class_title
    env.globals["of"] = _("{done} of {total}")
    return env


def render_html(report: Report, show_initials: bool = False) -> str:
    with quiet_gc():
        return _render_html(report, show_initials)


def _render_html(report: Report, show_initials: bool) -> str:
    classes: list[dict[str, Any]] = []
    for group in report.classes:
        classes.append({"group": group, "rows": learner_rows(report, group, show_initials)})
    generated = datetime.now(timezone.utc)
    from babel.dates import format_datetime

    return _environment().get_template("report.html").render(
        lang=language(),
        direction="rtl" if language() in RTL_LANGUAGES else "ltr",
        report=report,
        classes=classes,
        categories=CATEGORIES,
        generated=format_datetime(generated, format="medium", locale=locale_name()),
        show_initials=show_initials,
        stats=report.stats,
    )


def write_html(report: Report, path: Path, show_initials: bool = False) -> None:
    write_atomic(path, render_html(report, show_initials).encode("utf-8"))


# --- CSV ----------------------------------------------------------------------------
def safe_cell(value: object) -> object:
    """A cell a spreadsheet will show as text, never run: ' before a leading = + - @, tab or CR."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(report: Report, show_initials: bool = False) -> str:
    with quiet_gc():
        return _render_csv(report, show_initials)


def _render_csv(report: Report, show_initials: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [_("Class"), _("Learner"), *[labels.category(cat) + " %" for cat in CATEGORIES],
              _("Scenarios finished"), _("Scenarios in the packs started"), _("Packs finished"),
              _("Choices made"), _("Risky choices"), _("Last played")]
    writer.writerow([safe_cell(cell) for cell in header])
    for group in report.classes:
        for row in learner_rows(report, group, show_initials):
            cells: list[object] = [row.class_label, row.name]
            cells += [round(row.mastery[cat] * 100) if row.mastery[cat] is not None else ""  # type: ignore[operator]
                      for cat in CATEGORIES]
            cells += [row.scenarios_done, row.scenarios_total if row.scenarios_total is not None else "",
                      row.packs_finished, row.answered, row.risky, row.last_seen[:10]]
            writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()


def write_csv(report: Report, path: Path, show_initials: bool = False) -> None:
    # With a byte-order mark, spreadsheet programs read the file as UTF-8 (names in any script).
    write_atomic(path, render_csv(report, show_initials).encode("utf-8-sig"))
