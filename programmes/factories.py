"""factory_boy factories for programmes, used by the tests and the demo."""

import factory

from portal.models import HostKind
from programmes.models import Programme, SuccessCriterion, Track


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A programme with career and culture tracks and two success criteria (``tracks=[...]``
    of (kind, English, Danish) and ``criteria=[...]`` of (English, Danish, target) replace
    them)."""

    class Meta:
        model = Programme
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"Programme {n}")
    name_da = factory.Sequence(lambda n: f"Program {n}")
    description_en = "A programme for newcomers."
    description_da = "Et program for nytilkomne."
    slug = factory.Sequence(lambda n: f"programme-{n}")
    contact_name = "Pia Programme"
    contact_email = factory.Sequence(lambda n: f"programme{n}@example.com")

    @factory.post_generation
    def tracks(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        tracks = (
            extracted
            if extracted is not None
            else [
                (HostKind.CAREER, "Career host", "Erhvervsvært"),
                (HostKind.CULTURE, "Culture host", "Kulturvært"),
            ]
        )
        for order, (kind, english, danish) in enumerate(tracks):
            Track.objects.create(
                programme=obj, sort_order=order, kind=kind, name_en=english, name_da=danish
            )

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        criteria = (
            extracted
            if extracted is not None
            else [
                ("Feeling included", "At føle sig inkluderet", 70),
                ("Wanting to stay", "Ønsket om at blive", 50),
            ]
        )
        for order, (english, danish, target) in enumerate(criteria):
            SuccessCriterion.objects.create(
                programme=obj,
                sort_order=order,
                name_en=english,
                name_da=danish,
                target_percent=target,
            )


def make_coordinator(user, *programmes):
    """Put ``user`` in the Coordinators group and give them ``programmes`` (the first programme
    when none are given): a coordinator sees only the programmes they are given."""
    from django.contrib.auth.models import Group

    from accounts.roles import COORDINATOR

    from .defaults import first_programme

    user.groups.add(Group.objects.get(name=COORDINATOR.group_name))
    for programme in programmes or [first_programme()]:
        programme.coordinators.add(user)
    return user
