"""Faster test databases; what the tests check is unchanged.

The transactional tests (browser tests, `serialized_rollback`) empty every table after each test
and put back what the migrations seeded (municipalities, permissions, topics, Wagtail's root...).
Django does both the slow way; on PostgreSQL on a busy two-core machine each took ~3.5 s per
such test:

- the flush is one TRUNCATE of all ~100 tables, which gives every table and index a new file;
- the restore saves ~1,000 rows one by one, each with an UPDATE that finds nothing and then an
  INSERT, plus the many-to-many rows one `.set()` at a time.

Here the flush on PostgreSQL is a DELETE per table (the few rows a test made: ~0.05-0.3 s), and
the restore writes the same rows, with the same values, in one multi-row INSERT ... ON CONFLICT
per table (SQLite too). The snapshot is deserialized once and its rows reused.
"""

from collections import defaultdict

import pytest
from django.core import serializers
from django.db import transaction
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.models.constants import OnConflict


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test-only PostgreSQL settings, applied before the test database is created.

    `synchronous_commit=off` per session: a commit no longer waits for its WAL record to reach
    the disk. A crash of the server could lose the last commits of a database that is thrown
    away anyway; what a test sees is unchanged (transactions are as atomic and isolated).
    """
    from django.conf import settings

    for db in settings.DATABASES.values():
        if db["ENGINE"] == "django.db.backends.postgresql":
            options = db.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()
            _flush_postgresql_with_delete()


def _flush_postgresql_with_delete() -> None:
    """DELETE instead of TRUNCATE. The foreign keys Django creates are DEFERRABLE INITIALLY
    DEFERRED, so the order of the DELETEs does not matter: they are checked at the commit."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush
    if getattr(truncate, "deletes", False):
        return

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        # Restarting sequences or cascading to tables outside the list: TRUNCATE, as Django does.
        if not tables or reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]

    sql_flush.deletes = True
    DatabaseOperations.sql_flush = sql_flush


_parsed: dict[tuple[str, int], list] = {}


def _rows_by_model(connection, data: str) -> list:
    """[(model, [instances]), (through model, [instances]), ...] in the snapshot's order."""
    key = (connection.alias, hash(data))
    if key not in _parsed:
        rows = defaultdict(list)
        for deserialized in serializers.deserialize("json", data, using=connection.alias):
            obj = deserialized.object
            rows[type(obj)].append(obj)
            for accessor, targets in (deserialized.m2m_data or {}).items():
                field = type(obj)._meta.get_field(accessor)
                through = field.remote_field.through
                source = through._meta.get_field(field.m2m_field_name()).attname
                target = through._meta.get_field(field.m2m_reverse_field_name()).attname
                rows[through].extend(through(**{source: obj.pk, target: pk}) for pk in targets)
        _parsed[key] = list(rows.items())
    return _parsed[key]


def deserialize_db_from_string(self, data):
    """As Django's, with one multi-row upsert per table instead of a save() per row.

    Like Django's `save(raw=True)` it writes each model's own table (a multi-table child's
    parent row is its own object in the snapshot) with the values as they were. It sends no
    save signals, so the content state token too is put back as it was, not renewed; every
    test starts with empty caches anyway (conftest.py).
    """
    connection = self.connection
    table_names = set()
    with transaction.atomic(using=connection.alias):
        with connection.constraint_checks_disabled():
            for model, objs in _rows_by_model(connection, data):
                # A many-to-many row gets a new key, as with Django's `.set()`.
                with_key = objs[0].pk is not None
                fields = [
                    f
                    for f in model._meta.local_concrete_fields
                    if not f.generated and (with_key or f is not model._meta.auto_field)
                ]
                # Django's save() updates a row that is there (the first such test of a run
                # finds the seeded rows in place) and inserts one that is not: an upsert.
                pk = model._meta.pk
                others = [f for f in fields if f is not pk]
                if with_key and others:
                    conflict = {"on_conflict": OnConflict.UPDATE, "unique_fields": [pk]}
                    conflict["update_fields"] = others
                else:  # a many-to-many row already there stays, as with `.set()`
                    conflict = {"on_conflict": OnConflict.IGNORE}
                batch = connection.ops.bulk_batch_size(fields, objs) or len(objs)
                for start in range(0, len(objs), batch):
                    model._base_manager.using(connection.alias)._insert(
                        objs[start : start + batch],
                        fields=fields,
                        raw=True,
                        using=connection.alias,
                        **conflict,
                    )
                table_names.add(model._meta.db_table)
        connection.check_constraints(table_names=table_names)


BaseDatabaseCreation.deserialize_db_from_string = deserialize_db_from_string
