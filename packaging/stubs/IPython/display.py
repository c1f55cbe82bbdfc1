"""pyvis imports `IFrame` at module level for notebook output; the frozen app never uses it."""


class IFrame:  # pragma: no cover - only reached by pyvis's notebook mode
    def __init__(self, *args, **kwargs):
        raise RuntimeError("notebook output is not available in the desktop app")
