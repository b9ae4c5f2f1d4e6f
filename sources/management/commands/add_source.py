"""Add a source of events: `add_source URL --kind ical|linkedevents --organiser SLUG
[--name N] [--moderated]`. The last line of its output is the new source's id."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from sources.models import SourceKind
from sources.sync import add_source


class Command(BaseCommand):
    help = "Add a source of events (an iCal feed or a Linked Events list) and print its id."

    def add_arguments(self, parser):
        parser.add_argument("url", help="http(s) or webcal address of the feed or event list")
        parser.add_argument("--kind", required=True, help=" or ".join(SourceKind.values))
        parser.add_argument(
            "--organiser", required=True, help="the organising association's Finnish slug"
        )
        parser.add_argument("--name", default="", help="the source's name (default: its host)")
        parser.add_argument(
            "--moderated",
            action="store_true",
            help="each new or changed event waits for an editor (default: published at once)",
        )

    def handle(self, *args, url, kind, organiser, name, moderated, **options):
        try:
            source = add_source(url, kind=kind, organiser=organiser, name=name, moderated=moderated)
        except ValidationError as error:
            raise CommandError(" ".join(_messages(error))) from error
        self.stdout.write(str(source.pk))


def _messages(error):
    if hasattr(error, "message_dict"):
        return [
            f"{field}: {message}"
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)
