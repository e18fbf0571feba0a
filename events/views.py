"""Views of the calendar, the event pages and signing up. They stay thin: the rules are in
``events.services`` and the listings in ``events.queries``."""

import calendar as pycalendar
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from pagecache import responses as page_responses
from portal.services import participant_for
from protection import ratelimit

from . import ical, queries, services
from .forms import CalendarFilterForm, ParticipantSignUpForm, PublicSignUpForm
from .models import (
    EVENT_TIME_ZONE,
    CalendarFeed,
    EventCalendarPage,
    EventOccurrence,
    EventPage,
    SignUp,
)

PER_PAGE = 30


def private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def ics_response(content, filename, attachment=True):
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# The feeds are kept on the page cache (pagecache/) until the next change to an event, a date
# or a sign-up (the key carries the generation those changes bump), and at most this long,
# because the feeds' window of dates also moves with the clock.
FEED_CACHE_SECONDS = 15 * 60


def cached_feed(request, key, build, cache_control):
    """The feed ``build()`` makes, from the page cache when nothing changed since, with an ETag
    over its bytes; "304 Not Modified" when the calendar app already has it, so subscribed
    feeds are not downloaded whole every time. (No Last-Modified: a feed also changes when a
    date leaves its window or a sign-up's place changes, which no single timestamp records.)"""
    return page_responses.cached_response(
        request, key, build, FEED_CACHE_SECONDS, cache_control=cache_control
    )


def feed_key(request, name, *parts):
    return page_responses.key_for(
        name, request.scheme, request.get_host(), translation.get_language(), *parts
    )


# The public calendar --------------------------------------------------------------------


def _calendar_context(request, page, view):
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()  # no filters while the form is unbound or invalid
    query = urlencode({k: v for k, v in filters.items() if v})
    today = timezone.localdate(timezone=EVENT_TIME_ZONE)
    base = page.url or ""  # None while a new page is previewed
    context = page.get_context(request)
    context.update(
        view=view,
        # The month grid and the archive link on without end: kept out of search results.
        noindex=view != "list",
        filter_form=form,
        filters=filters,
        filter_query=query,
        list_url=base + page.reverse_subpage("upcoming_view"),
        month_url=base + page.reverse_subpage("month", args=[today.year, today.month]),
        archive_url=base + page.reverse_subpage("archive"),
        feed_url=request.build_absolute_uri(reverse("events:feed")),
    )
    return context, filters


def _with_query(url, query):
    return f"{url}?{query}" if query else url


def _date_list(request, page, view, dates, template):
    """The upcoming list or the archive: filtered, paginated, grouped by month."""
    context, filters = _calendar_context(request, page, view)
    dates = queries.apply_filters(dates, **filters)
    page_obj = Paginator(dates, PER_PAGE).get_page(request.GET.get("page"))
    context.update(page_obj=page_obj, months=queries.group_by_month(page_obj.object_list))
    return TemplateResponse(request, template, context)


def calendar_upcoming(request, page):
    dates = queries.calendar_dates(page).upcoming().order_by("start", "pk")
    return _date_list(request, page, "list", dates, "events/event_calendar_page.html")


def calendar_archive(request, page):
    dates = queries.calendar_dates(page).past().order_by("-start", "-pk")
    return _date_list(request, page, "archive", dates, "events/event_calendar_archive.html")


