"""thoisu serve in a real headless Chromium (Debian's chromium, driven by Selenium
through Debian's chromedriver), against uvicorn serving a digest of examples/.

One server and one browser for the module; screenshots go to tests/output/web/.
Skipped, saying why, only when Chromium or its driver is not installed (`make test`
installs them as root: apt-get install chromium chromium-driver)."""

from __future__ import annotations

import contextlib
import csv
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_web_api import EXAMPLES, HOSTILE_PAGE, UPLOAD_PAGE, digest_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path(__file__).resolve().parent / "output" / "web"
TOKEN = "browser-test-token"

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "Chromium could not be found at /usr/bin/chromium with /usr/bin/chromedriver: "
        "run `make test` as root (it installs Debian's chromium and chromium-driver) "
        "or `apt-get install -y chromium chromium-driver`",
        allow_module_level=True,
    )

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from thoisu.web import create_app

    db = digest_store([EXAMPLES], tmp_path_factory.mktemp("browser"))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db), token=TOKEN), host="127.0.0.1",
                                       port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads, tmp_path_factory) -> Iterator[webdriver.Chrome]:
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")  # not left behind in /tmp
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=vi", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.implicitly_wait(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver: webdriver.Chrome, name: str) -> None:
    path = SHOTS / f"{name}.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 0


def wait(driver: webdriver.Chrome, seconds: float = 10) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def no_csp_violations(driver: webdriver.Chrome) -> None:
    logs = [e["message"] for e in driver.get_log("browser")]
    bad = [m for m in logs if "Content Security Policy" in m or "Refused to" in m]
    assert not bad, bad


def test_search_for_a_seed_actor(server, browser):
    base, _ = server
    browser.get(base + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.quick input[name=q]")
    box.send_keys("burmistrov")  # no marks, lower case: still found
    box.submit()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.total")))
    assert "/search?q=burmistrov" in browser.current_url
    hits = browser.find_elements(By.CSS_SELECTOR, "article.hit")
    assert hits
    marks = browser.find_elements(By.CSS_SELECTOR, "article.hit mark")
    assert any(m.text.lower() == "burmistrov" for m in marks)
    assert browser.find_elements(By.CSS_SELECTOR, "section.group h2 a")  # grouped by story
    shot(browser, "1-search")
    no_csp_violations(browser)


def test_thread_summary_sentence_lands_on_its_source_line(server, browser):
    base, db = server
    tid = sqlite3.connect(db).execute("SELECT id FROM threads ORDER BY n_articles DESC").fetchone()[0]
    browser.get(f"{base}/search?q=burmistrov")
    browser.find_element(By.LINK_TEXT, "thread").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#summary a.sent")))
    assert "/threads/" in browser.current_url
    browser.get(f"{base}/threads/{tid}")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline svg, #timeline ol")
    assert browser.find_elements(By.CSS_SELECTOR, "#network svg")
    shot(browser, "2-thread")
    sentence = browser.find_elements(By.CSS_SELECTOR, "#summary a.sent")[0]
    text = sentence.text.strip()
    href = sentence.get_attribute("href")
    sentence.click()
    wait(browser).until(EC.url_contains("/articles/"))
    line = href.rsplit("#L", 1)[1]
    assert browser.current_url.endswith(f"#L{line}")
    target = browser.execute_script("const t = document.querySelector(':target'); return t && t.id;")
    assert target == f"L{line}"
    para = browser.find_element(By.ID, f"L{line}")
    # the paragraph on that line holds the summary sentence (its first words at least)
    assert " ".join(text.split()[:6]) in " ".join(para.text.split())
    shot(browser, "3-source-line")
    # and its line number opens the page as received at that line
    para.find_element(By.CSS_SELECTOR, "a.ln").click()
    wait(browser).until(EC.url_contains("/raw#L"))
    raw_line = browser.find_element(By.ID, f"L{line}")
    assert "own" in raw_line.get_attribute("class")
    assert browser.find_elements(By.CSS_SELECTOR, ".rl.dropped")  # furniture, greyed
    shot(browser, "4-raw-page")
    no_csp_violations(browser)


def test_actor_page(server, browser):
    base, _ = server
    browser.get(f"{base}/search?q=burmistrov")
    browser.find_element(By.CSS_SELECTOR, "article.hit h3 a").click()
    link = wait(browser).until(EC.element_to_be_clickable(
        (By.XPATH, "//div[@class='body']//a[contains(@class,'ent-PER') and contains(., 'Burmistrov')]")))
    link.click()
    wait(browser).until(EC.url_contains("/actors/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Oleg Burmistrov"
    assert "RUS" in browser.find_element(By.CSS_SELECTOR, "p.kind").text
    assert browser.find_elements(By.CSS_SELECTOR, "#mentions svg rect.bar, #mentions p.muted")
    assert browser.find_elements(By.CSS_SELECTOR, "#as-actor tr.event")
    assert browser.find_elements(By.CSS_SELECTOR, "#counterparts li")
    shot(browser, "5-actor")
    no_csp_violations(browser)


def test_filter_events_and_download_csv(server, browser, downloads):
    base, _ = server
    browser.get(f"{base}/events")
    everything = int(browser.find_element(By.CSS_SELECTOR, "p.total").text.split()[0])
    Select(browser.find_element(By.ID, "f-type")).select_by_visible_text("CONSULT")
    browser.find_element(By.ID, "f-apply").click()
    wait(browser).until(EC.url_contains("type=CONSULT"))
    total = int(browser.find_element(By.CSS_SELECTOR, "p.total").text.split()[0])
    assert 0 < total < everything
    types = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "table.events td:first-child .etype")}
    assert types == {"CONSULT"}
    shot(browser, "6-events")
    browser.find_element(By.ID, "download-csv").click()
    target = downloads / "events.csv"
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert target.exists(), list(downloads.iterdir())
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == total and {r["type"] for r in rows} == {"CONSULT"}


def test_upload_with_the_token_and_see_it_appear(server, browser, tmp_path):
    base, _ = server
    page = tmp_path / "abe-indonesia.txt"
    page.write_text(UPLOAD_PAGE, "utf-8")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE_PAGE, "utf-8")
    browser.get(f"{base}/ingest")
    browser.find_element(By.ID, "files").send_keys(f"{page}\n{hostile}")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "ingest-form").submit()
    wait(browser).until(EC.url_contains("/jobs/"))
    # app.js follows the job and reloads once it is done
    wait(browser, 180).until(
        lambda d: d.find_element(By.ID, "job-state").text in ("done", "failed"))
    shot(browser, "7-job")
    assert browser.find_element(By.ID, "job-state").text == "done"
    new = browser.find_elements(By.CSS_SELECTOR, "#job-new a")
    titles = [a.text for a in new]
    assert any("Indonesia" in t for t in titles), titles
    next(a for a in new if "Indonesia" in a.text).click()
    wait(browser).until(EC.url_contains("/articles/"))
    assert "Indonesia" in browser.find_element(By.TAG_NAME, "h1").text
    # and search finds it
    browser.get(f"{base}/search?q=shinzo+abe")
    assert any("Indonesia" in h.text for h in browser.find_elements(By.CSS_SELECTOR, "article.hit h3"))
    shot(browser, "8-uploaded")


