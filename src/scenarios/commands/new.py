"""`scenarios new NAME`: a small, valid, commented deck to start from, in the reader's language."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scenarios.commands import discussion_starter, game_starter
from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, say
from scenarios.deck.schema import SCHEMA_FILE, deck_schema, schema_text
from scenarios.deck.spec import slugify
from scenarios.i18n import Lang


def run(args: argparse.Namespace) -> int:
    """Write the starter deck NAME.yaml, and the schema it points editors to, in this folder.

    A game (`game_starter.py`), or with `--style discussion` a discussion exercise
    (`discussion_starter.py`), in the reader's language.

    The name is a deck's name, not a path: a name with a folder in it (`/`, `\\`,
    `..`) is refused, with the name that would do, so that nothing is ever
    written outside the current folder; an empty name too. The file is named by
    the name's slug (« Crue de la Loire » → crue-de-la-loire.yaml: no space, no
    accent, never hidden), the deck's title keeps the words as written.
    """
    lang = args.lang
    name = args.name.strip()
    stem, suffix = _split(name)
    if any(sep in name for sep in ("/", "\\")) or stem in (".", ".."):
        say(TEXTS(lang, "new.path", name=args.name, sample=_slug(_last_part(name))), error=True)
        return 2
    if not _slug(stem):
        say(TEXTS(lang, "new.empty"), error=True)
        return 2
    path = Path(_slug(stem) + suffix)
    if path.exists():
        say(TEXTS(lang, "new.exists", path=path), error=True)
        return 1
    words = stem.replace("-", " ").replace("_", " ").strip()
    title = words[:1].upper() + words[1:]
    starter = discussion_starter.starter if args.style == "discussion" else game_starter.starter
    text = starter(lang, path.stem, title, str(path), SCHEMA_FILE)
    code = write_document(path, text, lang, "new.created")
    return code or _write_schema(Path(SCHEMA_FILE), lang)


def _split(name: str) -> tuple[str, str]:
    """The name without its `.yaml`/`.yml`, and the suffix the file takes."""
    for suffix in (".yaml", ".yml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, ".yaml"


def _slug(text: str) -> str:
    """The file name (without suffix) for `text`; "" when it has no letter nor digit."""
    return slugify(text) if any(c.isalnum() for c in text) else ""


def _last_part(path: str) -> str:
    """The last part of a path a user gave as a name, or a sample name when it has none."""
    parts = [part for part in path.replace("\\", "/").split("/") if _slug(_split(part)[0])]
    return _split(parts[-1])[0] if parts else "mon-deck"


def _write_schema(path: Path, lang: Lang) -> int:
    """Write the deck schema at `path` for editors, unless a file that is not ours is there.

    The starter's first line names it relatively, so the deck and its schema
    can be moved or shared together; an older schema of ours is brought up to date.
    """
    text = schema_text()
    if path.exists():
        current = _read(path)
        if current == text:
            return 0
        if not _is_deck_schema(current):
            say(TEXTS(lang, "new.schema_kept", path=path), error=True)
            return 0
    return write_document(path, text, lang, "new.schema")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _is_deck_schema(text: str) -> bool:
    """Whether `text` is a deck schema written by scenarios (any version)."""
    try:
        document = json.loads(text)
    except ValueError:
        return False
    return isinstance(document, dict) and document.get("title") == deck_schema()["title"]
