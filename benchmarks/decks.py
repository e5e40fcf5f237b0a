"""Generated decks for benchmarks: a large deck to load, a long deck to play."""

from __future__ import annotations

import random
from pathlib import Path


def large_deck(cards: int = 1000, seed: int = 1) -> str:
    """A valid deck text with `cards` cards whose expressions vary, as a real deck's would."""
    return _HEADER + "cards:\n" + "".join(_cards(cards, seed))


def split_deck(folder: Path, cards: int, files: int = 20, seed: int = 1) -> Path:
    """The same cards as `large_deck`, spread over `files` included files; the main file's path."""
    texts = _cards(cards, seed)
    per_file = -(-cards // files)
    (folder / "cartes").mkdir(parents=True, exist_ok=True)
    for index in range(files):
        part = texts[index * per_file : (index + 1) * per_file]
        write(folder / "cartes" / f"cartes-{index:02}.yaml", "cards:\n" + "".join(part))
    return write(folder / "deck.yaml", _HEADER + 'include: ["cartes/*.yaml"]\n')


_HEADER = "\n".join(
    [
        "format: 1",
        "id: grand-deck",
        'title: "Un très grand deck de crise"',
        "roles:",
        '  - {id: prefecture, title: "Préfecture (COD)"}',
        '  - {id: commune, title: "Commune (PCS)"}',
        '  - {id: operateur, title: "Opérateurs de réseaux"}',
        "indicators:",
        '  - {id: confiance, title: "Confiance de la population", start: 5}',
        '  - {id: continuite, title: "Continuité des services", start: 7}',
        '  - {id: budget, title: "Budget", max: 12, start: 8}',
        "flags: [inondation, fr_alert, pcs_a_jour, cod_active]",
        "",
    ]
)


def _cards(cards: int, seed: int) -> list[str]:
    """The text of each of `cards` cards, in French typography as lint wants it."""
    rng = random.Random(seed)
    names = ["confiance", "continuite", "budget"]
    flags = ["inondation", "fr_alert", "pcs_a_jour", "cod_active"]
    texts: list[str] = []
    for index in range(cards):
        kind = "event" if index % 2 == 0 else "decision"
        a, b = rng.sample(names, 2)
        f, g = rng.sample(flags, 2)
        lines = [
            f"  - id: carte-{index}",
            f"    type: {kind}",
            f"    phases: [{rng.choice(['avant', 'pendant', 'apres'])}]",
            f'    title: "Carte {index}\u00a0: évacuation préventive du quartier"',
            f'    text: "Les équipes de la préfecture évacuent le quartier {index}\u202f; '
            f'les réseaux sociaux s’emballent et la mairie reçoit des appels."',
            "    tags: [alerte, numerique]",
        ]
        if kind == "event":
            lines += [
                f"    weight: {rng.randint(1, 5)}",
                f'    when: "turn >= {rng.randint(1, 6)} and not {f} or {a} < {rng.randint(1, 9)}"',
            ]
        else:
            lines += [
                f"    roles: [{rng.choice(['prefecture', 'commune', 'operateur'])}]",
                f"    cost: {{budget: {rng.randint(0, 3)}}}",
                f'    requires: "{a} < {rng.randint(2, 9)} or ({g} and {b} >= {rng.randint(0, 5)})"',
            ]
        lines.append(
            f'    effects: {{{a}: {rng.randint(-3, 3)}, {b}: "-1 if {f} else {rng.randint(1, 2)}",'
            f" set: [{g}]}}"
        )
        texts.append("\n".join(lines) + "\n")
    return texts


def long_deck(phases: int = 20, rounds: int = 50, actions: int = 2) -> str:
    """A deck that lasts `phases` × `rounds` rounds with many repeatable decisions.

    Each role may take `actions` decisions a round, from a hand of twice as many.
    """
    lines = ["format: 1", "id: long-deck", 'title: "Une très longue crise"', "phases:"]
    lines += [
        f'  - {{id: p{i}, title: "Phase {i}", rounds: {rounds}, events_per_round: 2}}'
        for i in range(phases)
    ]
    lines += [
        "roles:",
        *(
            f'  - {{id: r{i}, title: "Rôle {i}", hand_size: {2 * actions}, '
            f"actions_per_round: {actions}}}"
            for i in range(4)
        ),
        "indicators:",
        '  - {id: confiance, title: "Confiance", max: 100, start: 50}',
        '  - {id: moyens, title: "Moyens", max: 100, start: 50}',
        "flags: [alerte]",
        "cards:",
    ]
    for i in range(12):
        lines.append(
            f'  - {{id: evt-{i}, type: event, title: "Événement {i}", '
            f"effects: {{confiance: {-1 - i % 3}, moyens: {i % 2}}}}}"
        )
    for i in range(24):
        lines.append(
            f'  - {{id: dec-{i}, type: decision, once: false, title: "Décision {i}", '
            f"effects: {{confiance: {1 + i % 3}, moyens: -1}}}}"
        )
    lines.append(
        '  - id: choix\n    type: dilemma\n    title: "Choix"\n    options:\n'
        '      - {id: a, title: "A", effects: {confiance: -1}}\n'
        '      - {id: b, title: "B", effects: {moyens: -1}}'
    )
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
