"""Flat illustrations for the demo, drawn in code in the site's colours (no stock photos, no
downloads). ``draw(key)`` returns the PNG bytes of one illustration; the demo loader stores each
as an ordinary Wagtail image (home/demo.py), which editors replace like any other.

They contain no words, so one picture serves both languages (its alternative text is in the
demo's data file). Each is drawn at twice its size and scaled down, which smooths the edges,
and kept to a few flat colours, so the PNG is small and the AVIF/WebP renditions smaller still.
"""

import functools
import io
import math

from PIL import Image, ImageDraw

from portal.models import LifeArea
from portal.wheel import Point, point_on_spoke

WIDTH, HEIGHT = 1200, 675
SCALE = 2

# The site's colours (static/css/site.css) and a few light tints of them.
BRAND = "#0b5c73"
BRAND_DARK = "#073f4f"
ACCENT = "#9c3d10"
OK = "#1d6b35"
FOCUS = "#ffbf47"
SOFT = "#f3f5f7"
TIP = "#e8f4f7"
WARM = "#fff4e5"
PAPER = "#ffffff"
SKIN = ("#8d5524", "#e0ac69", "#c68642", "#f1c27d")
SLICES = (BRAND, ACCENT, OK, FOCUS, "#3f8fa6", "#c9733f", "#5c9c6b", BRAND_DARK)


