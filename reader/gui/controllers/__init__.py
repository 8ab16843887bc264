"""The main window's controllers: the actions it offers, each handed only the parts it works on.

* ``userdata_actions`` — bookmarks, notes, collections and the user's own tags
  (:class:`UserDataActions`), with the results' and tags' context menus.
* ``imports`` — importing into the library (:class:`ImportController`): file and folder
  dialogs, the queue, the worker, progress, cancel and the report of problems.

The window builds its widgets, hands each controller what it needs and keeps the
Qt events (drag and drop) that delegate to them.
"""
