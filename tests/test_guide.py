"""``threecs guide --out FILE.html``: the printable page for parents and carers, read back as HTML."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from packdata import SMALL_PACK

import game.i18n
from game.cli import main
from game.help import load_directory
from game.packs import bundled_paths, load_library
from game.packs.validate import PACK_FILE
from game.records.assignment import Assignment, OwnPack, save

ROOT = Path(__file__).resolve().parents[1]
EVIL = "<script>alert('x')</script> & Sons"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    game.i18n.set_language(None)


class Page(HTMLParser):
    """The page as (tag, classes, text) events in reading order, plus every tag and attribute seen."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.events: list[tuple[str, str, str]] = []  # (innermost tag, classes of enclosing elements, text)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._stack: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "input"):
            self._stack.append((tag, (dict(attrs).get("class") or "") + " " + (dict(attrs).get("id") or "")))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and self._stack and self._stack[-1][0] not in ("style", "title"):
            classes = " ".join(c for _tag, c in self._stack)
            self.events.append((self._stack[-1][0], classes, text))

    @property
    def text(self) -> str:
        return " ".join(text for _tag, _c, text in self.events)

    def headings(self, tag: str, within: str = "") -> list[str]:
        return [text for t, classes, text in self.events if t == tag and (not within or within in classes.split())]

    def index(self, predicate: object) -> int:
        return next(i for i, event in enumerate(self.events) if predicate(event))  # type: ignore[operator]


def _guide(tmp_path: Path, *args: str) -> Page:
    out = tmp_path / "guide.html"
    code = main(["guide", "--out", str(out), "--data-dir", str(tmp_path / "data"), *args])
    assert code == 0
    return Page(out.read_text("utf-8"))


def _school(tmp_path: Path, name: str = "Hill Top Primary", lead: str = "Ms R. Osei, Designated Safeguarding Lead",
            region: str = "gb") -> Path:
    path = tmp_path / "school.yaml"
    path.write_text(
        f'school: "{name}"\nregion: {region}\nsafeguarding_lead: "{lead}"\n'
        "report_in_school: Tell any adult in school, or use the worry box by the library.\n"
        "services:\n  - id: local-front-door\n    name: Hill Top Council front door\n"
        "    purpose: Adults worried that a child is not safe.\n    who: Adults\n    phone: 01632 960000\n",
        encoding="utf-8")
    return path


def _bundled() -> dict[str, tuple[str, str]]:
    """id -> (title, audience) of every bundled pack."""
    library = load_library(bundled_paths(), load_directory().known_ids())
    return {p.pack.id: (p.pack.title, p.pack.audience) for p in library.packs}


def test_without_a_choice_the_guide_lists_every_learner_pack_and_the_four_cs(tmp_path: Path) -> None:
    page = _guide(tmp_path)
    listed = page.headings("h3", "pack")
    expected = {title for title, audience in _bundled().values() if audience == "learners"}
    assert set(listed) == expected and len(listed) == len(expected)
    staff = [title for title, audience in _bundled().values() if audience != "learners"]
    assert staff and not set(staff) & set(listed)
    cs = page.headings("h3", "c")
    assert [c.split(":")[0] for c in cs] == ["Content", "Contact", "Conduct", "Commerce"]
    assert "How to report on an app" in page.headings("h2")
    assert "2. Block the person or account." in page.text


def test_the_school_lead_comes_before_the_national_services(tmp_path: Path) -> None:
    page = _guide(tmp_path, "--school", str(_school(tmp_path)))
    lead = page.index(lambda e: "Ms R. Osei" in e[2])
    how = page.index(lambda e: "worry box by the library" in e[2])
    local = page.index(lambda e: e[2] == "Hill Top Council front door")
    national = [i for i, (tag, classes, _t) in enumerate(page.events) if tag == "h4" and "national" in classes.split()]
    assert national, "no national services"
    assert lead < how < local < national[0]
    names = page.headings("h4", "national")
    assert names[0] == "Childline" and "NSPCC Helpline" in names and "Police" in names
    assert "For families at Hill Top Primary." in page.text
    assert "0800 1111" in page.text and "help@nspcc.org.uk" in page.text


def test_without_a_school_file_the_guide_says_ask_for_the_safeguarding_lead(tmp_path: Path) -> None:
    page = _guide(tmp_path)
    lead = page.index(lambda e: "designated safeguarding lead" in e[2].lower() and "school" in e[1])
    first_national = page.index(lambda e: e[0] == "h4" and "national" in e[1].split())
    assert lead < first_national


def test_the_school_region_chooses_the_national_services(tmp_path: Path) -> None:
    page = _guide(tmp_path, "--school", str(_school(tmp_path, region="ie")))
    assert "National services (Ireland)" in page.headings("h3")
    assert "Childline by ISPCC" in page.headings("h4", "national")
    assert "Childline" not in page.headings("h4", "national")


def test_a_school_name_with_markup_is_shown_as_text(tmp_path: Path) -> None:
    school = _school(tmp_path, name=EVIL.replace('"', "'"), lead="<b>Ms Bold</b> <img src=x onerror=alert(1)>")
    page = _guide(tmp_path, "--school", str(school))
    assert "<script" not in page.html.lower() and "<b>" not in page.html and "<img" not in page.html
    assert not [tag for tag, _attrs in page.tags if tag in ("script", "img", "b", "iframe", "object")]
    assert EVIL in page.text
    assert "<b>Ms Bold</b> <img src=x onerror=alert(1)>" in page.text


