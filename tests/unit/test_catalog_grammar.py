"""Every sentence of the catalog that takes a number reads right for 0, 1 and 2 things.

The test walks every entry of every `.po` file (new ones included, with no list to keep
up to date): a plural entry, or one with a placeholder that holds a number of things,
is rendered in French and English with 0, 1 and 2, every other placeholder filled with a
deck's title written in guillemets, and read as a French crisis trainer would read it
aloud: no « 1 tour(s) » hedge, a singular noun after 0 and 1 in French (after 1 in
English) and a plural one after 2, no « « … » » quotation in a quotation, no « de le »,
no placeholder left unfilled. The wording is checked too: a title (indicator, role…)
is never followed by a word that must agree with it (« Sécurité des personnes
dégradé »), and a list of cards is never the subject of a singular verb (« « A », « B »
n'a pas été joué »). Each check's own test shows it catches the defects found in
debriefs before this test existed.
"""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.catalog import Message

from scenarios.i18n import LANGS, Lang, Texts
from tests.unit.test_catalog import entries

# Placeholders that hold a number of things, which may be 0, 1 or 2.
COUNTS = frozenset(
    {
        "count", "delay", "games", "minutes", "seconds", "turns", "total", "faced", "ahead",
        "late", "never", "part", "reached", "idle", "needed", "a_games", "b_games",
        "with_games", "without_games", "paused",
    }
)  # fmt: skip
# Numbers that are no count of 0 to 2: the format's bounds (thousands) and ranks.
NUMBERS = {"limit": 1000, "length": 1200, "size": 70000, "nodes": 1200, "n": 7, "round": 7}
# Placeholders that hold a title a deck wrote (a name of one thing: agreement unknown).
TITLES = frozenset(
    {
        "indicator", "role", "card", "event", "answer", "ending", "phase", "option", "team",
        "flag", "title", "who", "question", "point", "theme", "deck", "target", "current",
    }
)  # fmt: skip
# Placeholders that hold a list of titles: never the subject of a singular verb.
LISTS = frozenset({"expected", "cards", "avoided", "items", "known", "tables"})
# A title as decks write them: in guillemets, with French spaces (issue 16: « « … » »);
# any other text parameter (a path, an id, an alias) is a plain word.
TITLE = "«\u00a0Qu’est-ce qui a brûlé\u00a0?\u00a0»"
WORD = "texte"
# The contexts whose `LISTS` are lists of titles (elsewhere `expected` is a type, a number).
LIST_CONTEXTS = {"findings", "themes", "debrief", "evidence", "tui"}
SPACE = "[ \u00a0\u202f]"
NUMBER_AND_WORDS = re.compile(
    rf"(?<![\w,.:/+−-])(\d+){SPACE}+([^\W\d_][\w’']*)(?:{SPACE}+([^\W\d_][\w’']*))?"
)
HEDGE = re.compile(r"\w\((?:s|es|x)\)")
LEFT = re.compile(r"\{\w+\}")
DOUBLED = re.compile(rf"«{SPACE}*«|»{SPACE}*»")
CONTRACTIONS = re.compile(r"\b(?:de|à) (?:le|les|des)\b", re.IGNORECASE)

# Words after a number that are no noun (a preposition, an adverb, a unit), in which a
# final s or its absence says nothing of the number.
NOT_NOUNS = {
    "fr": {
        "à", "au", "de", "des", "du", "en", "et", "sur", "sans", "dans", "sous", "plus",
        "depuis", "après", "avant", "vers", "pour", "par", "contre", "ou", "min", "s",
        "h", "ko", "mo", "o", "étant", "est", "hors", "où", "avec", "alors", "au-delà",
    },
    "en": {
        "of", "in", "on", "at", "to", "for", "and", "or", "more", "min", "s", "h", "ago",
        "out", "is", "was", "left", "being", "above", "below", "other", "with", "instead",
        "overall", "late", "from", "by", "than", "per", "kb", "mb",
    },
}  # fmt: skip
# Nouns spelt alike in the singular and the plural, or whose singular ends in s.
INVARIABLE = {
    "fois", "mois", "temps", "cas", "pas", "prix", "choix", "avis", "accès", "succès",
    "processus", "pass", "process", "class", "status", "access", "series", "news", "yes",
}  # fmt: skip
# Past participles and adjectives: after a noun they agree with it, after a title too.
AGREEING = re.compile(r"(?:é|ée|és|ées)$")
VERBS = {
    "fr": {"a", "n’a", "est", "n’est", "était", "reste", "fut", "doit", "peut", "manque"},
    "en": {"is", "was", "has", "isn't", "wasn't", "hasn't", "remains"},
}


