"""The gallery served for real: `limner gallery` and `limner serve --http` in subprocesses, read over plain HTTP
and driven in headless Chromium through selenium (grid, search, an image, its parent, the diff)."""

from __future__ import annotations

import base64
import shutil
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import free_port, limner_listening
from limner.agents import Studio

pytestmark = pytest.mark.slow

TOKEN = "s3cret-token-of-24-chars"
SCRIPT = "<script>alert('gallery')</script>"


@pytest.fixture
def family(isolated_home: Path) -> dict[str, str]:
    """Four images: a ball (described with a script tag), its masked recolour, a lighthouse and its night refine;
    the night one captioned and evaluated."""
    with Studio(isolated_home) as studio:
        ball = studio.generate(f"a red ball on green grass {SCRIPT}", seed=3)
        blue = studio.refine(ball.image_id, "make the ball blue")
        lighthouse = studio.generate("a lighthouse at dusk, watercolor", seed=4)
        night = studio.refine(lighthouse.image_id, "make it night")
        studio.evaluate(night.image_id)
        assert blue.mode == "masked edit" and night.mode == "fresh render"
    return {"ball": ball.image_id, "blue": blue.image_id, "lighthouse": lighthouse.image_id, "night": night.image_id}


@contextmanager
def served(*args: str, port: int):
    """`limner ARGS` in a subprocess, yielded as its base URL once `port` accepts connections."""
    with limner_listening(*args, port=port):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def gallery():
    port = free_port()
    with served("gallery", "--no-open", "--port", str(port), port=port) as base:
        yield base


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


# Plain HTTP ----------------------------------------------------------------------------------------


def test_every_route_answers_with_what_it_serves(family: dict[str, str], isolated_home: Path):
    with gallery() as base:
        status, headers, body = get(f"{base}/gallery")
        assert status == 200 and headers["content-type"].startswith("text/html")
        page = body.decode()
        order = [page.index(f"data-id='{family[k]}'") for k in ("night", "lighthouse", "blue", "ball")]
        assert order == sorted(order), "newest first"
        assert "default-src 'none'" in headers["content-security-policy"]

        status, _, body = get(f"{base}/gallery/search?q=lighthouse")
        assert status == 200 and family["lighthouse"] in body.decode() and family["ball"] not in body.decode()
        assert get(f"{base}/gallery/search?q=", {})[0] == 200, "an empty search is the grid again (redirected)"

        status, _, body = get(f"{base}/gallery/image/{family['night']}")
        page = body.decode()
        assert status == 200
        assert f"/gallery/image/{family['lighthouse']}" in page and "id='parent-link'" in page
        assert "time_of_day: dusk -&gt; night" in page, "the Scene diff"
        assert "Is it night?" in page and "measure" in page, "the checks, with who answered"
        assert "Seed: 4" in page, "the PNG parameters"
        assert "Mostly" in page, "the caption the evaluation made"

        status, headers, body = get(f"{base}/gallery/file/{family['night']}.png")
        with Studio(isolated_home) as studio:
            assert body == Path(studio.show(family["night"]).path).read_bytes()
        assert status == 200 and headers["content-type"] == "image/png"
        status, headers, body = get(f"{base}/gallery/thumb/{family['night']}.jpg")
        assert status == 200 and headers["content-type"] == "image/jpeg" and body[:2] == b"\xff\xd8"
        assert get(f"{base}/gallery/mask/{family['blue']}.png")[0] == 200
        assert get(f"{base}/gallery/mask/{family['night']}.png")[0] == 404, "not a masked edit"
        assert "id='mask'" in get(f"{base}/gallery/image/{family['blue']}")[2].decode()
        status, _, body = get(f"{base}/gallery/diff/{family['night']}.png")
        assert status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n"
        assert get(f"{base}/gallery/diff/{family['ball']}.png")[0] == 404, "no parent, no difference"

        assert get(f"{base}/gallery/image/ffffffffffff")[0] == 404
        assert get(f"{base}/gallery/image/not-an-id")[0] == 404
        assert get(f"{base}/gallery?page=zero")[0] == 400
        assert get(f"{base}/gallery", method="POST")[0] == 405, "read-only"
        assert get(f"{base}/gallery/gallery.js")[0] == 200


def test_user_text_is_escaped_everywhere(family: dict[str, str]):
    with gallery() as base:
        pages = [get(f"{base}/gallery")[2], get(f"{base}/gallery/search?q={SCRIPT}".replace(" ", "+"))[2]]
        pages += [get(f"{base}/gallery/image/{family[k]}")[2] for k in ("ball", "blue")]
        for page in pages:
            assert b"<script>alert" not in page and b"<script>" not in page.replace(b"<script src=", b"")
        ball = get(f"{base}/gallery/image/{family['ball']}")[2].decode()
        assert "&lt;script&gt;alert(&#x27;gallery&#x27;)&lt;/script&gt;" in ball, "the intent, shown as text"


def test_foreign_host_and_origin_headers_are_refused(family: dict[str, str]):
    with gallery() as base:
        assert get(f"{base}/gallery", {"Host": "attacker.example"})[0] == 421
        assert get(f"{base}/gallery/file/{family['ball']}.png", {"Host": "attacker.example:80"})[0] == 421
        assert get(f"{base}/gallery", {"Origin": "http://attacker.example"})[0] == 403
        assert get(f"{base}/gallery", {"Host": "localhost:1234"})[0] == 200


