"""`check_links.py SITE [--site-url URL] [--pdf FILE]...`: exit 0 all resolve, 1 broken links, 2 usage."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prss.cli.args import parse_args
from prss.config import read_site
from prss.verify.links import check_site, pdf_errors
from prss.verify.pdflinks import check_pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="check_links.py", description="Check a built site's internal links, "
                                     "fragments and assets, and the internal links of every PDF in it.")
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site/")
    parser.add_argument("--site-url", help="the site's own URL, whose absolute links are internal "
                        "(default: site_url of the mkdocs.yml next to SITE)")
    parser.add_argument("--pdf", type=Path, action="append", default=[], help="also check a PDF outside SITE")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    missing = [p for p in [args.site, *args.pdf] if not p.exists()]
    if missing or not args.site.is_dir():
        print(f"check_links.py: error: {missing[0] if missing else args.site} is not a built site or PDF",
              file=sys.stderr)
        return 2
    config = args.site.resolve().parent
    site_url = args.site_url or (read_site(config).url if (config / "mkdocs.yml").is_file() else "")
    report = check_site(args.site, site_url)
    problems = [str(b) for b in report.broken] + pdf_errors(args.site) + [p for pdf in args.pdf for p in check_pdf(pdf)]
    for line in problems:
        print(line)
    pdfs = len(list(args.site.rglob("*.pdf"))) + len(args.pdf)
    print(f"{report.links} links checked in {report.files} pages and {pdfs} PDFs; {len(problems)} broken")
    return 1 if problems else 0
