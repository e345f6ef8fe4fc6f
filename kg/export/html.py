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
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .atomic import write_text
from .html_data import view_data

STATIC = Path(__file__).resolve().parent.parent / "static"
# Above either size the page starts with physics off and draws plainly (kg/static/explorer.js: `large`).
PHYSICS_MAX_NODES = 800
PHYSICS_MAX_EDGES = 3000
PLACEHOLDER = re.compile(r"\{\{(CSP|STYLE|DATA|VIS|APP)\}\}")
UNSAFE_IN_SCRIPT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_html(graph: nx.MultiDiGraph, path: str) -> None:
    write_text(path, render(graph))


def render(graph: nx.MultiDiGraph) -> str:
    vis, app = _static("vis-network.min.js"), _static("explorer.js")
    vis = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", vis)      # no source-map request from devtools
    parts = {"CSP": _csp(vis, app), "STYLE": _static("explorer.css"),
             "DATA": script_json(view_data(graph, is_large(graph))), "VIS": vis, "APP": app}
    return PLACEHOLDER.sub(lambda m: parts[m.group(1)], _static("explorer.html"))


def is_large(graph: nx.MultiDiGraph) -> bool:
    return graph.number_of_nodes() > PHYSICS_MAX_NODES or graph.number_of_edges() > PHYSICS_MAX_EDGES


def script_json(data) -> str:
    """JSON that can sit inside a <script> block: no </script>, <!--, & or line separators left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: UNSAFE_IN_SCRIPT[m.group(0)], text)


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
