"""What WeasyPrint may read while it lays out a PDF: our own files in the folders we name, nothing else.

Content is hostile. A body could name `file:///etc/passwd` in an attachment link, or an image on an internal
address; WeasyPrint's own fetcher would read either and put it in a published PDF. So every URL a print
document names goes through `LocalFetcher`: no network and no other scheme at build time, and a `file:`
URL only when the file, symbolic links followed, lies inside one of the allowed folders.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class Refused(ValueError):
    """A URL the print edition does not read; WeasyPrint reports it as a warning and leaves the resource out."""


def local_file(url: str, roots: tuple[Path, ...]) -> Path:
    """The file a `file:` URL names, when it lies inside one of `roots` (resolved); anything else is Refused."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise Refused(f"{url}: a PDF reads only the library's own files, never the network or another scheme")
    path = Path(url2pathname(parts.path)).resolve()
    if not any(path.is_relative_to(root) for root in roots) or not path.is_file():
        raise Refused(f"{url}: not a file in the folders a PDF may read ({', '.join(map(str, roots)) or 'none'})")
    return path


class LocalFetcher(URLFetcher):
    """WeasyPrint's url_fetcher for print documents; `fetched` lists what it read, so such a PDF is not cached."""

    def __init__(self, roots=()):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.fetched: list[str] = []

    def fetch(self, url, headers=None):
        path = local_file(url, self.roots)
        self.fetched.append(url)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})
