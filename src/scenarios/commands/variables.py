"""`--var id=value`: the values of a deck's variables given on the command line.

One parser for every command that fills a deck's texts before anyone reads them
(`print` for paper, `workshop create` for every table of a room). A `--var` the
deck does not declare is a usage error that lists those it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenarios.deck import Deck


class BadVariable(Exception):
    """A `--var` that cannot be used: a catalog message id and its values."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def variable_values(deck: Deck, given: Sequence[str]) -> dict[str, str]:
    """The values of `--var id=value` (the last one wins for an id); `BadVariable` for one
    that is not of that form or that the deck does not declare."""
    known = [variable.id for variable in deck.variables]
    values: dict[str, str] = {}
    for pair in given:
        name, equal, value = pair.partition("=")
        name = name.strip()
        if not equal or not name:
            raise BadVariable("var.form", given=pair)
        if name not in known:
            if not known:
                raise BadVariable("var.none", name=name)
            raise BadVariable("var.unknown", name=name, ids=", ".join(known))
        values[name] = value
    return values
