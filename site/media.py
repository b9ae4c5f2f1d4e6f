"""Uploaded files as the development server serves them (`make run`, DEBUG on), with the headers
production's nginx adds to /media/ (README, "Production setup"): whatever a file holds, it is
never run as a page or a script of the site's own origin."""

import re

from django.views.static import serve

# The formats Wagtail accepts as images (WAGTAILIMAGES_EXTENSIONS); the same list as nginx's.
IMAGE_PATH = re.compile(r"\.(avif|gif|jpe?g|png|webp)$", re.IGNORECASE)
MEDIA_POLICY = "default-src 'none'; sandbox"


def serve_media(request, path, document_root=None):
    response = serve(request, path, document_root=document_root)
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if not IMAGE_PATH.search(path):
        response["Content-Disposition"] = "attachment"
    return response
