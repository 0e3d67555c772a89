"""Built pages leave out the theme's indentation and blank lines, and show exactly what they showed before."""
from __future__ import annotations

import pytest

from prss.site.compact import compact

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <title>Compact</title>
    <style>
      pre.kept { white-space: pre; }
    </style>
  </head>
  <body>


    <nav>
      <ul>
        <li><a href="#a">
            At a glance
          </a></li>

        <li><a href="#b">Overview</a></li>
      </ul>
    </nav>
    <p><strong>Evidence:</strong>
       <a href="#e">Supported</a> · 5 of 6&nbsp;
       on our scale</p>
    <pre class="kept"><code>@misc{key,
  title = {{Peer-run crisis respite}},

  year = {2026}
}</code></pre>
    <p>Inline <code>two  spaces
    and a break</code> code</p>
    <textarea>  line one
  line two</textarea>
    <script>
      window.kept = `a
        b`;
    </script>
  </body>
</html>
"""


def test_each_line_break_and_the_white_space_after_it_become_one_line_break():
    assert compact("<ul>\n    <li>a</li>\n\n   \n\t<li>b</li>\n</ul>\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"


@pytest.mark.parametrize("element", ["pre", "code", "textarea", "script", "style", "PRE"])
def test_preformatted_and_script_text_is_kept_exactly(element):
    kept = f"<{element} class=x>\n  indented\n\n    more\n</{element}>"
    assert compact(f"<div>\n    {kept}\n    </div>") == f"<div>\n{kept}\n</div>"


def test_a_no_break_space_is_text_and_stays():
    assert compact("<p>a\n\u00a0 b</p>") == "<p>a\n\u00a0 b</p>"


def test_chromium_shows_the_same_page(page):
    shown = []
    for html in (PAGE, compact(PAGE)):
        page.set_content(html)
        shown.append(page.evaluate("""() => [document.body.innerText, document.querySelector('textarea').value,
            window.kept, ...[...document.querySelectorAll('a, pre, p')].map(e => JSON.stringify(e.getBoundingClientRect()))]"""))
    assert len(compact(PAGE)) < len(PAGE) - 100
    assert shown[0] == shown[1]
