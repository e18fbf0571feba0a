"""The site's images, declared for the personal-data registry (privacy/registry.py): like
Wagtail's own image model (privacy/personal_data.py), an image records only which staff
account uploaded it; its renditions are derived files."""

from django.utils.translation import gettext_lazy as _

from privacy.personal_data import staff
from privacy.registry import BLANK, exempt

staff(
    "pictures.SiteImage",
    personal={"uploaded_by_user": BLANK},
    not_personal=[
        "collection",
        "title",
        "file",
        "created_at",
        "file_size",
        "file_hash",
        "tags",
        "width",
        "height",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
        "description",
        "description_en",
        "description_da",
    ],
    erase_mode="anonymise",
    field="uploaded_by_user",
)
exempt(
    ["pictures.SiteRendition"],
    _("Resized copies of public images."),
    not_personal=["image", "filter_spec", "file", "width", "height", "focal_point_key"],
)
