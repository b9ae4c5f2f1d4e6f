"""schema.org JSON-LD for an association profile: an Organization (NGO)."""

from core.languages import Language

SCHEMA_LANGUAGE = {Language.PLAIN_FINNISH: "fi"}


def association_json_ld(page, request, *, fields=(), networks=()):
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": str(page.municipality_label),
            "addressRegion": "Kanta-Häme",
            "addressCountry": "FI",
        },
        "knowsLanguage": sorted({SCHEMA_LANGUAGE.get(code, code) for code in page.languages}),
        "areaServed": [str(label) for label in [page.municipality_label, *page.area_labels()]],
    }
    identifiers = []
    if page.business_id:
        data["taxID"] = page.business_id
        identifiers.append(
            {"@type": "PropertyValue", "propertyID": "FI:Y-tunnus", "value": page.business_id}
        )
    if page.registry_number:
        identifiers.append(
            {
                "@type": "PropertyValue",
                "propertyID": "FI:yhdistysrekisterinumero",
                "value": page.registry_number,
            }
        )
    if identifiers:
        data["identifier"] = identifiers
    same_as = [link for link in [page.website, *page.social_links] if link]
    if same_as:
        data["sameAs"] = same_as
    if page.email:
        data["email"] = page.email
    knows_about = [str(f) for f in fields] + [str(a) for a in page.welfare_area_labels()]
    if knows_about:
        data["knowsAbout"] = knows_about
    if page.target_groups:
        data["audience"] = [
            {"@type": "Audience", "audienceType": str(label)}
            for label in page.target_group_labels()
        ]
    if networks:
        data["memberOf"] = [
            {"@type": "Organization", "name": n.title, "url": n.get_full_url(request)}
            for n in networks
        ]
    return data


def network_json_ld(page, request, *, members=()):
    """A network as an Organization whose members are its associations. The coordinator is a
    contact point by name and phone; never by email."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "areaServed": [str(label) for label in page.area_labels()] or "Kanta-Häme",
        "member": [
            {"@type": "NGO", "name": member.title, "url": member.get_full_url(request)}
            for member in members
        ],
    }
    contact = {"@type": "ContactPoint", "contactType": "coordinator", "name": page.coordinator_name}
    if page.coordinator_phone:
        contact["telephone"] = page.coordinator_phone
    data["contactPoint"] = contact
    if page.website:
        data["sameAs"] = [page.website]
    return data
