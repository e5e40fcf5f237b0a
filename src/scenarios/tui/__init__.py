"""The Textual app: home, setup, play and end screens, for a table and its facilitator.

The only layer that imports Textual. It renders engine state and turns key
presses into engine actions through the journaled session; it never computes
a rule itself.
"""

import os

SERVED_ENV = "SCENARIOS_SERVED"
"""`scenarios serve` sets it to "1" for each session it starts."""


def is_served() -> bool:
    """Whether this app runs for a browser through `scenarios serve`: it then opens
    no path it is told, only the deck it was given and the bundled ones."""
    return os.environ.get(SERVED_ENV) == "1"
