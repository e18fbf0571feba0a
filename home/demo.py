"""Demo content for the public website, in English and Danish.

``build(stdout)`` is run by ``manage.py load_demo``. It is idempotent: pages are looked up by
their English slug under their parent, settings by site and the editor by email, so a second
run updates what the first one made and never duplicates it.

The facts and figures come from the source documents in ``/work/shared/seeds`` (the
Copenhagen and Odense host programmes, the national five-step guide); every sentence is
written for this site. The contact person, organisation, address and phone are fictional.

The build runs in two passes: first every page is made to exist (so that pages can link to
each other), then every page gets its content and is published.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page, Site

from accounts import roles

from .models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContactSettings,
    ContentPage,
    FooterSettings,
    GuidePage,
    GuideStepPage,
    HomePage,
)

SITE_NAME = "Host Programme"
EDITOR_EMAIL = "editor@example.com"
EDITOR_PASSWORD = "demo-host-programme"  # noqa: S105 - a published demo password, by design


# --- Bilingual block helpers -------------------------------------------------------------
# Every helper takes ``(english, danish)`` pairs for its texts and returns a pair of
# StreamField children ``((type, value_en), (type, value_da))``, so the two languages of a
# page always have the same blocks in the same order.


def _pair(build):
    return build(0), build(1)


def heading(text, level="h2"):
    return _pair(lambda i: ("heading", {"text": text[i], "level": level}))


def paragraph(html):
    return _pair(lambda i: ("paragraph", html[i]))


def callout(kind, title, text):
    return _pair(lambda i: ("callout", {"kind": kind, "title": title[i], "text": text[i]}))


def tip(title, text):
    return callout("tip", title, text)


def pitfall(title, text):
    return callout("pitfall", title, text)


def advice(title, text):
    return callout("advice", title, text)


def key_facts(title, facts):
    return _pair(
        lambda i: (
            "key_facts",
            {
                "title": title[i],
                "facts": [{"label": label[i], "value": value[i]} for label, value in facts],
            },
        )
    )


def card(title, text, page=None, link_text=("", "")):
    return {"title": title, "text": text, "page": page, "link_text": link_text}


def cards(title, items):
    return _pair(
        lambda i: (
            "cards",
            {
                "title": title[i],
                "features": [
                    {
                        "title": item["title"][i],
                        "text": item["text"][i],
                        "page": item["page"],
                        "link_text": item["link_text"][i],
                    }
                    for item in items
                ],
            },
        )
    )


def question(text, answer):
    return _pair(lambda i: ("question", {"question": text[i], "answer": answer[i]}))


def statistics(title, figures, source):
    return _pair(
        lambda i: (
            "statistics",
            {
                "title": title[i],
                "statistics": [{"figure": figure, "label": label[i]} for figure, label in figures],
                "source": source[i],
            },
        )
    )


def call_to_action(text, page, button_text):
    return _pair(
        lambda i: (
            "call_to_action",
            {"text": text[i], "page": page, "button_text": button_text[i]},
        )
    )


def quote(text, attribution):
    return _pair(lambda i: ("quote", {"quote": text[i], "attribution": attribution[i]}))


def link(page, text):
    """An internal rich-text link; Wagtail renders it with the page's URL in the reader's
    language."""
    return format_html('<a linktype="page" id="{}">{}</a>', page.pk, text)


# --- Page bodies ---------------------------------------------------------------------------
# Each takes the dict of pages made in the first pass (keyed like ``PAGES``) and returns a
# list of block pairs.


def home_body(p):
    return [
        heading(("Who the programme is for", "Hvem er programmet for?")),
        paragraph(
            (
                "<p>The programme brings two groups of people together. <strong>Newcomers</strong> "
                "are internationals who have lived in Denmark for less than three years: some "
                "came for a job or to study, others followed a partner or joined their family. "
                "<strong>Hosts</strong> are volunteers who live here and would like to share "
                "what they know about everyday life, work and culture in Denmark.</p>"
                "<p>Many of our hosts have moved abroad themselves and remember how much a "
                "friendly local meant to them. Others simply enjoy meeting new people and want "
                "Denmark to be an open, welcoming place to arrive in.</p>",
                "<p>Programmet samler to grupper af mennesker. <strong>Nytilkomne</strong> er "
                "internationale borgere, som har boet i Danmark i under tre år: Nogle er "
                "kommet for at arbejde eller studere, andre er fulgt med en partner eller er "
                "kommet hertil for at være sammen med deres familie. <strong>Værter</strong> "
                "er frivillige, der bor her og har lyst til at dele ud af det, de ved om "
                "hverdagen, arbejdslivet og kulturen i Danmark.</p>"
                "<p>Mange af vores værter har selv prøvet at bo i udlandet og husker, hvor meget "
                "en venlig lokal betød for dem. Andre synes ganske enkelt, det er sjovt at møde "
                "nye mennesker, og vil gerne vise, at Danmark er et åbent land at komme til.</p>",
            )
        ),
        cards(
            ("Two kinds of host", "To slags værter"),
            [
                card(
                    ("Career host", "Erhvervsvært"),
                    (
                        "<p>For you who want to find your way into the Danish job market. A "
                        "career host can show you their workplace, explain how people work "
                        "together in Danish workplaces, give feedback on your CV and "
                        "applications, and introduce you to people in your field.</p>",
                        "<p>Til dig, der gerne vil ind på det danske arbejdsmarked. En "
                        "erhvervsvært kan vise dig sin arbejdsplads, forklare hvordan man "
                        "arbejder sammen på en dansk arbejdsplads, give dig feedback på CV og "
                        "ansøgninger og præsentere dig for folk i din branche.</p>",
                    ),
                ),
                card(
                    ("Culture host", "Kulturvært"),
                    (
                        "<p>For you who want to understand everyday Denmark. A culture host helps "
                        "you make sense of Danish habits and unwritten rules, gives you a chance "
                        "to practise your Danish, and explores culture and leisure with you – "
                        "often by simply doing things together.</p>",
                        "<p>Til dig, der gerne vil forstå den danske hverdag. En kulturvært "
                        "hjælper dig med at blive klogere på danske vaner og uskrevne regler, "
                        "giver dig mulighed for at øve dit dansk og går på opdagelse i kultur- og "
                        "fritidslivet sammen med dig – tit ved at I ganske enkelt laver noget "
                        "sammen.</p>",
                    ),
                ),
            ],
        ),
        heading(("What a match involves", "Hvad indebærer et match?")),
        key_facts(
            ("", ""),
            [
                (("Length", "Varighed"), ("Six months", "Seks måneder")),
                (
                    ("How often", "Hvor tit"),
                    ("One or two meetings a month", "Et eller to møder om måneden"),
                ),
                (
                    ("The host's time", "Værtens tid"),
                    ("About two hours a month", "Cirka to timer om måneden"),
                ),
                (
                    ("How we match", "Sådan matcher vi"),
                    (
                        "On common ground: languages, interests, profession, area and age",
                        "Ud fra fællesnævnere: sprog, interesser, fag, bydel og alder",
                    ),
                ),
                (
                    ("Language", "Sprog"),
                    (
                        "English, Danish or another language you share",
                        "Engelsk, dansk eller et andet sprog, I har til fælles",
                    ),
                ),
            ],
        ),
        paragraph(
            (
                "<p>Because we match you on what you have in common, you will have something to "
                "talk about from the very first meeting. Together you decide where and when to "
                "meet: a café, a walk, a visit to the host's workplace or dinner at home. Early "
                "on, the coordinator gets in touch to hear how things are going.</p>",
                "<p>Fordi vi matcher jer ud fra det, I har til fælles, har I noget at tale om "
                "allerede første gang. I aftaler selv, hvor og hvornår I ses: på en café, en "
                "gåtur, et besøg på værtens arbejdsplads eller til middag derhjemme. Tidligt i "
                "forløbet kontakter koordinatoren jer for at høre, hvordan det går.</p>",
            )
        ),
        heading(("How to take part", "Sådan kommer du med")),
        paragraph(
            (
                "<ol>"
                "<li>Get in touch as a newcomer or as a host.</li>"
                "<li>Have a short talk with the coordinator about your background, your "
                "interests and what you hope to get out of the programme.</li>"
                "<li>Hosts join a host course, so they know what the role involves.</li>"
                "<li>We introduce you to your match, and you plan your first meeting.</li>"
                "<li>Meet once or twice a month for six months, and come to our shared events "
                "if you like.</li>"
                "<li>When the six months are over, tell us how it went in a short online "
                "survey.</li>"
                "</ol>",
                "<ol>"
                "<li>Kontakt os som nytilkommen eller som vært.</li>"
                "<li>Tag en kort snak med koordinatoren om din baggrund, dine interesser og det, "
                "du håber at få ud af programmet.</li>"
                "<li>Værter deltager i et værtskursus, så de ved, hvad rollen indebærer.</li>"
                "<li>Vi præsenterer jer for hinanden, og I planlægger jeres første møde.</li>"
                "<li>I mødes en eller to gange om måneden i seks måneder og kommer gerne til "
                "vores fælles arrangementer.</li>"
                "<li>Når de seks måneder er gået, fortæller I os i et kort spørgeskema på nettet, "
                "hvordan det gik.</li>"
                "</ol>",
            )
        ),
        call_to_action(
            (
                "New in Denmark? Meet someone who knows the place from the inside.",
                "Ny i Danmark? Mød en, der kender landet indefra.",
            ),
            p["newcomer"],
            ("Join as a newcomer", "Deltag som nytilkommen"),
        ),
        call_to_action(
            (
                "Live here and enjoy meeting people? Give two hours a month and make a real "
                "difference.",
                "Bor du her og kan lide at møde nye mennesker? Giv to timer om måneden, og gør en "
                "mærkbar forskel.",
            ),
            p["host"],
            ("Become a host", "Bliv vært"),
        ),
        quote(
            (
                "We started with a walk around the lakes. By the time we got back, we had a list "
                "of ten things we wanted to do together.",
                "Vi startede med en gåtur rundt om søerne. Da vi kom tilbage, havde vi en liste "
                "med ti ting, vi ville lave sammen.",
            ),
            (
                "A newcomer matched with a culture host",
                "En nytilkommen, der blev matchet med en kulturvært",
            ),
        ),
        cards(
            ("Read more", "Læs mere"),
            [
                card(
                    ("Activity ideas", "Idéer til aktiviteter"),
                    (
                        "<p>The conversation wheel, cooking together, sport, museums and "
                        "useful visits.</p>",
                        "<p>Samtalehjulet, madlavning, sport, museer og nyttige besøg.</p>",
                    ),
                    p["activities"],
                    ("See the ideas", "Se idéerne"),
                ),
                card(
                    ("Questions and answers", "Spørgsmål og svar"),
                    (
                        "<p>Time, language, waiting lists and what happens if a match does not "
                        "work out.</p>",
                        "<p>Tid, sprog, venteliste og hvad der sker, hvis et match ikke "
                        "fungerer.</p>",
                    ),
                    p["faq"],
                    ("Read the answers", "Læs svarene"),
                ),
                card(
                    ("Results", "Resultater"),
                    (
                        "<p>Nine in ten newcomers are satisfied with the meetings with their "
                        "host.</p>",
                        "<p>Ni ud af ti nytilkomne er tilfredse med møderne med deres vært.</p>",
                    ),
                    p["results"],
                    ("See the results", "Se resultaterne"),
                ),
                card(
                    ("Starting your own programme?", "Vil I starte jeres eget program?"),
                    (
                        "<p>A five-step guide for municipalities, companies and associations.</p>",
                        "<p>En guide i fem trin til kommuner, virksomheder og foreninger.</p>",
                    ),
                    p["guide"],
                    ("Read the guide", "Læs guiden"),
                ),
            ],
        ),
    ]


def newcomer_body(p):
    return [
        heading(("Can I join?", "Kan jeg være med?")),
        paragraph(
            (
                "<p>You can join if you have lived in Denmark for less than three years. It "
                "does not matter why you came – for work, to study, with your partner or to be "
                "with your family. Most pairs talk in English, but you are very welcome to "
                "practise your Danish.</p>",
                "<p>Du kan være med, hvis du har boet i Danmark i under tre år. Det er lige "
                "meget, hvorfor du kom – for at arbejde, for at studere, sammen med din partner "
                "eller for at være sammen med din familie. De fleste par taler engelsk sammen, "
                "men du er meget velkommen til at øve dit dansk.</p>",
            )
        ),
        key_facts(
            ("Your part at a glance", "Din rolle kort fortalt"),
            [
                (
                    ("Your role", "Din rolle"),
                    (
                        "Newcomer: you bring your questions, wishes and curiosity",
                        "Nytilkommen: Du kommer med dine spørgsmål, ønsker og din nysgerrighed",
                    ),
                ),
                (
                    ("Your responsibility", "Dit ansvar"),
                    (
                        "Keep the appointments you make and tell your host in good time if "
                        "plans change",
                        "At holde de aftaler, I laver, og give din vært besked i god tid, hvis "
                        "noget ændrer sig",
                    ),
                ),
                (
                    ("Time", "Tid"),
                    (
                        "One or two meetings a month, about two hours in all",
                        "Et eller to møder om måneden, i alt cirka to timer",
                    ),
                ),
                (("Length", "Varighed"), ("Six months", "Seks måneder")),
                (
                    ("Your host", "Din vært"),
                    (
                        "A career host or a culture host, matched on what you have in common",
                        "En erhvervsvært eller en kulturvært, matchet ud fra det, I har til fælles",
                    ),
                ),
                (
                    ("Support you get", "Den støtte, du får"),
                    (
                        "A coordinator who follows up on your match, shared events and ideas "
                        "for activities",
                        "En koordinator, der følger op på jeres match, fælles arrangementer og "
                        "idéer til aktiviteter",
                    ),
                ),
            ],
        ),
        heading(("What you can expect", "Hvad du kan forvente")),
        paragraph(
            (
                "<p>Your host is a volunteer who sets aside some free time to meet you. They are "
                "not a caseworker or a job agency, but a friendly local who knows how things work "
                "here. A host cannot promise you a job, yet many participants find that the "
                "advice and the new contacts make a real difference.</p>"
                "<p>With a <strong>career host</strong> you focus on work: the Danish job "
                "market, workplace culture, your CV and applications, and building a network. "
                "With a <strong>culture host</strong> you focus on everyday life: Danish norms, "
                "language practice, culture and leisure, often through things you do "
                "together.</p>",
                "<p>Din vært er frivillig og bruger noget af sin fritid på at mødes med dig. "
                "Værten er hverken sagsbehandler eller jobformidler, men en venlig lokal, som "
                "ved, hvordan tingene fungerer her. En vært kan ikke love dig et job, men mange "
                "deltagere oplever, at gode råd og nye kontakter gør en stor forskel.</p>"
                "<p>Med en <strong>erhvervsvært</strong> er fokus på arbejdslivet: det danske "
                "arbejdsmarked, kulturen på arbejdspladsen, dit CV og dine ansøgninger og at "
                "opbygge et netværk. Med en <strong>kulturvært</strong> er fokus på hverdagen: "
                "danske normer, sprogtræning, kultur og fritid – tit gennem ting, I laver "
                "sammen.</p>",
            )
        ),
        advice(
            ("Think about what you want", "Tænk over, hvad du ønsker dig"),
            (
                "<p>Before your first meeting, write down two or three things you would like "
                "help with – your CV, finding a sports club or understanding Danish small talk, "
                "for example. It makes it much easier for your host to help.</p>",
                "<p>Skriv to-tre ting ned før jeres første møde, som du gerne vil have hjælp til "
                "– fx dit CV, at finde en sportsklub eller at forstå dansk small talk. Så er det "
                "meget lettere for din vært at hjælpe.</p>",
            ),
        ),
        tip(
            ("If the chemistry isn't there", "Hvis kemien ikke er der"),
            (
                "<p>Not every pair hits it off, and that is nobody's fault. Tell the coordinator: "
                "we will talk it through with you and, if needed, find you a new match.</p>",
                "<p>Ikke alle par klikker, og det er ingens skyld. Sig det til koordinatoren, så "
                "taler vi det igennem med dig og finder et nyt match, hvis der er brug for "
                "det.</p>",
            ),
        ),
        heading(("How to sign up", "Sådan tilmelder du dig")),
        paragraph(
            (
                "<ol>"
                "<li>Write to or call the coordinator – the contact details are at the bottom "
                "of every page.</li>"
                "<li>We invite you to a short talk, in English or Danish, about your background "
                "and what you would like from a host.</li>"
                "<li>We look for a host who suits you. If many people are waiting, you go on our "
                "waiting list and we keep you posted.</li>"
                "<li>When the six months are over, we send you a short online survey. Your "
                "answers help us make the programme better.</li>"
                "</ol>",
                "<ol>"
                "<li>Skriv til eller ring til koordinatoren – kontaktoplysningerne står nederst "
                "på alle sider.</li>"
                "<li>Vi inviterer dig til en kort samtale på engelsk eller dansk om din baggrund, "
                "og hvad du gerne vil have ud af at få en vært.</li>"
                "<li>Vi finder en vært, der passer til dig. Hvis mange venter, kommer du på "
                "venteliste, og vi holder dig orienteret.</li>"
                "<li>Når de seks måneder er gået, sender vi dig et kort spørgeskema på nettet. "
                "Dine svar hjælper os med at gøre programmet bedre.</li>"
                "</ol>",
            )
        ),
        call_to_action(
            (
                "Have a question first? You may find the answer here.",
                "Har du et spørgsmål først? Måske finder du svaret her.",
            ),
            p["faq"],
            ("Questions and answers", "Spørgsmål og svar"),
        ),
    ]


def host_body(p):
    return [
        heading(("Why be a host?", "Hvorfor blive vært?")),
        paragraph(
            (
                "<p>Moving to a new country is hard, and a helping hand from someone local can "
                "decide whether a newcomer settles in or leaves again. As a host you make that "
                "difference in a very concrete way.</p>"
                "<p>Hosts tell us they get a lot back: a fresh look at their own country, "
                "practice in another language, insight into other cultures and, quite often, a "
                "new friend.</p>",
                "<p>Det er svært at flytte til et nyt land, og en hjælpende hånd fra en lokal "
                "kan være afgørende for, om en nytilkommen falder til eller rejser igen. Som vært "
                "gør du den forskel helt konkret.</p>"
                "<p>Værterne fortæller, at de selv får meget igen: nye øjne på deres eget land, "
                "øvelse i et andet sprog, indblik i andre kulturer og ret tit en ny ven.</p>",
            )
        ),
        key_facts(
            ("Being a host at a glance", "Værtsrollen kort fortalt"),
            [
                (
                    ("Your role", "Din rolle"),
                    (
                        "A friendly local guide, as a career host or a culture host",
                        "En venlig lokal guide – som erhvervsvært eller kulturvært",
                    ),
                ),
                (
                    ("Your responsibility", "Dit ansvar"),
                    (
                        "Take the initiative to meet, keep your appointments and tell the "
                        "coordinator if something isn't working",
                        "At tage initiativ til at mødes, overholde jeres aftaler og sige til, "
                        "hvis noget ikke fungerer",
                    ),
                ),
                (
                    ("Time", "Tid"),
                    (
                        "About two hours a month, over one or two meetings",
                        "Cirka to timer om måneden fordelt på et eller to møder",
                    ),
                ),
                (("Length", "Varighed"), ("Six months per match", "Seks måneder pr. match")),
                (
                    ("Who can be a host", "Hvem kan blive vært"),
                    (
                        "Anyone who lives in Denmark, knows everyday life here and is curious "
                        "about other people",
                        "Alle, der bor i Danmark, kender hverdagen her og er nysgerrige på andre "
                        "mennesker",
                    ),
                ),
                (
                    ("Support you get", "Den støtte, du får"),
                    (
                        "A host course, a coordinator to turn to, activity ideas and shared events",
                        "Et værtskursus, en koordinator du kan gå til, idéer til aktiviteter og "
                        "fælles arrangementer",
                    ),
                ),
            ],
        ),
        heading(("Career host or culture host?", "Erhvervsvært eller kulturvært?")),
        paragraph(
            (
                "<p><strong>As a career host</strong> you share what you know about working life. "
                "You might show your newcomer around your workplace, explain Danish workplace "
                "culture, go through a CV aimed at your industry and open a door or two in your "
                "network.</p>"
                "<p><strong>As a culture host</strong> you introduce Danish norms and everyday "
                "life. You might practise Danish together, talk about how Danes “typically” are, "
                "and use shared activities – a walk, a museum, a football match – as the setting "
                "for your meetings.</p>",
                "<p><strong>Som erhvervsvært</strong> deler du ud af din viden om arbejdslivet. Du "
                "kan fx vise din nytilkomne rundt på din arbejdsplads, fortælle om dansk "
                "arbejdspladskultur, gennemgå et CV målrettet din branche og åbne en dør eller to "
                "i dit netværk.</p>"
                "<p><strong>Som kulturvært</strong> introducerer du danske normer og dansk "
                "hverdagsliv. I kan øve dansk sammen, tale om hvordan danskere »typisk« er, og "
                "bruge fælles aktiviteter – en gåtur, et museum, en fodboldkamp – som ramme om "
                "jeres møder.</p>",
            )
        ),
        heading(("Before you start", "Inden du går i gang")),
        paragraph(
            (
                "<p>Every new host takes a host course. There we go through the role, talk about "
                "what newcomers typically hope for, and agree on what you can – and cannot – be "
                "expected to do. Getting expectations straight from the start is the best way to "
                "avoid disappointment on either side.</p>",
                "<p>Alle nye værter deltager i et værtskursus. Her gennemgår vi rollen, taler om, "
                "hvad nytilkomne typisk håber på, og afstemmer, hvad man kan – og ikke kan – "
                "forvente af dig. At få forventningerne på plads fra starten er den bedste måde "
                "at undgå skuffelser på begge sider.</p>",
            )
        ),
        advice(
            ("You don't have to solve everything", "Du skal ikke løse alt"),
            (
                "<p>You are a volunteer, not a caseworker. If your newcomer needs help with a "
                "residence permit, tax or benefits, point them to the right authority or ask the "
                "coordinator.</p>",
                "<p>Du er frivillig og ikke sagsbehandler. Hvis din nytilkomne har brug for hjælp "
                "til opholdstilladelse, skat eller ydelser, så henvis til den rette myndighed, "
                "eller spørg koordinatoren.</p>",
            ),
        ),
        tip(
            ("If the chemistry isn't there", "Hvis kemien ikke er der"),
            (
                "<p>Some pairs simply don't click. Let the coordinator know early: we talk to "
                "you both and can find each of you a new match.</p>",
                "<p>Nogle par klikker bare ikke. Sig det tidligt til koordinatoren, så taler vi "
                "med jer begge og kan finde et nyt match til hver af jer.</p>",
            ),
        ),
        heading(("During and after the match", "Under og efter forløbet")),
        paragraph(
            (
                "<p>Soon after your first meetings, the coordinator gets in touch to hear how it "
                "is going. Along the way you are welcome at our shared events, a relaxed way to "
                "meet other pairs. When the six months are up, your newcomer receives a short "
                "evaluation survey online, and we are always glad to hear your experience too. "
                "Many pairs stay in touch afterwards, but that is entirely up to you.</p>",
                "<p>Kort efter jeres første møder kontakter koordinatoren dig for at høre, "
                "hvordan det går. Undervejs er du velkommen til vores fælles arrangementer, hvor "
                "I kan møde andre par i afslappede rammer. Når de seks måneder er gået, får din "
                "nytilkomne et kort evalueringsskema på nettet, og vi vil også meget gerne høre "
                "om dine oplevelser. Mange par holder kontakten bagefter, men det er helt op til "
                "jer.</p>",
            )
        ),
        call_to_action(
            (
                "Wondering what to do when you meet? Borrow some of our ideas.",
                "I tvivl om, hvad I skal lave, når I mødes? Lån nogle af vores idéer.",
            ),
            p["activities"],
            ("See activity ideas", "Se idéer til aktiviteter"),
        ),
    ]


def guide_body(p):
    return [
        paragraph(
            (
                "<p>The advice comes from host programmes that have matched international "
                "employees, students and their families with Danish volunteers. Each step "
                "comes with practical tips and the pitfalls that most often trip up a new "
                "programme.</p>",
                "<p>Rådene bygger på værtsprogrammer, der har matchet internationale "
                "medarbejdere, studerende og deres familier med danske frivillige. Hvert trin "
                "har praktiske tips og de faldgruber, som oftest spænder ben for et nyt "
                "program.</p>",
            )
        ),
        tip(
            ("See how it looks in practice", "Se, hvordan det ser ud i praksis"),
            (
                format_html(
                    "<p>This website is itself an example: read the pages for {} and {}.</p>",
                    link(p["newcomer"], "newcomers"),
                    link(p["host"], "hosts"),
                ),
                format_html(
                    "<p>Denne hjemmeside er selv et eksempel: Læs siderne for {} og {}.</p>",
                    link(p["newcomer"], "nytilkomne"),
                    link(p["host"], "værter"),
                ),
            ),
        ),
    ]


def step_1_body(p):
    return [
        paragraph(
            (
                "<p>A host programme rarely succeeds on its own. Before you launch, list the "
                "people and organisations who can help you find participants, spread the word "
                "or lend you a room – and those who could cause trouble later if they are left "
                "out.</p>"
                "<p>Alliances can be formal, such as a partnership agreement or a steering "
                "group where each partner commits to a task like recruiting participants or "
                "advertising the programme. They can also be informal: a good relationship with "
                "the right person in a club or company goes a long way.</p>",
                "<p>Et værtsprogram lykkes sjældent alene. Lav en liste, før I går i gang, over "
                "de personer og organisationer, der kan hjælpe jer med at finde deltagere, sprede "
                "budskabet eller låne jer et lokale – og over dem, der kan give problemer senere, "
                "hvis de ikke bliver taget med.</p>"
                "<p>Alliancer kan være formelle, fx en samarbejdsaftale eller en følgegruppe, "
                "hvor hver partner påtager sig en opgave som at rekruttere deltagere eller "
                "annoncere programmet. De kan også være uformelle: Et godt forhold til den "
                "rigtige person i en forening eller virksomhed rækker langt.</p>",
            )
        ),
        heading(
            ("Talk to people the way they prefer", "Tal med folk, som de foretrækker"),
        ),
        paragraph(
            (
                "<p>In clubs and associations, the key people are often the enthusiasts who know "
                "everyone, not only the board. A chat over coffee in the clubhouse usually works "
                "better than a formal letter. In companies it is the other way round: secure "
                "management's backing formally, and give employees the information both in "
                "writing and face to face.</p>",
                "<p>I foreninger er nøglepersonerne ofte ildsjælene, der kender alle – ikke kun "
                "bestyrelsen. En snak over en kop kaffe i klubhuset virker som regel bedre end et "
                "formelt brev. I virksomheder er det omvendt: Sørg for ledelsens opbakning på "
                "formel vis, og giv medarbejderne informationen både på skrift og mundtligt.</p>",
            )
        ),
        tip(
            ("Show partners what they gain", "Vis partnerne, hvad de får ud af det"),
            (
                "<p>Partners stay engaged when they can see a benefit. Tell them who the "
                "newcomers are and what they can bring to the club, the company or the local "
                "area.</p>",
                "<p>Partnerne bliver ved med at være engagerede, når de kan se en gevinst. "
                "Fortæl dem, hvem de nytilkomne er, og hvad de kan bidrage med i foreningen, "
                "virksomheden eller lokalområdet.</p>",
            ),
        ),
        pitfall(
            ("Underestimating the practical work", "At undervurdere det praktiske arbejde"),
            (
                "<p>Calls and emails before every event, planning trips and shared meals, "
                "getting the press interested: the everyday tasks take far more time than most "
                "people expect when they are eager to get started. Budget for them from day "
                "one.</p>",
                "<p>Opringninger og mails før hvert arrangement, planlægning af udflugter og "
                "fællesspisninger, kontakt til pressen: De praktiske opgaver tager langt mere "
                "tid, end de fleste regner med, når de er ivrige efter at komme i gang. Sæt tid "
                "og penge af til dem fra første dag.</p>",
            ),
        ),
    ]


def step_2_body(p):
    return [
        paragraph(
            (
                "<p>Newcomers want a local network, so they tend to sign up readily. Hosts, on "
                "the other hand, need a reason to give up their free time. Tell them what they "
                "stand to gain: better language skills, a window onto other cultures, "
                "intercultural experience they can use at work – and new friends.</p>"
                "<p>Leaflets, a start-up meeting or a recruitment evening where new hosts meet "
                "experienced ones are all good ways to get people on board.</p>",
                "<p>Nytilkomne vil gerne have et lokalt netværk, så de melder sig som regel "
                "gerne. Værterne skal derimod have en grund til at bruge deres fritid på det. "
                "Fortæl dem, hvad de kan få ud af det: bedre sprogkundskaber, indblik i andre "
                "kulturer, interkulturel erfaring, de kan bruge i deres arbejde – og nye "
                "venner.</p>"
                "<p>Foldere, et opstartsmøde eller en rekrutteringsaften, hvor nye værter møder "
                "erfarne, er alle gode måder at få folk med på.</p>",
            )
        ),
        heading(
            ("Be clear about expectations", "Vær tydelig om forventningerne"),
        ),
        paragraph(
            (
                "<p>Tell potential hosts plainly what you expect of them: how much time it "
                "takes, what they are responsible for and what they are not. Tell newcomers just "
                "as plainly what the programme offers – and what it doesn't.</p>",
                "<p>Fortæl kommende værter ligeud, hvad I forventer af dem: hvor meget tid det "
                "tager, hvad de har ansvaret for, og hvad de ikke har ansvaret for. Fortæl lige "
                "så tydeligt de nytilkomne, hvad programmet tilbyder – og hvad det ikke "
                "tilbyder.</p>",
            )
        ),
        tip(
            ("Let hosts meet each other", "Lad værterne møde hinanden"),
            (
                "<p>A host course or a welcome evening gives new hosts a chance to swap ideas "
                "with people who have done it before. It builds confidence and keeps motivation "
                "up.</p>",
                "<p>Et værtskursus eller en velkomstaften giver nye værter mulighed for at "
                "udveksle idéer med nogen, der har prøvet det før. Det giver selvtillid og "
                "holder motivationen oppe.</p>",
            ),
        ),
        pitfall(
            (
                "Recruiting people who don't know what they're in for",
                "At rekruttere folk, der ikke ved, hvad de går ind til",
            ),
            (
                "<p>When roles, responsibility and time are unclear, hosts are surprised by how "
                "much energy it takes, and newcomers are disappointed that there aren't more "
                "activities or that their host has so little time. Set expectations together "
                "at the start.</p>",
                "<p>Når roller, ansvar og tidsforbrug er uklare, bliver værterne overraskede "
                "over, hvor meget energi det kræver, og de nytilkomne bliver skuffede over, at "
                "der ikke er flere aktiviteter, eller at værten ikke har mere tid. Afstem "
                "forventningerne sammen fra starten.</p>",
            ),
        ),
    ]


def step_3_body(p):
    return [
        paragraph(
            (
                "<p>Besides the individual matches, most programmes run shared events, so you "
                "need one common place for information: a website in English with this month's "
                "activities, some welcome information and links to the relevant authorities "
                "and organisations. It is also something to point people to before they have "
                "even arrived.</p>",
                "<p>Ud over de enkelte match holder de fleste programmer fælles arrangementer, "
                "så I har brug for ét fælles sted med information: en hjemmeside på engelsk med "
                "månedens aktiviteter, velkomstinformation og links til relevante myndigheder og "
                "organisationer. Den er også god at henvise til, før folk overhovedet er "
                "ankommet.</p>",
            )
        ),
        heading(
            ("Write directly to people", "Skriv direkte til folk"),
        ),
        paragraph(
            (
                "<p>A website is a good base, but it will not fill an event on its own. When you "
                "want people to sign up, send an email or a text message straight to each "
                "participant.</p>"
                "<p>Give the programme one contact person who handles this direct contact and "
                "whom participants can reach in English by email or phone.</p>",
                "<p>En hjemmeside er et godt udgangspunkt, men den fylder ikke et arrangement af "
                "sig selv. Når I vil have folk til at tilmelde sig, så send en mail eller en sms "
                "direkte til hver deltager.</p>"
                "<p>Giv programmet én kontaktperson, som står for den direkte kontakt, og som "
                "deltagerne kan fange på engelsk via mail eller telefon.</p>",
            )
        ),
        heading(
            ("Hold welcome meetings", "Hold velkomstmøder"),
        ),
        paragraph(
            (
                "<p>A monthly welcome meeting in English means newcomers can come along soon "
                "after they arrive. Use it for the practical questions everyone has in their "
                "first weeks, and consider turning what you learn into a short welcome guide in "
                "English.</p>",
                "<p>Et månedligt velkomstmøde på engelsk betyder, at nytilkomne kan komme kort "
                "tid efter, de er ankommet. Brug det til de praktiske spørgsmål, alle har i de "
                "første uger, og overvej at samle det, I lærer, i en kort velkomstguide på "
                "engelsk.</p>",
            )
        ),
        tip(
            ("One face, one inbox", "Ét ansigt, én indbakke"),
            (
                "<p>Participants trust a name they recognise. Send messages from your contact "
                "person and use the same address every time.</p>",
                "<p>Deltagerne har tillid til et navn, de kender. Send beskeder fra jeres "
                "kontaktperson, og brug den samme adresse hver gang.</p>",
            ),
        ),
        pitfall(
            ("Relying on the website alone", "At stole på hjemmesiden alene"),
            (
                "<p>An event that is only announced online usually gets few sign-ups. Direct "
                "emails or texts are what make people come.</p>",
                "<p>Et arrangement, der kun bliver annonceret på nettet, får som regel få "
                "tilmeldinger. Det er direkte mails eller sms'er, der får folk til at "
                "komme.</p>",
            ),
        ),
        pitfall(
            ("Forgetting English", "At glemme engelsk"),
            (
                "<p>It sounds obvious, yet it is easy to miss: everything participants need "
                "must be in English. Otherwise they cannot take part, and they will not feel "
                "welcome.</p>",
                "<p>Det lyder indlysende, men det er let at overse: Alt, hvad deltagerne har "
                "brug for, skal findes på engelsk. Ellers kan de ikke være med, og de vil ikke "
                "føle sig velkomne.</p>",
            ),
        ),
    ]


def step_4_body(p):
    return [
        paragraph(
            (
                "<p>What participants want to do together is not always what the organisers had "
                "planned, so ask them. Some mostly want social outings such as a picnic, a trip "
                "to the zoo, a museum or an amusement park. Others would rather visit the "
                "citizen service centre, see an international school, hear other expats talk "
                "about their experience or join a professional network for accompanying "
                "partners.</p>"
                "<p>Activities built on shared interests work especially well. Starting a "
                "conversation is much easier while you sail, run or play football together than "
                "with a stranger in the street.</p>",
                "<p>Det, deltagerne vil lave sammen, er ikke altid det, arrangørerne havde "
                "planlagt – så spørg dem. Nogle vil helst på sociale udflugter som en picnic, en "
                "tur i zoologisk have, på museum eller i en forlystelsespark. Andre vil hellere "
                "besøge Borgerservice, se en international skole, høre andre expats fortælle om "
                "deres erfaringer eller være med i et fagligt netværk for medfølgende "
                "partnere.</p>"
                "<p>Aktiviteter bygget på fælles interesser fungerer særlig godt. Det er meget "
                "lettere at komme i snak, når man sejler, løber eller spiller fodbold sammen, "
                "end med en fremmed på gaden.</p>",
            )
        ),
        heading(
            ("Give pairs something to start with", "Giv parrene noget at starte med"),
        ),
        paragraph(
            (
                format_html(
                    "<p>New pairs often need something to do together to get going. Put "
                    "concrete suggestions on your website and in your material, and offer simple "
                    "tools such as the conversation wheel, where each person marks what matters "
                    "most in their life right now. Cooking together in each other's homes is "
                    "another favourite. See our {} for more.</p>",
                    link(p["activities"], "activity ideas"),
                ),
                format_html(
                    "<p>Nye par har tit brug for noget at lave sammen for at komme i gang. Læg "
                    "konkrete forslag på hjemmesiden og i jeres materiale, og stil enkle "
                    "redskaber til rådighed som samtalehjulet, hvor hver især markerer det, der "
                    "betyder mest i deres liv lige nu. At lave mad sammen hjemme hos hinanden er "
                    "en anden favorit. Se flere {}.</p>",
                    link(p["activities"], "idéer til aktiviteter"),
                ),
            )
        ),
        tip(
            ("Ideas, not obligations", "Idéer, ikke pligter"),
            (
                "<p>Present activity ideas as inspiration. Pairs who choose for themselves stay "
                "more motivated.</p>",
                "<p>Præsentér idéerne som inspiration. Par, der selv vælger, bevarer lysten "
                "længere.</p>",
            ),
        ),
        heading(
            ("Follow up early", "Følg op tidligt"),
        ),
        paragraph(
            (
                "<p>A match depends on good chemistry. Contact each pair in the first weeks, "
                "and give host and newcomer a chance – each on their own – to say whether they "
                "are happy and want to continue, or would like to be re-matched. Taking stock "
                "and re-matching where needed stops relationships from quietly fading away.</p>",
                "<p>Et match står og falder med god kemi. Kontakt hvert par i de første uger, "
                "og giv vært og nytilkommen mulighed for – hver for sig – at sige, om de er "
                "tilfredse og vil fortsætte, eller om de hellere vil matches på ny. Når I gør "
                "status og matcher om, hvor det er nødvendigt, undgår I, at relationer stille og "
                "roligt løber ud i sandet.</p>",
            )
        ),
        pitfall(
            ("Losing sight of pairs early on", "At miste parrene af syne i starten"),
            (
                "<p>If nobody follows up, a pair that isn't working often just stops meeting, "
                "and neither of them says anything. Plan a check-in soon after the first "
                "meeting.</p>",
                "<p>Hvis ingen følger op, holder et par, der ikke fungerer, tit bare op med at "
                "mødes – uden at nogen af dem siger noget. Planlæg en opfølgning kort efter det "
                "første møde.</p>",
            ),
        ),
    ]


def step_5_body(p):
    return [
        paragraph(
            (
                "<p>Make a plan for how the good effects can last. You might hand some "
                "activities or communication channels over to a company or an association: the "
                "organisation could take over the project website, or HR staff or club "
                "volunteers could welcome newcomers and match them with hosts. A short welcome "
                "manual makes that handover far easier.</p>",
                "<p>Lav en plan for, hvordan de gode effekter kan holde. I kan fx overdrage "
                "nogle aktiviteter eller kommunikationskanaler til en virksomhed eller en "
                "forening: Organisationen kan overtage projektets hjemmeside, eller "
                "HR-medarbejdere eller frivillige i en forening kan tage imod nytilkomne og "
                "matche dem med værter. En kort velkomstmanual gør overdragelsen meget "
                "lettere.</p>",
            )
        ),
        heading(
            ("Paying for it", "Finansieringen"),
        ),
        paragraph(
            (
                "<p>Money is often the hardest part. Companies may hesitate to pay even though "
                "six months of network activities and events can cost in the region of "
                "DKK 50,000–100,000 – less than recruiting a replacement when an international "
                "employee leaves the country. Make that case with figures from your own "
                "programme.</p>",
                "<p>Pengene er tit det sværeste. Virksomheder kan være tøvende med at betale, "
                "selvom et halvt års netværk med aktiviteter og arrangementer kan koste omkring "
                "50.000-100.000 kr. – mindre end at rekruttere en afløser, når en international "
                "medarbejder forlader landet. Brug tal fra jeres eget program til at vise "
                "det.</p>",
            )
        ),
        tip(
            ("Collect your results as you go", "Saml resultater undervejs"),
            (
                format_html(
                    "<p>An evaluation survey after every match gives you the figures you need "
                    "when you apply for new funding. {} for an example.</p>",
                    link(p["results"], "See our results"),
                ),
                format_html(
                    "<p>Et evalueringsskema efter hvert match giver jer de tal, I skal bruge, "
                    "når I søger nye midler. {} som eksempel.</p>",
                    link(p["results"], "Se vores resultater"),
                ),
            ),
        ),
        pitfall(
            ("Assuming it will run by itself", "At tro, at det kører af sig selv"),
            (
                "<p>A host programme does not carry on by itself once the grant ends. You need a "
                "strategy – either for finding new funding or for handing the work over to an "
                "association, an organisation or a company's day-to-day operations.</p>",
                "<p>Et værtsprogram fortsætter ikke af sig selv, når bevillingen slutter. I har "
                "brug for en strategi – enten for at finde ny finansiering eller for at overdrage "
                "arbejdet til en forening, en organisation eller en virksomheds daglige "
                "drift.</p>",
            ),
        ),
    ]


def activities_body(p):
    return [
        paragraph(
            (
                "<p>The best meetings grow out of what you both enjoy, so talk about your "
                "interests the first time you meet and let them guide you. Most of these ideas "
                "cost little or nothing, and all of them work in English as well as in "
                "Danish.</p>",
                "<p>De bedste møder udspringer af det, I begge kan lide, så tal om jeres "
                "interesser første gang, I ses, og lad dem vise vejen. De fleste af idéerne "
                "koster ikke meget eller slet ingenting, og de fungerer lige godt på engelsk og "
                "dansk.</p>",
            )
        ),
        tip(
            ("", ""),
            (
                "<p>Our shared events are a good chance to meet other pairs and pick up new "
                "ideas. Keep an eye on the events calendar.</p>",
                "<p>Vores fælles arrangementer er en god mulighed for at møde andre par og få "
                "nye idéer. Hold øje med kalenderen.</p>",
            ),
        ),
    ]


def wheel_body(p):
    return [
        heading(("How the wheel works", "Sådan fungerer hjulet")),
        paragraph(
            (
                "<p>The wheel is a circle divided into slices, one for each area of life:</p>"
                "<ul><li>family</li><li>work or studies</li><li>friends</li>"
                "<li>leisure and hobbies</li><li>language</li><li>home and neighbourhood</li>"
                "<li>health and well-being</li><li>values and beliefs</li></ul>"
                "<p>Nobody's wheel looks the same, and that is the point: it shows at a glance "
                "what fills someone's life just now.</p>",
                "<p>Hjulet er en cirkel delt i felter, et for hvert område af livet:</p>"
                "<ul><li>familie</li><li>arbejde eller studie</li><li>venner</li>"
                "<li>fritid og interesser</li><li>sprog</li><li>bolig og nabolag</li>"
                "<li>helbred og trivsel</li><li>værdier og tro</li></ul>"
                "<p>Ingen to hjul ser ens ud, og det er netop meningen: Hjulet viser med det "
                "samme, hvad der fylder i ens liv lige nu.</p>",
            )
        ),
        heading(("Using it at your first meeting", "Sådan bruger I det til det første møde")),
        paragraph(
            (
                "<ol>"
                "<li>Each of you takes a wheel and marks the two or three areas that matter "
                "most to you at the moment.</li>"
                "<li>Show each other your wheels and take turns explaining what you marked and "
                "why.</li>"
                "<li>Talk about what you have in common and where you differ.</li>"
                "<li>Choose one or two areas to focus on in the months ahead – they make a good "
                "plan for your meetings.</li>"
                "</ol>",
                "<ol>"
                "<li>I tager hver et hjul og markerer de to-tre områder, der betyder mest for jer "
                "lige nu.</li>"
                "<li>Vis hinanden jeres hjul, og fortæl på skift, hvad I har markeret, og "
                "hvorfor.</li>"
                "<li>Tal om, hvad I har til fælles, og hvor I er forskellige.</li>"
                "<li>Vælg et eller to områder, I vil fokusere på i de kommende måneder – så har I "
                "en god plan for jeres møder.</li>"
                "</ol>",
            )
        ),
        tip(
            ("Fill in your wheel in the portal", "Udfyld dit hjul i portalen"),
            (
                "<p>Once you are matched, you can each fill in a conversation wheel in the "
                "participant portal before you meet: give every area a score from 0 (not at "
                "all) to 5 (very much), and you can then look at both wheels side by side.</p>",
                "<p>Når I er blevet matchet, kan I hver især udfylde et samtalehjul i "
                "deltagerportalen, inden I mødes: Giv hvert område en score fra 0 (slet ikke) "
                "til 5 (rigtig meget), så kan I bagefter se jeres to hjul side om side.</p>",
            ),
        ),
        advice(
            ("There are no wrong answers", "Der er ingen forkerte svar"),
            (
                "<p>Share only what you are comfortable with. Some areas, like health or beliefs, "
                "may feel private – it is perfectly fine to leave them out.</p>",
                "<p>Del kun det, du har lyst til. Nogle områder, fx helbred eller tro, kan føles "
                "private – det er helt i orden at springe dem over.</p>",
            ),
        ),
    ]


def cooking_body(p):
    return [
        paragraph(
            (
                "<p>Food is one of the easiest ways into another culture. Cook a dish from the "
                "newcomer's home country one time and a Danish classic the next – meatballs, "
                "open sandwiches on rye bread or æbleskiver at Christmas. Shopping for the "
                "ingredients together doubles as a small lesson in Danish supermarkets.</p>",
                "<p>Mad er en af de letteste veje ind i en anden kultur. Lav en ret fra den "
                "nytilkomnes hjemland den ene gang og en dansk klassiker den næste – frikadeller, "
                "smørrebrød eller æbleskiver i juletiden. At handle ind sammen er samtidig et "
                "lille lynkursus i danske supermarkeder.</p>",
            )
        ),
        tip(
            ("Talk about food customs", "Tal om madkulturen"),
            (
                "<p>When do Danes eat dinner? What do you bring when you are invited to "
                "someone's home? Everyday questions like these often lead to the best "
                "conversations.</p>",
                "<p>Hvornår spiser danskere aftensmad? Hvad tager man med, når man er inviteret "
                "hjem til nogen? Den slags hverdagsspørgsmål fører tit til de bedste "
                "samtaler.</p>",
            ),
        ),
        advice(
            ("Ask about diets first", "Spørg til kosten først"),
            (
                "<p>Check allergies and what each of you does or doesn't eat before you plan "
                "the menu.</p>",
                "<p>Spørg til allergier, og hvad I hver især spiser og ikke spiser, før I "
                "planlægger menuen.</p>",
            ),
        ),
    ]


def sport_body(p):
    return [
        paragraph(
            (
                "<p>Danes meet a lot of people through clubs and associations. Doing a sport "
                "together gives you a natural reason to talk, both to each other and to other "
                "members, and many clubs let you come along for a free trial session.</p>"
                "<p>If the host is already a member somewhere, bring the newcomer along. If not, "
                "find a club you can both try – running, sailing, swimming, badminton or "
                "football.</p>",
                "<p>Danskere møder mange mennesker gennem foreninger og klubber. Når I dyrker "
                "sport sammen, har I en naturlig anledning til at snakke – både med hinanden og "
                "med de andre medlemmer – og mange klubber lader en prøve en gratis "
                "træning.</p>"
                "<p>Hvis værten allerede er medlem et sted, så tag den nytilkomne med. Hvis ikke, "
                "så find en klub, I begge kan prøve – løb, sejlads, svømning, badminton eller "
                "fodbold.</p>",
            )
        ),
        tip(
            ("Stay for the coffee", "Bliv til kaffen"),
            (
                "<p>The chat after training is often where friendships start. Don't rush off.</p>",
                "<p>Snakken efter træningen er tit der, hvor venskaber begynder. Skynd jer ikke "
                "hjem.</p>",
            ),
        ),
    ]


def museum_body(p):
    return [
        paragraph(
            (
                "<p>A museum visit or a walk through a neighbourhood gives you plenty to talk "
                "about: history, architecture, how the city has changed and where locals like to "
                "go. Let the newcomer choose now and then – hosts often see their own city with "
                "new eyes.</p>",
                "<p>Et museumsbesøg eller en tur gennem et nyt kvarter giver masser at tale om: "
                "historie, arkitektur, hvordan byen har forandret sig, og hvor de lokale helst "
                "kommer. Lad den nytilkomne vælge en gang imellem – værter ser tit deres egen by "
                "med nye øjne.</p>",
            )
        ),
        tip(
            ("Try a day trip", "Tag på en dagstur"),
            (
                "<p>Taking the train to another town is a good way to learn how Danish public "
                "transport works, and to see that Denmark is more than its capital.</p>",
                "<p>En togtur til en anden by er en god måde at lære den danske offentlige "
                "transport at kende på – og at opdage, at Danmark er meget mere end "
                "hovedstaden.</p>",
            ),
        ),
    ]


def visits_body(p):
    return [
        paragraph(
            (
                "<p>Much of Danish public life runs on digital self-service, and it can be hard "
                "to know where to turn. Going together to the citizen service centre, the local "
                "library or an international school takes the mystery out of it and shows what "
                "help is on offer.</p>"
                "<ul>"
                "<li><strong>Citizen service centre:</strong> ask about the health insurance "
                "card, MitID and digital post.</li>"
                "<li><strong>Library:</strong> borrow books in many languages, look for a "
                "language café and use the free study spaces.</li>"
                "<li><strong>International school:</strong> useful for families choosing a "
                "school for their children.</li>"
                "</ul>",
                "<p>Meget af det offentlige Danmark foregår via digital selvbetjening, og det kan "
                "være svært at vide, hvor man skal henvende sig. Når I tager sammen på "
                "Borgerservice, det lokale bibliotek eller en international skole, bliver det "
                "mindre mystisk, og den nytilkomne ser, hvilken hjælp der findes.</p>"
                "<ul>"
                "<li><strong>Borgerservice:</strong> spørg til sundhedskortet, MitID og Digital "
                "Post.</li>"
                "<li><strong>Biblioteket:</strong> lån bøger på mange sprog, find en sprogcafé, "
                "og brug de gratis studiepladser.</li>"
                "<li><strong>En international skole:</strong> nyttigt for familier, der skal "
                "vælge skole til deres børn.</li>"
                "</ul>",
            )
        ),
        tip(
            ("Book ahead", "Book tid i forvejen"),
            (
                "<p>Many service centres work by appointment. Check the opening hours and book "
                "a time before you go.</p>",
                "<p>Mange borgerservicecentre kræver tidsbestilling. Tjek åbningstiderne, og "
                "book en tid, før I tager af sted.</p>",
            ),
        ),
    ]


def faq_body(p):
    return [
        heading(("For newcomers", "For nytilkomne")),
        question(
            ("Who can join as a newcomer?", "Hvem kan være med som nytilkommen?"),
            (
                "<p>Anyone who has lived in Denmark for less than three years. Your reason for "
                "coming does not matter: work, study, a partner or family.</p>",
                "<p>Alle, der har boet i Danmark i under tre år. Det er lige meget, hvorfor du "
                "kom: arbejde, studier, en partner eller familie.</p>",
            ),
        ),
        question(
            ("Do I need to speak Danish?", "Skal jeg kunne tale dansk?"),
            (
                "<p>No. Most pairs speak English, and everything we send you is in English. If "
                "you would like to practise Danish, tell us – a culture host is a good "
                "choice.</p>",
                "<p>Nej. De fleste par taler engelsk, og alt, hvad vi sender til dig, er på "
                "engelsk. Hvis du gerne vil øve dansk, så sig det – en kulturvært er et godt "
                "valg.</p>",
            ),
        ),
        question(
            ("Can a host help me find a job?", "Kan en vært hjælpe mig med at finde job?"),
            (
                format_html(
                    "<p>A career host can help you understand the job market, sharpen your CV "
                    "and applications and meet people in your field. No host can promise you a "
                    "job, but about half of the newcomers in our evaluation were in work, "
                    "education, an internship or a wage-subsidy job during or after the "
                    "programme. {}.</p>",
                    link(p["results"], "See the results"),
                ),
                format_html(
                    "<p>En erhvervsvært kan hjælpe dig med at forstå arbejdsmarkedet, skærpe dit "
                    "CV og dine ansøgninger og møde folk i din branche. Ingen vært kan love dig "
                    "et job, men omkring halvdelen af de nytilkomne i vores evaluering var i job, "
                    "uddannelse, praktik eller løntilskud under eller efter programmet. {}.</p>",
                    link(p["results"], "Se resultaterne"),
                ),
            ),
        ),
        question(
            ("How long will I wait for a match?", "Hvor længe skal jeg vente på et match?"),
            (
                "<p>It depends on how many hosts are free who suit your wishes. At busy times "
                "there is a waiting list. After your first talk with the coordinator, we will "
                "tell you where you stand.</p>",
                "<p>Det afhænger af, hvor mange ledige værter der passer til dine ønsker. I "
                "travle perioder er der venteliste. Efter din første samtale med koordinatoren "
                "fortæller vi dig, hvor du står.</p>",
            ),
        ),
        heading(("For hosts", "For værter")),
        question(
            ("Do I need any qualifications?", "Skal jeg have særlige kvalifikationer?"),
            (
                "<p>No. You need to know everyday life in Denmark, have a little time to spare "
                "and be curious about other people. Career hosts draw on their own working life "
                "and network. Everyone takes a host course before the first match.</p>",
                "<p>Nej. Du skal kende hverdagen i Danmark, have lidt tid til overs og være "
                "nysgerrig på andre mennesker. Erhvervsværter trækker på deres eget arbejdsliv og "
                "netværk. Alle deltager i et værtskursus før det første match.</p>",
            ),
        ),
        question(
            ("How much time does it take?", "Hvor meget tid tager det?"),
            (
                "<p>Plan for about two hours a month for six months, usually over one or two "
                "meetings. You agree on the times with your newcomer.</p>",
                "<p>Regn med cirka to timer om måneden i seks måneder, typisk fordelt på et "
                "eller to møder. I aftaler selv tidspunkterne.</p>",
            ),
        ),
        question(
            ("Can I host more than one person?", "Kan jeg være vært for mere end én?"),
            (
                "<p>Yes, if you have the time. Talk to the coordinator about what fits your "
                "everyday life.</p>",
                "<p>Ja, hvis du har tiden. Tal med koordinatoren om, hvad der passer ind i din "
                "hverdag.</p>",
            ),
        ),
        heading(("For both", "For begge")),
        question(
            ("What if we don't get along?", "Hvad hvis vi ikke passer sammen?"),
            (
                "<p>Tell the coordinator. Not every pair clicks, and that is fine. We talk to "
                "you both and, where it makes sense, find each of you a new match.</p>",
                "<p>Sig det til koordinatoren. Ikke alle par klikker, og det er helt i orden. Vi "
                "taler med jer begge og finder, hvis det giver mening, et nyt match til hver af "
                "jer.</p>",
            ),
        ),
        question(
            (
                "What happens when the six months are over?",
                "Hvad sker der, når de seks måneder er gået?",
            ),
            (
                "<p>The match ends, and the newcomer receives a short online survey about how "
                "it went. Many pairs choose to stay in touch – that is up to you. Hosts are "
                "welcome to take on a new match afterwards.</p>",
                "<p>Matchet slutter, og den nytilkomne får et kort spørgeskema på nettet om, "
                "hvordan det gik. Mange par vælger at holde kontakten – det bestemmer I selv. "
                "Værter er velkomne til at tage et nyt match bagefter.</p>",
            ),
        ),
        paragraph(
            (
                "<p>Didn't find your answer? Get in touch with the coordinator – the contact "
                "details are at the bottom of every page.</p>",
                "<p>Fandt du ikke svaret? Kontakt koordinatoren – kontaktoplysningerne står "
                "nederst på alle sider.</p>",
            )
        ),
        call_to_action(
            ("Ready to take part?", "Klar til at være med?"),
            p["host"],
            ("Become a host", "Bliv vært"),
        ),
    ]


EVALUATION_SOURCE = (
    "Source: online evaluation survey answered by newcomers when their match ended, "
    "Copenhagen Host Program 2011–2012 (more than 200 matches).",
    "Kilde: online evalueringsskema besvaret af de nytilkomne, da deres match sluttede, "
    "Copenhagen Host Program 2011-2012 (over 200 match).",
)


def results_body(p):
    return [
        paragraph(
            (
                "<p>We set ourselves clear goals. At least 70 % of newcomers should come away "
                "knowing more about Danish norms and culture, about culture and leisure, and "
                "about work and education, and should feel more included. At least 50 % should "
                "feel that taking part made them keener to build their life here. We measure "
                "this with an online survey after every match.</p>",
                "<p>Vi har sat os klare mål. Mindst 70 % af de nytilkomne skal få mere viden om "
                "danske normer og kultur, om kultur- og fritidstilbud og om arbejde og "
                "uddannelse og skal føle sig mere inkluderet. Mindst 50 % skal opleve, at "
                "deltagelsen har gjort dem mere lyst til at fortsætte deres liv her. Vi måler "
                "det med et spørgeskema på nettet efter hvert match.</p>",
            )
        ),
        statistics(
            ("Satisfaction", "Tilfredshed"),
            [
                (
                    "90 %",
                    (
                        "were satisfied with the meetings with their host",
                        "var tilfredse med møderne med deres vært",
                    ),
                ),
            ],
            EVALUATION_SOURCE,
        ),
        statistics(
            ("Work and career", "Arbejde og karriere"),
            [
                (
                    "79 %",
                    (
                        "know more about the Danish job market",
                        "ved mere om det danske arbejdsmarked",
                    ),
                ),
                (
                    "72 %",
                    (
                        "have better CVs and job applications",
                        "har fået bedre CV'er og ansøgninger",
                    ),
                ),
                (
                    "73 %",
                    (
                        "have better strategies for looking for work",
                        "har fået bedre strategier for jobsøgning",
                    ),
                ),
                (
                    "71 %",
                    (
                        "feel they have a better chance of finding a job",
                        "oplever bedre chancer for at finde et job",
                    ),
                ),
                (
                    "52 %",
                    (
                        "were in work, education, an internship or a wage-subsidy job during "
                        "or after the programme",
                        "var i job, uddannelse, praktik eller løntilskud under eller efter "
                        "programmet",
                    ),
                ),
            ],
            EVALUATION_SOURCE,
        ),
        statistics(
            ("Everyday life and belonging", "Hverdagsliv og tilhørsforhold"),
            [
                ("64 %", ("have a bigger social network", "har fået et større socialt netværk")),
                (
                    "63 %",
                    (
                        "have better insight into Danish norms, values and culture",
                        "har fået bedre indsigt i danske normer, værdier og kultur",
                    ),
                ),
                (
                    "44 %",
                    (
                        "know more about culture and leisure activities",
                        "ved mere om kultur- og fritidstilbud",
                    ),
                ),
                (
                    "70 %",
                    (
                        "feel more like continuing their life in Copenhagen",
                        "har fået mere lyst til at fortsætte deres liv i København",
                    ),
                ),
            ],
            EVALUATION_SOURCE,
        ),
        statistics(
            ("Our goals", "Vores mål"),
            [
                (
                    "70 %",
                    (
                        "target for newcomers who gain knowledge of Danish society and feel "
                        "more included",
                        "mål for nytilkomne, der får mere viden om det danske samfund og føler "
                        "sig mere inkluderet",
                    ),
                ),
                (
                    "50 %",
                    (
                        "target for newcomers who feel more like staying in Denmark",
                        "mål for nytilkomne, der får mere lyst til at blive i Danmark",
                    ),
                ),
                ("250", ("matches planned each year", "planlagte match om året")),
            ],
            (
                "The two targets are measured by an online survey after each match.",
                "De to mål måles med et spørgeskema på nettet efter hvert match.",
            ),
        ),
        paragraph(
            (
                "<p>The figures help us improve the programme and show partners and funders "
                "what it achieves. If you have taken part: thank you for answering!</p>",
                "<p>Tallene hjælper os med at gøre programmet bedre og viser partnere og "
                "bevillingsgivere, hvad det fører til. Har du været med: Tak, fordi du "
                "svarede!</p>",
            )
        ),
        call_to_action(
            ("Want to be part of the next results?", "Vil du være med i de næste resultater?"),
            p["host"],
            ("Become a host", "Bliv vært"),
        ),
    ]


# --- The page tree -----------------------------------------------------------------------


@dataclass
class PageSpec:
    key: str
    model: type
    parent: str | None  # key of the parent page; None for the home page
    title: tuple[str, str]
    slug: tuple[str, str]
    intro: tuple[str, str]
    body: object  # callable(pages) -> list of block pairs
    in_menu: bool = False
    seo_title: tuple[str, str] = ("", "")
    extra: dict = field(default_factory=dict)  # translated field name -> (english, danish)


PAGES = [
    PageSpec(
        "home",
        HomePage,
        None,
        ("Host Programme", "Værtsprogram"),
        ("home", "hjem"),
        (
            "New in Denmark, or a local who would like to help someone settle in? We pair "
            "newcomers with volunteer hosts for six months of meetings, conversation and shared "
            "experiences.",
            "Er du ny i Danmark, eller bor du her og vil gerne hjælpe en anden med at falde til? "
            "Vi sætter nytilkomne sammen med frivillige værter i seks måneder med møder, samtaler "
            "og fælles oplevelser.",
        ),
        home_body,
        seo_title=(
            "A local host for your first years in Denmark",
            "En lokal vært i dine første år i Danmark",
        ),
    ),
    PageSpec(
        "newcomer",
        ContentPage,
        "home",
        ("Join as a newcomer", "Deltag som nytilkommen"),
        ("join-as-a-newcomer", "deltag-som-nytilkommen"),
        (
            "New in Denmark and keen to get to know the country from the inside? A local host "
            "can help you with the job market, the language and all the small things nobody "
            "tells you.",
            "Er du ny i Danmark og vil gerne lære landet at kende indefra? En lokal vært kan "
            "hjælpe dig med arbejdsmarkedet, sproget og alle de små ting, som ingen fortæller "
            "dig.",
        ),
        newcomer_body,
        in_menu=True,
    ),
    PageSpec(
        "host",
        ContentPage,
        "home",
        ("Become a host", "Bliv vært"),
        ("become-a-host", "bliv-vaert"),
        (
            "Share your Denmark with someone who has just arrived. As a host you give about two "
            "hours a month for six months – and you will probably get just as much back.",
            "Del dit Danmark med en, der lige er kommet hertil. Som vært bruger du cirka to timer "
            "om måneden i seks måneder – og du får sandsynligvis lige så meget igen.",
        ),
        host_body,
        in_menu=True,
    ),
    PageSpec(
        "activities",
        ActivityIndexPage,
        "home",
        ("Activity ideas", "Idéer til aktiviteter"),
        ("activity-ideas", "ideer-til-aktiviteter"),
        (
            "Not sure what to do when you meet? Here are some tried and tested ideas – pick one, "
            "or use them as a starting point for your own.",
            "Ved I ikke helt, hvad I skal lave, når I mødes? Her er nogle afprøvede idéer – vælg "
            "en, eller brug dem som afsæt for jeres egne.",
        ),
        activities_body,
        in_menu=True,
    ),
    PageSpec(
        "faq",
        ContentPage,
        "home",
        ("Questions and answers", "Spørgsmål og svar"),
        ("questions-and-answers", "spoergsmaal-og-svar"),
        (
            "Answers to the questions we hear most often from newcomers and hosts.",
            "Svar på de spørgsmål, vi oftest får fra nytilkomne og værter.",
        ),
        faq_body,
        in_menu=True,
    ),
    PageSpec(
        "results",
        ContentPage,
        "home",
        ("Results", "Resultater"),
        ("results", "resultater"),
        (
            "Every newcomer answers a short online survey when their match ends. Here is what "
            "participants have told us.",
            "Alle nytilkomne besvarer et kort spørgeskema på nettet, når deres match slutter. Her "
            "er, hvad deltagerne har fortalt os.",
        ),
        results_body,
    ),
    PageSpec(
        "guide",
        GuidePage,
        "home",
        ("Five steps to a good host programme", "Fem trin til et godt værtsprogram"),
        ("five-steps-to-a-good-host-programme", "fem-trin-til-et-godt-vaertsprogram"),
        (
            "Thinking of starting a host programme in your municipality, company or association? "
            "These five steps gather what earlier host programmes have learned.",
            "Overvejer I at starte et værtsprogram i jeres kommune, virksomhed eller forening? De "
            "fem trin samler det, tidligere værtsprogrammer har lært.",
        ),
        guide_body,
    ),
    PageSpec(
        "step-1",
        GuideStepPage,
        "guide",
        ("Start-up: build alliances", "Opstart: indgå alliancer"),
        ("start-up-and-alliances", "opstart-og-alliancer"),
        (
            "Work out early who can help you get going – and who you cannot do without.",
            "Find tidligt ud af, hvem der kan hjælpe jer i gang – og hvem I ikke kan undvære.",
        ),
        step_1_body,
    ),
    PageSpec(
        "step-2",
        GuideStepPage,
        "guide",
        ("Recruitment: motivate your hosts", "Rekruttering: motivér værterne"),
        ("recruiting-and-motivating-hosts", "rekruttering-af-vaerter"),
        (
            "Newcomers are usually keen to join. Finding enough hosts takes more effort – and "
            "honesty about what the role involves.",
            "Nytilkomne har som regel lyst til at være med. Det kræver mere at finde nok værter – "
            "og ærlighed om, hvad rollen indebærer.",
        ),
        step_2_body,
    ),
    PageSpec(
        "step-3",
        GuideStepPage,
        "guide",
        ("Communication: reach everyone", "Kommunikation: nå ud til alle"),
        ("communication", "kommunikation"),
        (
            "Choose a few channels that really reach participants – and remember that most of "
            "them don't read Danish yet.",
            "Vælg nogle få kanaler, der virkelig når deltagerne – og husk, at de fleste af dem "
            "endnu ikke læser dansk.",
        ),
        step_3_body,
    ),
    PageSpec(
        "step-4",
        GuideStepPage,
        "guide",
        ("Activities: listen and inspire", "Aktiviteter: lyt og giv inspiration"),
        ("activities", "aktiviteter"),
        (
            "Plan activities around what participants want, give pairs ideas to start with, and "
            "keep an eye on how each match is doing.",
            "Planlæg aktiviteterne ud fra deltagernes ønsker, giv parrene idéer at starte med, og "
            "hold øje med, hvordan det går i hvert match.",
        ),
        step_4_body,
    ),
    PageSpec(
        "step-5",
        GuideStepPage,
        "guide",
        ("Continuation: plan for after the funding", "Det videre forløb: når støtten slutter"),
        ("continuation-after-funding", "det-videre-forloeb"),
        (
            "Decide early how the programme will live on when the grant – or the first "
            "enthusiasm – runs out.",
            "Beslut tidligt, hvordan programmet skal leve videre, når bevillingen – eller den "
            "første begejstring – slipper op.",
        ),
        step_5_body,
    ),
    PageSpec(
        "wheel",
        ActivityIdeaPage,
        "activities",
        ("The conversation wheel", "Samtalehjulet"),
        ("conversation-wheel", "samtalehjulet"),
        (
            "A simple tool that helps you get to know each other by talking about what matters "
            "most in your lives right now.",
            "Et enkelt redskab, der hjælper jer med at lære hinanden at kende ved at tale om det, "
            "der betyder mest i jeres liv lige nu.",
        ),
        wheel_body,
        extra={
            "suits": (
                "All pairs, especially at the first meeting",
                "Alle par, især til første møde",
            ),
            "time_needed": ("About an hour", "Cirka en time"),
            "cost": ("Free", "Gratis"),
        },
    ),
    PageSpec(
        "cooking",
        ActivityIdeaPage,
        "activities",
        ("Cooking together", "Lav mad sammen"),
        ("cooking-together", "lav-mad-sammen"),
        (
            "Take turns cooking in each other's homes and swap recipes, food habits and stories.",
            "Skiftes til at lave mad hjemme hos hinanden, og udveksl opskrifter, madvaner og "
            "historier.",
        ),
        cooking_body,
        extra={
            "suits": (
                "All pairs; families are welcome too",
                "Alle par – familien må gerne være med",
            ),
            "time_needed": ("Two to three hours", "To-tre timer"),
            "cost": ("The ingredients – share the bill", "Råvarerne – del regningen"),
        },
    ),
    PageSpec(
        "sport",
        ActivityIdeaPage,
        "activities",
        ("Sport and club activities", "Sport og foreningsliv"),
        ("sport-and-clubs", "sport-og-foreningsliv"),
        (
            "Go running, sailing, swimming or to a football match together – and get a glimpse "
            "of Danish club life.",
            "Løb, sejl, svøm eller tag til fodbold sammen – og få et kig ind i det danske "
            "foreningsliv.",
        ),
        sport_body,
        extra={
            "suits": ("Pairs with a shared hobby", "Par med en fælles hobby"),
            "time_needed": ("One to two hours", "En-to timer"),
            "cost": (
                "Often free to try; membership fees vary",
                "Ofte gratis at prøve – kontingentet varierer",
            ),
        },
    ),
    PageSpec(
        "museums",
        ActivityIdeaPage,
        "activities",
        ("Museum and city trips", "Museer og byture"),
        ("museum-and-city-trips", "museer-og-byture"),
        (
            "Explore a museum, a neighbourhood or a park neither of you knows well – the host "
            "may discover something new too.",
            "Udforsk et museum, et kvarter eller en park, som ingen af jer kender godt – måske "
            "opdager værten også noget nyt.",
        ),
        museum_body,
        extra={
            "suits": ("All pairs; good with children", "Alle par – godt med børn"),
            "time_needed": ("Two to four hours", "To-fire timer"),
            "cost": (
                "Free to moderate – look out for free days",
                "Gratis til moderat – hold øje med gratisdage",
            ),
        },
    ),
    PageSpec(
        "visits",
        ActivityIdeaPage,
        "activities",
        ("Information visits", "Informationsbesøg"),
        ("information-visits", "informationsbesoeg"),
        (
            "Visit the places that make everyday life work: the citizen service centre, the "
            "library or an international school.",
            "Besøg de steder, der får hverdagen til at fungere: Borgerservice, biblioteket eller "
            "en international skole.",
        ),
        visits_body,
        extra={
            "suits": (
                "Newcomers with practical questions; families",
                "Nytilkomne med praktiske spørgsmål – og familier",
            ),
            "time_needed": ("One to two hours", "En-to timer"),
            "cost": ("Free", "Gratis"),
        },
    ),
]


def _set_bilingual(page, name, values):
    setattr(page, f"{name}_en", values[0])
    setattr(page, f"{name}_da", values[1])


def _apply_fields(page, spec):
    """Everything but the body: titles, slugs, intro, SEO, menu and extra fields."""
    _set_bilingual(page, "title", spec.title)
    _set_bilingual(page, "slug", spec.slug)
    _set_bilingual(page, "intro", spec.intro)
    _set_bilingual(page, "seo_title", spec.seo_title)
    _set_bilingual(page, "search_description", spec.intro)
    page.show_in_menus = spec.in_menu
    for name, values in spec.extra.items():
        _set_bilingual(page, name, values)


def _content(page, spec):
    """What the demo writes on a page, in a form that compares equal between runs: every
    translated field it sets, the menu flag and both bodies without their random block ids."""
    names = ["title", "slug", "intro", "seo_title", "search_description", *spec.extra]
    fields = [getattr(page, f"{name}_{language}") for name in names for language in ("en", "da")]
    bodies = [
        _without_ids(page.body_en.get_prep_value()),
        _without_ids(page.body_da.get_prep_value()),
    ]
    return fields, page.show_in_menus, bodies


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(value) for value in data]
    return data


def _remove_welcome_page(root):
    """Delete Wagtail's default 'Welcome to your new Wagtail site!' page: a plain, childless
    ``wagtailcore.Page`` directly under the root. Sites rooted there go with it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.child_of(root).filter(content_type=plain_page, numchild=0):
        page.delete()


