"""The demo's data files are complete: every text a reader sees is there in English and in
Danish, and every page a file refers to exists. (No database needed.)"""

import re

import pytest

from events import demo as events_demo
from home import demo as home_demo
from home.demo_support import LANGUAGES, is_translated, load
from home.models import ContactSettings, FooterSettings
from portal import demo as portal_demo
from portal.models import HostKind
from programmes import demo as programmes_demo
from programmes.models import Programme

# Values that are the same in both languages: a callout's kind, a heading's level, a figure,
# a page reference, a link's name and address, a live figure's survey measure and months.
LANGUAGE_NEUTRAL = {"kind", "level", "figure", "page", "name", "url", "measure", "months"}


def _is_image_reference(key, value):
    """An image block's ``image: key`` names a demo illustration (images.yaml)."""
    return key == "image" and isinstance(value, str)


def missing_translations(value, where=""):
    """Where ``value`` (a block, or a field's value) has a text in one language only: a pair
    without English or Danish, an empty side, or a bare text where a pair is expected."""
    if isinstance(value, dict) and set(value) & set(LANGUAGES):
        if not is_translated(value) or not all(
            isinstance(value[language], str) and value[language].strip() for language in LANGUAGES
        ):
            return [where]
        return []
    if isinstance(value, dict):
        return [
            problem
            for key, item in value.items()
            if key not in LANGUAGE_NEUTRAL and not _is_image_reference(key, item)
            for problem in missing_translations(item, f"{where}.{key}")
        ]
    if isinstance(value, list):
        return [
            problem
            for index, item in enumerate(value)
            for problem in missing_translations(item, f"{where}[{index}]")
        ]
    if isinstance(value, str) and value.strip():
        return [where]  # a text in one language for both
    return []


def test_the_check_finds_a_missing_danish_text():
    good = {"title": {"en": "Results", "da": "Resultater"}, "kind": "tip", "page": "faq"}
    assert missing_translations(good) == []
    assert missing_translations({"title": {"en": "Results"}}) == [".title"]
    assert missing_translations({"title": {"en": "Results", "da": " "}}) == [".title"]
    assert missing_translations([{"text": "Only English"}]) == ["[0].text"]


PAGE_SPECS = home_demo.page_specs()


@pytest.mark.parametrize("spec", PAGE_SPECS, ids=[spec.key for spec in PAGE_SPECS])
def test_every_page_file_has_both_languages_for_every_translated_field(spec):
    data = spec.data
    assert data["type"] in home_demo.PAGE_TYPES
    for name in ("title", "slug", "intro"):
        assert is_translated(data[name]), name
    translated = {
        name: data[name] for name in ("title", "slug", "intro", "seo_title") if name in data
    }
    translated.update(data.get("fields", {}))
    assert missing_translations(translated, spec.key) == []
    assert missing_translations(data["body"], f"{spec.key}.body") == []
    model_fields = {field.name for field in spec.model._meta.get_fields()}
    assert {f"{name}_en" for name in data.get("fields", {})} <= model_fields


def _page_references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "page" and isinstance(item, str):
                yield item
            else:
                yield from _page_references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _page_references(item)
    elif isinstance(value, str):
        yield from re.findall(r'<a page="([\w-]+)">', value)


def _image_references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_image_reference(key, item):
                yield item
            else:
                yield from _image_references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _image_references(item)


def test_every_picture_a_page_file_names_is_a_demo_illustration():
    illustrations = set(home_demo.images_data())
    for spec in PAGE_SPECS:
        named = set(_image_references(spec.data["body"]))
        if spec.data.get("image"):
            named.add(spec.data["image"])
        assert named <= illustrations, spec.key


def test_every_illustration_has_a_drawing_and_alternative_text_in_both_languages():
    from home.illustrations import DRAWINGS

    images = home_demo.images_data()
    assert set(images) == set(DRAWINGS)
    for key, data in images.items():
        assert data["title"], key
        assert missing_translations(data["alt"], key) == []


