"""Demo content for the public website, in English and Danish.

``build(stdout)`` is run by ``manage.py load_demo``. The texts live in data files beside this
module: ``demo_content/pages/*.yaml`` (one page per file, built in the order of the file
names, the page's key being the name after the number) and ``demo_content/site.yaml`` (site
name, contact person, footer, editor). This module only knows how to build them.

It is idempotent: pages are looked up by their English slug under their parent, settings by
site and the editor by email, so a second run updates what the first one made, never
duplicates it, and adds no revision to a page whose content is unchanged.

The facts and figures come from the source documents in ``/work/shared/seeds`` (the
Copenhagen and Odense host programmes, the national five-step guide); every sentence is
written for this site. The contact person, organisation, address and phone are fictional.

The build runs in two passes: first every page is made to exist (so that pages can link to
each other), then every page gets its content and is published.
"""

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page, Site

from evaluation.demo import measure_key
from intake.models import ApplicationFormPage
from pictures.models import SiteImage
from programmes.models import Programme

from . import illustrations, models
from .demo_support import (
    DEMO_PASSWORD,
    LANGUAGES,
    demo_account,
    load,
    localised,
    publish_if_changed,
    set_translated,
)

CONTENT = Path(__file__).resolve().parent / "demo_content"
PAGE_TYPES = {
    model.__name__: model
    for model in (
        models.HomePage,
        models.ContentPage,
        models.GuidePage,
        models.GuideStepPage,
        models.ActivityIndexPage,
        models.ActivityIdeaPage,
        models.ProgrammePage,
        ApplicationFormPage,
    )
}
# A link to another demo page in a rich text, written <a page="key">…</a> in the data files.
PAGE_LINK = re.compile(r'<a page="([\w-]+)">')


@dataclass
class PageSpec:
    key: str
    data: dict

    @property
    def model(self):
        return PAGE_TYPES[self.data["type"]]

    @property
    def parent(self):
        return self.data.get("parent")

    @property
    def slug_en(self):
        return self.data["slug"]["en"]

    @property
    def title_en(self):
        return self.data["title"]["en"]


def page_specs():
    """Every page file, in build order."""
    return [
        PageSpec(key=path.stem.split("-", 1)[1], data=load(path))
        for path in sorted((CONTENT / "pages").glob("*.yaml"))
    ]


def site_data():
    return load(CONTENT / "site.yaml")


