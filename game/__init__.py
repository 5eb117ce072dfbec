"""Three Cs: a game that teaches school learners to stay safe online."""

__version__ = "0.1.0"
