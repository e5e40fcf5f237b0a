"""The message catalog is whole in both languages, and no plural is built by hand.

Every (context, id) of a French `.po` file is in the English file of the same
name and the other way round, with both plural forms when it is a plural.
French plurals come from the catalog's plural entries (0 and 1 singular),
never from "(s)" in a text or from code that adds an "s": the checks below
read the `.po` files and the sources, and their own test shows they catch a
hand-built plural.
"""

from __future__ import annotations

import ast
import functools
import gettext
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from scenarios.i18n import LANGS, Lang, Texts, french_typography
from scenarios.i18n.catalog import LOCALES

SRC = Path(__file__).parents[2] / "src"
HAND_PLURAL = re.compile(r"\w\((?:s|es)\)|(?:au|eu)\(x\)")  # carte(s), tableau(x); not list(x)
PLURAL_SUFFIXES = {"s", "x", "es"}

Key = tuple[str, str | None, str]  # file, context, id


def entries(lang: Lang) -> dict[Key, Message]:
    """Every message of `lang`'s `.po` files, by file name, context and id."""
    found: dict[Key, Message] = {}
    for path in sorted((LOCALES / lang).glob("*.po")):
        with path.open("rb") as source:
            for message in read_po(source, locale=lang):
                if message.id:
                    msg_id = message.id[0] if message.pluralizable else message.id
                    found[(path.name, message.context, msg_id)] = message
    return found


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


# The checks -------------------------------------------------------------------


def hand_plurals_in_text(text: str) -> list[str]:
    """The "(s)"-style plurals of a message: `carte(s)`, `tour(s)`, `tableau(x)`."""
    return HAND_PLURAL.findall(text)


def hand_plurals_in_source(source: str) -> list[int]:
    """The lines of Python code that build a plural by hand next to a string.

    `"s" if n > 1 else ""`, `"carte" if n == 1 else "cartes"`, `word + "s"`,
    and "(s)" in a string literal or an f-string.
    """
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp) and _counts_one(node.test):
            if _is_text(node.body) or _is_text(node.orelse):
                lines.append(node.lineno)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if any(_suffix(side) for side in (node.left, node.right)):
                lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and hand_plurals_in_text(str(node.value)):
            lines.append(node.lineno)
    return sorted(set(lines))


