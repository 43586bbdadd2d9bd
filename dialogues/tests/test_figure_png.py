"""A figure of the report as a PNG image, for a slide: size, content, name and visibility."""

import io

import pytest
from PIL import Image

from dialogues.figure_png import PAD, SCALE, VALUE_SPACE, WIDTH
from dialogues.importers import StatementData
from dialogues.services import dialogue_import
from dialogues.tests.factories import dialogue_data, make_dialogue

pytestmark = pytest.mark.django_db

BLUE, RED = (0x15, 0x42, 0x73), (0xA4, 0x16, 0x1A)


def png(response) -> Image.Image:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def columns_with(image: Image.Image, colour) -> list[int]:
    rgb = image.convert("RGB")
    width, height = rgb.size
    pixels = rgb.load()
    return sorted({x for x in range(width) for y in range(0, height, 2) if pixels[x, y] == colour})


def test_a_poll_as_png_at_presentation_size(client):
    dialogue = make_dialogue()
    response = client.get(f"{dialogue.get_absolute_url()}figuur/poll-0.png")
    image = png(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="dialoog-over-de-wijk-poll-0.png"'
    )
    assert image.format == "PNG"
    assert image.size[0] == 1600  # twice the layout, sharp on a projector
    assert 300 < image.size[1] < 900  # as high as its two answers need
    # The longest bar (30 votes) fills the bar space; the other (12) is shorter.
    blue = columns_with(image, BLUE)
    assert blue[0] == PAD * SCALE
    assert blue[-1] == (WIDTH - PAD - VALUE_SPACE) * SCALE - 1


def test_a_question_as_png_shows_agreement_and_disagreement(client):
    dialogue = make_dialogue()
    small = png(client.get(f"{dialogue.get_absolute_url()}figuur/vraag-2.png"))
    image = png(client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.png"))
    assert image.size[0] == 1600
    assert columns_with(image, RED)  # some disagreed
    # Three statements against three: as high as the rows with their wrapped labels need.
    assert image.size[1] > 400 and small.size[1] > 400


def test_long_texts_are_wrapped_not_cut_off_the_image(client):
    long_title = "Wat werkt er in de wijk volgens bewoners, professionals en ambtenaren " * 3
    dialogue = dialogue_import(
        data=dialogue_data(
            title="Lange dialoog",
            questions=[*dialogue_data().questions[:1]],
            statements=[StatementData(1, "Een heel lange stelling " * 20, 5, 1, 0)],
            clusters=[],
            polls=[],
        )
    )
    dialogue.questions.update(text=long_title)
    image = png(client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.png"))
    assert image.size[0] == 1600
    # Nothing is drawn in the margin at the right: every line was wrapped within the width.
    rgb = image.convert("RGB")
    margin = rgb.crop((image.size[0] - PAD * SCALE + 4, 0, image.size[0], image.size[1]))
    assert margin.getcolors() == [(margin.size[0] * margin.size[1], (255, 255, 255))]


@pytest.mark.parametrize("hidden_by", ["draft", "closed space"])
def test_a_hidden_dialogues_png_is_404(client, closed_space, hidden_by):
    if hidden_by == "draft":
        dialogue = dialogue_import(data=dialogue_data(), live=False)
    else:
        dialogue = make_dialogue(space=closed_space)
    for name in ("poll-0.png", "vraag-1.png"):
        assert client.get(f"{dialogue.get_absolute_url()}figuur/{name}").status_code == 404


def test_unknown_figures_are_404(client):
    dialogue = make_dialogue()
    for name in ("poll-7.png", "vraag-9.png", "onzin.png"):
        assert client.get(f"{dialogue.get_absolute_url()}figuur/{name}").status_code == 404
    assert client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.gif").status_code == 404


def test_the_report_links_every_figure_as_png(client):
    dialogue = make_dialogue()
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert f'href="{dialogue.get_absolute_url()}figuur/vraag-1.png"' in html
    assert f'href="{dialogue.get_absolute_url()}figuur/poll-0.png"' in html


def test_png_query_count(client, django_assert_num_queries):
    dialogue = make_dialogue()
    with django_assert_num_queries(3):
        client.get(f"{dialogue.get_absolute_url()}figuur/poll-0.png")
    with django_assert_num_queries(3):
        client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.png")


def test_without_dejavu_the_font_that_ships_with_pillow_is_used(client, monkeypatch):
    from dialogues import figure_png

    dialogue = make_dialogue()
    monkeypatch.setattr(figure_png, "FONT_FILES", {False: "geen.ttf", True: "geen-vet.ttf"})
    figure_png.font.cache_clear()
    try:
        image = png(client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.png"))
    finally:
        figure_png.font.cache_clear()
    assert image.size[0] == 1600 and columns_with(image, BLUE)
