"""Every fact in the UK help directory (scenarios/help/gb.yaml) matches the help-and-report table in CONTENT.md.

The table is read from ../shared/CONTENT.md when it is there; a copy of its section is committed beside
this file (CONTENT-table.md) for checkouts without it, and a test keeps the copy the same as the original.
A fact is a phone or text number, an age, an hour, a year, a web or email address, who the service is
for and when it is open: each must be in the service's row of the table, and each number and address
in that row must be in the directory, so neither can drift from the other.
"""

from __future__ import annotations

import pytest
from packtext import (
    SHARED_CONTENT,
    TABLE_COPY,
    TableRow,
    addresses,
    dates,
    help_section,
    help_table_source,
    normal,
    numbers,
    other_lines,
    table_rows,
)

from game.help import HelpService, load_directory

GB = load_directory().regions["gb"]
SECTION = help_table_source()
ROWS = table_rows(SECTION)
# The first row is the trusted adult and the school's safeguarding lead: the school file, not the directory.
SCHOOL_ROW = "a trusted adult"


def _row_for(service: HelpService) -> TableRow | None:
    return next((row for row in ROWS if normal(service.name) in row.names()), None)


def _line_for(service: HelpService) -> str | None:
    """A service the table has no row for may be named in the lines under it (Meic, for Wales)."""
    return next((line for line in other_lines(SECTION) if normal(service.name) in normal(line)), None)


def _all_text(service: HelpService) -> str:
    fields = (service.name, service.purpose, service.who, service.phone, service.text, service.web,
              service.email, service.hours, service.notes)
    return " | ".join(value for value in fields if value)


def test_the_committed_copy_of_the_table_is_the_same_as_content_md() -> None:
    if not SHARED_CONTENT.is_file():
        pytest.skip(f"{SHARED_CONTENT} is not beside this checkout; the committed copy is used")
    original = help_section(SHARED_CONTENT.read_text("utf-8"))
    assert TABLE_COPY.read_text("utf-8") == original, (
        f"{TABLE_COPY.name} differs from the table in CONTENT.md: copy the section "
        f"'## Help and report routes, UK' from {SHARED_CONTENT} into {TABLE_COPY}")


def test_the_table_is_read() -> None:
    assert len(ROWS) >= 12 and ROWS[0].service.lower().startswith(SCHOOL_ROW)
    assert {"childline", "police"} <= {normal(row.service) for row in ROWS}


@pytest.mark.parametrize("service", GB.services, ids=lambda s: s.id)
def test_every_fact_of_a_service_is_in_the_table(service: HelpService) -> None:
    row = _row_for(service)
    source = row.text if row else _line_for(service)
    assert source is not None, f"{service.id}: '{service.name}' is neither a row of the table nor named under it"
    wrong: list[str] = []
    for label, value in (("phone", service.phone), ("text", service.text)):
        if value and value.replace(" ", "") not in numbers(source):
            wrong.append(f"{label} {value!r}")
    for label, value in (("web", service.web), ("email", service.email)):
        if value and value.lower() not in addresses(source):
            wrong.append(f"{label} {value!r}")
    if service.hours and normal(service.hours) not in normal(source):
        wrong.append(f"hours {service.hours!r}")
    if row is not None:
        if normal(row.who) not in normal(service.who):
            wrong.append(f"who {service.who!r} (the table says {row.who!r})")
    elif normal(service.who).split(",")[0] not in normal(source):
        wrong.append(f"who {service.who!r}")
    text = _all_text(service)
    wrong += [f"number {n!r} (in {service.id})" for n in sorted(numbers(text) - numbers(source))]
    wrong += [f"address {a!r} (in {service.id})" for a in sorted(addresses(text) - addresses(source))]
    wrong += [f"date {d!r} (in {service.id})" for d in sorted(dates(text) - dates(source))]
    assert not wrong, f"{service.id}: not as CONTENT.md says ({source!r}): " + "; ".join(wrong)


@pytest.mark.parametrize("service", GB.services, ids=lambda s: s.id)
def test_every_number_and_address_in_the_table_row_is_in_the_directory(service: HelpService) -> None:
    row = _row_for(service)
    source = row.text if row else _line_for(service)
    assert source is not None
    text = _all_text(service)
    missing = [f"number {n!r}" for n in sorted(numbers(source) - numbers(text))]
    missing += [f"address {a!r}" for a in sorted(addresses(source) - addresses(text))]
    missing += [f"date {d!r}" for d in sorted(dates(source) - dates(text))]
    assert not missing, f"{service.id}: CONTENT.md gives facts the directory leaves out ({source!r}): " + \
        "; ".join(missing)


def test_every_service_in_the_table_is_in_the_directory() -> None:
    names = {normal(service.name) for service in GB.services}
    missing = [row.service for row in ROWS
               if not row.service.lower().startswith(SCHOOL_ROW) and not (row.names() & names)]
    assert not missing, f"services in CONTENT.md's table that scenarios/help/gb.yaml lacks: {missing}"
