"""Workshops: several tables playing one deck at once, through the shared store.

Tables, their join codes, the seats (screens) that play them, bots, status
and export. Above `store` (where the lines live), `journal` (what a line
is) and `sim` (the bots' policies); below the TUI and the commands.
"""

from scenarios.workshop.create import CreatedTable, CreatedWorkshop, create_workshop
from scenarios.workshop.errors import WorkshopError
from scenarios.workshop.export import export_workshop, journal_text
from scenarios.workshop.status import TableStatus, table_status

__all__ = [
    "CreatedTable",
    "CreatedWorkshop",
    "TableStatus",
    "WorkshopError",
    "create_workshop",
    "export_workshop",
    "journal_text",
    "table_status",
]
