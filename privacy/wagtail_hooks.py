from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PersonalDataRegisterView, coordinator_policy


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "personal-data/",
            PersonalDataRegisterView.as_view(),
            name="privacy_register",
        )
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinator_policy().user_has_permission(request.user, "change")


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Personal data held"),
        reverse("privacy_register"),
        icon_name="lock",
        order=900,
    )
