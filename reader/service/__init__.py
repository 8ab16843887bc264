"""Where the user's own data (``reader.userdata``) meets the search index (``reader.index``).

The CLI and the GUI both call these; neither ``userdata`` nor ``index`` knows the other.

* ``presence`` — which saved story ids the index still holds, keeping their snapshots current.
* ``tagsync`` — the import tagger (automatic tags with the user's choices applied) and
  pushing tag changes the user made into the index.
* ``search`` — searches restricted to bookmarked stories or to collections.
"""