def test_the_page_loads_nothing_and_prints(tmp_path: Path) -> None:
    page = _guide(tmp_path, "--school", str(_school(tmp_path)))
    assert "@media print" in page.html
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "img", "iframe"), tag
        assert "src" not in attrs and "srcset" not in attrs
        if tag == "a":
            assert re.match(r"(https://|mailto:|tel:)", attrs.get("href") or ""), attrs
    assert "@import" not in page.html and "url(" not in page.html
    assert page.tags[0][0] == "html" and page.tags[0][1].get("lang") == "en"


def test_an_assignment_file_lists_its_packs_in_order_with_the_class(tmp_path: Path) -> None:
    file = tmp_path / "assignment-7B.json"
    save(Assignment("7B", ("contact-7-11", "content-7-11"), due=date(2026, 3, 14)), file)
    page = _guide(tmp_path, "--assignment", str(file))
    titles = _bundled()
    assert page.headings("h3", "pack") == [titles["contact-7-11"][0], titles["content-7-11"][0]]
    assert "What your child's class is playing" in page.headings("h2")
    assert "For families of class 7B." in page.text
    assert "The class has been asked to finish by 14 March 2026." in page.text


def test_an_assignment_code_lists_its_packs(tmp_path: Path) -> None:
    code = Assignment("9C", ("commerce-11-19", "conduct-11-14")).code
    assert code
    page = _guide(tmp_path, "--assignment", code)
    titles = _bundled()
    assert page.headings("h3", "pack") == [titles["commerce-11-19"][0], titles["conduct-11-14"][0]]
    assert "For families of class 9C." in page.text


def test_a_teachers_own_pack_in_the_assignment_is_listed_without_writing_to_the_data_folder(tmp_path: Path) -> None:
    own = OwnPack("test-pack", {PACK_FILE: SMALL_PACK.encode("utf-8")}, folder=False)
    file = tmp_path / "assignment.json"
    save(Assignment("8A", ("test-pack", "contact-11-14", "retired-pack"), own_packs=(own,)), file)
    out = tmp_path / "guide.html"
    data = tmp_path / "data"
    assert main(["guide", "--out", str(out), "--data-dir", str(data), "--assignment", str(file)]) == 0
    page = Page(out.read_text("utf-8"))
    assert page.headings("h3", "pack") == ["Test pack", _bundled()["contact-11-14"][0]]
    assert "The assigned pack 'retired-pack' is not in this copy of Three Cs." in page.text
    assert not data.exists()


def test_pack_ids_choose_the_packs(tmp_path: Path) -> None:
    page = _guide(tmp_path, "--pack", "contact-14-19", "--pack", "content-14-19")
    titles = _bundled()
    assert page.headings("h3", "pack") == [titles["contact-14-19"][0], titles["content-14-19"][0]]
    assert "Content note:" in page.text


def test_mistakes_are_messages_not_tracebacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "g.html")
    assert main(["guide", "--out", out, "--pack", "no-such-pack"]) == 2
    assert "No pack with id" in capsys.readouterr().err
    assert main(["guide", "--out", out, "--assignment", "7B-QQQQ-QQ"]) == 2
    assert main(["guide", "--out", out, "--school", str(tmp_path / "missing.yaml")]) == 2
    assert main(["guide", "--out", str(tmp_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not Path(out).exists()


class Marked(gettext.NullTranslations):
    """Wraps every translated string in ⟦ ⟧, to see which words on the page went through _()."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"⟦{msgid1 if n == 1 else msgid2}⟧"

    def pgettext(self, context: str, message: str) -> str:
        return message  # pack and help text: the pack's own words


def test_every_word_of_the_page_is_translatable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.guide.page import build_guide, render_html

    library = load_library(bundled_paths(), load_directory().known_ids())
    packs = [p.pack for p in library.packs]
    directory = load_directory()
    monkeypatch.setattr(game.i18n, "_translations", Marked())
    page = Page(render_html(build_guide(packs, directory, "7B", "14 March 2026")))
    data: set[str] = set()
    for pack in packs:
        data.update(filter(None, [pack.title, pack.summary, pack.content_note]))
        for scenario in pack.scenarios:
            data.update([scenario.title, *scenario.discuss])
    for service in directory.regions["gb"].services:
        data.update(filter(None, [service.name, service.purpose, service.who, service.phone, service.text,
                                  service.web, service.email, service.hours, service.notes]))
    untranslated: list[str] = []
    for _tag, _classes, text in page.events:
        rest = re.sub(r"⟦[^⟧]*⟧", "", text)
        for item in sorted(data, key=len, reverse=True):
            rest = rest.replace(" ".join(item.split()), "")
        if re.search(r"[A-Za-z]{2,}", rest):
            untranslated.append(text)
    assert not untranslated, untranslated


def test_the_command_runs_as_a_user_runs_it(tmp_path: Path) -> None:
    out = tmp_path / "guide.html"
    result = subprocess.run([sys.executable, "-m", "game", "guide", "--out", str(out), "--pack", "contact-7-11"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert "<h1>Three Cs: a guide for parents and carers</h1>" in out.read_text("utf-8")