def test_serve_http_mounts_the_gallery_beside_mcp_under_the_same_rules(family: dict[str, str]):
    port = free_port()
    with served("serve", "--http", f"127.0.0.1:{port}", port=port) as base:
        assert get(f"{base}/gallery")[0] == 200
        assert get(f"{base}/gallery/image/{family['night']}")[0] == 200
        assert get(f"{base}/gallery", {"Host": "attacker.example"})[0] == 421
        assert get(f"{base}/gallery", {"Origin": "http://attacker.example"})[0] == 403


def test_beyond_loopback_the_gallery_needs_the_token(family: dict[str, str]):
    port = free_port()
    with served("serve", "--http", f"0.0.0.0:{port}", "--token", TOKEN, port=port) as base:
        status, headers, _ = get(f"{base}/gallery")
        assert status == 401 and headers["www-authenticate"].startswith("Basic"), "a browser asks for it"
        assert get(f"{base}/gallery/file/{family['ball']}.png")[0] == 401
        assert get(f"{base}/gallery", {"Authorization": "Bearer wrong-token-wrong-token"})[0] == 401
        assert get(f"{base}/gallery", {"Authorization": f"Bearer {TOKEN}"})[0] == 200
        basic = base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
        assert get(f"{base}/gallery", {"Authorization": f"Basic {basic}"})[0] == 200, "the token as the password"
        wrong = base64.b64encode(b"anyone:guess").decode()
        assert get(f"{base}/gallery", {"Authorization": f"Basic {wrong}"})[0] == 401
        status, headers, _ = get(f"{base}/mcp", {"Authorization": f"Basic {basic}"}, method="POST")
        assert status == 401 and headers["www-authenticate"].startswith("Bearer"), "MCP itself takes only Bearer"


# A real browser -------------------------------------------------------------------------------------


def _chrome():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    driver_path = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    browser = next((p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))), None)
    if driver_path is None or browser is None:
        pytest.skip("chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(flag)
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)


def _loaded(driver, element_id: str) -> bool:
    return driver.execute_script(
        "var i = document.getElementById(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;", element_id
    )


def test_in_a_browser_grid_search_image_parent_and_diff(family: dict[str, str], tmp_path: Path):
    driver = _chrome()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, 20)
    try:
        with gallery() as base:
            driver.get(f"{base}/gallery")
            cards = driver.find_elements(By.CSS_SELECTOR, "#grid a.card")
            assert [c.get_attribute("data-id") for c in cards][:2] == [family["night"], family["lighthouse"]]
            wait.until(lambda d: d.execute_script(
                "return [...document.querySelectorAll('#grid img')].every(i => i.complete && i.naturalWidth > 0)"
            ))  # fmt: skip
            driver.save_screenshot(str(tmp_path / "grid.png"))

            box = driver.find_element(By.ID, "q")
            box.send_keys("lighthouse", Keys.ENTER)
            wait.until(lambda d: "/gallery/search" in d.current_url)
            found = [c.get_attribute("data-id") for c in driver.find_elements(By.CSS_SELECTOR, "#grid a.card")]
            assert family["lighthouse"] in found and family["night"] in found and family["ball"] not in found
            assert driver.find_element(By.ID, "q").get_attribute("value") == "lighthouse"

            driver.find_element(By.CSS_SELECTOR, f"a.card[data-id='{family['night']}']").click()
            wait.until(lambda d: d.current_url.endswith(f"/gallery/image/{family['night']}"))
            wait.until(lambda d: _loaded(d, "picture") and _loaded(d, "parent-picture") and _loaded(d, "pixel-diff"))
            assert "time_of_day: dusk -> night" in driver.find_element(By.ID, "changes").text
            checks = driver.find_element(By.ID, "checks").text
            assert "Is it night?" in checks and "measure" in checks
            assert "Seed: 4" in driver.find_element(By.ID, "parameters").text
            assert "watercolor" in driver.find_element(By.ID, "scene").text
            tree = [n.get_attribute("data-id") for n in driver.find_elements(By.CSS_SELECTOR, "#lineage a.node")]
            assert tree == [family["lighthouse"], family["night"]]
            slider = driver.find_element(By.CSS_SELECTOR, "input.fade")
            slider.send_keys(Keys.END)  # the blend slider moves the child's opacity (the page's script runs)
            assert driver.find_element(By.ID, "blend-child").value_of_css_property("opacity") == "1"
            driver.save_screenshot(str(tmp_path / "image.png"))

            driver.find_element(By.ID, "parent-link").click()
            wait.until(lambda d: d.current_url.endswith(f"/gallery/image/{family['lighthouse']}"))
            wait.until(lambda d: _loaded(d, "picture"))
            assert not driver.find_elements(By.ID, "compare"), "a root has no parent to compare with"
            child_links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.child-link")]
            assert child_links == [f"{base}/gallery/image/{family['night']}"]
            driver.save_screenshot(str(tmp_path / "parent.png"))
    finally:
        driver.quit()
    for name in ("grid.png", "image.png", "parent.png"):
        assert (tmp_path / name).stat().st_size > 10_000, f"{name} is a real screenshot"
