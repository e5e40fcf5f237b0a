"""Build steps pyproject.toml cannot declare: the message catalogs, and the compiled engine.

- The message catalogs (`.po` -> `.mo`) go into the built package, so that an
  installed `scenarios` reads its texts with the standard library's
  `gettext`, without parsing `.po` files at every start.
- The modules that run at every action of a game (`COMPILED`) are compiled to
  C with mypyc, from the very sources mypy checks with `--strict`: the same
  code, 1.5 times faster to simulate and replay. A build that cannot compile
  them (no C compiler) installs them as Python, which plays the same games
  with the same hashes; so does an editable install (`pip install -e`), where
  the `.py` files must stay what runs, and `SCENARIOS_COMPILE=0`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent

# The engine's hot path, in the order of a game: what plays an action, what lists the
# legal moves, what simulates and what replays a journal. Data classes with attrs
# fields stay in Python modules (mypyc would type-check their `attrs.field` defaults).
COMPILED = [
    "src/scenarios/engine/appended.py",
    "src/scenarios/engine/building.py",
    "src/scenarios/engine/context.py",
    "src/scenarios/engine/digests.py",
    "src/scenarios/engine/draft.py",
    "src/scenarios/engine/effects.py",
    "src/scenarios/engine/flow.py",
    "src/scenarios/engine/reducer.py",
    "src/scenarios/engine/rng.py",
    "src/scenarios/journal/reader.py",
    "src/scenarios/journal/replaying.py",
    "src/scenarios/journal/shapes.py",
    "src/scenarios/sim/policies.py",
    "src/scenarios/sim/runner.py",
]

# The setup.py commands that build what gets installed (not an editable install's
# `editable_wheel`, nor the metadata's `dist_info` / `egg_info`).
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(HERE / "src"))
        from scenarios.i18n.catalog import COMPILED as CATALOG
        from scenarios.i18n.catalog import compile_catalog
        from scenarios.i18n.words import LANGS

        for lang in LANGS:
            target = Path(self.build_lib) / "scenarios" / "i18n" / "locales" / lang / CATALOG
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(compile_catalog(lang))


class BuildEngine(build_ext):
    """Builds the compiled engine whole or not at all.

    mypyc makes one shared library and a small module per compiled file that
    loads it: a module left from an earlier build, or built without its
    library, would shadow its `.py` with other code or fail to import. So the
    build folder is cleared of compiled modules first, and again if any fails
    to build (no C compiler): the `.py` files are then what gets installed.
    """

    def run(self) -> None:
        self._clear()
        try:
            super().run()
        except Exception as error:  # whatever stops the C build, the package works in Python
            self._clear()
            print(f"scenarios: the engine stays in Python ({error})", file=sys.stderr)

    def _clear(self) -> None:
        built = Path(self.build_lib)
        for path in [*built.glob("scenarios__mypyc*"), *(built / "scenarios").rglob("*.so")]:
            path.unlink()


def compiled_engine() -> list[Extension]:
    """The extensions mypyc makes of `COMPILED` (see `BuildEngine`)."""
    if os.environ.get("SCENARIOS_COMPILE", "1") == "0" or not _BUILDS & set(sys.argv):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    # The build environment holds mypy and attrs, not every library the package imports:
    # what mypy cannot find is typed Any there, and the project's strict checks (`mypy`
    # in CI) are not repeated (an empty --config-file: none).
    options = ["--config-file=", "--python-version=3.11", "--ignore-missing-imports"]
    try:
        extensions: list[Extension] = mypycify([*options, *COMPILED], group_name="scenarios")
    except (Exception, SystemExit) as error:  # mypy's errors end in SystemExit
        print(f"scenarios: the engine stays in Python ({error!r})", file=sys.stderr)
        return []
    return extensions


setup(
    cmdclass={"build_py": BuildWithCatalogs, "build_ext": BuildEngine},
    ext_modules=compiled_engine(),
)