def test_hostile_page_text_never_runs(server, browser):
    """The hostile page uploaded above: its <script>, svg onload, img onerror,
    javascript: link and attribute-breaking quote are shown as text, and nothing ran."""
    import httpx

    base, db = server
    find = "SELECT id FROM articles WHERE page LIKE '%hostile%'"
    row = sqlite3.connect(db).execute(find).fetchone()
    if row is None:  # run on its own: upload it through the API
        r = httpx.post(f"{base}/api/pages", headers={"Authorization": f"Bearer {TOKEN}"},
                       json={"pages": [{"name": "hostile.txt", "text": HOSTILE_PAGE}]})
        assert r.status_code == 202, r.text
        deadline = time.monotonic() + 180
        while httpx.get(f"{base}/api/jobs/{r.json()['job']}").json()["state"] not in ("done", "failed"):
            assert time.monotonic() < deadline
            time.sleep(0.3)
        row = sqlite3.connect(db).execute(find).fetchone()
    assert row, "the hostile page was digested"
    aid = row[0]
    for url in (f"/articles/{aid}", f"/articles/{aid}/raw", "/search?q=lavrov", "/events?type=AID", "/"):
        browser.get(base + url)
        for el in browser.find_elements(By.CSS_SELECTOR, ".body, pre.raw, main")[:1]:
            hover(browser, el)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018
        assert browser.execute_script("return window.__pwned === undefined"), url
        assert not browser.find_elements(By.CSS_SELECTOR, "main script, main svg[onload], main img")
    browser.get(f"{base}/articles/{aid}")
    assert "<script>window.__pwned=1</script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert '<svg onload="window.__pwned=2">' in browser.find_element(By.CSS_SELECTOR, ".body").text
    shot(browser, "9-hostile")
    no_csp_violations(browser)


def hover(driver: webdriver.Chrome, element: object) -> None:
    """Move the pointer over the text (an onmouseover smuggled into an attribute would fire)."""
    from selenium.webdriver.common.action_chains import ActionChains

    with contextlib.suppress(Exception):  # an element off screen: hovering is best effort
        ActionChains(driver).move_to_element(element).perform()

