"""Compile the message catalogs (`.po` -> `.mo`) into the built package.

Everything else about the package is in pyproject.toml; this only adds the
step that lets an installed `scenarios` read its texts with the standard
library's `gettext`, without parsing `.po` files at every start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(Path(__file__).parent / "src"))
        from scenarios.i18n.catalog import COMPILED, compile_catalog
        from scenarios.i18n.words import LANGS

        for lang in LANGS:
            target = Path(self.build_lib) / "scenarios" / "i18n" / "locales" / lang / COMPILED
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(compile_catalog(lang))


setup(cmdclass={"build_py": BuildWithCatalogs})
