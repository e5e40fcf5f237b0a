"""The durable, append-only session journal: write, read, replay, resume.

Depends on `scenarios.engine` and `scenarios.deck`. Names are imported on first
use (PEP 562): the home screen lists the recent decks from `locations` without
paying for the reader, the replay and the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenarios.exports import imported_on_first_use

if TYPE_CHECKING:
    from scenarios.journal.annotations import (
        Annotation,
        add_annotation,
        annotations_path,
        read_annotations,
    )
    from scenarios.journal.browse import CHECKPOINT_EVERY, JournalBrowser
    from scenarios.journal.format import JOURNAL_FORMAT, Entry, Header, Team
    from scenarios.journal.locations import journal_folder, list_journals, new_journal_path
    from scenarios.journal.reader import (
        Damage,
        JournalContent,
        JournalError,
        JournalStream,
        parse_journal,
        read_journal,
        stream_journal,
    )
    from scenarios.journal.replaying import (
        Replayed,
        drawn_cards,
        journal_deck,
        replay,
        replay_entry,
    )
    from scenarios.journal.session import (
        JournalWriter,
        ResumeReport,
        Session,
        default_teams,
        utc_now,
    )

__all__ = [
    "CHECKPOINT_EVERY",
    "JOURNAL_FORMAT",
    "Annotation",
    "Damage",
    "Entry",
    "Header",
    "JournalBrowser",
    "JournalContent",
    "JournalError",
    "JournalStream",
    "JournalWriter",
    "Replayed",
    "ResumeReport",
    "Session",
    "Team",
    "add_annotation",
    "annotations_path",
    "default_teams",
    "drawn_cards",
    "journal_deck",
    "journal_folder",
    "list_journals",
    "new_journal_path",
    "parse_journal",
    "read_annotations",
    "read_journal",
    "replay",
    "replay_entry",
    "stream_journal",
    "utc_now",
]


# The submodules that hold the names of `__all__`, the lightest first.
__getattr__ = imported_on_first_use(
    __name__,
    __all__,
    ("format", "locations", "reader", "annotations", "replaying", "browse", "session"),
)
