"""Shared assertions for MCP tool results, whichever transport carried them."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from limner.lineage import read_provenance
from PIL import Image


def assert_image_result(result) -> dict:
    """A generate/show result: text, an inline preview within limits, a resource link, structured content."""
    assert not result.is_error, result.content[0].text
    kinds = [block.type for block in result.content]
    assert kinds == ["text", "image", "resource_link"]
    text, preview, link = result.content
    data = result.structured_content
    assert data["image_id"] in text.text and data["path"] in text.text
    assert len(preview.data) <= 100_000
    with Image.open(io.BytesIO(base64.b64decode(preview.data))) as thumbnail:
        assert max(thumbnail.size) <= 512
    assert link.uri == f"limner://images/{data['image_id']}"
    assert link.mime_type == "image/png"
    path = Path(data["path"])
    assert path.is_file()
    assert read_provenance(str(path)).limner["image_id"] == data["image_id"]
    return data
