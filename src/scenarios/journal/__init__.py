"""The durable, append-only session journal: write, read, replay, resume.

Depends on `scenarios.engine` and `scenarios.deck`.
"""

from scenarios.journal.format import JOURNAL_FORMAT, Entry, Header, Team
from scenarios.journal.locations import journal_folder, list_journals, new_journal_path
from scenarios.journal.reader import (
    Damage,
    JournalContent,
    JournalError,
    parse_journal,
    read_journal,
)
from scenarios.journal.replay import Replayed, drawn_cards, journal_deck, replay, replay_entry
from scenarios.journal.session import (
    JournalWriter,
    ResumeReport,
    Session,
    default_teams,
    utc_now,
)

__all__ = [
    "JOURNAL_FORMAT",
    "Damage",
    "Entry",
    "Header",
    "JournalContent",
    "JournalError",
    "JournalWriter",
    "Replayed",
    "ResumeReport",
    "Session",
    "Team",
    "default_teams",
    "drawn_cards",
    "journal_deck",
    "journal_folder",
    "list_journals",
    "new_journal_path",
    "parse_journal",
    "read_journal",
    "replay",
    "replay_entry",
    "utc_now",
]
