"""The explorer page and the API docs in a real browser: they load with no console errors, without any host
but the API, and an analyst gets from a misspelt name to the sentence behind a fact by clicking."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import console_errors, screenshot

pytestmark = pytest.mark.neo4j

PAGES = {
    "explore-home": ("/explore", "a.card"),
    "explore-network": ("/explore#/network", "#network-graph canvas"),
    "explore-elections": ("/explore#/elections", "#elections .election"),
    "explore-protests": ("/explore#/protests", "#protests tr + tr"),
    "explore-balance": ("/explore#/balance", "#pairs tr.pair"),
    "api-docs": ("/docs", ".swagger-ui .opblock"),
    "api-redoc": ("/redoc", "[role=menuitem], .menu-content li"),
}


def wait_for(driver: Any, css: str, timeout: float = 30) -> Any:
    return WebDriverWait(driver, timeout).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_with_no_console_errors(chrome: Any, live_api: str, name: str) -> None:
    path, ready = PAGES[name]
    console_errors(chrome)
    chrome.get("about:blank")
    chrome.get(live_api + path)
    wait_for(chrome, ready)
    screenshot(chrome, name)
    assert console_errors(chrome) == []
    # Nothing was fetched from another host: every resource the page loaded came from the API.
    urls = chrome.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(live_api) or u.startswith("data:") for u in urls), urls


def test_search_a_misspelling_to_the_actor_network_to_the_sentence(chrome: Any, live_api: str) -> None:
    chrome.get(f"{live_api}/explore")
    box = wait_for(chrome, "#search")
    box.send_keys("atambaev")
    wait_for(chrome, "#search-results a[data-id]")
    box.send_keys(Keys.ENTER)
    name = wait_for(chrome, "#actor-name")
    assert "Atamba" in name.text
    WebDriverWait(chrome, 30).until(lambda d: d.execute_script("return !!graph && graph.nodes().length > 1"))
    names = set(chrome.execute_script("return graph.nodes().map(n => n.data('name'))"))
    assert {"Sooronbai Jeenbekov", "Kazakhstan"} <= names, names
    aliases = chrome.find_element(By.ID, "actor-aliases").text
    assert "Atambayev" in aliases
    screenshot(chrome, "explore-actor")

    # A real click on the middle of the SUPPORT line to Jeenbekov, where the page draws it.
    x, y = chrome.execute_script(
        """const e = graph.edges().filter(e => e.data('type') === 'SUPPORT'
                 && e.target().data('name') === 'Sooronbai Jeenbekov')[0];
           const box = graph.container().getBoundingClientRect();
           const p = e.renderedMidpoint();
           return [p.x - box.width / 2, p.y - box.height / 2];"""
    )
    canvas = chrome.find_element(By.ID, "actor-graph")
    ActionChains(chrome).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
    sentence = wait_for(chrome, "#fact-evidence .sentence")
    assert "publicly supported Jeenbekov" in sentence.text
    assert "Kazakhstan Steers Clear" in chrome.find_element(By.ID, "detail").text
    screenshot(chrome, "explore-actor-fact")
    assert console_errors(chrome) == []


def test_the_2009_election_reads_as_bars_with_its_article(chrome: Any, live_api: str) -> None:
    chrome.get(f"{live_api}/explore#/elections?country=Kyrgyzstan&year=2009")
    card = wait_for(chrome, "#elections .election")
    assert "Kyrgyzstan presidential 2009" in card.text
    bars = card.find_elements(By.CSS_SELECTOR, ".bar-row")
    shares = {row.text.split("\n")[0].rstrip(" ✓"): row.text.split("\n")[-1] for row in bars}
    assert any("Bakiev" in who or "Bakiyev" in who for who in shares), shares
    assert "Reported in" in card.text and card.find_elements(By.CSS_SELECTOR, ".reported span")


def test_the_most_conflictual_pair_opens_on_its_months(chrome: Any, live_api: str) -> None:
    chrome.get(f"{live_api}/explore#/balance")
    first = wait_for(chrome, "#pairs tr.pair")
    net = float(first.find_elements(By.TAG_NAME, "td")[2].text)
    assert net < 0
    first.find_elements(By.TAG_NAME, "td")[3].click()
    wait_for(chrome, "#balance-months tr + tr")
    months = chrome.find_elements(By.CSS_SELECTOR, "#balance-months tr + tr")
    # The months of the pair add up to the pair's balance.
    nets = [float(m.find_elements(By.TAG_NAME, "td")[2].text) for m in months]
    assert sum(nets) == pytest.approx(net, abs=0.02)
    chrome.get(f"{live_api}/explore#/balance?order=cooperative")
    wait_for(chrome, "#pairs tr.pair")
    cells = chrome.find_elements(By.CSS_SELECTOR, "#pairs tr.pair td:nth-child(3)")
    assert cells and all(float(c.text) > 0 for c in cells)
    assert console_errors(chrome) == []
