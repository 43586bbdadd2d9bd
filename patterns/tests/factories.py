import factory

from patterns.models import CasePattern, FailurePattern


class FailurePatternFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FailurePattern
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Faalpatroon {n}")
    slug = factory.Sequence(lambda n: f"faalpatroon-{n}")
    summary = "Een patroon dat vaker terugkomt."
    description = "Wat er gebeurt, en waarom."
    signs = "Eerste signaal\nTweede signaal"
    courses_of_action = "Eerste actie\nTweede actie"


class CasePatternFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CasePattern

    case = factory.SubFactory("cases.tests.factories.CaseFactory")
    pattern = factory.SubFactory(FailurePatternFactory)
    avoided = False
