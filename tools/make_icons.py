"""Draws the favicon's PNG sizes from static/img/icon.svg with Debian's Chromium (run once;
the PNGs are committed). ``.venv/bin/python tools/make_icons.py``

The touch icon and the manifest's icons are square and opaque (iOS and Android round the
corners themselves), so the SVG's rounded corners are filled in for them; the figure keeps
inside the middle 80 %, the "maskable" safe zone.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parent.parent / "static" / "img"
SIZES = {"apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}


def main():
    svg = (STATIC / "icon.svg").read_text()
    square = svg.replace('rx="14" ', "")
    # Shrink the figure to the maskable safe zone on an opaque square.
    inner = square.split(">", 1)[1].rsplit("</svg>", 1)[0]
    background, figure = inner.split("/>", 1)
    square = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'{background}/><g transform="translate(6.4 6.4) scale(0.8)">{figure}</g></svg>'
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        for name, size in SIZES.items():
            tab = browser.new_page(viewport={"width": size, "height": size})
            tab.set_content(
                f"<style>html,body{{margin:0}}svg{{display:block;width:{size}px;"
                f"height:{size}px}}</style>{square}"
            )
            tab.screenshot(path=str(STATIC / name))
            tab.close()
            print(STATIC / name)
        browser.close()


if __name__ == "__main__":
    main()
