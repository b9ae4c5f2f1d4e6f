"""The client's network address, for per-address limits.

The first `X-Forwarded-For` entries are whatever the client wrote; only the entries our own
proxies appended can be trusted. Each proxy appends the address it was connected from, so
behind `TRUSTED_PROXY_COUNT` proxies the client is the N-th entry from the right. With no
proxy configured (the default) the header is ignored and the socket's address is used.
"""

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    # Fewer entries than proxies: the request did not come through them all (or the
    # setting is wrong); the socket's address is the only one not written by the client.
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
