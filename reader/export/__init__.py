"""Export: selected stories out of reader, as a PDF to read and print or as citations.

* ``pdf`` lays the stories out with Qt (QPdfWriter + QTextDocument) in the
  prepared CJK font of :mod:`reader.fonts`, so the PDF's text layer gives back
  the exact characters; ``outline`` then adds bookmarks and TOC links with pypdf.
* ``citations`` writes the same selection as GB/T 7714, RIS, BibTeX or CSV;
  ``gbt7714`` formats one story's reference (also printed under each PDF story).
* ``scripts`` converts a story into the script the user chose (简/繁).
* ``formats`` is the one table of formats (name, suffix, label, writer) that
  ``reader export`` and the export dialog both read.

Everything writes to a temporary file beside the target and renames it at the
end, so a cancelled or failed export never leaves a partial file.
"""


class ExportError(Exception):
    """An export could not be written (bad format, unwritable target, ...)."""


class ExportCancelled(ExportError):
    """The user cancelled the export; nothing was written."""
