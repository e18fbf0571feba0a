"""Match proposals: making them (the coordinator confirms suggested pairs) and answering them
(both people accept or decline in the portal). See ``matching.models.MatchProposal``.

- ``propose``: the proposal is made; both people are emailed in their language with a link to
  the proposal's page in the portal (a short profile of the other, no contact details).
- ``answer``: one of the two accepts or declines. When both have accepted, the match starts
  through ``portal.services.create_match`` (its rules, its "match created" emails, the contact
  details in the portal). A decline closes the proposal: the newcomer keeps their place in the
  line (``waiting_since`` is never touched), the programme's coordinator is emailed, and the
  other person is told kindly, without blame.
- ``withdraw``: the coordinator takes back a pending proposal; both are told.

Every step is in the audit log (``matching.audit``).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from notifications.emails import send_email_on_commit, send_email_to_user_on_commit
from portal import services as portal_services

from . import audit
from .models import MatchProposal

DECLINE_REASON_MAX_LENGTH = 1000


def proposal_path(proposal, language):
    """The proposal's page in the portal, in ``language`` (/portal/… or /da/portal/…)."""
    with translation.override(language):
        return reverse("portal:proposal", args=[proposal.pk])


def _email_person(participant, template_name, context):
    user = participant.user
    send_email_to_user_on_commit(
        user,
        template_name,
        {
            "participant": participant,
            "portal_path": portal_services.portal_path(user.preferred_language),
            **context,
        },
    )


def _people(proposal):
    """(person, the other) for both people of the proposal."""
    return ((proposal.newcomer, proposal.host), (proposal.host, proposal.newcomer))


def propose(*, newcomer, host, kind, score=0, reasons=(), by_user=None):
    """Propose ``newcomer`` and ``host`` to each other in ``kind``; returns the proposal.
    The newcomer keeps their place on the waiting list until a match starts. Both are emailed
    (once the proposal is committed) in their own language."""
    if MatchProposal.objects.pending().filter(newcomer=newcomer, kind=kind).exists():
        raise ValidationError(_("This newcomer already has a match proposal waiting for answers."))
    with transaction.atomic():
        proposal = MatchProposal.objects.create(
            programme=newcomer.programme,
            newcomer=newcomer,
            host=host,
            kind=kind,
            score=score,
            reasons=list(reasons),
            created_by=by_user,
        )
        log(proposal, audit.PROPOSED, user=by_user, data={"score": score})
        for person, other in _people(proposal):
            _email_person(
                person,
                "matching/email/proposed",
                {
                    "proposal": proposal,
                    "other": other,
                    "proposal_path": proposal_path(proposal, person.user.preferred_language),
                },
            )
    return proposal


def proposals_for(participant):
    """The proposals the participant is one of the two people of, newest first."""
    return (
        MatchProposal.objects.filter(Q(newcomer=participant) | Q(host=participant))
        .select_related("newcomer__user", "host__user", "programme", "match")
        .prefetch_related("programme__tracks")
        .order_by("-created_at", "-pk")
    )


def pending_for(participant):
    """The participant's proposals still waiting for answers (the dashboard shows them)."""
    return proposals_for(participant).filter(status=MatchProposal.Status.PENDING)


def role_in(proposal, participant):
    """ "newcomer" or "host": which side of the proposal the participant is on."""
    if participant.pk == proposal.newcomer_id:
        return "newcomer"
    if participant.pk == proposal.host_id:
        return "host"
    raise ValidationError(_("This proposal is not yours to answer."))


def other_of(proposal, participant):
    return proposal.host if role_in(proposal, participant) == "newcomer" else proposal.newcomer


def own_answer(proposal, participant):
    return getattr(proposal, f"{role_in(proposal, participant)}_answer")