def _ensure_page(spec, parent, stdout):
    """Find the page by English slug under its parent, or create it (without a body yet)."""
    page = spec.model.objects.child_of(parent).filter(slug_en=spec.slug[0]).first()
    if page is None:
        page = spec.model()
        _apply_fields(page, spec)
        parent.add_child(instance=page)
        stdout.write(f"  created {spec.model.__name__} /{spec.slug[0]}/")
    return page


def build_pages(stdout):
    root = Page.get_first_root_node()
    pages = {}
    for spec in PAGES:
        if spec.parent is None:
            home = HomePage.objects.child_of(root).first()
            if home is None:
                # The default page holds the slug "home"; it has to go first.
                _remove_welcome_page(root)
            pages[spec.key] = home or _ensure_page(spec, root, stdout)
        else:
            pages[spec.key] = _ensure_page(spec, pages[spec.parent], stdout)

    # Second pass: content (pages can now link to each other), then publish. A page whose
    # published content is already what the demo writes is left alone, so running the
    # command again does not pile up identical revisions.
    for spec in PAGES:
        page = pages[spec.key]
        published = _content(page, spec)
        _apply_fields(page, spec)
        blocks = spec.body(pages)
        page.body_en = [english for english, _danish in blocks]
        page.body_da = [danish for _english, danish in blocks]
        up_to_date = page.live and page.live_revision_id and not page.has_unpublished_changes
        if up_to_date and _content(page, spec) == published:
            stdout.write(f"  unchanged {spec.model.__name__} {spec.title[0]!r}")
            continue
        page.save_revision().publish()
        stdout.write(f"  published {spec.model.__name__} {spec.title[0]!r}")
    return pages


