"""Drive Limner the way a chat assistant does: start `limner serve` over stdio and call its tools.

    python examples/mcp_client.py "a lighthouse at dusk, watercolor" "make the sky stormier"

Images and the lineage database go to $LIMNER_HOME (default: the per-user data folder).
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys

from mcp import Client
from mcp.client.stdio import StdioServerParameters


async def main(description: str, instruction: str) -> None:
    server = StdioServerParameters(command=sys.executable, args=["-m", "limner", "serve"], env=dict(os.environ))
    async with Client(server) as client:
        tools = [tool.name for tool in (await client.list_tools()).tools]
        print(f"tools: {', '.join(tools)}")

        made = await client.call_tool("generate", {"description": description})
        if made.is_error:
            raise SystemExit(made.content[0].text)
        print(made.content[0].text)  # what an assistant reads

        image_id = made.structured_content["image_id"]
        refined = await client.call_tool("refine", {"image_id": image_id, "instruction": instruction})
        print(refined.content[0].text)

        # The full image, as a client fetches it from the resource link.
        full = (await client.read_resource(refined.structured_content["uri"])).contents[0]
        print(f"full image: {len(base64.b64decode(full.blob)):,} bytes of {full.mime_type}")


if __name__ == "__main__":
    arguments = sys.argv[1:] + ["a lighthouse at dusk, watercolor", "make the sky stormier"][len(sys.argv[1:]) :]
    asyncio.run(main(arguments[0], arguments[1]))
