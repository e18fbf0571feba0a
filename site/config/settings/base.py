"""Settings shared by every environment. Values that differ come from environment variables."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default=0):
    value = os.environ.get(name, "").strip() or str(default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin and the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "accounts",
    "notifications",
    "programmes",
    "home",
    "portal",
    "matching",
    "evaluation",
    # Background work (messages to groups; Wagtail's own tasks): django-tasks with its
    # database queue, worked by `manage.py db_worker` in production.
    "django_tasks",
    "django_tasks_db",
    "events",
    "intake",
    "privacy",
    "pagecache",
    "pictures",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the page cache, before sessions, the database or a
    # template are touched; it keeps what the middleware below added (pagecache/).
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    # The Wagtail site of the request, kept with the page frame until the next change.
    "pagecache.middleware.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /da/events/confirm/... (mailed before Danish addresses) → /da/arrangementer/bekraeft/...
    "home.middleware.EnglishAddressesUnderDanishMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PrivateWhenSignedInMiddleware",
    "config.csp.SitePolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

# Content-Security-Policy (django-csp, through config.csp.SitePolicyMiddleware). The public site
# and the portal load only their own files: no outside or inline scripts, no inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # Video blocks: only the providers' privacy-enhanced players (home/video.py); 'self'
        # keeps the admin's own preview frame working.
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin needs inline scripts and styles, data:/blob: images (image previews) and
# may frame its own preview; it loads nothing from other sites either.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: email is the login; there is no username and no open sign-up.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# The invitation link is allauth's password-reset link; choosing a password logs the person in.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
# ...and asks a participant to acknowledge the privacy notice (recorded as a consent).
ACCOUNT_FORMS = {"reset_password_from_key": "portal.invitations.ChoosePasswordForm"}
# Every rate limit of the site, allauth's and our own public forms' (protection/ratelimit.py),
# counted on the default cache (Redis in production, so every server process counts together).
# allauth's defaults stay for the actions not named here.
# Failed logins are limited twice: per email address typed (a guesser gets 5 tries at one
# account, from anywhere) and per client address (one client cannot try many accounts). Neither
# can lock everyone out: the per-address limit only holds back that client, as long as the
# client address is the real one (ALLAUTH_TRUSTED_PROXY_COUNT behind a proxy, see below).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "20/10m/ip,5/15m/key",
    # Public event sign-up (events/views.py): each submit may send a confirmation email.
    "event_signup": "10/h/ip,5/h/key",
    # Public application forms (intake/): each submit or resend may send a confirmation email.
    "application": "10/h/ip,3/h/key",
}
# How many proxies in front of the site append to X-Forwarded-For (1 behind one nginx). With 0
# the client address is REMOTE_ADDR, which behind a proxy is the proxy's for every visitor.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
# Every login goes through allauth's login and its limits: the Wagtail admin's login and
# Wagtail's login for view-restricted pages send people there (config/urls.py redirects their
# old addresses too).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# A signed-in participant sent to log in (the admin refuses them) sees the login form with the
# admin's "no permission" message, as Wagtail's own login did, instead of being sent straight
# back to ?next= (which, for the admin, would be a redirect loop).
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Languages: English is the default and lives at /, Danish at /da/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("da", _("Danish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "da")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
TIME_ZONE = "Europe/Copenhagen"
# Dates in each language's own way: "5 December 2026, 17:00", "5. december 2026 kl. 17.00"
# (site/config/formats/<language>/formats.py). Templates use the named formats.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email goes through Django's email framework; the backend and server come from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Host Programme <noreply@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where re-match requests and other coordinator notices go when the participant's programme
# has no contact email of its own (programmes.Programme.contact_email).
COORDINATOR_EMAIL = os.environ.get("COORDINATOR_EMAIL", "coordinator@example.com")

# Personal data (privacy/retention.py): how long a participant's data is kept, in days. The
# daily `manage.py apply_retention` erases a participant this many days after their last match
# ends, or, if never matched, this many days after their last activity (registration,
# invitation or login). Conservative defaults: two years after a match (room for a re-match
# and the year's reports), one year for someone never matched. These are the defaults: a
# programme's own values (programmes.Programme.retention_days_*) replace them for its people.
PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH = int(
    os.environ.get("PRIVACY_RETENTION_DAYS_AFTER_LAST_MATCH", "730")
)
PRIVACY_RETENTION_DAYS_NEVER_MATCHED = int(
    os.environ.get("PRIVACY_RETENTION_DAYS_NEVER_MATCHED", "365")
)

# Functions that yield the reminders due on a day; run daily by `manage.py send_reminders`.
REMINDER_SOURCES = [
    "events.reminders.event_reminders",
    "portal.reminders.checkin_reminders",
    "portal.endings.goodbye_reminders",
    "evaluation.invitations.survey_emails",
    "notifications.group_messages.quiet_pair_nudges",
]
# Where background tasks run. Development and tests: at once, right after the request's
# transaction commits. Production (settings/production.py): queued in the database and
# worked by `manage.py db_worker`, so a message to 2,000 people returns at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Make an image's renditions (AVIF, WebP, JPEG at each width and shape) in the background when
# it is uploaded or changed, rather than while its first visitor waits (pictures/signals.py).
PICTURES_PREPARE_RENDITIONS = True

# Run by the same daily command before the reminders (notifications.reminders.run_daily).
DAILY_STEPS = [
    "portal.endings.end_matches_due",
    "evaluation.invitations.invite_ended_matches",
    "notifications.group_messages.retry_failed_deliveries",
]

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered pages, frame fragments, the sitemap and the feeds (pagecache/): the same backend
# under its own prefix, so purging never touches the rate limits kept on "default".
CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages", "OPTIONS": {}}
if not REDIS_URL:
    CACHES["pages"]["OPTIONS"] = {"MAX_ENTRIES": 2000}
PAGE_CACHE_ALIAS = "pages"
# The anonymous full-page cache (pagecache/middleware.py). Any content change purges it at
# once; the lifetime only bounds what changes with the clock (an upcoming date passing, a
# sign-up deadline, live survey figures).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# What browsers (max-age) and proxies or a CDN (s-maxage) may keep a public page for.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_S_MAXAGE = env_int("PAGE_CACHE_S_MAXAGE", 300)
# A caching proxy in front (Varnish, nginx with a purge module): Wagtail's frontend cache
# invalidation asks it to purge a page's URLs, in both languages, when the page is published,
# unpublished or moved (pagecache/signals.py). Off unless FRONTEND_CACHE_PURGE_URL is set;
# Cloudflare with CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONEID.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
    }

# The programme's one name, in the language being read (home/seo.py SITE_NAME is the same).
WAGTAIL_SITE_NAME = _("Host Programme")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin's "new Wagtail version" check fetches from releases.wagtail.org, which the
# Content-Security-Policy does not allow; upgrades are the developers' business.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: that would send a hash of each editor's email to another site
# (and the policy forbids outside images); Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False  # translation is field-based (modeltranslation), not page copies
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Images: the site's own model, whose alternative text is in English and Danish and required
# (pictures/models.py, pictures/forms.py).
WAGTAILIMAGES_IMAGE_MODEL = "pictures.SiteImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "pictures.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Background-task and page-audit chatter; the audit trail itself is kept in the database.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
