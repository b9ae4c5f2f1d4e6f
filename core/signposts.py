"""Signposts: a link that one app puts on another app's page, neither importing the other.

The page's template names its place (`{% signposts "catalogue" as links %}`); an app above
registers a provider for that place in its AppConfig.ready():

    @signposts.register("catalogue")
    def training_wishes(request):
        return {"url": "/fi/koulutustoiveet/", "text": "Mitä koulutusta yhdistyksenne tarvitsisi?"}

A provider returns a dict with `url` and `text`, or None to show nothing; it runs on every
view of the page, so it uses a constant number of queries.
"""

_providers = {}


def register(place):
    def decorator(provider):
        _providers.setdefault(place, [])
        if provider not in _providers[place]:
            _providers[place].append(provider)
        return provider

    return decorator


def signposts_for(place, request):
    links = (provider(request) for provider in _providers.get(place, ()))
    return [link for link in links if link]
