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
    # Each compound with its parts: buurthuis, buurt, huis, wijkagent, wijk, agent.
    assert len(analyse("De buurthuizen, de wijkagenten!").split()) == 6


def test_compound_tails_are_indexed_for_short_fields():
    from textsearch.analysis import analyse

    indexed = analyse("Vroegsignalering", compounds=True).split()
    assert set(terms("signaleren")) <= set(indexed)
    assert analyse("Vroegsignalering").split() == terms("vroegsignalering vroeg signalering")


def test_compounds_are_split_by_the_dutch_dictionary():
    from textsearch.compounds import split

    assert split("jongerenoverlast") == ("jongeren", "overlast")
    assert split("veiligheidsgevoel") == ("veiligheid", "gevoel")  # linking -s-
    assert split("hangjongeren") == ("hang", "jongeren")
    assert split("buurtbemiddeling") == ("buurt", "bemiddeling")
    assert split("buurthuis") == ("buurt", "huis")  # not "buur" + "thuis"
    assert split("gezinsschulden") == ("gezin", "schulden")
    assert split("buurtpreventiegroep") == ("buurt", "preventie", "groep")
    # Words that only look like compounds stay whole.
    for word in ("overlast", "gemeente", "verslaving", "eenzaamheid", "ondermijning"):
        assert split(word) == (), word
