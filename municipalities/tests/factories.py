import factory

from municipalities.models import Municipality


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("cbs_code",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    # GM9000-GM9899: no real municipality has these codes (tests use GM9998 as a missing one),
    # and a code stays six characters however many tests ran before (PostgreSQL enforces the
    # column's length; SQLite does not).
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n % 900:04d}")
