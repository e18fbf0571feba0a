"""Small pieces shared by the apps' Wagtail admin screens (not a Django app: no models)."""
