"""A starter thesaurus (textsearch/data/thesaurus_nl.txt, copied here so that the migration
stays the same when the file changes); editors manage it in the back office from then on."""

from django.db import migrations

GROUPS = [
    "burenruzie, burenconflict, burenruzies, buurtbemiddeling, bemiddeling",
    "huisjesmelker, malafide verhuurder, slechte verhuurder, woekerhuur",
    "woco, woningcorporatie, corporatie, woningbouwvereniging",
    "hangjongeren, jongerenoverlast, overlastgevende jongeren, jeugdoverlast",
    "jongerenwerk, jeugdwerk, jongerenwerker, straatwerk",
    "buurthuis, wijkcentrum, buurtcentrum, dorpshuis, wijkgebouw",
    "wijkagent, buurtagent, politie in de wijk",
    "boa, handhaver, handhaving",
    "statushouder, vluchteling, asielzoeker, nieuwkomer",
    "eenzaamheid, sociaal isolement, alleen zijn",
    "geldzorgen, geldproblemen, schulden, financiële problemen, betalingsachterstand",
    "armoede, minima, laag inkomen",
    "ggz, geestelijke gezondheidszorg, psychische problemen, psychische kwetsbaarheid",
    "verward gedrag, verwarde personen, onbegrepen gedrag",
    "ondermijning, georganiseerde criminaliteit, drugscriminaliteit",
    "participatie, inspraak, meepraten, burgerparticipatie",
    "mantelzorg, mantelzorger, respijtzorg",
    "huiselijk geweld, relationeel geweld, partnergeweld, kindermishandeling",
    "zwerfvuil, afval, vuil op straat, afvaldumping",
    "schooluitval, voortijdig schoolverlaten, schoolverzuim, thuiszitters",
    "subsidie, financiering, budget",
    "huisuitzetting, ontruiming, uithuiszetting",
    "vroegsignalering, vroeg signaleren, preventie",
    "wijkteam, sociaal wijkteam, buurtteam",
    "opbouwwerk, buurtwerk, samenlevingsopbouw",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("textsearch", "SynonymGroup")
    for terms in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("textsearch", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
