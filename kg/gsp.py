"""A SPARQL 1.1 Graph Store HTTP Protocol client: put an RDF file into one graph
of a triple store (Oxigraph, Fuseki, GraphDB, ...). Stdlib only."""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .sparql.engine import QueryError

MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json",
               "xml": "application/rdf+xml"}


@dataclass
class Response:
    status: int
    reason: str
    url: str


def target_url(endpoint: str, graph_iri: str | None) -> str:
    """The endpoint with ?graph=IRI (a named graph) or ?default (the default graph)."""
    parts = urllib.parse.urlsplit(endpoint)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise QueryError(f"--endpoint {endpoint}: expected an http(s) URL such as http://127.0.0.1:7878/store")
    query = urllib.parse.urlencode({"graph": graph_iri}) if graph_iri else "default"
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host + (f":{port}" if port else "")  # without user:password, which goes in a header
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/",
                                    f"{parts.query}&{query}" if parts.query else query, ""))


def _auth(endpoint: str) -> dict[str, str]:
    """user:password in the URL becomes HTTP Basic authentication (Fuseki's admin user, ...)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.username is None:
        return {}
    token = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
    return {"Authorization": "Basic " + base64.b64encode(token.encode()).decode()}


def put_graph(endpoint: str, body: bytes, media_type: str, graph_iri: str | None = None,
              append: bool = False, timeout: float = 300.0) -> Response:
    """PUT (replace the graph) or POST (add to it) `body`; QueryError on any failure."""
    url = target_url(endpoint, graph_iri)
    headers = {"Content-Type": f"{media_type}; charset=utf-8", **_auth(endpoint)}
    request = urllib.request.Request(url, data=body, method="POST" if append else "PUT", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return Response(resp.status, resp.reason, url)
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise QueryError(f"{url} answered {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
        raise QueryError(f"cannot reach {url}: {reason}") from None
    except (TimeoutError, OSError) as exc:
        raise QueryError(f"cannot reach {url}: {exc.strerror or exc}") from None
