"""The explorer's browser libraries: the exact npm release the lock file pins, checked by the browser too."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from api.routes.docs import EXPLORER_PAGE, STATIC_DIR

VENDOR = STATIC_DIR / "vendor"


def test_every_script_and_style_of_the_explorer_is_served_from_the_api() -> None:
    html = EXPLORER_PAGE.read_text(encoding="utf-8")
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert urls and all(u.startswith(("/", "#", "data:")) for u in urls), urls


def test_the_vendored_cytoscape_is_the_locked_release_and_its_integrity_is_checked() -> None:
    lock = json.loads((VENDOR / "package-lock.json").read_text(encoding="utf-8"))
    package = json.loads((VENDOR / "package.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/cytoscape"]
    assert package["dependencies"]["cytoscape"] == locked["version"]  # an exact version, not a range
    assert locked["integrity"].startswith("sha512-")
    script = (VENDOR / "cytoscape.min.js").read_bytes()
    assert f'"{locked["version"]}"'.encode() in script
    digest = "sha384-" + base64.b64encode(hashlib.sha384(script).digest()).decode()
    html = EXPLORER_PAGE.read_text(encoding="utf-8")
    assert re.search(r'src="/static/vendor/cytoscape.min.js"\s+integrity="' + re.escape(digest) + '"', html)
