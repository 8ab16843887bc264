<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="91" />
      <location filename="../../reader/gui/dialogs/export.py" line="151" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="105" />
      <source>Selected results (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="107" />
      <source>All results of the query (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="108" />
      <source>Bookmarks (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="109" />
      <source>Collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="125" />
      <source>GB/T 7714 references</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="140" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="164" />
      <source>Stories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="165" />
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="166" />
      <source>Script</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="167" />
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="199" />
      <source>Export to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="219" />
      <source>Choose a file in an existing folder: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="223" />
      <source>Nothing to export.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="226" />
      <source>reader export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="231" />
      <source>Exporting %1 stories…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="249" />
      <source>Written: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="261" />
      <source>Export cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="261" />
      <source>Export failed: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="267" />
      <source>Cancelling…</source>
      <translation type="unfinished" />
    </message>
      <message>
      <source>Open file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Replace file?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 already exists. Replace it?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not exported: %1 is kept as it was.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting 1 story…</source>
      <translation type="unfinished" />
    </message>
</context>
  <context>
    <name>Facets</name>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="29" />
      <source>Places</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="30" />
      <source>People</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="31" />
      <source>Organisations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="32" />
      <source>Topics</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="33" />
      <source>Columns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="34" />
      <source>My tags</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="35" />
      <source>Sources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="36" />
      <source>Authors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="37" />
      <source>Years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="38" />
      <source>Months</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FilterPanel</name>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="48" />
      <source>Bookmarked only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="51" />
      <source>Collections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="59" />
      <source>Filter tags, sources, authors…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="62" />
      <source>Clear filters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="132" />
      <source>Bookmarked only (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Show every copy of reprints</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Off: a story printed by several sources is one row, with its copies in the reading pane</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Counts below are stories, every copy counted</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportProgress</name>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="27" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="38" />
      <location filename="../../reader/gui/dialogs/importprogress.py" line="49" />
      <source>Importing %1…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="54" />
      <source>Cancelling…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="58" />
      <source>reader — Chinese news archive</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="117" />
      <location filename="../../reader/gui/mainwindow.py" line="290" />
      <source>Search failed: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="149" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="151" />
      <source>Import files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="158" />
      <source>Import folder…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="160" />
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="190" />
      <source>Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="162" />
      <source>Preferences…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="164" />
      <source>Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="166" />
      <source>&amp;Search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="167" />
      <source>Go to search box</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="169" />
      <source>Find in story</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="171" />
      <source>Next hit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="172" />
      <source>Previous hit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="174" />
      <source>Clear filters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="181" />
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="195" />
      <source>Dark theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="199" />
      <source>Larger text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="200" />
      <source>Smaller text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="202" />
      <source>&amp;Bookmarks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="204" />
      <source>Bookmark this story</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="207" />
      <source>Edit note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="209" />
      <source>Add selected to collection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="210" />
      <source>Show bookmarks only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="212" />
      <source>Tools</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="308" />
      <source>Story %1 is no longer in the library.</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../reader/gui/mainwindow.py" line="356" />
      <source>%n stories in the library</source>
      <translation>
        <numerusform>%n story in the library</numerusform>
        <numerusform>%n stories in the library</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="40" />
      <source>Bookmarked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="42" />
      <source>Bookmark removed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="60" />
      <source>Add tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="61" />
      <source>Your tag:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="84" />
      <source>Rename tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="85" />
      <source>New name for %1 (in every story):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="105" />
      <source>Tags not saved to the index yet: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="123" />
      <source>Show stories tagged %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="128" />
      <source>Remove my tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="130" />
      <source>Hide on this story</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="134" />
      <source>Rename everywhere…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="146" />
      <source>Add to collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="147" />
      <source>Collection:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="157" />
      <source>Added %1 stories to %2.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="176" />
      <source>Remove bookmark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="178" />
      <source>Bookmark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="182" />
      <source>Add to collection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="187" />
      <source>Remove from %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="34" />
      <source>Import files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="36" />
      <source>News files (%1);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="46" />
      <source>Import folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="75" />
      <source>Rebuilding the index</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="68" />
      <source>%1 items</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="99" />
      <source>Import cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="111" />
      <source>Import failed: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="392" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="393" />
      <source>The new language applies when reader is next started.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import problems…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The library is empty. Import news files or folders with File ▸ Import (Ctrl+O).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No stories contain “%1”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Try shorter or fewer words: any run of Chinese characters is found, in 简体 or 繁體.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No stories match.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Or clear the filters on the left (Clear filters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>See the notes under the search box: part of the query was not used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added 1 story to %2.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Files: %1 added, %2 updated, %3 removed, %4 unchanged, %5 failed, %6 skipped.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imported 1 story.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imported %7 stories.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing: stories appear here as they arrive.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>Show every copy of reprints</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>Differences from the original</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>What the copies changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>《%1》 against the original 《%2》</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>original</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>%1 of the text alike</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>The same paragraphs as the original.</source>
      <translation type="unfinished" />
    </message>
</context>
  <context>
    <name>NoteEditor</name>
    <message>
      <location filename="../../reader/gui/dialogs/note.py" line="18" />
      <source>Note (saved automatically)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/note.py" line="21" />
      <source>Your note on this story…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="26" />
      <source>Preferences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="30" />
      <source>Follow the system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="36" />
      <source>Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="37" />
      <source>Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="47" />
      <source>The interface language changes when you press OK (during an import: at the next start).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="55" />
      <source>Interface language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="57" />
      <source>Theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="58" />
      <source>Read stories in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="59" />
      <source>Text size</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReadingPane</name>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="107" />
      <source>Bookmark this story (Ctrl+D)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="113" />
      <source>Previous hit (Shift+F3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="117" />
      <source>Next hit (F3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="122" />
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="132" />
      <source>Add one of your own tags to this story</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="148" />
      <source>Find in story</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="239" />
      <source>Choose a story in the list to read it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="243" />
      <source>By</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="329" />
      <source>Hit %1/%2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>Differences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>Show what the copies changed against the original (Ctrl+Shift+D)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>original</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>%1 reprints</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Scripts</name>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="14" />
      <source>Simplified (简体)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="15" />
      <source>Traditional (繁體)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="16" />
      <source>Taiwan (臺灣正體)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="17" />
      <source>Hong Kong (香港繁體)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="23" />
      <source>Search stories — words, "phrases", OR, -not, tag:, date:2024</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="33" />
      <source>Relevance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="34" />
      <source>Newest first</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../reader/gui/views/searchbar.py" line="118" />
      <source>%n stories</source>
      <translation>
        <numerusform>%n story</numerusform>
        <numerusform>%n stories</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchNotes</name>
    <message>
      <location filename="../../reader/gui/i18n.py" line="109" />
      <source>unbalanced quote ignored</source>
      <extracomment>Notes reader.index gives about a query, listed so lupdate puts them in the catalogs.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="110" />
      <source>unbalanced bracket ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="111" />
      <source>lone operator OR ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="112" />
      <source>lone operator AND ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="113" />
      <source>lone operator NOT ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="114" />
      <source>control characters ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="115" />
      <source>query too deeply nested: ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="119" />
      <source>invalid date %1 ignored</source>
      <extracomment>Notes with a variable part: (pattern, catalog text with %1).</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="122" />
      <source>query too long: only the first %1 characters used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="126" />
      <source>unknown filter %1 ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="130" />
      <source>%1 chosen stories are no longer in the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>unknown field %1: searched as text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>reversed date range %1 read as %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>invalid from date %1 ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>invalid to date %1 ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>tag %1 has no kind: matched %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>no tag %1 in the library</source>
      <translation type="unfinished" />
    </message>
      <message>
      <source>%1 holds no letters, digits or characters to search: ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>matched by pinyin %1: %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>matched by pinyin %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 does not read as pinyin</source>
      <translation type="unfinished" />
    </message>
</context>
  <context>
    <name>ImportReportDialog</name>
      <message>
      <source>Import problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not imported:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skipped (not a news file type):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 file could not be imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 files could not be imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 file was skipped because of its type.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 files were skipped because of their type.</source>
      <translation type="unfinished" />
    </message>
</context>
  <context>
    <name>QFileDialog</name>
      <message>
      <source>&amp;Look in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation type="unfinished" />
    </message>
</context>
  <context>
    <name>TimelineChart</name>
    <message>
      <source>No dated stories to chart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 stories archived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1: %2 stories (%3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>all</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <source>Stories per period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Share of all stories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compare with… (queries separated by ;)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show every period again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>all</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>KwicModel</name>
    <message>
      <source>Left context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Right context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConcordanceDialog</name>
    <message>
      <source>&amp;Context (characters):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As the results</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Left context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Right context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sort by:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as CSV…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(reading…)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save concordance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Concordance: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Failed: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 occurrences in %2 stories</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SavedSearchList</name>
    <message>
      <source>%1 — %2 stories, %3 new since you last looked</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ResearchActions</name>
    <message>
      <source>Saved searches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forget this saved search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Research</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Concordance of the query…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show timeline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Go to timeline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save this search…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save a search from history…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Go to saved searches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add all results to collection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo adding results to collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forget saved search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type a query first: the concordance shows its words in context.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save a search from history</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Query:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add all results to collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Collection:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved the search as “%1”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The search history is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forget the saved search “%1”?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All stories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo adding %1 to “%2”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Took %1 stories out of “%2” again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1: %2 new stories since you last looked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added %1 of %2 results to “%3” (the others were in it already).</source>
    </message>
  </context>
  <context>
    <name>ResultsModel</name>
    <message>
      <location filename="../../reader/gui/models/results.py" line="1" />
      <source>%1 reprints</source>
    </message>
  </context>
  <context>
    <name>MatchedForms</name>
    <message>
      <source>matched %1 for %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>matched %1 by pinyin %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, </source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>