"""The browser plumbing itself: Chromium opens the built home page over HTTP."""


def test_home_page_opens_in_chromium(site_url, page):
    page.goto(site_url)
    assert page.title().endswith("PRSS Resource Library")
