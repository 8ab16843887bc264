"""``python -m reader``: the same entry point as the ``reader`` command."""

from reader.cli import main

raise SystemExit(main())