def _counts_one(test: ast.expr) -> bool:
    """A comparison with 1 or 2, as in `n > 1`, `count == 1`, `n >= 2`."""
    if not isinstance(test, ast.Compare):
        return False
    return any(
        isinstance(side, ast.Constant) and type(side.value) is int and side.value in (1, 2)
        for side in (test.left, *test.comparators)
    )


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _suffix(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in PLURAL_SUFFIXES


def plural_problems(lang: Lang, texts: tuple[str, ...], render: Callable[[int], str]) -> list[str]:
    """What is wrong with a plural entry rendered for 0, 1 and 2 things.

    French: 0 and 1 take the singular, 2 the plural; English: 1 the singular.
    Neither form is "(s)"-built. (The forms may be alike: English says "3 more".)
    """
    if len(texts) != 2 or not all(texts):
        return ["two forms are needed"]
    typo = french_typography if lang == "fr" else (lambda text: text)
    singular, plural = (typo(text) for text in texts)
    expected = {0: singular if lang == "fr" else plural, 1: singular, 2: plural}
    problems = [
        f"count={count} gives {render(count)!r}, not {text!r}"
        for count, text in expected.items()
        if render(count) != text
    ]
    return problems + [f"hand-built {found}" for t in texts for found in hand_plurals_in_text(t)]


# The catalog ------------------------------------------------------------------


def test_every_message_exists_in_both_languages() -> None:
    french, english = entries("fr"), entries("en")
    assert sorted(set(french) - set(english)) == [], "missing in English"
    assert sorted(set(english) - set(french)) == [], "missing in French"
    shapes = {
        key: (french[key].pluralizable, english[key].pluralizable)
        for key in french
        if french[key].pluralizable != english[key].pluralizable
    }
    assert shapes == {}, "a plural in one language only"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_context_and_one_entry(lang: Lang) -> None:
    """Code asks `Texts(context)`: an entry without one could never be found."""
    assert [key for key in entries(lang) if not key[1]] == []
    for path in sorted((LOCALES / lang).glob("*.po")):
        ids = re.findall(r'^msgctxt "(.*)"\nmsgid "(.*)"$', path.read_text(encoding="utf-8"), re.M)
        assert len(ids) == len(set(ids)), f"{path.name}: an id written twice"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_its_text(lang: Lang) -> None:
    empty = [key for key, message in entries(lang).items() if not all(forms(message))]
    assert empty == []


@pytest.mark.parametrize("lang", LANGS)
def test_plurals_render_for_zero_one_and_two(lang: Lang) -> None:
    problems = {}
    for (name, context, msg_id), message in entries(lang).items():
        if not message.pluralizable:
            continue
        render = functools.partial(Texts(context or "").template, lang, msg_id)
        found = plural_problems(lang, forms(message), render)
        if found:
            problems[f"{name} {context} {msg_id}"] = found
    assert problems == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_builds_a_plural_by_hand(lang: Lang) -> None:
    found = {
        f"{name} {context} {msg_id}": hand_plurals_in_text(text)
        for (name, context, msg_id), message in entries(lang).items()
        for text in forms(message)
        if hand_plurals_in_text(text)
    }
    assert found == {}, "use a plural entry (msgid_plural, msgstr[0] and msgstr[1])"


def test_no_code_builds_a_plural_by_hand() -> None:
    found = {
        f"{path.relative_to(SRC)}:{line}": path.read_text(encoding="utf-8").splitlines()[line - 1]
        for path in sorted(SRC.rglob("*.py"))
        for line in hand_plurals_in_source(path.read_text(encoding="utf-8"))
    }
    assert found == {}, "use Texts(...)(lang, id, count=n) and a plural entry"


# The checks catch what they look for -------------------------------------------


def test_the_checks_catch_a_hand_built_plural() -> None:
    assert hand_plurals_in_text("{count} carte(s) jouée(s)") == ["e(s)", "e(s)"]
    assert hand_plurals_in_text("{count} cartes jouées") == []
    hand_built = """
label = f"{n} carte" + ("s" if n > 1 else "")
word = "carte" if count == 1 else "cartes"
other = name + "s"
shown = f"{n} tour(s)"
inline = f"{n} carte{'s' if n >= 2 else ''}"
"""
    assert hand_plurals_in_source(hand_built) == [2, 3, 4, 5, 6]
    fine = """
label = CLI(lang, "count.cards", count=n)
first = data[0] if len(data) == 1 else data
"""
    assert hand_plurals_in_source(fine) == []


def test_the_render_check_catches_a_wrong_plural_rule() -> None:
    pair = ("{count} carte", "{count} cartes")
    good = fake_catalog("nplurals=2; plural=(n > 1);", pair)
    english_rule = fake_catalog("nplurals=2; plural=(n != 1);", pair)
    assert plural_problems("fr", pair, lambda n: good.npgettext("t", "x", "x", n)) == []
    assert plural_problems("fr", pair, lambda n: english_rule.npgettext("t", "x", "x", n)) == [
        "count=0 gives '{count} cartes', not '{count} carte'"
    ]
    same = ("{count} carte(s)", "{count} carte(s)")
    catalog = fake_catalog("nplurals=2; plural=(n > 1);", same)
    assert plural_problems("fr", same, lambda n: catalog.npgettext("t", "x", "x", n)) == [
        "hand-built e(s)",
        "hand-built e(s)",
    ]


def fake_catalog(rule: str, pair: tuple[str, str]) -> gettext.GNUTranslations:
    """A one-entry French `.po` with the plural `rule`, compiled as the real ones are."""
    po = f"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {rule}\\n"

msgctxt "t"
msgid "x"
msgid_plural "x"
msgstr[0] "{pair[0]}"
msgstr[1] "{pair[1]}"
"""
    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po.encode()), locale="fr"))
    return gettext.GNUTranslations(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize("lang", LANGS)
def test_workshop_status_names_every_kind_of_action(lang: Lang) -> None:
    """`workshop status` says what a table did last in words, whatever the action."""
    from scenarios.engine import ACTION_TYPES

    texts = Texts("cli")
    for kind in ACTION_TYPES:
        assert texts.lookup(lang, f"workshop.action.{kind}"), kind
