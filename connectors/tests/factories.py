import factory

from connectors.models import Connector, Consent, Kind
from municipalities.tests.factories import MunicipalityFactory


class ConnectorFactory(factory.django.DjangoModelFactory):
    """A wijkschakelaar with recorded consent (a public profile) unless `consent=False`."""

    class Meta:
        model = Connector
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Wijkschakelaar {n}")
    slug = factory.Sequence(lambda n: f"wijkschakelaar-{n}")
    role = "Opbouwwerker"
    organisation = "Welzijn in de Wijk"
    kind = Kind.PROFESSIONAL
    municipality = factory.SubFactory(MunicipalityFactory)
    email = factory.Sequence(lambda n: f"persoonlijk.adres.{n}@voorbeeld-mail.nl")
    open_for_questions = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()  # a parental relation is written when its profile is saved

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Consent.objects.create(connector=self, given_by=self.name, how="formulier")

    @factory.post_generation
    def cases(self, create, extracted, **kwargs):
        if create and extracted:
            self.cases.set(extracted)
