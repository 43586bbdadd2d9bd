"""The example rows of the workbook template (dialogues/template_workbook.py), and the check
that refuses a template that was sent back without being filled in."""

from __future__ import annotations

from dialogues.importers.data import DialogueData

EXAMPLE_ROWS = {
    "dialoog": [
        ["titel", "Dialoog over de wijk"],
        ["datum", "2026-03-12"],
        ["opdrachtgever", "Gemeente Voorbeeld"],
        ["methode", "Synthetron"],
        ["beschrijving", "Een online gesprek met bewoners en professionals."],
        ["deelnemers", 80],
        ["berichten", 1200],
        ["reacties", 150],
        ["illustratief", "nee"],
        ["bron", ""],
    ],
    "vragen": [[1, "Successen", "Wat werkt goed in uw wijk?"]],
    "clusters": [[1, "Vertrouwen in bewoners", 1, "Bewoners weten wat er speelt."]],
    "stellingen": [
        [1, "Bewoners weten zelf het best wat er speelt.", 30, 4, 2, "Vertrouwen in bewoners", ""]
    ],
    "polls": [
        [1, "Hoe tevreden bent u over de samenwerking?", "Tevreden", 20],
        [1, "Hoe tevreden bent u over de samenwerking?", "Niet tevreden", 10],
    ],
}
EXAMPLE_TITLE = EXAMPLE_ROWS["dialoog"][0][1]
EXAMPLE_DATE = EXAMPLE_ROWS["dialoog"][1][1]
EXAMPLE_STATEMENTS = {row[1] for row in EXAMPLE_ROWS["stellingen"]}

NOT_FILLED_IN = (
    "Dit is het voorbeeld uit het sjabloon, nog niet ingevuld. Vervang de voorbeeldregels "
    "door de gegevens van uw eigen dialoog en kies het bestand opnieuw."
)


def template_problems(data: DialogueData) -> list[str]:
    """What is still the template's example: the whole template, or an example statement left
    among real ones. Empty when the workbook was filled in."""
    example_statements = [s for s in data.statements if s.text.strip() in EXAMPLE_STATEMENTS]
    unchanged_dialogue = (
        data.title == EXAMPLE_TITLE
        and data.date is not None
        and data.date.isoformat() == EXAMPLE_DATE
    )
    if unchanged_dialogue or len(example_statements) == len(data.statements):
        return [NOT_FILLED_IN] if example_statements or unchanged_dialogue else []
    return [
        "Blad 'stellingen': de voorbeeldregel uit het sjabloon staat er nog in "
        f"('{statement.text}'). Haal hem weg of vervang hem door een eigen stelling."
        for statement in example_statements
    ]
