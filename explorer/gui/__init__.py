"""The desktop explorer (PySide6).

Widgets here read and change the project only through `explorer.services`
(wrapped by `gui.backend.Backend`), so every widget can be tested with a
fake backend built from hand-made `core.views` records and graphs.
"""
