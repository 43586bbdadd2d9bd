import pytest

from textsearch.analysis import analyse, terms


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("buurthuizen", "buurthuis"),
        ("jongerenwerkers", "jongerenwerk"),
        ("jongerenwerker", "jongerenwerkers"),
        ("wijkagenten", "wijkagent"),
        ("buurtkamers", "buurtkamer"),
        ("ontmoeten", "ontmoeting"),
        ("signaleren", "vroegsignalering signaleren"),
        ("Continuïteit", "continuiteit"),
        ("huizen", "huis"),
        ("signalen", "signaleren"),
        ("straten", "straat"),
    ],
)
def test_forms_of_a_word_meet(query, text):
    assert set(terms(query)) <= set(terms(text))


def test_stop_words_are_left_out():
    assert terms("de jongeren in het buurthuis") == terms("jongeren buurthuis")


def test_different_words_stay_different():
    assert terms("veiligheid") != terms("vertrouwen")
    assert terms("water") == ["water"]  # short words keep their -er


def test_analyse_joins_terms():
    assert analyse("De buurthuizen, de wijkagenten!") == analyse("buurthuis wijkagent")
    assert len(analyse("De buurthuizen, de wijkagenten!").split()) == 2


def test_compound_tails_are_indexed_for_short_fields():
    from textsearch.analysis import analyse

    indexed = analyse("Vroegsignalering", compounds=True).split()
    assert set(terms("signaleren")) <= set(indexed)
    assert analyse("Vroegsignalering").split() == terms("vroegsignalering")
