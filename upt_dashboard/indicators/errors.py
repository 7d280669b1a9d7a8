"""The one exception of the indicator package."""


class IndicatorError(ValueError):
    """A request or a configuration the engine cannot serve.

    The message is in Bahasa Indonesia and says what to change; callers
    (CLI, pages) show it as it is.
    """
