"""A printable HTML page as a PDF, through a headless Chromium when one is installed.

Chromium lays out A4 pages exactly as its print dialog would (the kit's CSS is
written for it); no PDF library of ours could do better. Without Chromium the
caller says so and the HTML stays the way to print.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from scenarios.i18n import Texts
from scenarios.i18n.errors import CatalogError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SECONDS = 120  # a 40-page kit takes a few seconds; a browser that hangs is stopped


class PdfError(CatalogError):
    """Why no PDF could be made (a `render` code of the catalog)."""

    MESSAGES = Texts("render")


def browser() -> str | None:
    """The headless browser this machine has, if any."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def html_to_pdf(html: str) -> bytes:
    """The PDF of `html` (a standalone page); `PdfError` without a browser or if it fails."""
    program = browser()
    if program is None:
        raise PdfError("pdf.no_browser", browsers=", ".join(BROWSERS))
    with tempfile.TemporaryDirectory(prefix="scenarios-pdf-") as folder:
        source, target = Path(folder, "page.html"), Path(folder, "page.pdf")
        source.write_text(html, encoding="utf-8")
        command = [
            program,
            "--headless",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder, 'profile')}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses root otherwise
        try:
            subprocess.run(command, capture_output=True, timeout=SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError("pdf.failed", browser=program, detail=str(error)) from None
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(b"%PDF"):
            raise PdfError("pdf.failed", browser=program, detail="")
        return data
