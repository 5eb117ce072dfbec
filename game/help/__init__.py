"""Where to get help: national services by region and the school's own configuration."""

from game.help.directory import (
    SCHOOL_ID,
    HelpDirectory,
    HelpError,
    HelpService,
    School,
    load_directory,
    load_school,
)

__all__ = ["SCHOOL_ID", "HelpDirectory", "HelpError", "HelpService", "School", "load_directory", "load_school"]