def calendar_month(request, page, year, month):
    if not (1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR):
        raise Http404
    today = timezone.localdate(timezone=EVENT_TIME_ZONE)
    first_month, last_month = queries.month_range(page, today)
    if not (first_month <= datetime.date(year, month, 1) <= last_month):
        raise Http404  # no endless chain of empty months for crawlers to follow
    context, filters = _calendar_context(request, page, "month")
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    start, end = queries.local_day_bounds(weeks[0][0], weeks[-1][-1])
    dates = queries.apply_filters(
        queries.calendar_dates(page).filter(start__gte=start, start__lt=end).order_by("start"),
        **filters,
    )
    by_day = {}
    for occurrence in dates:
        by_day.setdefault(occurrence.start.astimezone(EVENT_TIME_ZONE).date(), []).append(
            occurrence
        )
    first = datetime.date(year, month, 1)
    previous = queries.add_months(first, -1)
    following = queries.add_months(first, 1)
    query = context["filter_query"]
    base = page.url or ""
    context.update(
        month=first,
        weeks=[
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "dates": by_day.get(day, []),
                }
                for day in week
            ]
            for week in weeks
        ],
        weekdays=[
            (formats.date_format(weeks[0][index], "l"), formats.date_format(weeks[0][index], "D"))
            for index in range(7)
        ],
        event_count=sum(len(items) for items in by_day.values()),
        # The pager stops at the ends of the range.
        previous_url=_with_query(
            base + page.reverse_subpage("month", args=[previous.year, previous.month]), query
        )
        if previous >= first_month
        else "",
        next_url=_with_query(
            base + page.reverse_subpage("month", args=[following.year, following.month]),
            query,
        )
        if following <= last_month
        else "",
        previous_month=previous,
        next_month=following,
    )
    return TemplateResponse(request, "events/event_calendar_month.html", context)


def calendar_feed(request):
    """The public feed: the coming year's dates (and the last month's), for subscribing."""

    def build():
        page = EventCalendarPage.objects.live().public().first()
        if page is None:
            raise Http404
        content = ical.build(queries.public_feed_dates(page), name=str(page.title))
        return ics_response(content, "events.ics", attachment=False)

    return cached_feed(request, feed_key(request, "feed"), build, {"public": True, "max_age": 900})


# The event page ---------------------------------------------------------------------------


def preview_dates(page, now):
    """The dates the editor's draft describes, unsaved, for the admin's preview."""
    dates = []
    for start in page.occurrence_starts():
        occurrence = EventOccurrence(event=page, start=start, end=start + page.duration)
        occurrence.places_taken = occurrence.waiting_count = 0
        if occurrence.end >= now:
            dates.append(occurrence)
    return dates


def event_detail(request, page):
    now = timezone.now()
    past_dates = []
    if getattr(request, "is_preview", False):
        dates = preview_dates(page, now)
    else:
        dates = list(
            page.occurrences.upcoming(now).with_places().select_related("event").order_by("start")
        )
        if not dates:
            past_dates = list(
                page.occurrences.past(now)
                .with_places()
                .select_related("event")
                .order_by("-start")[:1]
            )
    user = request.user
    mine = queries.user_signups_by_date(user, [d.pk for d in dates if d.pk])
    participant = participant_for(user)
    audience_refusal = services.audience_refusal(page, user) if participant else None
    rows = []
    for occurrence in dates:
        signup = mine.get(occurrence.pk)
        row = {
            "occurrence": occurrence,
            "signup": signup,
            "refusal": services.date_refusal(occurrence, now),
        }
        if occurrence.pk is None:  # a preview: show the dates, no forms
            rows.append(row)
            continue
        if participant and not signup and not row["refusal"] and not audience_refusal:
            row["form"] = ParticipantSignUpForm(
                max_guests=page.max_guests, auto_id=f"id_%s_{occurrence.pk}"
            )
        elif not participant and page.public_signup and not row["refusal"]:
            row["public_url"] = page.url + page.reverse_subpage(
                "public_signup", args=[occurrence.pk]
            )
        rows.append(row)
    context = page.get_context(request)
    context.update(
        rows=rows,
        past_dates=past_dates,
        participant=participant,
        audience_refusal=audience_refusal,
        ics_url=reverse("events:event_ics", args=[page.pk]) if page.pk else "",
        calendar_page=page.get_parent(),
    )
    single = rows[0] if len(rows) == 1 else None
    if single and single.get("public_url"):
        context["public_form"] = PublicSignUpForm(max_guests=page.max_guests)
        context["public_form_action"] = single["public_url"]
    response = TemplateResponse(request, "events/event_page.html", context)
    if user.is_authenticated:
        private(response)
    return response


