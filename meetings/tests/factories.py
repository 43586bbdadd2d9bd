from datetime import timedelta

import factory
from django.utils import timezone

from meetings.models import Meeting, Registration
from spaces.tests.factories import UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A hybrid meeting in the public agenda, a week from now, for two hours."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Leernetwerk wijkaanpak {n}")
    slug = factory.Sequence(lambda n: f"leernetwerk-{n}")
    description = "We bespreken wat werkte en wat misging in de buurtaanpak."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=2))
    form = Meeting.Form.HYBRID
    address = "Buurthuis De Schakel\nDorpsstraat 1, Utrecht"
    online_url = "https://vergader.example.org/leernetwerk-geheim"
    organiser = factory.SubFactory(UserFactory)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.REGISTERED
