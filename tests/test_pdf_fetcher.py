"""A print document reads only our own files: no network, no other scheme, no file outside the build's docs/.

The hostile bodies here skip the checker on purpose (dataclasses.replace): the PDF layer must hold on its
own, whatever a future checker gap lets through.
"""
import dataclasses
import http.server
import io
import threading

import pytest
from pypdf import PdfReader

from conftest import make_root
from prss.config import read_site
from prss.content.library import load_library
from prss.pdf.fetcher import Refused, local_file
from prss.pdf.render import render_downloads

SECRET = "secret-token-in-git-config"


@pytest.fixture
def listener():
    """An HTTP server on 127.0.0.1 that records every request it receives: (its base URL, the paths)."""
    asked = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Record)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


@pytest.fixture
def root(tmp_path):
    root = make_root(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")
    (root / "docs" / "assets").mkdir(parents=True)
    (root / "docs" / "assets" / "ours.txt").write_text("a file of the build")
    (root / "docs" / "assets" / "escape.txt").symlink_to("/etc/passwd")
    return root


def hostile_body(root, url: str) -> str:
    """An unclosed fence (so Markdown keeps the HTML after it live), then every way a body can name a URL."""
    return (f"### S\n\nText [1].\n\n![chart]({url}/chart.png)\n\n![passwd](file:///etc/passwd)\n\n```\n\n"
            f'<link rel="attachment" href="file:///etc/passwd">\n'
            f'<link rel="attachment" href="file:///proc/self/environ">\n'
            f'<link rel="attachment" href="{(root / ".git" / "config").as_uri()}">\n'
            f'<link rel="attachment" href="{url}/attach">\n<img src="{url}/img.png">\n')


def test_a_hostile_body_reads_no_file_and_asks_no_server(root, listener, monkeypatch):
    url, asked = listener
    monkeypatch.setenv("PRSS_PDF", "1")
    library = load_library(root).library
    practice = dataclasses.replace(library.practices[0], body=hostile_body(root, url))
    library = dataclasses.replace(library, practices=(practice, *library.practices[1:]))
    files = render_downloads(library, read_site(root))
    assert asked == []
    for path in (f"downloads/practices/{practice.slug}.pdf", "downloads/prss-resource-library.pdf"):
        reader = PdfReader(io.BytesIO(files[path]))
        assert reader.attachments == {}
        assert [image.name for page in reader.pages for image in page.images] == []
        assert SECRET.encode() not in files[path] and b"root:x:0:0" not in files[path]


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file:///proc/self/environ",
    "file://ROOT/.git/config",
    "file://ROOT/docs/../.git/config",
    "file://ROOT/docs/assets/escape.txt",  # a symbolic link inside docs/ to a file outside it
    "file://ROOT/docs/assets/",
    "file://example.org/ROOT/docs/assets/ours.txt",
    "http://127.0.0.1:9/x.png",
    "https://example.org/x.png",
    "data:text/plain,hello",
    "ftp://example.org/x",
])
def test_urls_outside_the_build_are_refused(root, url):
    with pytest.raises(Refused):
        local_file(url.replace("ROOT", str(root).lstrip("/")), ((root / "docs").resolve(),))


def test_a_file_of_the_build_may_be_read(root):
    path = root / "docs" / "assets" / "ours.txt"
    assert local_file(path.as_uri(), ((root / "docs").resolve(),)) == path.resolve()