class Canvas:
    """A drawing surface in illustration coordinates (1200 × 675), drawn at ``SCALE``."""

    def __init__(self, background=TIP):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _box(self, x0, y0, x1, y1):
        return [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        self.draw.rounded_rectangle(self._box(x0, y0, x1, y1), radius * SCALE, fill=fill)

    def circle(self, x, y, r, fill, outline=None, width=0):
        self.draw.ellipse(
            self._box(x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width * SCALE
        )

    def polygon(self, points, fill):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line([(x * SCALE, y * SCALE) for x, y in points], fill=fill, width=width * SCALE)

    def pieslice(self, x, y, r, start, end, fill):
        self.draw.pieslice(self._box(x - r, y - r, x + r, y + r), start, end, fill=fill)

    def png(self):
        small = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        # A palette of a few dozen colours keeps the flat drawing sharp and the file small.
        small = small.quantize(colors=48, method=Image.Quantize.MEDIANCUT)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def _ground(canvas, colour=SOFT):
    canvas.rect(0, 540, WIDTH, HEIGHT, colour)


def _person(canvas, x, base, shirt, skin, height=260, hair=BRAND_DARK):
    """A standing person with feet at ``base``, centred on ``x``."""
    body_top = base - height * 0.62
    canvas.rect(x - 55, body_top, x + 55, base, shirt, radius=48)
    canvas.circle(x, body_top - 48, 44, skin)
    canvas.pieslice(x, body_top - 54, 46, 180, 360, hair)


def _cup(canvas, x, y, colour=PAPER):
    canvas.rect(x - 26, y - 40, x + 26, y + 10, colour, radius=8)
    canvas.circle(x + 32, y - 16, 14, None, outline=colour, width=6)


def meeting(canvas):
    """Two people at a café table with coffee."""
    _ground(canvas)
    canvas.circle(980, 150, 70, FOCUS)
    _person(canvas, 410, 560, BRAND, SKIN[1])
    _person(canvas, 790, 560, ACCENT, SKIN[0], hair="#2b2b2b")
    canvas.rect(430, 430, 770, 456, BRAND_DARK, radius=10)
    canvas.rect(586, 456, 614, 600, BRAND_DARK)
    _cup(canvas, 520, 430)
    _cup(canvas, 680, 430)
    for x, y in ((600, 250), (640, 220), (680, 250)):  # a conversation
        canvas.circle(x, y, 12, BRAND)


def newcomer(canvas):
    """A person with a suitcase arriving at a house."""
    _ground(canvas)
    canvas.rect(700, 300, 980, 545, PAPER)
    canvas.polygon([(680, 310), (840, 190), (1000, 310)], ACCENT)
    canvas.rect(810, 420, 870, 545, BRAND)
    canvas.rect(730, 340, 790, 395, TIP)
    canvas.rect(890, 340, 950, 395, TIP)
    _person(canvas, 430, 560, OK, SKIN[2])
    canvas.rect(500, 440, 600, 540, BRAND_DARK, radius=12)
    canvas.rect(530, 420, 570, 446, BRAND_DARK, radius=6)


def host(canvas):
    """A host at an open door, waving."""
    _ground(canvas)
    canvas.rect(520, 150, 880, 545, PAPER)
    canvas.rect(610, 250, 790, 545, BRAND_DARK)
    canvas.rect(630, 270, 770, 545, FOCUS)
    _person(canvas, 700, 560, BRAND, SKIN[3], height=250)
    canvas.line([(755, 380), (830, 300)], SKIN[3], 22)
    canvas.circle(300, 300, 90, OK)
    canvas.rect(290, 300, 310, 545, BRAND_DARK)


def calendar(canvas):
    """A calendar page with one day marked."""
    canvas.rect(330, 110, 870, 590, PAPER, radius=24)
    canvas.rect(330, 110, 870, 210, BRAND, radius=24)
    canvas.rect(330, 180, 870, 210, BRAND)
    for x in (430, 770):
        canvas.rect(x - 12, 80, x + 12, 150, BRAND_DARK, radius=10)
    for row in range(4):
        for col in range(7):
            x = 370 + col * 68
            y = 240 + row * 84
            colour = ACCENT if (row, col) == (2, 4) else SOFT
            canvas.rect(x, y, x + 50, y + 56, colour, radius=8)


def map_pin(canvas):
    """A folded map with a pin."""
    panels = [(260, BRAND), (480, "#3f8fa6"), (700, BRAND)]
    for x, colour in panels:
        canvas.polygon([(x, 170), (x + 220, 130), (x + 220, 560), (x, 600)], colour)
    canvas.line([(300, 480), (420, 400), (560, 430), (700, 330), (860, 300)], FOCUS, 10)
    canvas.circle(700, 260, 70, ACCENT)
    canvas.polygon([(640, 290), (760, 290), (700, 400)], ACCENT)
    canvas.circle(700, 260, 28, PAPER)


def coffee(canvas):
    """A cup of coffee and a pastry."""
    _ground(canvas, WARM)
    canvas.rect(420, 260, 720, 520, PAPER, radius=40)
    canvas.circle(770, 380, 60, None, outline=PAPER, width=26)
    canvas.rect(340, 520, 800, 560, BRAND_DARK, radius=20)
    canvas.rect(450, 270, 690, 300, "#6f3b17", radius=12)
    for x in (500, 570, 640):
        canvas.line([(x, 230), (x + 16, 190), (x, 150)], BRAND, 10)
    canvas.circle(930, 510, 60, FOCUS)


def cooking(canvas):
    """A pot on the hob, vegetables beside it."""
    _ground(canvas, WARM)
    canvas.rect(360, 300, 760, 530, BRAND, radius=30)
    canvas.rect(330, 280, 790, 320, BRAND_DARK, radius=14)
    canvas.rect(540, 240, 580, 285, BRAND_DARK, radius=8)
    canvas.circle(880, 500, 45, ACCENT)
    canvas.circle(960, 510, 38, OK)
    canvas.circle(920, 450, 34, FOCUS)
    for x in (450, 560, 670):
        canvas.line([(x, 220), (x - 14, 180), (x, 140)], "#3f8fa6", 10)


def sport(canvas):
    """A football in front of a goal."""
    _ground(canvas, "#cfe6d6")
    canvas.rect(300, 160, 900, 540, TIP)
    canvas.line([(300, 540), (300, 160), (900, 160), (900, 540)], PAPER, 18)
    for x in range(360, 900, 60):
        canvas.line([(x, 170), (x, 540)], "#c5dbe2", 3)
    canvas.circle(600, 520, 80, PAPER)
    canvas.polygon([(600, 480), (635, 505), (622, 545), (578, 545), (565, 505)], BRAND_DARK)


def museum(canvas):
    """A museum building with columns."""
    _ground(canvas)
    canvas.polygon([(300, 240), (600, 100), (900, 240)], BRAND_DARK)
    canvas.rect(320, 240, 880, 280, BRAND)
    for x in range(360, 860, 100):
        canvas.rect(x, 280, x + 50, 500, PAPER)
    canvas.rect(300, 500, 900, 545, BRAND)


def wheel(canvas):
    """The conversation wheel: one slice per life area, and an example of how much each
    matters, drawn with the portal's own geometry (portal/wheel.py)."""
    canvas.rect(0, 0, WIDTH, HEIGHT, PAPER)
    areas = list(LifeArea)
    count = len(areas)
    cx, cy, radius = 600, 337, 290
    step = 360 / count
    for index in range(count):
        start = -90 + index * step - step / 2
        canvas.pieslice(cx, cy, radius, start, start + step, SLICES[index % len(SLICES)])
    canvas.circle(cx, cy, radius * 0.16, PAPER)

    centre = Point(cx, cy)
    example = (4, 5, 3, 2, 4, 3, 5, 2)
    points = [
        (p.x, p.y)
        for p in (
            point_on_spoke(i, count, value / 5 * 0.9, centre, radius)
            for i, value in enumerate(example)
        )
    ]
    canvas.line(points + points[:1], PAPER, 8)
    for x, y in points:
        canvas.circle(x, y, 13, PAPER)
        canvas.circle(x, y, 7, BRAND_DARK)
    for index in range(count):
        angle = math.radians(-90 + index * step - step / 2)
        canvas.line(
            [(cx, cy), (cx + radius * math.cos(angle), cy + radius * math.sin(angle))], PAPER, 4
        )


def guide(canvas):
    """A path of five stepping stones to a flag."""
    _ground(canvas, "#cfe6d6")
    for index, x in enumerate((220, 380, 540, 700, 860)):
        y = 520 - index * 60
        canvas.circle(x, y, 54, BRAND if index % 2 == 0 else ACCENT)
        canvas.circle(x, y, 22, PAPER)
    canvas.rect(975, 130, 990, 300, BRAND_DARK)
    canvas.polygon([(990, 130), (1110, 165), (990, 200)], FOCUS)


def questions(canvas):
    """Two speech bubbles."""
    canvas.rect(230, 140, 640, 390, BRAND, radius=40)
    canvas.polygon([(300, 380), (300, 470), (400, 385)], BRAND)
    canvas.rect(560, 290, 970, 540, ACCENT, radius=40)
    canvas.polygon([(890, 530), (900, 610), (810, 535)], ACCENT)
    for x in (360, 435, 510):
        canvas.circle(x, 265, 22, PAPER)
    for x in (690, 765, 840):
        canvas.circle(x, 415, 22, PAPER)


def results(canvas):
    """A bar chart rising to the right, with a tick."""
    _ground(canvas)
    for index, height in enumerate((140, 220, 300, 390)):
        x = 300 + index * 150
        canvas.rect(x, 540 - height, x + 100, 540, BRAND if index < 3 else OK, radius=10)
    canvas.circle(930, 190, 70, FOCUS)
    canvas.line([(895, 190), (922, 220), (970, 160)], BRAND_DARK, 16)


def career(canvas):
    """Two people and a briefcase: a career mentor and a newcomer."""
    _ground(canvas)
    _person(canvas, 420, 560, BRAND_DARK, SKIN[2])
    _person(canvas, 780, 560, OK, SKIN[1], hair=ACCENT)
    canvas.rect(545, 420, 655, 520, ACCENT, radius=12)
    canvas.rect(578, 398, 622, 424, ACCENT, radius=6)
    canvas.rect(545, 455, 655, 465, BRAND_DARK)


DRAWINGS = {
    function.__name__: function
    for function in (
        meeting,
        newcomer,
        host,
        calendar,
        map_pin,
        coffee,
        cooking,
        sport,
        museum,
        wheel,
        guide,
        questions,
        results,
        career,
    )
}


@functools.cache
def draw(key):
    """The PNG bytes of the illustration named ``key``: the drawing never changes, so a
    process draws each once (the tests build the demo many times)."""
    canvas = Canvas()
    DRAWINGS[key](canvas)
    return canvas.png()
