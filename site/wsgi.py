import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meidanhame.settings")
application = get_wsgi_application()

from core import textsearch  # noqa: E402 - after the apps are loaded

# Load the URLs, and with them every view module, now rather than on the first request; then
# take everything loaded so far out of the garbage collector's sweeps. It lives as long as the
# process, and full collections would otherwise walk it during every large request: building
# a feed of 2,000 trainings spent a third of its time there.
get_resolver().url_patterns  # noqa: B018
# The search analyser's dictionaries too: seconds to load, then read by every search.
textsearch.warm_up()
gc.freeze()
