"""Ingest: archive files in, ``Story`` records out.

``iter_files`` finds the files under the folders a user points at; ``read_file``
reads one and returns a ``FileResult`` with its stories (ids assigned) and the
``Problem``\\ s met, never raising for bad input. The pipeline per file:

* ``decode`` turns bytes into text (BOM, UTF-16, UTF-8, GB18030 or Big5, judged
  from the bytes alone; damage reported, binary refused);
* ``files`` picks a reader by suffix (and a look at the text when it has none):
  ``html`` for HTML pages, ``markdown`` for Markdown, ``records`` for JSON lines/JSON/CSV/TSV
  exports, and the text-page parser ``textpage`` (with its ``lines``,
  ``context``, ``bylines``, ``credits``, ``boilerplate``, ``dates``, ``chrome``
  and ``digest`` rules) for plain text.
"""

from reader.ingest.files import (
    SUPPORTED_SUFFIXES,
    FileResult,
    Problem,
    is_supported,
    iter_files,
    read_file,
)

__all__ = ["SUPPORTED_SUFFIXES", "FileResult", "Problem", "is_supported", "iter_files", "read_file"]
