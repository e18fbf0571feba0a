"""The public privacy notice (the text participants acknowledge when they accept their
invitation)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .consent import PRIVACY_NOTICE_TEMPLATE, PRIVACY_NOTICE_VERSION


@require_GET
def privacy_notice(request):
    return render(request, PRIVACY_NOTICE_TEMPLATE, {"version": PRIVACY_NOTICE_VERSION})