def build_site(home, stdout):
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site()
    )
    site.hostname = "localhost"
    site.port = 80
    site.root_page = home
    site.is_default_site = True
    site.site_name = SITE_NAME
    site.save()
    # Now that the site points at the new home page, any leftover welcome page can go.
    _remove_welcome_page(Page.get_first_root_node())
    stdout.write(f"  default site {site.hostname}:{site.port} -> {home.title!r}")
    return site


def build_settings(site, stdout):
    contact = ContactSettings.for_site(site)
    contact.name = "Signe Holm"
    _set_bilingual(contact, "role", ("Coordinator", "Koordinator"))
    _set_bilingual(
        contact,
        "organisation",
        (
            "Host Programme – the municipality and a volunteer association working together",
            "Værtsprogrammet – et samarbejde mellem kommunen og en frivilligforening",
        ),
    )
    contact.email = "hostprogramme@example.dk"
    contact.phone = "+45 00 00 00 00"
    contact.address = "Eksempelvej 1\n2400 København NV"
    _set_bilingual(
        contact,
        "hours",
        (
            "Monday to Thursday, 9:00–15:00, in English or Danish",
            "Mandag til torsdag kl. 9-15 på dansk eller engelsk",
        ),
    )
    contact.save()

    footer = FooterSettings.for_site(site)
    _set_bilingual(
        footer,
        "about",
        (
            "The Host Programme pairs internationals who are new in Denmark with volunteer "
            "local hosts for six months. It is run by the municipality together with a "
            "volunteer association.",
            "Værtsprogrammet sætter internationale borgere, der er nye i Danmark, sammen med "
            "frivillige lokale værter i seks måneder. Programmet drives af kommunen i samarbejde "
            "med en frivilligforening.",
        ),
    )
    links = [
        ("link", {"name": "Facebook", "url": "https://facebook.example.com/host-programme"}),
        ("link", {"name": "LinkedIn", "url": "https://linkedin.example.com/host-programme"}),
    ]
    footer.social_links_en = links
    footer.social_links_da = links
    footer.save()
    stdout.write("  contact and footer settings")


