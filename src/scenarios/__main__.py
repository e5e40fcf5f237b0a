"""Allow `python -m scenarios`."""

from scenarios.cli import main

raise SystemExit(main())
