"""The help directory by region, and the school's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.help import HelpError, load_directory, load_school
from game.help.directory import School

ROOT = Path(__file__).resolve().parents[2]


def school(region: str) -> School:
    return School(school="St Example", region=region, safeguarding_lead="Ms Lee, DSL", report_in_school="Tell Ms Lee.")


def test_every_region_loads_and_every_uk_id_is_known() -> None:
    directory = load_directory()
    assert set(directory.regions) == {"gb", "ie", "au", "us"}
    assert {"childline", "ceop", "report-remove", "iwf", "report-harmful-content", "report-fraud", "school"} \
        <= directory.known_ids()


@pytest.mark.parametrize("region, name", [("gb", "Childline"), ("ie", "Childline by ISPCC"),
                                          ("au", "Kids Helpline")])
def test_a_uk_id_finds_the_service_that_stands_in_for_it(region: str, name: str) -> None:
    service = load_directory(school=school(region)).resolve("childline")
    assert service is not None and service.name.startswith(name)


def test_the_school_comes_first_and_its_own_services_resolve() -> None:
    local = School.model_validate({**school("gb").model_dump(), "services": [
        {"id": "local-front-door", "name": "Front door", "purpose": "Worried about a child", "who": "Anyone"}]})
    directory = load_directory(school=local)
    assert directory.school_lead().startswith("Ms Lee, DSL at St Example")
    assert directory.resolve("local-front-door") is not None
    assert "local-front-door" in directory.known_ids()
    assert directory.all_services()[0].id == "local-front-door"


def test_the_example_school_file_loads() -> None:
    loaded = load_school(ROOT / "docs" / "school.example.yaml")
    assert loaded.region == "gb" and loaded.safeguarding_lead


def test_a_broken_school_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "school.yaml"
    path.write_text("school: X\nregion: gb\nsafeguarding_lead: Ms Lee\nreport_in_school: Tell\nregon: ie\n")
    with pytest.raises(HelpError) as caught:
        load_school(path)
    assert any(p.line == 5 and "did you mean 'region'" in p.message for p in caught.value.problems)
