"""explorer: a desktop knowledge-graph explorer for Chinese local news."""

__version__ = "0.1.0"
