"""Demo events in English and Danish: the calendar, about a dozen upcoming events across the
categories (a monthly welcome meeting, a host course, one full event with a waiting list),
two past ones for the archive, and the portal's demo participants signed up.

``build(stdout)`` is run by ``manage.py load_demo`` after the portal's builder. It is
idempotent: pages are found by their English slug, sign-ups by person and date, and signing
up again changes nothing. People missing from the database (the portal demo not loaded) are
simply skipped. Dates are relative to the day it runs, so the calendar always has something
coming up. Venues and addresses are fictional.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import Site

from . import services
from .models import (
    EVENT_TIME_ZONE,
    Audience,
    Category,
    EventCalendarPage,
    EventLanguage,
    EventPage,
    SignUp,
    SignUpMode,
)

LIBRARY = (
    ("Nørrebro Library, the event hall", "Nørrebro Bibliotek, salen"),
    "Eksempelgade 12, 2200 København N",
)
CENTRE = (
    ("The Host Programme's meeting room", "Værtsprogrammets mødelokale"),
    "Eksempelvej 1, 2400 København NV",
)
JOB_CENTRE = (
    ("International job centre, room 3", "Internationalt jobcenter, lokale 3"),
    "Prøvestræde 5, 1560 København V",
)
CAFE = (("Café Fælles, upstairs", "Café Fælles, første sal"), "Demovej 20, 2100 København Ø")
KITCHEN = (
    ("Community kitchen at the culture house", "Fælleskøkkenet i kulturhuset"),
    "Modelgade 8, 2300 København S",
)


@dataclass
class Spec:
    slug: tuple
    title: tuple
    intro: tuple
    body: tuple
    venue: tuple
    days_ahead: int
    hour: int
    hours: float
    category: str
    audience: str = Audience.EVERYONE
    language: str = EventLanguage.ENGLISH
    capacity: int | None = None
    max_guests: int = 0
    signup_mode: str = SignUpMode.PARTICIPANTS
    recurrence: str = ""
    signups: list = field(default_factory=list)  # (email, guests) in the order they came
    first_tuesday: bool = False


def _p(en, da):
    return (f"<p>{en}</p>", f"<p>{da}</p>")


SPECS = [
    Spec(
        slug=("monthly-welcome-meeting", "maanedligt-velkomstmoede"),
        title=("Monthly welcome meeting", "Månedligt velkomstmøde"),
        intro=(
            "New in the programme, or thinking of joining? Meet the coordinator, other "
            "newcomers and a few experienced hosts.",
            "Ny i programmet, eller overvejer du at være med? Mød koordinatoren, andre "
            "nytilkomne og nogle erfarne værter.",
        ),
        body=_p(
            "We explain how matches work, what a host can and cannot help with, and what "
            "happens in the first weeks. There is coffee, cake and time for questions. The "
            "meeting is held in English; hosts are happy to help in Danish afterwards.",
            "Vi fortæller, hvordan et match fungerer, hvad en vært kan og ikke kan hjælpe med, "
            "og hvad der sker i de første uger. Der er kaffe, kage og tid til spørgsmål. "
            "Mødet foregår på engelsk; værterne taler gerne dansk bagefter.",
        ),
        venue=CENTRE,
        days_ahead=0,
        hour=17,
        hours=1.5,
        category=Category.WELCOME,
        capacity=30,
        signup_mode=SignUpMode.PUBLIC,
        recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
        first_tuesday=True,
        signups=[("newcomer2@example.com", 0), ("waiting@example.com", 0)],
    ),
    Spec(
        slug=("introduction-course-for-new-hosts", "introduktionskursus-for-nye-vaerter"),
        title=("Introduction course for new hosts", "Introduktionskursus for nye værter"),
        intro=(
            "An evening for new volunteer hosts: expectations, the first meeting, and where "
            "to find help when a match is hard.",
            "En aften for nye frivillige værter: forventninger, det første møde, og hvor du "
            "får hjælp, når et match er svært.",
        ),
        body=_p(
            "Experienced hosts share what worked for them. We practise the first "
            "conversation with the conversation wheel and go through the difference between "
            "career hosting and culture hosting.",
            "Erfarne værter fortæller, hvad der virkede for dem. Vi øver den første samtale "
            "med samtalehjulet og gennemgår forskellen på at være erhvervsvært og kulturvært.",
        ),
        venue=CENTRE,
        days_ahead=9,
        hour=18,
        hours=2.5,
        category=Category.HOST_COURSE,
        audience=Audience.HOSTS,
        language=EventLanguage.DANISH,
        capacity=16,
        signups=[("host2@example.com", 0)],
    ),
    Spec(
        slug=("cooking-together-danish-classics", "madlavning-danske-klassikere"),
        title=("Cooking together: Danish classics", "Vi laver mad sammen: danske klassikere"),
        intro=(
            "Cook frikadeller and rødkål together and eat at one long table. Bring a family "
            "member if you like.",
            "Lav frikadeller og rødkål sammen, og spis ved ét langt bord. Tag gerne et "
            "familiemedlem med.",
        ),
        body=_p(
            "Hosts and newcomers cook in small teams with a host who knows the recipes. "
            "Ingredients are paid by the programme. The kitchen is small, so places are few.",
            "Værter og nytilkomne laver mad i små hold sammen med en vært, der kender "
            "opskrifterne. Programmet betaler råvarerne. Køkkenet er lille, så der er få pladser.",
        ),
        venue=KITCHEN,
        days_ahead=12,
        hour=17,
        hours=3,
        category=Category.SOCIAL,
        language=EventLanguage.BOTH,
        capacity=4,
        max_guests=1,
        signups=[
            ("host@example.com", 1),
            ("newcomer@example.com", 0),
            ("newcomer2@example.com", 0),
            ("waiting@example.com", 0),
            ("host2@example.com", 0),
        ],
    ),
    Spec(
        slug=(
            "information-meeting-for-accompanying-partners",
            "informationsmoede-for-medfoelgende-partnere",
        ),
        title=(
            "Information meeting for accompanying partners",
            "Informationsmøde for medfølgende partnere",
        ),
        intro=(
            "Came to Denmark with a partner who works here? Hear what the job centre and the "
            "host programme can offer you.",
            "Er du kommet til Danmark med en partner, der arbejder her? Hør, hvad jobcentret og "
            "værtsprogrammet kan tilbyde dig.",
        ),
        body=_p(
            "A consultant explains job-search help, internships and mentor schemes; after the "
            "talk you can book a personal conversation.",
            "En konsulent fortæller om hjælp til jobsøgning, praktik og mentorordninger; efter "
            "oplægget kan du booke en personlig samtale.",
        ),
        venue=JOB_CENTRE,
        days_ahead=6,
        hour=10,
        hours=2,
        category=Category.INFORMATION,
        capacity=40,
        signup_mode=SignUpMode.PUBLIC,
    ),
    Spec(
        slug=("linkedin-and-the-danish-job-market", "linkedin-og-det-danske-jobmarked"),
        title=("LinkedIn and the Danish job market", "LinkedIn og det danske jobmarked"),
        intro=(
            "A workshop on how Danish employers recruit, and how to make your profile and "
            "network work for you.",
            "En workshop om, hvordan danske arbejdsgivere rekrutterer, og hvordan din profil "
            "og dit netværk kan arbejde for dig.",
        ),
        body=_p(
            "Bring a laptop. We look at real job adverts, the unsolicited application and how "
            "to contact a company.",
            "Tag en bærbar computer med. Vi ser på rigtige jobopslag, den uopfordrede ansøgning "
            "og hvordan du kontakter en virksomhed.",
        ),
        venue=JOB_CENTRE,
        days_ahead=15,
        hour=13,
        hours=3,
        category=Category.JOB_SEARCH,
        audience=Audience.NEWCOMERS,
        capacity=20,
        signups=[("newcomer2@example.com", 0)],
    ),
    Spec(
        slug=("write-a-cv-danish-employers-read", "skriv-et-cv-som-danske-arbejdsgivere-laeser"),
        title=("Write a CV Danish employers read", "Skriv et CV, som danske arbejdsgivere læser"),
        intro=(
            "Career hosts read your CV with you and suggest what to change for the Danish market.",
            "Erhvervsværter gennemgår dit CV sammen med dig og foreslår, hvad du skal ændre "
            "til det danske marked.",
        ),
        body=_p(
            "Bring your CV on paper or a laptop. One-to-one feedback in rounds of twenty minutes.",
            "Tag dit CV med på papir eller computer. Personlig feedback i runder af tyve minutter.",
        ),
        venue=LIBRARY,
        days_ahead=27,
        hour=16,
        hours=2,
        category=Category.JOB_SEARCH,
        audience=Audience.NEWCOMERS,
        capacity=12,
    ),
    Spec(
        slug=("danish-language-cafe", "dansk-sprogcafe"),
        title=("Danish language café", "Dansk sprogcafé"),
        intro=(
            "Practise everyday Danish over a cup of coffee with volunteers. All levels are "
            "welcome; no sign-up needed.",
            "Øv hverdagsdansk over en kop kaffe med frivillige. Alle niveauer er velkomne; "
            "ingen tilmelding.",
        ),
        body=_p(
            "We sit at small tables with a topic card each. Beginners start with the "
            "basics; more experienced speakers talk about the news.",
            "Vi sidder ved små borde med et emnekort hver. Begyndere starter med det basale; "
            "de øvede taler om ugens nyheder.",
        ),
        venue=CAFE,
        days_ahead=3,
        hour=16,
        hours=1.5,
        category=Category.LANGUAGE,
        language=EventLanguage.DANISH,
        signup_mode=SignUpMode.NONE,
        recurrence="FREQ=WEEKLY;COUNT=8",
    ),
    Spec(
        slug=("family-day-at-the-zoo", "familiedag-i-zoologisk-have"),
        title=("Family day at the zoo", "Familiedag i Zoologisk Have"),
        intro=(
            "Bring the family for a day at the zoo with hosts and newcomers. Tickets are paid "
            "by the programme.",
            "Tag familien med til en dag i Zoologisk Have med værter og nytilkomne. Programmet "
            "betaler billetterne.",
        ),
        body=_p(
            "We meet at the main entrance and eat our packed lunches together at noon.",
            "Vi mødes ved hovedindgangen og spiser vores medbragte madpakker sammen kl. 12.",
        ),
        venue=(
            ("Main entrance of the zoo", "Zoologisk Haves hovedindgang"),
            "Eksempel Allé 32, 2000 Frederiksberg",
        ),
        days_ahead=20,
        hour=10,
        hours=5,
        category=Category.FAMILY,
        language=EventLanguage.BOTH,
        capacity=40,
        max_guests=4,
        signups=[("newcomer@example.com", 2), ("host@example.com", 3)],
    ),
    Spec(
        slug=("board-game-evening", "braetspilsaften"),
        title=("Board game evening", "Brætspilsaften"),
        intro=(
            "Learn a few Danish board games, or teach one from home.",
            "Lær et par danske brætspil, eller lær os et spil hjemmefra.",
        ),
        body=_p(
            "Games, tea and biscuits. A relaxed way to meet other pairs.",
            "Spil, te og kiks. En afslappet måde at møde andre par på.",
        ),
        venue=CAFE,
        days_ahead=17,
        hour=19,
        hours=2.5,
        category=Category.SOCIAL,
        language=EventLanguage.BOTH,
        capacity=24,
        signups=[("newcomer@example.com", 0)],
    ),
    Spec(
        slug=("host-network-evening", "netvaerksaften-for-vaerter"),
        title=("Host network evening", "Netværksaften for værter"),
        intro=(
            "Hosts swap experiences and ideas for activities over a simple dinner.",
            "Værter udveksler erfaringer og idéer til aktiviteter over en enkel middag.",
        ),
        body=_p(
            "The coordinator shares news from the programme, and there is time to talk about "
            "what is hard.",
            "Koordinatoren fortæller nyt fra programmet, og der er tid til at tale om det, "
            "der er svært.",
        ),
        venue=CENTRE,
        days_ahead=24,
        hour=18,
        hours=2.5,
        category=Category.SOCIAL,
        audience=Audience.HOSTS,
        language=EventLanguage.DANISH,
        capacity=25,
        signups=[("host@example.com", 0)],
    ),
    Spec(
        slug=("become-a-host-information-meeting", "bliv-vaert-informationsmoede"),
        title=("Become a host: information meeting", "Bliv vært: informationsmøde"),
        intro=(
            "Thinking of volunteering as a host? Hear what it involves: about two hours a "
            "month for six months.",
            "Overvejer du at blive frivillig vært? Hør, hvad det indebærer: cirka to timer om "
            "måneden i seks måneder.",
        ),
        body=_p(
            "Current hosts tell about their matches, and the coordinator explains how "
            "matching works and what support you get.",
            "Nuværende værter fortæller om deres match, og koordinatoren forklarer, hvordan "
            "matchningen foregår, og hvilken støtte du får.",
        ),
        venue=LIBRARY,
        days_ahead=31,
        hour=17,
        hours=1.5,
        category=Category.INFORMATION,
        language=EventLanguage.DANISH,
        capacity=50,
        signup_mode=SignUpMode.PUBLIC,
    ),
    Spec(
        slug=("career-hosting-sharing-your-network", "erhvervsvaert-del-dit-netvaerk"),
        title=("Career hosting: sharing your network", "Erhvervsvært: del dit netværk"),
        intro=(
            "A short course for career hosts on introducing a newcomer to your workplace and "
            "your professional network.",
            "Et kort kursus for erhvervsværter om at introducere en nytilkommen til din "
            "arbejdsplads og dit faglige netværk.",
        ),
        body=_p(
            "How to arrange a workplace visit, how to ask contacts for an informal chat, and "
            "what not to promise.",
            "Sådan arrangerer du et besøg på arbejdspladsen, sådan beder du kontakter om en "
            "uformel snak, og hvad du ikke skal love.",
        ),
        venue=CENTRE,
        days_ahead=38,
        hour=17,
        hours=2,
        category=Category.HOST_COURSE,
        audience=Audience.HOSTS,
        language=EventLanguage.ENGLISH,
        capacity=15,
        signups=[("host2@example.com", 0)],
    ),
    # Past events, for the archive.
    Spec(
        slug=("autumn-welcome-reception", "efteraarets-velkomstreception"),
        title=("Autumn welcome reception", "Efterårets velkomstreception"),
        intro=(
            "The season's welcome for new participants, with speeches and snacks.",
            "Sæsonens velkomst for nye deltagere med taler og snacks.",
        ),
        body=_p("Thank you to everyone who came.", "Tak til alle, der kom."),
        venue=LIBRARY,
        days_ahead=-45,
        hour=17,
        hours=2,
        category=Category.WELCOME,
        capacity=60,
        signups=[("newcomer@example.com", 0), ("host@example.com", 0)],
    ),
    Spec(
        slug=("walk-and-talk-along-the-harbour", "gaatur-langs-havnen"),
        title=("Walk and talk along the harbour", "Gåtur langs havnen"),
        intro=("A walk with stops to practise Danish.", "En gåtur med stop, hvor vi øver dansk."),
        body=_p("We walked five kilometres.", "Vi gik fem kilometer."),
        venue=(("The harbour bus stop", "Havnebussens stoppested"), "Kajen 1, 1400 København K"),
        days_ahead=-20,
        hour=11,
        hours=2,
        category=Category.LANGUAGE,
        language=EventLanguage.BOTH,
        capacity=20,
        signups=[("newcomer2@example.com", 0), ("host2@example.com", 0)],
    ),
]

PUBLIC_SIGNUPS = {
    # slug: (name, email, language)
    "monthly-welcome-meeting": ("Ana Silva", "ana.silva@example.org", "en"),
    "information-meeting-for-accompanying-partners": ("Priya Nair", "priya@example.org", "en"),
}


def first_tuesday_on_or_after(day):
    """The first first-Tuesday-of-a-month on or after ``day``."""
    year, month = day.year, day.month
    while True:
        first_weekday, _days = calendar.monthrange(year, month)
        tuesday = datetime.date(year, month, 1 + (1 - first_weekday) % 7)
        if tuesday >= day:
            return tuesday
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def start_of(spec, today):
    day = today + datetime.timedelta(days=spec.days_ahead)
    if spec.first_tuesday:
        day = first_tuesday_on_or_after(today + datetime.timedelta(days=3))
    return datetime.datetime.combine(day, datetime.time(spec.hour), EVENT_TIME_ZONE)


def build_calendar(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("  events: no default site yet, skipped")
        return None
    home = site.root_page.specific
    page = EventCalendarPage.objects.child_of(home).first() or EventCalendarPage()
    page.title_en, page.title_da = "Events", "Arrangementer"
    page.slug_en, page.slug_da = "calendar", "arrangementer"
    page.intro_en = (
        "Shared events for newcomers and hosts: welcome meetings, courses, workshops and "
        "social activities. Sign up from the event's page or from the portal."
    )
    page.intro_da = (
        "Fælles arrangementer for nytilkomne og værter: velkomstmøder, kurser, workshops og "
        "sociale aktiviteter. Tilmeld dig på arrangementets side eller i portalen."
    )
    page.show_in_menus = True
    _save_and_publish(home, page)
    return page


def _save_and_publish(parent, page):
    """Add a new page under ``parent`` (an existing one is already there), then publish."""
    if page.pk is None:
        parent.add_child(instance=page)
        page.refresh_from_db()
    page.save_revision().publish()


def build_event(calendar_page, spec, today):
    page = EventPage.objects.child_of(calendar_page).filter(slug_en=spec.slug[0]).first()
    page = page or EventPage()
    start = start_of(spec, today)
    page.title_en, page.title_da = spec.title
    page.slug_en, page.slug_da = spec.slug
    page.intro_en, page.intro_da = spec.intro
    page.body_en = [("paragraph", spec.body[0])]
    page.body_da = [("paragraph", spec.body[1])]
    page.venue_name_en, page.venue_name_da = spec.venue[0]
    page.venue_address = spec.venue[1]
    page.start = start
    page.end = start + datetime.timedelta(hours=spec.hours)
    page.recurrence = spec.recurrence
    page.category = spec.category
    page.audience = spec.audience
    page.event_language = spec.language
    page.capacity = spec.capacity
    page.max_guests = spec.max_guests
    page.signup_mode = spec.signup_mode
    _save_and_publish(calendar_page, page)  # publishing generates the dates
    return page


def build_signups(page, spec, users, stdout):
    date = page.occurrences.order_by("start").first()
    if date is None:
        return
    if date.start < timezone.now():
        # Past events: record who came, as a coordinator would have afterwards.
        for email, guests in spec.signups:
            if email in users:
                SignUp.objects.get_or_create(
                    occurrence=date,
                    user=users[email],
                    defaults={
                        "status": SignUp.Status.CONFIRMED,
                        "guests": guests,
                        "queued_at": date.start - datetime.timedelta(days=7),
                        "attended": True,
                    },
                )
        return
    for email, guests in spec.signups:
        if email not in users:
            continue
        try:
            services.sign_up(date, users[email], guests=guests, notify=False)
        except services.SignUpError as error:
            stdout.write(f"  events: {email} not signed up for {page.title_en}: {error}")
    public = PUBLIC_SIGNUPS.get(spec.slug[0])
    if public:
        # Made directly: the demo sends no confirmation emails to invented addresses.
        name, email, language = public
        SignUp.objects.get_or_create(
            occurrence=date,
            email=email,
            defaults={
                "name": name,
                "language": language,
                "status": SignUp.Status.CONFIRMED,
                "queued_at": timezone.now(),
            },
        )


def build(stdout):
    # English is the default language; the fields of both languages are set explicitly.
    with translation.override("en"):
        _build(stdout)


def _build(stdout):
    calendar_page = build_calendar(stdout)
    if calendar_page is None:
        return
    today = timezone.localdate()
    emails = {email for spec in SPECS for email, _guests in spec.signups}
    users = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    for spec in SPECS:
        page = build_event(calendar_page, spec, today)
        build_signups(page, spec, users, stdout)
    stdout.write(
        f"  events: calendar with {len(SPECS)} events, {SignUp.objects.active().count()} sign-ups"
    )
