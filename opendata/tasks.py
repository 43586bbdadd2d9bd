"""Building the open data set off the request path (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from opendata.build import build_open_data


@task()
def build_open_data_task() -> None:
    build_open_data()
