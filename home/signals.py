"""A programme page is found in search by its programme's name and description, which
programme leads edit on the programme: when they change, the page is indexed again."""

from django.db.models.signals import post_save


def programme_saved(sender, instance, **kwargs):
    from wagtail.search.index import insert_or_update_object

    from .models import ProgrammePage

    page = ProgrammePage.objects.filter(programme=instance).first()
    if page is not None:
        insert_or_update_object(page)


def connect():
    from programmes.models import Programme

    post_save.connect(programme_saved, sender=Programme, dispatch_uid="home_reindex_programme")