def build_editor(stdout):
    """The demo editor: may log in to Wagtail and edit pages through the editor role's group
    (its permissions are declared in accounts/roles.py; load_demo syncs them first)."""
    group = Group.objects.get(name=roles.EDITOR.group_name)

    User = get_user_model()
    editor, _created = User.objects.update_or_create(
        email=EDITOR_EMAIL,
        defaults={
            "first_name": "Demo",
            "last_name": "Editor",
            "is_active": True,
            "is_staff": False,
            "is_superuser": False,
        },
    )
    editor.set_password(EDITOR_PASSWORD)
    editor.save()
    editor.groups.add(group)

    # allauth requires a verified address for its own login form; Wagtail's admin login
    # does not, but the editor should be able to use either.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=editor, email=EDITOR_EMAIL, defaults={"verified": True, "primary": True}
    )
    stdout.write(f"  editor {EDITOR_EMAIL} (password {EDITOR_PASSWORD})")
    return editor


def build(stdout):
    """Create or update the public site's demo content."""
    stdout.write("Home: pages, site, settings and editor")
    # Pages are written field by field per language; the active language only decides what
    # ``title`` and friends mean in Wagtail's own validation (English, the default).
    with translation.override("en"):
        pages = build_pages(stdout)
        site = build_site(pages["home"], stdout)
        build_settings(site, stdout)
        build_editor(stdout)