def event_ics(request, pk):
    """Every date of one event, to add to a calendar."""

    def build():
        page = get_object_or_404(EventPage.objects.live().public(), pk=pk)
        dates = page.occurrences.select_related("event").order_by("start")
        return ics_response(ical.build(dates, name=None), f"{page.slug}.ics")

    return cached_feed(request, feed_key(request, "event_ics", pk), build, None)


def public_signup(request, page, occurrence_id):
    if not page.public_signup:
        raise Http404
    occurrence = get_object_or_404(page.occurrences.with_places(), pk=occurrence_id)
    refusal = services.date_refusal(occurrence)
    form = PublicSignUpForm(request.POST or None, max_guests=page.max_guests)
    context = page.get_context(request)
    context.update(occurrence=occurrence, form=form, refusal=refusal, noindex=True)
    template = "events/public_signup.html"
    status = 200
    # Every submission counts, per client address and per email address typed (the
    # "event_signup" rates in ACCOUNT_RATE_LIMITS); over the limit the form comes back with
    # what was typed and a message, and no email goes out.
    if (
        request.method == "POST"
        and not refusal
        and not ratelimit.consume(request, "event_signup", key=request.POST.get("email", ""))
    ):
        form.add_error(
            None,
            _(
                "Too many sign-ups have been sent from here or for this email address. "
                "Please wait an hour and try again."
            ),
        )
        status = 429
    elif request.method == "POST" and not refusal and form.is_valid():
        try:
            signup = services.sign_up_public(
                occurrence,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=translation.get_language(),
                guests=form.guests(),
            )
        except services.SignUpError as error:
            form.add_error(None, str(error))
        else:
            context["email"] = form.cleaned_data["email"]
            context["link_sent"] = signup.link_sent
            context["cooldown_minutes"] = int(
                services.CONFIRMATION_RESEND_COOLDOWN.total_seconds() // 60
            )
            template = "events/public_signup_sent.html"
    response = TemplateResponse(request, template, context, status=status)
    if request.method == "POST":
        private(response)  # it shows the name and email address just typed
    return response


# Participants (portal) --------------------------------------------------------------------


