"""Join codes: short, easy to read aloud and type, hard to guess."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read from a projector is typed right.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTH = 6


def new_code() -> str:
    """A random code such as `K7M-4QX` (about 28 bits: enough for a room, not a secret)."""
    letters = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{letters[:3]}-{letters[3:]}"


def normal_code(text: str) -> str:
    """A code as typed (any case, spaces or no dash) in its stored form."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != LENGTH:
        return text.strip().upper()
    return f"{letters[:3]}-{letters[3:]}"
