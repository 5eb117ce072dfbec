"""A learner playing an assignment: its packs join the library and come first.

Used by both front ends after they have loaded the library, so an
assignment's own packs (carried in its file) are checked like any other
pack and a broken one is listed, never half-loaded.
"""

from __future__ import annotations

from pathlib import Path

from game.help import HelpDirectory
from game.i18n import _
from game.packs import Library, LoadedPack, load_library
from game.records.assignment import Assignment, unpack_own_packs


def arrange_library(assignment: Assignment, library: Library, directory: HelpDirectory,
                    data_dir: Path) -> tuple[list[LoadedPack], list[str]]:
    """Add the carried packs to ``library`` and move the assigned packs to the front, in the teacher's order.

    Returns the assigned packs that can be played, and notices for the learner about any that cannot.
    """
    notices: list[str] = []
    carried = unpack_own_packs(assignment, data_dir)
    if carried:
        extra = load_library(carried, directory.known_ids())
        for loaded in extra.packs:
            if library.get(loaded.pack.id) is None:
                library.packs.append(loaded)
        library.broken.extend(extra.broken)
    assigned: list[LoadedPack] = []
    for pack_id in assignment.packs:
        found = library.get(pack_id)
        if found is None:
            notices.append(_("The assigned pack '{id}' is not in this copy of Three Cs; please update the game.")
                           .format(id=pack_id))
        elif found not in assigned:
            assigned.append(found)
    library.packs[:] = assigned + [p for p in library.packs if p not in assigned]
    return assigned, notices


def assignment_intro(assignment: Assignment) -> str:
    """One line that tells the learner what was set, for the top of the pack list."""
    from babel.dates import format_date

    from game.i18n import locale_name

    if assignment.due:
        return _("Assignment for class {label}, due {date}.").format(
            label=assignment.class_label, date=format_date(assignment.due, format="long", locale=locale_name()))
    return _("Assignment for class {label}.").format(label=assignment.class_label)
