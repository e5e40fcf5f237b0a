"""Error messages of the expression language: the "rules" context of the catalog.

Besides one message per error code, the catalog has the words the messages
use: `type.<type>` (number, bool, string),
`construct.<construct>` and the `example` suffix.
"""

from __future__ import annotations

from scenarios.i18n import Texts

MESSAGES = Texts("rules")
