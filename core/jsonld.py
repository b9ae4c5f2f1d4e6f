"""JSON-LD inside a page: every app that describes its pages for search engines writes its
dict with `dumps`."""

import json

from django.utils.html import _json_script_escapes


def dumps(data):
    """JSON that is safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
