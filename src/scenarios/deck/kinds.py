"""Card kinds: what each card `type` is and does, as data, in one place.

Every part of the program that treats cards differently asks a trait of the
card's kind (is it drawn? held in a hand? does it ask a choice?), never the
name of its type, so a new kind is a new row of `KINDS`, its label in the
catalog, and whatever screen shows it differently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from scenarios.i18n import Lang, Texts

if TYPE_CHECKING:  # the expression compiler is not loaded for so little
    from scenarios.rules import CardUse

TEXTS = Texts("deck")


@attrs.frozen
class CardKind:
    """One card type: how its cards come into the game and what the table does with them.

    - `drawn`: it may come up at the event step, drawn by weight among the
      cards whose `when` holds;
    - `triggered`: a `trigger` effect may schedule it;
    - `held`: dealt into roles' hands and played from there by a role, paying
      its cost; `give` and injection put it into a hand (the other kinds come
      into play instead);
    - `options`: when it comes up, the table picks one of its options;
    - `once`: at most once a game unless the card says `once: false`;
    - `asks`: when it comes up, the roles it names (or the table) answer it in words.

    `label` is the catalog id of its name (context "deck"); `doc_name` and
    `doc` describe it in French in the format's documentation (the JSON
    Schema), like every other description of the format.
    """

    id: str
    label: str
    doc_name: str
    doc: str
    drawn: bool = False
    triggered: bool = False
    held: bool = False
    options: bool = False
    once: bool = False
    asks: bool = False

    @property
    def fires(self) -> bool:
        """It comes into play (revealed, its effects applied) rather than into a hand."""
        return not self.held

    def uses(self) -> frozenset[CardUse]:
        """What the expression functions may ask of its cards: played(), drawn(), chosen()."""
        uses: set[CardUse] = set()
        if self.held:
            uses.add("played")
        if self.fires:
            uses.add("drawn")
        if self.options:
            uses.add("chosen")
        return frozenset(uses)


KINDS: Mapping[str, CardKind] = {
    kind.id: kind
    for kind in (
        CardKind(
            "event",
            label="kind.event",
            doc_name="événement",
            doc="un événement tiré au sort",
            drawn=True,
            triggered=True,
        ),
        CardKind(
            "decision",
            label="kind.decision",
            doc_name="décision",
            doc="une décision jouée depuis la main d'un rôle",
            held=True,
            once=True,
        ),
        CardKind(
            "dilemma",
            label="kind.dilemma",
            doc_name="dilemme",
            doc="un dilemme tiré au sort que la table tranche",
            drawn=True,
            triggered=True,
            options=True,
        ),
        CardKind(
            "question",
            label="kind.question",
            doc_name="question",
            doc="une question de discussion, tirée, déclenchée ou programmée, "
            "à laquelle la table répond par écrit",
            drawn=True,
            triggered=True,
            once=True,
            asks=True,
        ),
    )
}

CARD_USES: Mapping[str, frozenset[CardUse]] = {kind.id: kind.uses() for kind in KINDS.values()}


def kind_ids(trait: Callable[[CardKind], bool]) -> tuple[str, ...]:
    """The ids of the kinds that have `trait`, in the order of `KINDS`."""
    return tuple(kind.id for kind in KINDS.values() if trait(kind))


def kind_label(lang: Lang, kind_id: str) -> str:
    """The name of a kind in `lang` ("événement"); an unknown id stays as it is."""
    kind = KINDS.get(kind_id)
    return TEXTS(lang, kind.label) if kind is not None else kind_id


def handout_label(lang: Lang, kind: str) -> str:
    """The name of a handout's kind in `lang` ("communiqué de presse"); an unknown one as is."""
    key = f"handout.{kind}"
    return TEXTS(lang, key) if TEXTS.has(key) else kind


def kind_labels(lang: Lang) -> dict[str, str]:
    """Every kind's name in `lang`, by id."""
    return {kind_id: kind_label(lang, kind_id) for kind_id in KINDS}