def _resolve(value, pages, images=None):
    """Turn the data files' page references into pages: a block's ``page: key`` and a rich
    text's ``<a page="key">``; a live figure's ``measure: {programme, criterion or
    question}`` (English text) into the survey measure it names; and an image block's
    ``image: key`` into the illustration of that key (images.yaml)."""
    if isinstance(value, dict):
        return {
            key: (
                pages[item]
                if key == "page" and item
                else measure_key(item)
                if key == "measure" and isinstance(item, dict)
                else images[item]
                if key == "image" and isinstance(item, str)
                else _resolve(item, pages, images)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_resolve(item, pages, images) for item in value]
    if isinstance(value, str):
        return PAGE_LINK.sub(
            lambda m: format_html('<a linktype="page" id="{}">', pages[m[1]].pk), value
        )
    return value


def body(blocks, language, pages, images=None):
    """A StreamField's value in one language from the data files' list of ``{type: value}``."""
    return [
        (block_type, _resolve(localised(value, language), pages, images))
        for block in blocks
        for block_type, value in block.items()
    ]


def _apply_fields(page, spec, images):
    """Everything but the body: titles, slugs, intro, picture, SEO, menu and extra fields."""
    data = spec.data
    page.image = images[data["image"]] if data.get("image") else None
    for name in ("title", "slug", "intro"):
        set_translated(page, name, data[name])
    set_translated(page, "seo_title", data.get("seo_title", ""))
    set_translated(page, "search_description", data["intro"])
    page.show_in_menus = data.get("in_menu", False)
    for name, value in data.get("fields", {}).items():
        set_translated(page, name, value)
    if "programme" in data:  # a programme page presents the programme with this slug
        page.programme = Programme.objects.get(slug=data["programme"])
    if "role" in data:  # an application form: who applies there
        page.role = data["role"]


def _remove_welcome_page(root):
    """Delete Wagtail's default 'Welcome to your new Wagtail site!' page: a plain, childless
    ``wagtailcore.Page`` directly under the root. Sites rooted there go with it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.child_of(root).filter(content_type=plain_page, numchild=0):
        page.delete()


def _ensure_page(spec, parent, images, stdout):
    """Find the page by English slug under its parent, or create it (without a body yet)."""
    page = spec.model.objects.child_of(parent).filter(slug_en=spec.slug_en).first()
    if page is None:
        page = spec.model()
        _apply_fields(page, spec, images)
        parent.add_child(instance=page)
        stdout.write(f"  created {spec.model.__name__} /{spec.slug_en}/")
    return page


def images_data():
    return load(CONTENT / "images.yaml")


def build_images(stdout):
    """The demo's illustrations (home/illustrations.py) as ordinary Wagtail images, found by
    title: drawn once, their alternative text kept as the data file says."""
    images = {}
    for key, data in images_data().items():
        image = SiteImage.objects.filter(title=data["title"]).first()
        if image is None:
            image = SiteImage(title=data["title"])
            image.file = ImageFile(BytesIO(illustrations.draw(key)), name=f"{key}.png")
            image._set_image_file_metadata()
            stdout.write(f"  drew the illustration {key!r}")
        before = (image.description_en, image.description_da)
        set_translated(image, "description", data["alt"])
        if image.pk is None or (image.description_en, image.description_da) != before:
            image.save()
        images[key] = image
    return images


def demo_image(key):
    """The demo illustration of ``key`` (images.yaml), once ``build_images`` has stored it;
    None otherwise. For the other apps' demo builders (the events calendar)."""
    data = images_data().get(key)
    return SiteImage.objects.filter(title=data["title"]).first() if data else None


def build_pages(stdout, images):
    root = Page.get_first_root_node()
    specs = page_specs()
    pages = {}
    for spec in specs:
        if spec.parent is None:
            home = models.HomePage.objects.child_of(root).first()
            if home is None:
                # The default page holds the slug "home"; it has to go first.
                _remove_welcome_page(root)
            pages[spec.key] = home or _ensure_page(spec, root, images, stdout)
        else:
            pages[spec.key] = _ensure_page(spec, pages[spec.parent], images, stdout)

    # Second pass: content (pages can now link to each other), then publish.
    for spec in specs:

        def apply(page, spec=spec):
            _apply_fields(page, spec, images)
            for language in LANGUAGES:
                setattr(page, f"body_{language}", body(spec.data["body"], language, pages, images))

        changed = publish_if_changed(pages[spec.key], apply)
        verb = "published" if changed else "unchanged"
        stdout.write(f"  {verb} {spec.model.__name__} {spec.title_en!r}")
    return pages


def build_site(home, data, stdout):
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site()
    )
    site.hostname = "localhost"
    site.port = 80
    site.root_page = home
    site.is_default_site = True
    site.site_name = data["site_name"]
    site.save()
    # Now that the site points at the new home page, any leftover welcome page can go.
    _remove_welcome_page(Page.get_first_root_node())
    stdout.write(f"  default site {site.hostname}:{site.port} -> {home.title!r}")
    return site


def _set_fields(obj, data):
    """Plain fields as they are; translated ones (``name_en``, ``name_da``) from a pair."""
    for name, value in data.items():
        if hasattr(obj, f"{name}_en"):
            set_translated(obj, name, value)
        else:
            setattr(obj, name, value)


def build_settings(site, data, stdout):
    contact = models.ContactSettings.for_site(site)
    _set_fields(contact, data["contact"])
    contact.save()
    footer = models.FooterSettings.for_site(site)
    footer_data = dict(data["footer"])
    links = footer_data.pop("social_links")
    _set_fields(footer, footer_data)
    for language in LANGUAGES:
        setattr(footer, f"social_links_{language}", body(links, language, {}))
    footer.save()
    stdout.write("  contact and footer settings")


def build_editor(data, stdout):
    """The demo editor: may log in to Wagtail and edit pages through the editor role's group
    (its permissions are declared in accounts/roles.py; load_demo syncs them first)."""
    editor = demo_account(**data["editor"], is_staff=False, is_superuser=False)
    stdout.write(f"  editor {editor.email} (password {DEMO_PASSWORD})")
    return editor


def build(stdout):
    """Create or update the public site's demo content."""
    stdout.write("Home: pages, site, settings and editor")
    data = site_data()
    # Pages are written field by field per language; the active language only decides what
    # ``title`` and friends mean in Wagtail's own validation (English, the default).
    with translation.override("en"):
        images = build_images(stdout)
        pages = build_pages(stdout, images)
        site = build_site(pages["home"], data, stdout)
        build_settings(site, data, stdout)
        build_editor(data, stdout)
