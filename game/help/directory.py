"""Where to get help: the national services by region, and the school's own people.

The directory is data (scenarios/help/<region>.yaml) so that a school outside
the UK, or a new service, needs no code. Packs name services by their UK ids;
a region's service can stand in for a UK id (``stands_for``), so one pack
shows Childline in the UK and Kids Helpline in Australia.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.i18n import _
from game.packs.errors import problems_from_validation, register_root
from game.packs.model import ID_PATTERN
from game.packs.yamlsource import Problem, read_yaml
from game.paths import help_dir

SCHOOL_ID = "school"
DEFAULT_REGION = "gb"


class HelpService(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=80)
    purpose: str = Field(min_length=1, max_length=200)
    who: str = Field(min_length=1, max_length=120)
    phone: str | None = None
    text: str | None = None
    web: str | None = None
    email: str | None = None
    hours: str | None = None
    notes: str | None = None
    stands_for: list[str] = Field(default_factory=list)

    def contacts(self) -> list[tuple[str, str]]:
        """(label, value) pairs for each way to reach the service, in a fixed order."""
        pairs = [
            (_("Phone"), self.phone),
            (_("Text"), self.text),
            (_("Web"), self.web),
            (_("Email"), self.email),
            (_("Hours"), self.hours),
        ]
        return [(label, value) for label, value in pairs if value]


class RegionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    region: str = Field(pattern=r"^[a-z]{2}$")
    name: str
    services: list[HelpService] = Field(min_length=1)


class XapiEndpoint(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    endpoint: str
    username: str = ""
    password: str = ""


class School(BaseModel):
    """The school's own configuration (school.yaml), written by staff."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    school: str = Field(min_length=1, max_length=80)
    region: str = Field(DEFAULT_REGION, pattern=r"^[a-z]{2}$")
    safeguarding_lead: str = Field(min_length=1, max_length=120)
    report_in_school: str = Field(min_length=1, max_length=400)
    services: list[HelpService] = Field(default_factory=list)
    xapi: XapiEndpoint | None = None


register_root(RegionFile)
register_root(School)


class HelpError(Exception):
    """A help file or school file could not be used; carries its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class HelpDirectory:
    regions: dict[str, RegionFile] = field(default_factory=dict)
    school: School | None = None

    @property
    def region(self) -> str:
        return self.school.region if self.school else DEFAULT_REGION

    def known_ids(self) -> set[str]:
        """Every id a pack may name: any region's services, what they stand for, the school's."""
        ids = {SCHOOL_ID}
        for region in self.regions.values():
            for service in region.services:
                ids.add(service.id)
                ids.update(service.stands_for)
        if self.school:
            ids.update(service.id for service in self.school.services)
        return ids

    def resolve(self, service_id: str) -> HelpService | None:
        """The service that answers ``service_id`` in the school's region, in the learner's language."""
        from game.i18n.packs import translate_service

        found = self._resolve(service_id)
        return translate_service(self.region, found) if found is not None else None

    def _resolve(self, service_id: str) -> HelpService | None:
        if self.school:
            for service in self.school.services:
                if service.id == service_id:
                    return service
        region = self.regions.get(self.region)
        if region is None:
            return None
        for service in region.services:
            if service.id == service_id:
                return service
        for service in region.services:
            if service_id in service.stands_for:
                return service
        return None

    def services_for(self, ids: list[str] | tuple[str, ...]) -> list[HelpService]:
        """Services for these ids, each once, in order; 'school' is shown separately."""
        found: list[HelpService] = []
        for service_id in ids:
            if service_id == SCHOOL_ID:
                continue
            service = self.resolve(service_id)
            if service is not None and service not in found:
                found.append(service)
        return found

    def all_services(self) -> list[HelpService]:
        from game.i18n.packs import translate_service

        local = list(self.school.services) if self.school else []
        region = self.regions.get(self.region)
        return [translate_service(self.region, s) for s in local + (list(region.services) if region else [])]

    def school_lead(self) -> str:
        if self.school:
            return _("{lead} at {school}").format(lead=self.school.safeguarding_lead, school=self.school.school)
        return _("Your school's designated safeguarding lead (ask your teacher who that is)")

    def report_in_school(self) -> str:
        if self.school:
            return self.school.report_in_school
        return _("Tell a teacher or any adult you trust in school. They will listen and help.")


def _load_model(path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    source = read_yaml(path)
    if source.problems:
        return None, list(source.problems)
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        return None, problems_from_validation(error, source)


def load_school(path: Path) -> School:
    school, problems = _load_model(path, School)
    if problems or school is None:
        raise HelpError(problems)
    assert isinstance(school, School)
    return school


def load_directory(folder: Path | None = None, school: School | None = None) -> HelpDirectory:
    """Every region file in ``folder`` (default: the bundled one). Raises HelpError on a bad file."""
    folder = folder or help_dir()
    directory = HelpDirectory(school=school)
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        region, found = _load_model(path, RegionFile)
        problems.extend(found)
        if isinstance(region, RegionFile):
            directory.regions[region.region] = region
    if problems:
        raise HelpError(problems)
    return directory
