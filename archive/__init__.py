"""The bundled sample archive, shipped inside the package as ``reader.archive``.

No code here: the folder is mapped into the package by ``pyproject.toml`` and read
through ``importlib.resources`` (``reader.paths.bundled_archive``); ingest skips this file.
"""
