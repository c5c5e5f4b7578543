"""The MCP App view of show, lineage and search, rendered in a real browser as a chat client would.

The tools' results come from the real server through the in-memory client. The host (Claude, ChatGPT,
VS Code), which no test can run, is played by a small page that frames the view's HTML exactly as the
`ui://` resource serves it and speaks the Apps protocol to it over postMessage: it answers
`ui/initialize`, sends `ui/notifications/tool-result`, and answers the view's `tools/call` with results
the real server gave for the same call.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from limner.agents import Studio
from limner.server.app import build_server
from mcp import Client

pytestmark = pytest.mark.anyio

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

HOST = """<!doctype html><html><body><iframe id="app" style="width:800px;height:900px"></iframe><script>
const results = RESULTS; const frame = document.getElementById("app"); window.calls = [];
window.addEventListener("message", event => {
  const m = event.data; if (!m || m.jsonrpc !== "2.0") return;
  const reply = body => frame.contentWindow.postMessage({ jsonrpc: "2.0", id: m.id, ...body }, "*");
  if (m.method === "ui/initialize") reply({ result: { protocolVersion: m.params.protocolVersion,
      hostInfo: { name: "test-host", version: "0" }, hostCapabilities: {}, hostContext: {} } });
  else if (m.method === "ui/notifications/initialized")
    frame.contentWindow.postMessage({ jsonrpc: "2.0", method: "ui/notifications/tool-result",
      params: results.first }, "*");
  else if (m.method === "tools/call") { window.calls.push(m.params);
    reply({ result: results.show[m.params.arguments.image_id] }); }
});
frame.srcdoc = VIEW;
</script></body></html>"""


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def browser():
    if not (CHROMIUM and DRIVER):
        pytest.skip("needs Debian's chromium and chromium-driver (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


async def results_of(studio: Studio, tool: str, arguments: dict) -> tuple[dict, dict[str, dict], str]:
    """The tool's result as the host receives it, the show result of every image, and the view's HTML."""
    async with Client(build_server(studio)) as client:
        listed = {t.name: t for t in (await client.list_tools()).tools}
        uri = listed[tool].meta["ui"]["resourceUri"]
        view = (await client.read_resource(uri)).contents[0]
        assert view.mime_type == "text/html;profile=mcp-app"
        first = (await client.call_tool(tool, arguments)).model_dump(mode="json", by_alias=True, exclude_none=True)
        shows = {}
        for image in studio.history(limit=50):
            shown = await client.call_tool("show", {"image_id": image.image_id})
            shows[image.image_id] = shown.model_dump(mode="json", by_alias=True, exclude_none=True)
    return first, shows, view.text


def host_page(tmp_path: Path, first: dict, shows: dict, view: str) -> str:
    def script_safe(value) -> str:  # JSON inside <script>: '</' would end the script early
        return json.dumps(value).replace("</", "<\\/")

    page = HOST.replace("RESULTS", script_safe({"first": first, "show": shows})).replace("VIEW", script_safe(view))
    path = tmp_path / "host.html"
    path.write_text(page, encoding="utf-8")
    return path.as_uri()


def frame_text(browser) -> str:
    browser.switch_to.frame("app")
    try:
        return browser.find_element("id", "view").text
    finally:
        browser.switch_to.default_content()


def wait_for(browser, words: str, timeout: float = 10) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, timeout).until(lambda b: words in frame_text(b))
    return frame_text(browser)


async def test_the_lineage_view_draws_the_tree_and_opens_an_image_when_clicked(studio: Studio, browser, tmp_path):
    root = studio.generate("a red <b>ball</b> left of a blue cube", generator="layout", seed=1)
    child = studio.refine(root.image_id, "make the ball green")
    first, shows, view = await results_of(studio, "lineage", {"image_id": child.image_id})
    browser.get(host_page(tmp_path, first, shows, view))
    text = wait_for(browser, f"Lineage of {child.image_id}")
    assert root.image_id in text and f"refine {child.image_id}" in text
    browser.switch_to.frame("app")
    nodes = browser.find_elements("css selector", ".node")
    assert len(nodes) == 2
    nodes[0].click()
    browser.switch_to.default_content()
    opened = wait_for(browser, "object 0")
    assert "ball" in opened
    assert browser.execute_script("return window.calls")[0]["arguments"]["image_id"] == root.image_id
    browser.switch_to.frame("app")
    assert browser.find_elements("tag name", "b") == [], "the user's words are shown as text, never as markup"
    assert browser.find_element("css selector", "img").get_attribute("src").startswith("data:image/")
    browser.switch_to.default_content()
    browser.save_screenshot(str(tmp_path / "lineage-view.png"))
    assert (tmp_path / "lineage-view.png").stat().st_size > 1000


async def test_the_show_and_search_views_draw_the_image_and_the_hits(studio: Studio, browser, tmp_path):
    made = studio.generate("a lighthouse at dusk, watercolor", generator="layout", seed=2)
    child = studio.refine(made.image_id, "add a red boat")
    first, shows, view = await results_of(studio, "show", {"image_id": child.image_id})
    browser.get(host_page(tmp_path, first, shows, view))
    text = wait_for(browser, "object 0")
    assert "lighthouse" in text and "boat" in text and f"From {made.image_id} (refine)" in text
    assert "+ object boat" in text, "a refine shows its changes"
    first, shows, view = await results_of(studio, "search", {"query": "lighthouse"})
    browser.get(host_page(tmp_path, first, shows, view))
    text = wait_for(browser, "images")
    assert made.image_id in text and "words" in text
