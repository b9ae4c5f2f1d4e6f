"""A mail server the tests control from outside the worker process, through files in
MAIL_SERVER_DIR: `down` makes it refuse every message (as a mail server that is down);
`stall-<address>` makes it hang on that address's message once (so that the test can kill the
worker in the middle of a task). Each accepted message is written to a file of its own, as
Django's file backend does, so a test counts the messages per recipient."""

import os
import smtplib
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


def folder():
    return Path(os.environ["MAIL_SERVER_DIR"])


def sent_to(directory):
    """How many messages each address received."""
    counts = {}
    for path in Path(directory).glob("*.log"):
        for line in path.read_text().splitlines():
            if line.startswith("To: "):
                address = line.removeprefix("To: ").strip()
                counts[address] = counts.get(address, 0) + 1
    return counts


class ControlledBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, file_path=str(folder()), **kwargs)

    def send_messages(self, email_messages):
        if (folder() / "down").exists():
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        for message in email_messages:
            stall = folder() / f"stall-{message.to[0]}"
            if stall.exists():
                stall.rename(folder() / f"stalled-{message.to[0]}")
                time.sleep(600)  # the test kills the worker here
        return super().send_messages(email_messages)
