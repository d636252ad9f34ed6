"""One page, one spelling: the URL normalisation behind the rule that one page has one source id."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that track a click and never change which page is meant.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "yclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ocid", "cmpid", "ncid",
     "_ga", "_gl", "ref", "ref_src", "smid", "sr_share", "cid"}
)  # fmt: skip


def normalise_url(url: str) -> str:
    """The page a URL names, spelled one way: https, lower-case host without ``www.`` or default
    port, no fragment, no trailing slash, no tracking parameters (``utm_*``, ``fbclid``, ...)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    if parts.port is not None and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or ""
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit(("https", host, path, urlencode(query), ""))
