"""The first programme: today's host programme with its career and culture tracks and the
Copenhagen programme's five success criteria. The demo and the tests' factories start from it
(the migration 0005 of ``portal`` keeps its own frozen copy)."""

from django.db import transaction

from portal.models import HostKind

from .models import Programme, SuccessCriterion, Track

SLUG = "host-programme"
NAME = ("Host Programme", "Værtsprogrammet")
DESCRIPTION = (
    "A newcomer to Denmark meets a volunteer local host, a career host or a culture host, for "
    "about six months.",
    "En nytilkommen i Danmark mødes med en frivillig lokal vært, en erhvervsvært eller en "
    "kulturvært, i omkring seks måneder.",
)
TRACKS = [
    (HostKind.CAREER, "Career host", "Erhvervsvært"),
    (HostKind.CULTURE, "Culture host", "Kulturvært"),
]
SUCCESS_CRITERIA = [
    ("Understanding Danish norms and culture", "Forståelse af danske normer og kultur", 70),
    ("Feeling included in Danish society", "At føle sig inkluderet i det danske samfund", 70),
    ("Using culture and leisure offers", "At bruge kultur- og fritidstilbud", 70),
    ("Work or education", "Arbejde eller uddannelse", 70),
    ("Wanting to stay in Denmark", "Ønsket om at blive i Danmark", 50),
]


@transaction.atomic
def first_programme():
    """The host programme, created with its tracks and criteria the first time."""
    programme, created = Programme.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name_en": NAME[0],
            "name_da": NAME[1],
            "description_en": DESCRIPTION[0],
            "description_da": DESCRIPTION[1],
        },
    )
    if created:
        for order, (kind, english, danish) in enumerate(TRACKS):
            Track.objects.create(
                programme=programme, sort_order=order, kind=kind, name_en=english, name_da=danish
            )
        for order, (english, danish, target) in enumerate(SUCCESS_CRITERIA):
            SuccessCriterion.objects.create(
                programme=programme,
                sort_order=order,
                name_en=english,
                name_da=danish,
                target_percent=target,
            )
    return programme
