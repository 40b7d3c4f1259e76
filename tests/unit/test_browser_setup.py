"""What the managed server tells Neo4j Browser to do on connect (polgraph/neo4j_local.py)."""

from __future__ import annotations

import json
import re

from polgraph.neo4j_local import BROWSER_STYLE, browser_post_connect_commands, grass_rules


def browser_split(setting: str) -> list[str]:
    """Neo4j Browser 5's own reading of `browser.post_connect_cmd`: split on ';' outside quotes."""
    protected = setting
    for pattern in (r"(`[^`]*?`)", r'("[^"]*?")', r"('[^']*?')"):
        protected = re.sub(pattern, lambda m: m.group(0).replace(";", "\0"), protected)
    return [part.strip().replace("\0", ";") for part in protected.split(";") if part.strip()]


def test_on_connect_browser_applies_the_style_clears_and_plays_the_guide() -> None:
    commands = browser_split(browser_post_connect_commands("http://127.0.0.1:28000"))
    assert [c.split(" ", 1)[0] for c in commands] == ["style", "clear", "play"]
    assert commands[2] == "play http://127.0.0.1:28000/browser/guide.html"
    style = json.loads(commands[0].split(" ", 1)[1])
    assert style == grass_rules(BROWSER_STYLE.read_text(encoding="utf-8"))


def test_the_style_is_read_as_browser_reads_grass() -> None:
    rules = grass_rules(
        'node.Event {\n  diameter: 75px;\n  caption: "{type} {date}";\n}\nrelationship {color: #A5ABB6;}'
    )
    assert rules == {
        "node.Event": {"diameter": "75px", "caption": "{type} {date}"},
        "relationship": {"color": "#A5ABB6"},
    }


def test_captions_say_what_the_node_is() -> None:
    rules = grass_rules(BROWSER_STYLE.read_text(encoding="utf-8"))
    assert rules["node.Event"]["caption"] == "{type} {date}"
    assert rules["node.Election"]["caption"] == "{name}"
    assert rules["relationship.CANDIDATE_IN"]["caption"] == "{result}"
    assert all(int(r["font-size"].removesuffix("px")) >= 10 for r in rules.values() if "font-size" in r)


def test_the_written_config_turns_usage_data_off_and_names_the_guide(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from polgraph.neo4j_local import LocalNeo4j
    from polgraph.settings import Settings

    settings = Settings(
        neo4j_uri="bolt://127.0.0.1:27999", neo4j_home=tmp_path, api_port=28999, _env_file=None
    )  # type: ignore[call-arg]
    local = LocalNeo4j(settings)
    local._write_conf()
    conf = dict(
        line.split("=", 1)
        for line in (local.conf_dir / "neo4j.conf").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert conf["client.allow_telemetry"] == "false"
    assert conf["browser.post_connect_cmd"].endswith("play http://127.0.0.1:28999/browser/guide.html")
