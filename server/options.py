"""Command-line options made from the request models, so the CLI takes exactly what the tools take."""

from __future__ import annotations

import argparse
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal

from limner.agents.workflow.requests import BACKEND_FIELDS, Request
from pydantic.fields import FieldInfo

from limner.plugins import registry


def add_request_options(
    parser: argparse.ArgumentParser,
    request: type[Request],
    *,
    positional: Sequence[str] = (),
    skip: Sequence[str] = (),
) -> None:
    """One option per field of `request` (`--layout-control attention`, `--seed N`), or a positional argument.

    Options default to "not given", so the request's own defaults apply.
    """
    for name, field in request.model_fields.items():
        if name in skip:
            continue
        kind, choices = _plain_type(field.annotation)
        help_text = _help(field)
        if name in BACKEND_FIELDS:
            help_text += f" Available here: {', '.join(registry().names(BACKEND_FIELDS[name]))}."
        if name in positional:
            required = field.is_required()
            parser.add_argument(name, nargs=None if required else "?", type=kind, help=help_text)
        elif kind is bool:  # a yes-or-no that may be left out (default None) takes --name and --no-name
            action = argparse.BooleanOptionalAction if field.default is None else "store_true"
            parser.add_argument(f"--{name.replace('_', '-')}", action=action, default=None, help=help_text)
        elif kind is bytes:  # image bytes over MCP are a file on the command line
            parser.add_argument(f"--{name.replace('_', '-')}", type=_file_bytes, metavar="FILE", help=help_text)
        elif kind is list:  # [x, y, w, h]: as many numbers as the field holds
            parser.add_argument(
                f"--{name.replace('_', '-')}", type=float, nargs=_length(field), metavar="N", help=help_text
            )
        else:
            metavar = None if choices else name.upper()
            parser.add_argument(
                f"--{name.replace('_', '-')}", type=kind, choices=choices, metavar=metavar, help=help_text
            )


def request_fields(args: argparse.Namespace, request: type[Request]) -> dict[str, Any]:
    """The fields of `request` the user gave on the command line."""
    return {name: getattr(args, name) for name in request.model_fields if getattr(args, name, None) is not None}


def _plain_type(annotation: Any) -> tuple[type, list[str] | None]:
    """The command-line type of a field: str, int, float or bool, and its choices for a Literal."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Literal:
        return str, [str(choice) for choice in typing.get_args(annotation)]
    if typing.get_origin(annotation) is list:
        return list, None
    return (annotation if annotation in (int, float, bool, bytes) else str), None


def _length(field: FieldInfo) -> int:
    """How many items a list field holds: its length constraint (the one given twice, as min and max)."""
    annotation = field.annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    for meta in [*field.metadata, *typing.get_args(annotation)[1:]]:
        if getattr(meta, "max_length", None):
            return meta.max_length
        for inner in getattr(meta, "metadata", []):
            if getattr(inner, "max_length", None):
                return inner.max_length
    return 1


def _file_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {exc.strerror}") from None


def _help(field: FieldInfo) -> str:
    text = (field.description or "").replace("%", "%%")
    if field.default not in (None, False) and not field.is_required():
        text += f" (default {field.default})"
    return text
