from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the platform: backup and restore, the health check, logging, compression."""

    name = "ops"
    verbose_name = "Beheer van de installatie"
