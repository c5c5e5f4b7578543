"""`limner doctor`: what this machine can run, which generator is the default and why."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from limner import __version__


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def diagnose(home: Path | str | None = None) -> dict[str, str]:
    from limner.agents import Studio
    from limner.generators import names
    from limner.generators.registry import model_catalog

    with Studio(home) as studio:
        choice = studio.default_generator()
        models = model_catalog(studio.config.home).list()
        report = {
            "limner": __version__,
            "data folder": str(studio.config.home),
            "images": str(studio.lineage.count_images()),
            "generators": ", ".join(names()),
            "default generator": f"{choice.name} ({choice.reason})",
            "models": ", ".join(f"{m.name} [{m.family}]" for m in models) or "none",
            "planners": _planners(studio.config.planner),
            "captioner": _captioner(),
            "judges": ", ".join(j.name for j in studio.critic.judges()),
        }
    for package in ("torch", "diffusers", "transformers", "openai"):
        report[package] = _installed(package)
    if report["torch"] != "not installed":
        _describe_device(report)
    return report


def _planners(configured: str | None) -> str:
    """The planner order and what each needs: 'sampling (when the client offers it), llm (gpt-5.4-mini at …), rules'."""
    from limner.agents.openai_chat import ChatSettings
    from limner.agents.planner import llm_configured, planner_order

    described = []
    for name in planner_order(configured):
        if name == "sampling":
            described.append("sampling (when the MCP client offers it)")
        elif name == "llm":
            if llm_configured():
                settings = ChatSettings.from_env()
                described.append(f"llm ({settings.model} at {settings.where})")
            else:
                described.append("llm (off: set LIMNER_LLM_BASE_URL and LIMNER_LLM_MODEL, or OPENAI_API_KEY)")
        else:
            described.append(name)
    return ", ".join(described)


def _captioner() -> str:
    from limner.agents.critic import default_captioner_name

    name = default_captioner_name()
    if name == "palette":
        return "palette (measures colour and light only; set LIMNER_VISION_MODEL or LIMNER_CAPTION_MODEL to describe content)"
    return name


def _describe_device(report: dict[str, str]) -> None:
    import os

    from limner.generators.devices import choose_placement

    try:
        placement = choose_placement()
    except ImportError as exc:  # installed but broken, or shadowed
        report["device"] = f"unknown: torch does not import ({exc})"
        return
    report["device"] = f"{placement.device}, {placement.dtype} ({placement.reason})"
    if placement.device == "cpu" and not os.environ.get("LIMNER_TINY_VAE"):
        report["hint"] = (
            "on CPU the full VAE decoder takes most of a turbo render; a tiny autoencoder makes renders "
            "~2.5x faster: 'hf download madebyollin/taesd --local-dir DIR', then LIMNER_TINY_VAE=DIR"
        )
