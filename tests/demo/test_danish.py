"""The demo in Danish: its texts use the glossary's words, and its pages write weekdays,
months and language names in lower case mid-sentence."""

import glob
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from accounts.models import User
from tests.i18n.danish_text import capitalised_mid_sentence, page_lines
from tests.i18n.test_catalogue_wording import glossary_violations

ROOT = Path(__file__).resolve().parents[2]
DEMO_FILES = sorted(
    glob.glob(str(ROOT / "*/demo_content/**/*.yaml"), recursive=True),
)


@pytest.fixture(autouse=True)
def no_danish_left_active():
    """A request in Danish leaves Danish active in the thread; the next test starts without."""
    yield
    translation.deactivate()


def danish_texts(data, path=""):
    if isinstance(data, dict):
        if isinstance(data.get("da"), str):
            yield path, data["da"]
        for key, value in data.items():
            if key != "da":
                yield from danish_texts(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from danish_texts(value, f"{path}[{index}]")


def test_the_demo_files_are_found():
    assert len(DEMO_FILES) >= 20


def test_the_demos_danish_texts_use_the_glossarys_words():
    found = {}
    for name in DEMO_FILES:
        for path, text in danish_texts(yaml.safe_load(Path(name).read_text())):
            if problems := glossary_violations(text):
                found[f"{Path(name).name}{path}"] = problems
    assert found == {}


def test_the_demos_danish_pages_are_lower_case_mid_sentence(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 15
    found = {}
    with translation.override("da"):
        urls = [page.get_url() for page in pages]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if lines := capitalised_mid_sentence(page_lines(response.content.decode())):
            found[url] = lines
    assert found == {}


def test_the_demos_danish_portal_is_lower_case_mid_sentence(demo, client):
    client.force_login(User.objects.get(email="host@example.com"))  # prefers Danish
    with translation.override("da"):
        urls = [reverse(name) for name in ("portal:dashboard", "events:mine", "portal:profile")]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if lines := capitalised_mid_sentence(page_lines(response.content.decode())):
            found[url] = lines
    assert found == {}
