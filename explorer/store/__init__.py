"""The project database: schema, ingest writes, resolution, search, corrections.

`Project` is the only entry point other layers use (through services).
"""

from explorer.store.project import Project

__all__ = ["Project"]
