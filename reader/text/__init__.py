"""Chinese text handling and language data shared by ingest, tagging, search, display and export.

``scripts`` defines the scripts a story can be shown in (codes and names).
``convert`` changes a whole text between scripts with OpenCC's phrase-level
dictionaries (for reading and export); ``convertcache`` puts a no-op check and
a cache in front of it for the views and export. ``dictionaries`` reads
OpenCC's dictionary files as tables. ``fold`` maps every character to the
form the search index uses (simplified, half width, lower case) one character
for one character, so offsets in folded text point into the original.
``tokenise`` cuts folded text into the terms the index stores. ``words`` is
jieba's dictionary (segmentation, word frequencies, tags, IDF), set up once per
process; ``surnames`` the common Chinese surnames.
"""
