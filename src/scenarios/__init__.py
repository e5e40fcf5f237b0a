"""scenarios: a foresight scenario-game engine for crisis workshops."""

__version__ = "0.1.0"
