import factory
from django.utils import timezone

from cases.models import Case, InterventionDatabank, Outcome
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


class InterventionDatabankFactory(factory.django.DjangoModelFactory):
    """The Movisie databank unless told otherwise (the migration seeds it; a flushed test
    database does not have it)."""

    class Meta:
        model = InterventionDatabank
        django_get_or_create = ("slug",)

    slug = "movisie"
    name = "Databank Effectieve sociale interventies"
    owner = "Movisie"
    url = "https://www.movisie.nl/databank-effectieve-sociale-interventies"
    recognised_by = "de Erkenningscommissie Interventies"
