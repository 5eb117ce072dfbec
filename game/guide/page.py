"""The guide for parents and carers as data, and as one printable HTML page.

Every word on the page comes from here, through ``_()``, so the Python extractor finds it and the
page reads in the chosen language; the template (templates/guide.html) only lays things out. It goes
through Jinja2 with autoescape on, so a school name or a pack title such as ``<script>`` shows as text.
The page loads nothing: no scripts, no web fonts, no images, styles inline, with print rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from game import labels
from game.help import HelpDirectory, HelpService
from game.i18n import _, language, locale_name, ngettext
from game.i18n.packs import translate_pack, translate_service
from game.packs import Pack
from game.packs.model import CATEGORIES

TEMPLATES = Path(__file__).with_name("templates")
RTL_LANGUAGES = {"ur", "ar", "fa", "he"}
MAX_TALK_QUESTIONS = 3  # per pack: a few questions to talk about at home


def _parent_words() -> dict[str, tuple[str, str]]:
    """What each C means, said for a parent: (what it covers, an example from the game)."""
    return {
        "content": (
            _("What your child sees, reads and shares: upsetting or harmful things (violence, pornography, "
              "self-harm, hate or extremism), fake news and conspiracy theories, and what is fine to post, "
              "including other people's photos and work."),
            _("For example: a shocking video that may be fake, or a feed that keeps showing harmful posts."),
        ),
        "contact": (
            _("Who your child talks to: people who are not who they say they are, adults who try to build a "
              "secret relationship with a child (grooming), pressure from others, and chatbots that act like "
              "friends."),
            _("For example: a friendly player who asks for their age, their school or a photo."),
        ),
        "conduct": (
            _("How your child behaves online and keeps information safe: being kind, bullying, sharing "
              "images, passwords, logging out, and respecting other people's photos."),
            _("For example: being asked to forward an embarrassing photo of someone in their class."),
        ),
        "commerce": (
            _("Money online: scams and phishing, in-game purchases and loot boxes, gambling, and adverts."),
            _("For example: a message offering free game currency for their account details."),
        ),
    }


@dataclass
class CView:
    key: str
    name: str
    short: str
    about: str
    example: str


@dataclass
class PackView:
    title: str
    category: str
    category_name: str
    ages: str
    summary: str
    content_note: str | None
    scenario_count: str
    scenarios: list[str]
    talk: list[str]


@dataclass
class Contact:
    label: str
    value: str
    href: str | None


@dataclass
class ServiceView:
    name: str
    purpose: str
    who: str
    contacts: list[Contact]
    notes: str | None


@dataclass
class Guide:
    school: str | None
    class_label: str | None
    due: str | None
    cs: list[CView]
    packs: list[PackView]
    school_lead: str
    report_in_school: str
    local: list[ServiceView]
    national: list[ServiceView]
    region_name: str
    notices: list[str] = field(default_factory=list)


def _translated_pack(pack: Pack) -> Pack:
    translated: Pack = translate_pack(pack)
    return translated


def _translated_service(region: str, service: HelpService) -> HelpService:
    translated: HelpService = translate_service(region, service)
    return translated


def _href(label_kind: str, value: str) -> str | None:
    """A link for the screen copy (the printed page shows the words): tel:, mailto: or https:// only."""
    if label_kind == "phone":
        digits = re.sub(r"[^\d+]", "", value)
        return f"tel:{digits}" if digits else None
    if label_kind == "email" and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return f"mailto:{value}"
    if label_kind == "web" and re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/[\w./%-]*)?", value, re.IGNORECASE):
        return f"https://{value}"
    return None


def service_view(service: HelpService) -> ServiceView:
    kinds = [("phone", _("Phone"), service.phone), ("text", _("Text"), service.text), ("web", _("Web"), service.web),
             ("email", _("Email"), service.email), ("hours", _("Hours"), service.hours)]
    contacts = [Contact(label, value, _href(kind, value)) for kind, label, value in kinds if value]
    return ServiceView(service.name, service.purpose, _("For: {who}").format(who=service.who), contacts,
                       service.notes)


def pack_view(pack: Pack) -> PackView:
    pack = _translated_pack(pack)
    talk: list[str] = []
    for scenario in pack.scenarios:
        if scenario.discuss and len(talk) < MAX_TALK_QUESTIONS:
            talk.append(scenario.discuss[0])
    count = len(pack.scenarios)
    return PackView(
        title=pack.title,
        category=pack.category,
        category_name=labels.category(pack.category),
        ages=labels.ages(pack.age_bands),
        summary=pack.summary,
        content_note=pack.content_note,
        scenario_count=ngettext("{n} scenario", "{n} scenarios", count).format(n=count),
        scenarios=[scenario.title for scenario in pack.scenarios],
        talk=talk,
    )


