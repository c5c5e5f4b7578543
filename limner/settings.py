"""Every setting Limner reads, in one object built once from the environment (`LIMNER_*`).

Nothing else in Limner reads `os.environ`: the CLI and the server build one `Settings`, the Studio
hands it to every backend factory, and a developer's shell cannot change what a test sees unless the
test asks for it. Python callers pass one explicitly: `Studio(settings=Settings(home=..., generator="layout"))`.

The OpenAI SDK's own `OPENAI_BASE_URL` and `OPENAI_API_KEY` are honoured as the last fallback for every
OpenAI-compatible endpoint; the Hugging Face variables (`HF_HUB_CACHE`, `HF_HOME`) say where the Hub
cache is, as they do for the Hub's own tools.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from limner.errors import InvalidRequest


def _default_home() -> Path:
    return platformdirs.user_data_path("limner", appauthor=False)


def _env(name: str) -> AliasChoices:
    """The field's environment variable, and its plain name for keyword construction in Python."""
    return AliasChoices(name, name.removeprefix("LIMNER_").lower())


class Settings(BaseSettings):
    """Where Limner keeps its data and how each backend is configured."""

    model_config = SettingsConfigDict(
        env_prefix="LIMNER_", env_ignore_empty=True, extra="ignore", populate_by_name=True, frozen=True
    )

    home: Path = Field(default_factory=_default_home, description="Data folder: database, images, registered models.")

    # Which backends: None means the best one available (see `limner doctor`).
    generator: str | None = Field(None, description="Default generator: layout, diffusers, openai or a plugin's.")
    planner: str | None = Field(None, description="Planner order, e.g. 'llm,rules'.")
    captioner: str | None = Field(None, description="Default captioner: palette, transformers, openai or a plugin's.")

    # Local diffusion models.
    model: str | None = Field(None, description="Default diffusers model.")
    preload: str | None = Field(None, description="Model to load in the background when the server starts.")
    device: str | None = Field(None, description="cuda, cuda:1, mps or cpu; None: the fastest here.")
    dtype: str | None = Field(None, description="float16, bfloat16 or float32; None: the best for the device.")
    tiny_vae: Path | None = Field(None, description="Folder of a tiny autoencoder (TAESD) to decode with.")
    compile: bool = Field(False, description="torch.compile the UNet.")
    cpu_offload: bool = Field(False, description="Offload models to RAM between uses on small GPUs.")
    memory_budget_gb: float | None = Field(None, gt=0, description="Loaded weights past this evict the oldest.")

    # Local vision models.
    caption_model: str | None = Field(None, description="transformers image-to-text model (Hub id or folder).")
    clip_model: str | None = Field(None, description="CLIP model for CLIPScore judging (Hub id or folder).")

    # OpenAI-compatible endpoints: the llm planner, the vision captioner and judge, the image API.
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_timeout: float = Field(60.0, gt=0)
    llm_max_tokens: int | None = Field(None, gt=0)
    vision_base_url: str | None = None
    vision_api_key: SecretStr | None = None
    vision_model: str | None = None
    vision_timeout: float | None = Field(None, gt=0)
    images_base_url: str | None = Field(None, validation_alias=_env("LIMNER_OPENAI_BASE_URL"))
    images_api_key: SecretStr | None = Field(None, validation_alias=_env("LIMNER_OPENAI_API_KEY"))
    images_model: str | None = Field(None, validation_alias=_env("LIMNER_OPENAI_IMAGE_MODEL"))
    # The OpenAI SDK's own variables, the last fallback for every endpoint. (Not named openai_*: with the
    # LIMNER_ prefix those names would also read LIMNER_OPENAI_BASE_URL, the image API's own variable.)
    sdk_base_url: str | None = Field(None, validation_alias=AliasChoices("OPENAI_BASE_URL", "sdk_base_url"))
    sdk_api_key: SecretStr | None = Field(None, validation_alias=AliasChoices("OPENAI_API_KEY", "sdk_api_key"))

    # Serving.
    token: SecretStr | None = Field(None, description="Bearer token for HTTP serving.")
    debug: bool = Field(False, description="Show the traceback when a command fails unexpectedly.")

    # The Hugging Face Hub cache, where `limner models pull` puts models and loading looks for them.
    hf_hub_cache: Path | None = Field(None, validation_alias=AliasChoices("HF_HUB_CACHE", "hf_hub_cache"))
    hf_home: Path | None = Field(None, validation_alias=AliasChoices("HF_HOME", "hf_home"))
    xdg_cache_home: Path | None = Field(None, validation_alias=AliasChoices("XDG_CACHE_HOME", "xdg_cache_home"))

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Settings from the environment with `overrides` on top; a bad value is an error naming the variable."""
        given = {name: value for name, value in overrides.items() if value is not None}
        try:
            return cls(**given)
        except ValidationError as exc:
            raise InvalidRequest("invalid settings: " + _explain(exc)) from None

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some fields changed, validated like the original."""
        try:
            return type(self).model_validate({**self.model_dump(), **changes})
        except ValidationError as exc:
            raise InvalidRequest("invalid settings: " + _explain(exc)) from None

    @property
    def hub_cache(self) -> Path:
        """Where the Hugging Face Hub keeps downloads: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub."""
        if self.hf_hub_cache is not None:
            return self.hf_hub_cache.expanduser()
        if self.hf_home is not None:
            return self.hf_home.expanduser() / "hub"
        return (self.xdg_cache_home or Path("~/.cache")).expanduser() / "huggingface" / "hub"

    @property
    def llm_configured(self) -> bool:
        """The `llm` planner runs only where an endpoint or model has been named, never by surprise."""
        return any((self.llm_base_url, self.llm_model, self.sdk_base_url, self.sdk_api_key))


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else "?"
        variable = field.upper() if field.isupper() or field.startswith(("OPENAI_", "HF_")) else f"LIMNER_{field.upper()}"
        parts.append(f"{variable}: {error['msg']} (got {error.get('input')!r})")
    return "; ".join(parts)
