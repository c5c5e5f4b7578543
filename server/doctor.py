"""`limner doctor`: what this machine can run, which backend of each kind is the default, and why."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from limner.agents import Studio
from limner.agents.planning.order import planner_order
from limner.generators.decoders import TINY_DECODERS, describe_decoder
from limner.generators.models import ModelCatalog

from limner import __version__
from limner.ml.devices import choose_placement
from limner.openai_endpoint import Endpoint
from limner.plugins import Kind, Registry
from limner.settings import Settings

_PLURAL: dict[Kind, str] = {"generator": "generators", "captioner": "captioners", "planner": "planners",
                            "judge": "judges"}  # fmt: skip


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def diagnose(settings: Settings) -> dict[str, str]:
    with Studio(settings=settings) as studio:
        registry = studio.registry
        report = {
            "limner": __version__,
            "data folder": str(settings.home),
            "images": str(studio.lineage.count_images()),
        }
        for kind in ("generator", "captioner", "planner", "judge"):
            report[_PLURAL[kind]] = _listing(registry, kind, settings)
        choice = studio.default_generator()
        report["default generator"] = f"{choice.name} ({choice.reason})"
        captioner = registry.default("captioner", settings)
        report["default captioner"] = f"{captioner.name} ({captioner.reason})"
        report["planner order"] = ", ".join(_planner(registry, name, settings) for name in _order(studio))
        report["judges used"] = ", ".join(j.name for j in studio.critic.judges())
        report["models"] = _models(settings)
    for package in ("torch", "diffusers", "transformers", "openai"):
        report[package] = _installed(package)
    if report["torch"] != "not installed":
        _describe_device(report, settings)
    return report


def _models(settings: Settings) -> str:
    """'stabilityai/sd-turbo [sd-turbo; decoder: tiny madebyollin/taesd (default on cpu; ...)]': each model
    with the decoder its renders use by default on this machine's device."""
    catalog = ModelCatalog.for_settings(settings)
    models = catalog.list()
    if not models:
        return "none"
    device = _device(settings)
    return ", ".join(
        f"{m.name} [{m.family}; decoder: "
        f"{describe_decoder(m.family, device=device, tiny=catalog.tiny_decoder(m.family, override=settings.tiny_vae))}]"
        for m in models
    )


def _device(settings: Settings) -> str:
    """The device diffusers renders run on here; "cpu" when torch is missing or broken."""
    try:
        return choose_placement(settings.device, settings.dtype).device
    except ImportError:
        return "cpu"


def _listing(registry: Registry, kind: Kind, settings: Settings) -> str:
    """'layout, diffusers (off: no model on this machine), cvae [limner-cvae]': every backend, and what is off."""
    parts = []
    for backend in registry.backends(kind):
        availability = backend.availability(settings)
        text = backend.name
        if not backend.plugin.startswith("limner."):
            text += f" [plugin {backend.plugin}]"
        if not availability.ok:
            text += f" (not set up: {availability.reason})"
        parts.append(text)
    return ", ".join(parts)


def _order(studio: Studio) -> list[str]:
    return list(planner_order(studio.settings.planner, studio.registry))


def _planner(registry: Registry, name: str, settings: Settings) -> str:
    availability = registry.backend("planner", name).availability(settings)
    if name == "llm" and availability.ok:
        endpoint = Endpoint.for_llm(settings)
        return f"llm ({endpoint.model} at {endpoint.where})"
    if not availability.ok:
        return f"{name} (off: {availability.reason})"
    return f"{name} ({availability.reason})" if availability.reason else name


def _describe_device(report: dict[str, str], settings: Settings) -> None:
    try:
        placement = choose_placement(settings.device, settings.dtype)
    except ImportError as exc:  # installed but broken, or shadowed
        report["device"] = f"unknown: torch does not import ({exc})"
        return
    report["device"] = f"{placement.device}, {placement.dtype} ({placement.reason})"
    catalog = ModelCatalog.for_settings(settings)
    missing = sorted({TINY_DECODERS[m.family] for m in catalog.list() if m.family in TINY_DECODERS
                      and catalog.tiny_decoder(m.family, override=settings.tiny_vae) is None})  # fmt: skip
    if placement.device == "cpu" and missing:
        report["hint"] = (
            "on CPU the full VAE decoder takes most of a turbo render; the family's tiny decoder makes renders "
            "~2.5x faster and is used by default once here: " + ", ".join(f"'limner models pull {r}'" for r in missing)
        )
