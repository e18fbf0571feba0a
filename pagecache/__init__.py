"""A full-page cache for anonymous visitors, per language, and the cached sitemap and feeds.

Everything a visitor without a login sees on a published page is the same for every such
visitor, so the rendered page is kept on the "pages" cache and served from there without a
query. Every key carries the site-wide *generation* (``pagecache.generation``), which changes
whenever something a page shows changes (see ``pagecache.signals``), so one change purges
every page, every frame fragment and the feeds at once; a short lifetime covers what changes
with the clock alone (an upcoming date passing, a sign-up deadline, live survey figures).
"""