def answer(proposal, participant, accept, reason=""):
    """Record the participant's answer. Returns the proposal (with ``match`` set when this
    answer started the match). Raises ValidationError for a proposal no longer open or already
    answered by this person."""
    side = role_in(proposal, participant)
    reason = (reason or "").strip()
    if len(reason) > DECLINE_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("Write at most %(count)s characters.")
                % {"count": DECLINE_REASON_MAX_LENGTH}
            }
        )
    with transaction.atomic():
        # Both people answering at once wait for each other here (PostgreSQL).
        proposal = (
            MatchProposal.objects.select_for_update(of=("self",))
            .select_related("newcomer__user", "host__user", "programme")
            .get(pk=proposal.pk)
        )
        if proposal.status != MatchProposal.Status.PENDING:
            raise ValidationError(_("This proposal is closed: it can no longer be answered."))
        if getattr(proposal, f"{side}_answer"):
            raise ValidationError(_("You have already answered this proposal, thank you."))
        now = timezone.now()
        value = MatchProposal.Answer.ACCEPTED if accept else MatchProposal.Answer.DECLINED
        setattr(proposal, f"{side}_answer", value)
        setattr(proposal, f"{side}_answered_at", now)
        fields = [f"{side}_answer", f"{side}_answered_at"]
        if not accept:
            _decline(proposal, participant, reason, now)
            fields += ["status", "decided_at", "decline_reason"]
        elif proposal.newcomer_answer == proposal.host_answer == MatchProposal.Answer.ACCEPTED:
            match = portal_services.create_match(proposal.newcomer, proposal.host, proposal.kind)
            proposal.match = match
            proposal.status = MatchProposal.Status.ACCEPTED
            proposal.decided_at = now
            fields += ["status", "decided_at", "match"]
        proposal.save(update_fields=fields)
        log(
            proposal,
            audit.PROPOSAL_ACCEPTED if accept else audit.PROPOSAL_DECLINED,
            user=participant.user,
            data={"by": side},
        )
        if proposal.match_id:
            log(proposal, audit.MATCH_STARTED, user=participant.user)
    return proposal


def _decline(proposal, participant, reason, now):
    proposal.status = MatchProposal.Status.DECLINED
    proposal.decided_at = now
    proposal.decline_reason = reason
    # The newcomer's waiting_since was never cleared: they are back at their old place.
    other = other_of(proposal, participant)
    _email_person(
        other, "matching/email/declined_other", {"proposal": proposal, "other": participant}
    )
    to = portal_services.coordinator_email(proposal.programme)
    send_email_on_commit(
        "matching/email/declined_coordinator",
        to,
        portal_services.coordinator_language(to),
        {
            "proposal": proposal,
            "declined_by": participant,
            "reason": reason,
            "listing_path": reverse("host_proposals:index"),
            "waiting_path": reverse("host_waiting:index"),
        },
    )


def withdraw(proposal, by_user=None):
    """The coordinator takes back a pending proposal; both people are told."""
    with transaction.atomic():
        proposal = (
            MatchProposal.objects.select_for_update(of=("self",))
            .select_related("newcomer__user", "host__user", "programme")
            .get(pk=proposal.pk)
        )
        if proposal.status != MatchProposal.Status.PENDING:
            raise ValidationError(_("Only a proposal waiting for answers can be withdrawn."))
        proposal.status = MatchProposal.Status.WITHDRAWN
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_at"])
        log(proposal, audit.PROPOSAL_WITHDRAWN, user=by_user)
        for person, other in _people(proposal):
            _email_person(
                person, "matching/email/withdrawn", {"proposal": proposal, "other": other}
            )
    return proposal


def short_profile(participant):
    """What the other person of a proposal sees: no surname, no contact details."""
    skills = participant.language_skills or []
    from programmes.languages import Level, language_name

    levels = dict(Level.choices)
    interests = [interest.name for interest in participant.chosen_interests.all()]
    field = participant.chosen_field.name if participant.chosen_field_id else ""
    return {
        "first_name": participant.user.first_name or _("Your proposed match"),
        "languages": [
            {"name": language_name(s["language"]), "level": levels.get(s.get("level"), "")}
            for s in skills
        ],
        "languages_text": participant.languages if not skills else "",
        "interests": interests,
        "interests_text": participant.interests,
        "professional_field": field or participant.professional_field,
        "area": participant.area,
        "role": participant.get_role_display(),
    }