def placeholders(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def takes_a_count(message: Message) -> bool:
    texts = message.string if message.pluralizable else (message.string,)
    return message.pluralizable or any(set(placeholders(t)) & COUNTS for t in texts)


def rendered(lang: Lang, context: str, msg_id: str, message: Message, count: int) -> str:
    """The entry as the program says it, every number `count` and every text a title."""
    texts = message.string if message.pluralizable else (message.string,)
    names = {name for text in texts for name in placeholders(text)}
    params: dict[str, object] = {
        name: count if name in COUNTS else NUMBERS.get(name, TITLE if name in TITLES else WORD)
        for name in names
        if name != "count"
    }
    plural = count if message.pluralizable or "count" in names else None
    if plural is None and "count" in names:
        params["count"] = count
    return Texts(context).format(lang, msg_id, params, plural)


def number_problems(lang: Lang, text: str) -> list[str]:
    """The numbers followed by a noun of the wrong number: « 1 passes », « 2 tour »,
    « 1 tour joués »; French takes the singular after 0 and 1, English after 1."""
    problems = []
    for number, word, after in NUMBER_AND_WORDS.findall(text):
        n = int(number)
        lower = word.lower()
        if lower in NOT_NOUNS[lang] or lower in INVARIABLE:
            continue
        singular = n in (0, 1) if lang == "fr" else n == 1
        agreeing = after.lower() if after and AGREEING.search(after.lower()) else None
        said = f"« {number} {word}{' ' + after if after else ''} »"
        for one in (lower, agreeing) if agreeing else (lower,):
            plural_look = one.endswith(("s", "x")) and one not in INVARIABLE
            if singular and plural_look:
                problems.append(f"{said}: plural after {n}")
            # In English an adjective comes first (« 2 simulated games »): French only.
            if n == 2 and lang == "fr" and not plural_look:
                problems.append(f"{said}: singular after 2")
    return problems


def text_problems(lang: Lang, text: str, literal: str = "") -> list[str]:
    """What a reader would stumble on in a rendered sentence, whatever its numbers
    (`literal`: the template, whose `{{n}}` is written for the reader to type)."""
    problems = [f"hedged plural {found!r}" for found in HEDGE.findall(text)]
    typed = {"{" + name + "}" for name in re.findall(r"\{\{(\w+)\}\}", literal)}
    problems += [f"placeholder left {found}" for found in LEFT.findall(text) if found not in typed]
    problems += [f"quotation in a quotation {found!r}" for found in DOUBLED.findall(text)]
    if lang == "fr":
        problems += [f"« {found} » (du, des, au, aux)" for found in CONTRACTIONS.findall(text)]
    return problems


def wording_problems(lang: Lang, template: str, context: str = "findings") -> list[str]:
    """A template's words that agree with what a deck wrote: a title followed by a word
    that must agree with it (its gender and number are unknown), a list followed by a
    singular verb, a role called « il »."""
    problems = []
    for name, word in re.findall(rf"(?<![«“'])\{{(\w+)\}}{SPACE}+([^\W\d_][\w’']*)", template):
        lower = word.lower()
        if (
            name in TITLES
            and lang == "fr"
            and AGREEING.search(lower)
            and lower not in NOT_NOUNS[lang]
        ):
            problems.append(f"{{{name}}} {word}: agrees with a title")
        if name in LISTS and context in LIST_CONTEXTS and lower in VERBS[lang]:
            problems.append(f"{{{name}}} {word}: a singular verb after a list")
    if lang == "fr" and re.search(r"\{(?:role|team)\}[^.;:()]*\bqu’(?:il|elle)s?\b", template):
        problems.append("« il » or « elle » for a role")
    return problems


# The catalog ------------------------------------------------------------------------


def counted_entries(lang: Lang) -> list[tuple[str, str, str, Message]]:
    return [
        (name, context or "", msg_id, message)
        for (name, context, msg_id), message in entries(lang).items()
        if takes_a_count(message)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_counted_sentence_reads_right_for_zero_one_and_two(lang: Lang) -> None:
    problems: dict[str, list[str]] = {}
    walked = counted_entries(lang)
    assert len(walked) > 100  # plural entries and entries with a count, every file
    for name, context, msg_id, message in walked:
        for count in (0, 1, 2):
            text = rendered(lang, context, msg_id, message, count)
            literal = str(message.string)
            found = number_problems(lang, text) + text_problems(lang, text, literal)
            if found:
                problems.setdefault(f"{name} {context} {msg_id} (count={count}): {text}", found)
    assert problems == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_sentence_quotes_a_quoted_title_or_leaves_a_placeholder(lang: Lang) -> None:
    """Every entry, counted or not, with deck titles in guillemets for its texts."""
    problems = {}
    for (name, context, msg_id), message in entries(lang).items():
        text = rendered(lang, context or "", msg_id, message, 2)
        found = text_problems(lang, text, str(message.string))
        if found:
            problems[f"{name} {context} {msg_id}: {text}"] = found
    assert problems == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_has_to_agree_with_a_title_or_a_list(lang: Lang) -> None:
    problems = {}
    for (name, context, msg_id), message in entries(lang).items():
        for template in message.string if message.pluralizable else (message.string,):
            found = wording_problems(lang, template, context or "")
            if found:
                problems[f"{name} {context} {msg_id}: {template}"] = found
    assert problems == {}


# The checks catch what the debriefs got wrong (issue 16) ------------------------------


def test_the_number_check_catches_a_noun_of_the_wrong_number() -> None:
    assert number_problems("fr", "1 passes") == ["« 1 passes »: plural after 1"]
    assert number_problems("fr", "0 tours joués") == [
        "« 0 tours joués »: plural after 0",
        "« 0 tours joués »: plural after 0",
    ]
    assert number_problems("fr", "2 tour de retard") == ["« 2 tour de »: singular after 2"]
    assert number_problems("fr", "1 tour joués") == ["« 1 tour joués »: plural after 1"]
    assert number_problems("en", "1 rounds late") == ["« 1 rounds late »: plural after 1"]
    assert number_problems("en", "1 tables, 0 rounds, 2 simulated games, 1 pass") == [
        "« 1 tables »: plural after 1"
    ]
    fine = "1 tour joué ; 2 tours joués ; 0 passe ; 1 fois ; 3 de plus ; 2 min ; 1 sur 2 tables"
    assert number_problems("fr", fine) == []


def test_the_text_check_catches_hedges_quotes_in_quotes_and_de_le() -> None:
    assert text_problems("fr", "1 tour(s)") == ["hedged plural 'r(s)'"]
    assert text_problems("fr", "« « Qu’est-ce qui a brûlé ? » » jouée") == [
        "quotation in a quotation '« «'",
        "quotation in a quotation '» »'",
    ]
    assert text_problems("fr", "au début de le tour, {event}") == [
        "placeholder left {event}",
        "« de le » (du, des, au, aux)",
    ]
    assert text_problems("fr", "le tour du préfet, « Manifestation pour “la vérité” »") == []


def test_the_wording_check_catches_agreement_with_a_title_or_a_list() -> None:
    assert wording_problems("fr", "{indicator} dégradé par « {card} »") == [
        "{indicator} dégradé: agrees with a title"
    ]
    assert wording_problems("fr", "« {event} » : {expected} n’a pas été joué.") == [
        "{expected} n’a: a singular verb after a list"
    ]
    assert wording_problems("fr", "{role} a passé plus souvent qu’il n’a décidé") == [
        "« il » or « elle » for a role"
    ]
    assert wording_problems("fr", "{indicator} : en baisse à cause de « {card} »") == []
    assert wording_problems("fr", "« {card} » jouée par {role}") == []


def test_a_title_in_guillemets_is_quoted_once_and_inner_ones_become_curly() -> None:
    findings = Texts("findings")
    said = findings(
        "fr",
        "response_anticipated",
        answer=TITLE,
        event="Manifestation pour «\u00a0la vérité\u00a0»",
    ).replace("\u00a0", " ")
    assert said == "« Qu’est-ce qui a brûlé ? » avait anticipé « Manifestation pour “la vérité” »."
    assert findings("en", "response_anticipated", answer=TITLE, event="A") == (
        "'Qu’est-ce qui a brûlé\u00a0?' had anticipated 'A'."
    )
