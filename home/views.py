from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from .search import clean_query, search_pages


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = search_pages(query, get_language()) if query else Page.objects.none()
    paginator = Paginator(results, 10)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request, "home/search.html", {"query": query, "page_obj": page_obj, "results": page_obj}
    )


# Paths crawlers are asked to leave alone, in every language (Danish under /da/).
ROBOTS_DISALLOW = ["/admin/", "/portal/", "/accounts/", "/da/portal/", "/da/accounts/"]


def robots_txt(request):
    """``/robots.txt``: where the sitemap is, and what is not for search engines."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