def test_the_page_tree_and_links_refer_to_pages_that_exist():
    keys = [spec.key for spec in PAGE_SPECS]
    assert len(keys) == len(set(keys))
    [home] = [spec for spec in PAGE_SPECS if spec.parent is None]
    assert home is PAGE_SPECS[0]
    for index, spec in enumerate(PAGE_SPECS[1:], start=1):
        assert spec.parent in keys[:index], f"{spec.key}: parent {spec.parent} comes later"
        assert set(_page_references(spec.data["body"])) <= set(keys), spec.key
    for language in LANGUAGES:
        slugs = [(spec.parent, spec.data["slug"][language]) for spec in PAGE_SPECS]
        assert len(slugs) == len(set(slugs)), language


def _translated(model, name):
    return any(field.name == f"{name}_en" for field in model._meta.fields)


def test_the_site_settings_and_the_events_have_both_languages():
    site = home_demo.site_data()
    for name, model in (("contact", ContactSettings), ("footer", FooterSettings)):
        translated = {key: value for key, value in site[name].items() if _translated(model, key)}
        assert {"role", "organisation", "hours", "about"} & set(translated), name
        assert missing_translations(translated, name) == []

    events = load(events_demo.EVENTS)
    assert missing_translations(events["calendar"], "calendar") == []
    for key, venue in events["venues"].items():
        assert is_translated(venue["name"]), key
    for row in events["events"]:
        where = row["slug"]["en"]
        for name in ("title", "slug", "intro", "body"):
            assert missing_translations(row[name], f"{where}.{name}") == []
        assert row["venue"] in events["venues"], where


def test_the_programmes_file_has_both_languages_and_refers_to_its_staff():
    data = load(programmes_demo.PROGRAMMES)
    staff = {row["email"] for row in data["staff"]}
    slugs = [row["slug"] for row in data["programmes"]]
    assert len(slugs) == len(set(slugs))
    rules = {field.name for field in Programme._meta.fields}
    for row in data["programmes"]:
        where = row["slug"]
        for name in ("name", "description"):
            assert missing_translations(row[name], f"{where}.{name}") == []
        for track in row["tracks"]:
            assert track["kind"] in HostKind.values, where
            assert missing_translations(track["name"], f"{where}.track") == []
        assert len({track["kind"] for track in row["tracks"]}) == len(row["tracks"]), where
        for criterion in row["success_criteria"]:
            assert missing_translations(criterion["name"], f"{where}.criterion") == []
            assert 0 <= criterion["target_percent"] <= 100, where
        assert set(row["rules"]) <= rules, where
        assert set(row["coordinators"]) <= staff, where
        assert {"name", "email", "phone"} <= set(row["contact"]), where


def test_the_people_and_events_name_programmes_of_the_programmes_file():
    slugs = {row["slug"] for row in load(programmes_demo.PROGRAMMES)["programmes"]}
    assert portal_demo.DEFAULT_PROGRAMME in slugs
    people = load(portal_demo.PEOPLE)["participants"]
    assert {row.get("programme", portal_demo.DEFAULT_PROGRAMME) for row in people} == slugs
    events = load(events_demo.EVENTS)["events"]
    assert {row["programme"] for row in events if "programme" in row} <= slugs


def test_the_people_file_refers_to_people_it_lists():
    data = load(portal_demo.PEOPLE)
    emails = {row["email"] for row in data["participants"]}
    programme_of = {
        row["email"]: row.get("programme", portal_demo.DEFAULT_PROGRAMME)
        for row in data["participants"]
    }
    for match in data["matches"]:
        assert {match["newcomer"], match["host"]} <= emails
        pair = {match["newcomer"], match["host"]}
        assert programme_of[match["newcomer"]] == programme_of[match["host"]], pair
        for row in match.get("meetings", []):
            assert row["author"] in pair
        for row in match.get("check_ins", []) + match.get("rematch_requests", []):
            assert row["participant"] in pair
