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
    """One option per field of `request` (`--layout-guided`, `--seed N`), or a positional argument.

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
        elif kind is bool:
            parser.add_argument(f"--{name.replace('_', '-')}", action="store_true", default=None, help=help_text)
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
    return (annotation if annotation in (int, float, bool) else str), None


def _help(field: FieldInfo) -> str:
    text = (field.description or "").replace("%", "%%")
    if field.default not in (None, False) and not field.is_required():
        text += f" (default {field.default})"
    return text
