"""Limner: a local-first image studio that chat assistants drive over MCP."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("limner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
