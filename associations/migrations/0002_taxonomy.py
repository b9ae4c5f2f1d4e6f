"""The ten fields of activity of the regional strategy and the cooperation themes, in Finnish,
Swedish and English (linked translations), so that fresh installs and tests start with them."""

import uuid

from django.db import migrations

FIELDS = [
    # slug (as funding's FieldOfActivity codes), fi, sv, en
    ("trade_unions", "Ammattiyhdistykset ja -osastot", "Fackföreningar och avdelningar",
     "Trade unions and branches"),
    ("nature", "Luonto, ympäristö ja eläimet", "Natur, miljö och djur",
     "Nature, environment and animals"),
    ("social_health", "Sosiaali- ja terveysala", "Social- och hälsovård", "Social and health"),
    ("society", "Politiikka, yhteiskunta ja ihmisoikeudet", "Politik, samhälle och mänskliga "
     "rättigheter", "Politics, society and human rights"),
    ("village", "Kylä-, kotiseutu- ja asukastoiminta", "By-, hembygds- och invånarverksamhet",
     "Village, local heritage and residents"),
    ("safety", "Turvallisuus, pelastus ja maanpuolustus", "Säkerhet, räddning och försvar",
     "Safety, rescue and national defence"),
    ("international", "Kansainvälisyys ja hyväntekeväisyys", "Internationellt och välgörenhet",
     "International and charity"),
    ("business", "Elinkeino ja työllisyys", "Näringsliv och sysselsättning",
     "Business and employment"),
    ("religion", "Uskonto ja elämänkatsomus", "Religion och livsåskådning",
     "Religion and worldview"),
    ("other", "Muut", "Övriga", "Other"),
]
THEMES = [
    ("joint-projects", "Yhteishankkeet", "Gemensamma projekt", "Joint projects"),
    ("events", "Tapahtumat", "Evenemang", "Events"),
    ("volunteers", "Vapaaehtoiset", "Frivilliga", "Volunteers"),
    ("premises", "Tilat ja välineet", "Lokaler och utrustning", "Premises and equipment"),
    ("funding", "Rahoitushakemukset", "Finansieringsansökningar", "Funding applications"),
    ("training", "Koulutus", "Utbildning", "Training"),
    ("youth", "Nuoret", "Unga", "Young people"),
    ("older-people", "Ikäihmiset", "Äldre", "Older people"),
    ("multicultural", "Monikulttuurisuus", "Mångkultur", "Multicultural work"),
    ("environment", "Ympäristö", "Miljö", "Environment"),
]


def create(apps, model_name, rows):
    Locale = apps.get_model("wagtailcore", "Locale")
    Model = apps.get_model("associations", model_name)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in
               ("fi", "sv", "en")}
    for order, (slug, *names) in enumerate(rows):
        existing = Model.objects.filter(slug=slug).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, name in zip(("fi", "sv", "en"), names, strict=True):
            Model.objects.get_or_create(
                slug=slug,
                locale=locales[code],
                defaults={"name": name, "sort_order": order, "translation_key": key},
            )


def forwards(apps, schema_editor):
    create(apps, "FieldOfActivity", FIELDS)
    create(apps, "CooperationTheme", THEMES)


class Migration(migrations.Migration):
    dependencies = [("associations", "0001_initial"), ("home", "0002_locales_groups_workflow")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
