"""`scenarios schema`: the JSON Schema of the deck format on stdout."""

from __future__ import annotations

import argparse
import sys

from scenarios.deck.schema import schema_text


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
