"""Mock apps, feedback, scores and help as plain text, in reading order.

Plain lines only (no colours, no boxes drawn with symbols), so that a screen
reader reads them as a person would and a golden transcript stays stable.
"""

from __future__ import annotations

import textwrap

from game import labels
from game.engine import Feedback, Score
from game.help import HelpDirectory
from game.i18n import _, format_percent, ngettext
from game.packs.model import Choice, Screen

WIDTH = 78


def wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    lines: list[str] = []
    later = indent if hanging is None else hanging
    for paragraph in text.strip().splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=later) or [""])
    return lines


def screen_lines(screen: Screen) -> list[str]:
    header = labels.app(screen.app)
    if screen.title:
        header += f": {screen.title}"
    lines = [f"[{header}]"] if screen.app != "narration" or screen.title else []
    if screen.app == "email":
        sender = screen.contact or ""
        if screen.address:
            sender = f"{sender} <{screen.address}>" if sender else screen.address
        if sender:
            lines.append(_("From: {sender}").format(sender=sender))
        if screen.subject:
            lines.append(_("Subject: {subject}").format(subject=screen.subject))
    elif screen.app == "browser" and screen.address:
        lines.append(_("Address: {address}").format(address=screen.address))
    elif screen.app == "search" and screen.query:
        lines.append(_("Searched for: {query}").format(query=screen.query))
    elif screen.contact and screen.app in ("chat", "sms", "game"):
        lines.append(_("Chatting with {name}").format(name=screen.contact))
    elif screen.contact:
        lines.append(_("From {name}").format(name=screen.contact))
    if screen.app == "video" and screen.caption:
        lines.extend(wrap(_("The video shows: {caption}").format(caption=screen.caption)))
    if screen.image:
        lines.extend(wrap(_("[Picture: {alt}]").format(alt=screen.alt or _("no description"))))
    if screen.app == "video" and screen.messages:
        lines.append(_("Comments:"))
    for number, message in enumerate(screen.messages, 1):
        who = labels.sender(message.from_, screen.contact)
        if screen.app == "search":
            lines.extend(wrap(f"{number}. {who}: {message.text}" if who else f"{number}. {message.text}", "  "))
            continue
        stamp = f" ({message.time})" if message.time else ""
        text = f"{who}{stamp}: {message.text}" if who else f"{message.text}{stamp}"
        lines.extend(wrap(text, "  "))
        if message.image:
            lines.extend(wrap(_("[Picture: {alt}]").format(alt=message.alt or _("no description")), "    "))
    if screen.buttons:
        lines.append(_("Buttons: {buttons}").format(buttons="  ".join(f"[{b}]" for b in screen.buttons)))
    return lines


def choice_lines(prompt: str, choices: list[Choice]) -> list[str]:
    lines = wrap(prompt)
    for number, choice in enumerate(choices, 1):
        lines.extend(wrap(f"{number}. {choice.text}", "  ", "     "))
    return lines


def feedback_lines(feedback: Feedback, directory: HelpDirectory) -> list[str]:
    lines = [labels.outcome(feedback.outcome) + "."]
    lines.extend(wrap(feedback.text))
    services = directory.services_for(feedback.help)
    if services or "school" in feedback.help:
        lines.append(_("Who can help with this:"))
        if "school" in feedback.help:
            lines.extend(service_lines(_("In school"), directory.school_lead(),
                                       [(_("How to tell"), directory.report_in_school())]))
        for service in services:
            lines.extend(service_lines(service.name, service.purpose, service.contacts()))
    return lines


def score_lines(scores: dict[str, Score]) -> list[str]:
    lines = []
    for cat, score in scores.items():
        scaled = score.scaled or 0.0
        lines.append("  " + ngettext("{category}: {earned} of {available} point ({percent})",
                                     "{category}: {earned} of {available} points ({percent})",
                                     score.available).format(
            category=labels.category(cat), earned=score.earned, available=score.available,
            percent=format_percent(scaled)))
    return lines


def service_lines(name: str, purpose: str, contacts: list[tuple[str, str]]) -> list[str]:
    lines = wrap(f"- {name}: {purpose}", "  ", "    ")
    if contacts:
        lines.extend(wrap("; ".join(f"{label}: {value}" for label, value in contacts), "    "))
    return lines


def help_lines(ids: list[str], directory: HelpDirectory) -> list[str]:
    """The school first, then the national services that fit, then how to report on an app."""
    lines = [_("Where to get help:")]
    lines.extend(service_lines(_("In school"), directory.school_lead(),
                               [(_("How to tell"), directory.report_in_school())]))
    for service in directory.services_for(ids):
        lines.extend(service_lines(service.name, service.purpose, service.contacts()))
    lines.extend(wrap(_("On any app: take a screenshot, block, report, and tell a trusted adult."), "  "))
    return lines
