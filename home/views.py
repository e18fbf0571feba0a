from django.core.paginator import Paginator
from django.shortcuts import render
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
