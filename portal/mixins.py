"""Access to the participant portal: one decorator.

Every portal view is wrapped so that
- anonymous visitors are sent to the login page and come back afterwards (``?next=``);
- a logged-in user without a participant profile (an editor, a coordinator) gets a friendly
  page explaining that the portal is for participants, with status 403;
- the participant is available as ``request.participant`` for the view's querysets;
- every response, including the redirect, the refusal and a 404, says ``Cache-Control: private,
  no-store`` so that personal data never lands in a shared or browser cache.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import get_resolver
from django.utils.cache import add_never_cache_headers

from portal import services


def participant_required(view_func):
    """Decorate a portal view: login required, participants only, never cached."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            response = redirect_to_login(request.get_full_path())
        else:
            participant = services.participant_for(request.user)
            if participant is None:
                response = render(request, "portal/not_a_participant.html", status=403)
            else:
                request.participant = participant
                try:
                    response = view_func(request, *args, **kwargs)
                except Http404 as exception:
                    # Render the site's 404 here so it carries the same headers.
                    handler = get_resolver().resolve_error_handler(404)
                    response = handler(request, exception)
        add_never_cache_headers(response)  # private, no-store, no-cache, max-age=0
        return response

    return wrapper
