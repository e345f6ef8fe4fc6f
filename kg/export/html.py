"""graph.html: the explorer, one self-contained page that works from file:// with no network.

The page is kg/static/explorer.html with the stylesheet, vis-network (shipped in
kg/static, Apache-2.0 or MIT), the explorer's script and the graph's data put
inline. The data goes in as JSON inside a <script type="application/json">
block with every character that could end or confuse that block escaped, and
the script builds the page with textContent only, so names from the news are
always shown as text. A Content-Security-Policy admits only the page's own two
scripts (by hash) and no network requests at all."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..graph.network import Network, as_network
from .atomic import atomic_path
from .html_data import view_json

STATIC = Path(__file__).resolve().parent.parent / "static"
# Above either size the page starts with physics off and draws plainly (kg/static/explorer.js: `large`).
PHYSICS_MAX_NODES = 800
PHYSICS_MAX_EDGES = 3000
PLACEHOLDER = re.compile(r"\{\{(CSP|STYLE|DATA|VIS|APP)\}\}")
UNSAFE = re.compile("[<>&\u2028\u2029]")
UNSAFE_IN_SCRIPT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_html(graph, path: str) -> None:
    """graph.html from a kg.graph.network.Network (or a networkx graph with to_network's
    attributes), written piece by piece to a temporary file that then replaces `path`."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for part in page(as_network(graph)):
                fh.write(part)


def render(graph) -> str:
    return "".join(page(as_network(graph)))


def page(net: Network) -> Iterator[str]:
    """The page's text in pieces: kg/static/explorer.html with its placeholders filled."""
    vis, app = _static("vis-network.min.js"), _static("explorer.js")
    vis = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", vis)      # no source-map request from devtools
    parts = {"CSP": _csp(vis, app), "STYLE": _static("explorer.css"), "VIS": vis, "APP": app}
    template = _static("explorer.html")
    at = 0
    for m in PLACEHOLDER.finditer(template):
        yield template[at:m.start()]
        if m.group(1) == "DATA":
            for chunk in view_json(net, is_large(net)):
                yield _script_safe(chunk)
        else:
            yield parts[m.group(1)]
        at = m.end()
    yield template[at:]


def is_large(graph) -> bool:
    net = as_network(graph)
    return len(net.nodes) > PHYSICS_MAX_NODES or net.number_of_edges > PHYSICS_MAX_EDGES


def script_json(data) -> str:
    """JSON that can sit inside a <script> block: no </script>, <!--, & or line separators left raw."""
    return _script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def _script_safe(text: str) -> str:
    return UNSAFE.sub(lambda m: UNSAFE_IN_SCRIPT[m.group(0)], text)


def _csp(*scripts: str) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if name.endswith(".js") and re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ValueError(f"kg/static/{name} contains </script or <!-- and cannot be inlined")
    return text
