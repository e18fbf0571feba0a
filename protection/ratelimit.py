"""One rate limit for every public form and every login path, counted on the shared cache.

Built on allauth's rate limiter, so all limits live in one setting, ``ACCOUNT_RATE_LIMITS``
(allauth's own login, password reset and sign-in code read it too), and are counted in
Django's default cache: Redis in production, so every server process counts together.

A rate is written ``amount/period/per``: ``"5/10m/ip,3/h/key"`` allows five submissions per
client address every ten minutes and three per key (for example an email address) an hour.
The client address is allauth's: ``REMOTE_ADDR``, or the address the trusted proxies put in
``X-Forwarded-For`` when ``ALLAUTH_TRUSTED_PROXY_COUNT`` is set.
"""

from allauth.core import ratelimit


def consume(request, action, key=""):
    """Count one use of ``action`` by this request; False once a limit is reached.

    ``key`` identifies what is being acted on, such as the email address typed into a form;
    it is compared without case or surrounding spaces. Only POST requests are counted.
    """
    return ratelimit.consume(request, action=action, key=(key or "").strip().lower())


def too_many_requests(request):
    """The bilingual "Too many attempts" page (``templates/429.html``) with status 429."""
    return ratelimit.respond_429(request)
