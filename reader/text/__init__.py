"""Chinese text handling shared by search, display and export.

``convert`` changes a whole text between scripts with OpenCC's phrase-level
dictionaries (for reading and export). ``fold`` maps every character to the
form the search index uses (simplified, half width, lower case) one character
for one character, so offsets in folded text point into the original.
``tokenise`` cuts folded text into the terms the index stores.
"""
