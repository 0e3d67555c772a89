"""The link-preview image (Open Graph, Twitter): one PNG shared by every page, drawn at build time with Pillow.

No image service and no network: the site's name, the home page's summary and our six-step evidence scale on the
header colour, in the fonts the PDFs use (`make fonts`), or Pillow's own font where those are missing. The same
library gives the same bytes, so builds stay reproducible.
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from prss.config import Site
from prss.model import Library

PATH = "assets/og-image.png"
SIZE = (1200, 630)  # what Open Graph and Twitter's large card show uncropped
BACKGROUND, INK, SCALE = "#1d4e5f", "#ffffff", "#9fd3c7"  # overrides/assets/prss.css's header colour; white 9.1:1
FONTS = ("/usr/share/fonts/truetype/liberation/LiberationSans-{style}.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans{dejavu}.ttf")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for pattern in FONTS:
        path = Path(pattern.format(style="Bold" if bold else "Regular", dejavu="-Bold" if bold else ""))
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def draw_image(name: str, lead: str, steps: int) -> bytes:
    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    for n in range(steps):  # a badge's scale, as a mark: filled from the left
        box = (80 + n * 44, 90, 80 + n * 44 + 30, 140)
        pen.rectangle(box, fill=SCALE if n < steps - 2 else BACKGROUND, outline=SCALE, width=4)
    pen.text((80, 190), name, font=font(78, bold=True), fill=INK)
    for n, line in enumerate(textwrap.wrap(lead, 52, max_lines=5, placeholder=" …")):
        pen.text((80, 300 + n * 50), line, font=font(38), fill=INK)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render_image(library: Library, site: Site) -> dict[str, bytes]:
    """Producer: docs/assets/og-image.png, which overrides/main.html names in every page's og:image."""
    home = next((page for page in library.pages if page.name == "index"), None)
    lead = " ".join((home.summary if home else "").split())
    return {PATH: draw_image(site.name, lead, len(library.levels) or 6)}