def build_guide(packs: list[Pack], directory: HelpDirectory, class_label: str | None = None,
                due: str | None = None, notices: list[str] | None = None) -> Guide:
    meanings = _parent_words()
    cs = [CView(cat, labels.category(cat), _(labels.CATEGORY_ABOUT[cat]), *meanings[cat]) for cat in CATEGORIES]
    region = directory.regions.get(directory.region)
    school = directory.school
    return Guide(
        school=school.school if school else None,
        class_label=class_label,
        due=due,
        cs=cs,
        packs=[pack_view(pack) for pack in packs],
        school_lead=directory.school_lead(),
        report_in_school=directory.report_in_school(),
        local=[service_view(s) for s in (school.services if school else [])],
        national=[service_view(_translated_service(directory.region, s)) for s in (region.services if region else [])],
        region_name=region.name if region else directory.region,
        notices=list(notices or []),
    )


def _words(guide: Guide) -> dict[str, str]:
    """Every heading and sentence of the page that is not data."""
    if guide.school and guide.class_label:
        made_for = _("For families of class {label} at {school}.").format(label=guide.class_label, school=guide.school)
    elif guide.school:
        made_for = _("For families at {school}.").format(school=guide.school)
    elif guide.class_label:
        made_for = _("For families of class {label}.").format(label=guide.class_label)
    else:
        made_for = ""
    return {
        "title": _("Three Cs: a guide for parents and carers"),
        "made_for": made_for,
        "due": _("The class has been asked to finish by {date}.").format(date=guide.due) if guide.due else "",
        "intro": _("Your child is playing Three Cs, a game about staying safe online. It shows everyday "
                   "situations in pretend apps (a chat, a feed, a game, an email) and asks what they would do. "
                   "Every answer is explained, and the game always shows where to get help."),
        "privacy": _("The game asks only for a nickname. It does not ask for your child's name or email."),
        "cs_heading": _("The Cs of online risk"),
        "cs_intro": _("The game teaches the three Cs of online risk, and a fourth about money:"),
        "packs_heading": _("What your child's class is playing") if guide.class_label else _("The scenario packs"),
        "packs_none": _("No packs were chosen."),
        "scenarios_heading": _("Scenarios"),
        "talk_heading": _("Questions to talk about at home"),
        "content_note": _("Content note"),
        "help_heading": _("Where to get help"),
        "help_intro": _("Start with the school: they know your child and can act, even when it happened outside "
                        "school. Then the national services below, each for its own kind of problem."),
        "in_school": _("In school"),
        "how_to_tell": _("How to tell the school"),
        "local_heading": _("Local services"),
        "national_heading": _("National services ({region})").format(region=guide.region_name),
        "emergency": _("If anyone is in immediate danger, call the police on 999."),
        "report_heading": _("How to report on an app"),
        "report_intro": _("Your child practises these steps in the game. You can do them together:"),
        "tells_heading": _("If your child tells you something has happened"),
        "footer": _("Made with Three Cs. Keep this page, or print it and put it somewhere easy to find."),
        "notices_heading": _("Please note"),
    }


def report_steps() -> list[str]:
    # The same sentences as the game's help screen, so both read alike in every language.
    return [_("1. Take a screenshot of what happened (not of a nude image: never copy one)."),
            _("2. Block the person or account."),
            _("3. Report it in the app: find the menu (often three dots), choose Report and the reason."),
            _("4. Tell a trusted adult: at home or at school.")]


def tell_steps() -> list[str]:
    return [_("Stay calm, listen, and thank them for telling you."),
            _("Tell them plainly that it is not their fault, and that it is never too late to tell."),
            _("Try not to take away their phone or games as a punishment: children who fear that stop telling."),
            _("Keep a screenshot as evidence, but never save, copy or forward a nude or sexual image of a child, "
              "even to report it: report it to the service in this guide that deals with it."),
            _("Tell the school's safeguarding lead, and use the national service that fits.")]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(guide: Guide) -> str:
    context: dict[str, Any] = {
        "lang": language(),
        "direction": "rtl" if language() in RTL_LANGUAGES else "ltr",
        "locale": locale_name(),
        "guide": guide,
        "words": _words(guide),
        "report_steps": report_steps(),
        "tell_steps": tell_steps(),
    }
    return _environment().get_template("guide.html").render(**context)
