"""The public side of applying: the form page (apply, or ask for the link again) and the
confirmation link. Rules live in ``intake.services``; these only route and render."""

from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from privacy.consent import APPLICATION_CONSENT_VERSION
from protection import ratelimit

from . import services
from .forms import ApplicationForm, ResendForm

RATE_ACTION = "application"


def private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def application_page(request, page):
    programme = page.programme
    context = page.get_context(request)
    context.update(
        rules=rules_for_script(page),
        cooldown_minutes=int(services.RESEND_COOLDOWN.total_seconds() // 60),
    )
    if programme is None:
        return TemplateResponse(request, "intake/application_form_page.html", context)
    form = ApplicationForm(
        request.POST if request.method == "POST" and "resend" not in request.POST else None,
        programme=programme,
        role=page.role,
        initial={"preferred_language": translation.get_language()},
    )
    resend_form = ResendForm(request.POST if "resend" in request.POST else None)
    context.update(form=form, resend_form=resend_form)
    template, status = "intake/application_form_page.html", 200
    if request.method == "POST":
        typed = request.POST.get("resend_email" if "resend" in request.POST else "email", "")
        # Every submission counts, per client address and per email address typed (the
        # "application" rates in ACCOUNT_RATE_LIMITS); over the limit the form comes back
        # with what was typed, and no email goes out.
        if not ratelimit.consume(request, RATE_ACTION, key=typed):
            message = _(
                "Too many applications have been sent from here or for this email address. "
                "Please wait an hour and try again."
            )
            (resend_form if "resend" in request.POST else form).add_error(None, message)
            status = 429
        elif "resend" in request.POST:
            if resend_form.is_valid():
                services.resend_confirmation(
                    programme=programme,
                    role=page.role,
                    email=resend_form.cleaned_data["resend_email"],
                )
                context["resent_to"] = resend_form.cleaned_data["resend_email"]
                template = "intake/application_sent.html"
        elif form.is_valid():
            problems = services.eligibility_problems(
                programme,
                page.role,
                arrived=form.cleaned_data.get("arrived_in_denmark"),
                postcode=form.cleaned_data["postcode"],
            )
            if problems:
                # Nothing is stored: the explanation, the alternatives, and the form as typed
                # (in case of a typing mistake).
                context["problems"] = problems
                services.count_ineligible(programme, page.role)
                template = "intake/application_ineligible.html"
            else:
                application = services.submit_application(
                    programme=programme,
                    role=page.role,
                    answers=form.answers(),
                    interests=form.interests_chosen(),
                    language=translation.get_language(),
                    consent_version=APPLICATION_CONSENT_VERSION,
                )
                context["email"] = application.email
                template = "intake/application_sent.html"
        response = TemplateResponse(request, template, context, status=status)
        return private(response)  # it shows what was just typed
    return TemplateResponse(request, template, context)


def rules_for_script(page):
    """The eligibility rules and their messages, for the form's data attributes (the script
    checks as the person types; the server checks again)."""
    programme = page.programme
    if programme is None:
        return {}
    from .models import Role

    max_years = programme.max_years_in_denmark if page.role == Role.NEWCOMER else None
    return {
        "max_years": max_years or "",
        "postcodes": programme.postcodes,
        "years_message": services.eligibility_problems(
            programme, page.role, arrived=None, postcode=""
        )[0]
        if max_years
        else "",
        "postcode_message": _("The programme does not cover this postcode."),
    }


@cache_control(private=True, no_store=True)
def confirm(request, token):
    """The emailed link: a page with a button (a mail scanner opening the link confirms
    nothing); the button confirms and says what happens next."""
    application = services.find_by_token(token)
    error = None
    if application is None:
        error = _(
            "This link does not work. It may have been replaced by a newer one, or the "
            "application was deleted. Please fill in the form again."
        )
    elif services.is_expired(application):
        error = _("This link has expired. Please fill in the form again.")
    elif request.method == "POST":
        try:
            application = services.confirm_application(application)
        except services.ApplicationError as exc:
            error = str(exc)
    context = {"application": application, "error": error}
    status = 404 if application is None else 200
    return TemplateResponse(request, "intake/confirm.html", context, status=status)
