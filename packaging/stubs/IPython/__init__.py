"""Stand-in for IPython inside the frozen app only (see ../README.md)."""
