"""reader: a desktop archive reader for Chinese news archives.

The core packages (``ingest``, ``text``, ``index``, ``library``, ``export``, ``tags``)
never import widgets; ``gui`` is a thin layer over them and ``cli`` the headless one.
"""

__version__ = "0.1.0"
