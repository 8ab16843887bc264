"""Article text in the reader's chosen script, under the names the views use.

The conversion and its cache live in the core (:mod:`reader.text.convertcache`,
shared with export): :func:`to_script` converts (cached, simplified text shown
as simplified untouched), :func:`shown` also leaves text already written in the
chosen script as it is.
"""

from __future__ import annotations

from reader.text.convertcache import convert_cached as to_script
from reader.text.convertcache import shown

__all__ = ["shown", "to_script"]
