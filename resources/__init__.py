"""Icons, styles and interface catalogs, shipped inside the package as ``reader.resources``.

No code here: the folder is mapped into the package by ``pyproject.toml`` and read
through ``importlib.resources`` (``reader.paths.resources_dir``).
"""
