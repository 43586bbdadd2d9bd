import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User

from spaces.models import JoinRequest, Membership, Space


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """A person who signed up has confirmed their address (`verified_email=False`: not)."""
        if create and extracted is not False and self.email:
            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ruimte {n}")
    slug = factory.Sequence(lambda n: f"ruimte-{n}")
    visibility = Space.Visibility.CLOSED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    message = "Ik werk als wijkregisseur en wil graag meelezen."