def _next_url(request, fallback):
    """Where to go back to: a path on this site (``/...``), else ``fallback``. A bare word
    would be taken for a URL pattern name by ``redirect()`` and fail."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if (
        candidate
        and candidate.startswith("/")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return fallback


@require_POST
@login_required
def sign_up(request, pk):
    occurrence = get_object_or_404(
        EventOccurrence.objects.live().visible_to(request.user).select_related("event"), pk=pk
    )
    form = ParticipantSignUpForm(request.POST, max_guests=occurrence.event.max_guests)
    back = _next_url(request, occurrence.event.url)
    if not form.is_valid():
        messages.error(request, _("Please choose how many guests you bring."))
        return private(redirect(back))
    try:
        signup, created = services.sign_up(occurrence, request.user, guests=form.guests())
    except services.SignUpError as error:
        messages.error(request, str(error))
        return private(redirect(back))
    title = occurrence.event.title
    if not created:
        messages.info(request, _("You were already signed up for %(event)s.") % {"event": title})
    elif signup.status == SignUp.Status.CONFIRMED:
        messages.success(
            request,
            _("You have a place at %(event)s. We have emailed you the details.") % {"event": title},
        )
    else:
        messages.success(
            request,
            _("%(event)s is full: you are number %(position)s on the waiting list.")
            % {"event": title, "position": signup.waiting_position()},
        )
    return private(redirect(back))


@login_required
def cancel(request, pk):
    """Give up a place or leave the waiting list. Opened directly, or posted without
    ``confirm`` for a place at a full event (someone on the waiting list takes it at once),
    it first asks: a page with the button to confirm, no JavaScript needed."""
    signup = get_object_or_404(
        SignUp.objects.active().filter(user=request.user).select_related("occurrence__event"),
        pk=pk,
    )
    back = _next_url(request, reverse("events:mine"))
    if request.method != "POST" or (
        services.cancelling_needs_confirmation(signup) and not request.POST.get("confirm")
    ):
        context = {
            "signup": signup,
            "occurrence": signup.occurrence,
            "event": signup.occurrence.event,
            "back": back,
            "is_full": signup.occurrence.is_full(),
        }
        return private(TemplateResponse(request, "events/cancel_confirm.html", context))
    try:
        services.cancel_signup(signup)
    except services.SignUpError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You are no longer signed up for %(event)s.")
            % {"event": signup.occurrence.event.title},
        )
    return private(redirect(back))


@login_required
@cache_control(private=True, no_store=True)
def my_events(request):
    user = request.user
    signups = queries.my_signups(user)
    open_dates = queries.open_for(user)
    for occurrence in open_dates:
        occurrence.form = ParticipantSignUpForm(
            max_guests=occurrence.event.max_guests, auto_id=f"id_%s_{occurrence.pk}"
        )
    feed = CalendarFeed.objects.filter(user=user).first()
    context = {
        "section": "events",  # highlights "My events" in the portal's navigation
        "signups": signups,
        "past_signups": queries.my_past_signups(user),
        "open_dates": open_dates,
        "participant": participant_for(user),
        "feed": feed,
        "feed_url": (
            request.build_absolute_uri(reverse("events:personal_feed", args=[feed.token]))
            if feed
            else None
        ),
    }
    return TemplateResponse(request, "events/my_events.html", context)


@require_POST
@login_required
def manage_feed(request):
    action = request.POST.get("action")
    CalendarFeed.objects.filter(user=request.user).delete()
    if action == "create":
        CalendarFeed.objects.create(user=request.user)
        messages.success(request, _("Your private calendar address is ready."))
    else:
        messages.success(request, _("Your private calendar address no longer works."))
    return private(redirect(reverse("events:mine") + "#calendar-feed"))


def personal_feed(request, token):
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user").filter(user__is_active=True), token=token
    )
    language = feed.user.preferred_language

    def build():
        with translation.override(language):
            content = ical.build(queries.feed_dates(feed.user), name=_("My events"))
        return ics_response(content, "my-events.ics", attachment=False)

    # Looked up each time (one query), so a deleted address or a deactivated person's feed
    # stops at once; the dates are kept per address and language until the next change.
    key = feed_key(request, "personal_feed", feed.token, language)
    return cached_feed(request, key, build, {"private": True, "no_store": True})


# Public sign-ups: the emailed links -------------------------------------------------------


@cache_control(private=True, no_store=True)
def public_confirm(request, token):
    signup = get_object_or_404(
        SignUp.objects.filter(user__isnull=True).select_related("occurrence__event"), token=token
    )
    error = None
    if request.method == "POST" and signup.status == SignUp.Status.UNCONFIRMED:
        try:
            signup = services.confirm_public(signup)
        except services.SignUpError as exc:
            error = str(exc)
    context = {
        "signup": signup,
        "occurrence": signup.occurrence,
        "event": signup.occurrence.event,
        "error": error,
        "position": signup.waiting_position(),
        "cancel_url": reverse("events:public_cancel", args=[signup.token]),
    }
    return TemplateResponse(request, "events/public_confirm.html", context)


@cache_control(private=True, no_store=True)
def public_cancel(request, token):
    signup = get_object_or_404(
        SignUp.objects.filter(user__isnull=True).select_related("occurrence__event"), token=token
    )
    error = None
    if request.method == "POST" and signup.status != SignUp.Status.CANCELLED:
        try:
            services.cancel_signup(signup)
        except services.SignUpError as exc:
            error = str(exc)
        signup.refresh_from_db()
    context = {
        "signup": signup,
        "occurrence": signup.occurrence,
        "event": signup.occurrence.event,
        "error": error,
        "warn_full": services.cancelling_needs_confirmation(signup),
    }
    return TemplateResponse(request, "events/public_cancel.html", context)
