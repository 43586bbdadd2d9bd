import factory
from django.utils import timezone

from cases.models import Case, Outcome
from municipalities.tests.factories import MunicipalityFactory


class CaseFactory(factory.django.DjangoModelFactory):
    """A live case in the public knowledge base unless told otherwise."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    summary = "Een korte samenvatting van wat er in de wijk gebeurde."
    outcome = Outcome.SUCCESS
    context = "De aanleiding."
    approach = "De aanpak."
    what_went_wrong = "Wat er misging."
    municipality = factory.SubFactory(MunicipalityFactory)
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda case: case.first_published_at)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if extracted:
            self.domains.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def commit_relations(self, create, extracted, **kwargs):
        # Parental (modelcluster) relations are written when the case is saved.
        if create:
            self.save()
