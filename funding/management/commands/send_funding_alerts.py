"""The first name of `send_alerts` (saved searches of every listing), kept for the timers
that already call it."""

from core.management.commands.send_alerts import Command as SendAlerts


class Command(SendAlerts):
    help = "The same as send_alerts (kept for existing timers)."
