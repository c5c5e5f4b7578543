"""The errors a caller can fix: each message says what to change."""

import difflib


def unknown(what: str, name: str, known: list[str], *, known_as: str = "available", cutoff: float = 0.75) -> str:
    """"unknown generator 'difusers' (did you mean 'diffusers'?); available: diffusers, layout, openai"."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=cutoff)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {what} {name!r}{hint}; {known_as}: {', '.join(known)}"


class LimnerError(Exception):
    """Base class for every error Limner raises on purpose."""


class InvalidRequest(LimnerError, ValueError):
    """An argument is out of range or malformed; the message names it and the allowed values."""


class NotFound(LimnerError, LookupError):
    """An id or name that does not exist; the message says how to list what does."""


class UnknownBackend(LimnerError, LookupError):
    """A planner, generator or captioner name that is not registered; the message lists those that are."""


class BackendUnavailable(LimnerError, LookupError):
    """A backend that exists but cannot run here (a package or setting missing); the message says what to add."""


class BackendFailed(LimnerError, RuntimeError):
    """A model or remote service failed in a way the caller should hear about (auth, rate limit, policy, timeout)."""


class ModelNotAvailable(LimnerError, LookupError):
    """A model that is not on this machine; the message names the command that fetches or registers it."""


class Cancelled(LimnerError):
    """The caller cancelled the work; nothing was recorded as an image."""


class StoreBusy(LimnerError, RuntimeError):
    """The data folder's database stayed locked by another process past the wait; nothing was stored."""


class ImageDamaged(LimnerError, RuntimeError):
    """A stored image's file is missing or its bytes no longer match its hash; the message says how to repair."""


class StoreUnavailable(LimnerError, RuntimeError):
    """The data folder cannot be opened or created; the message names it and how to choose another."""
