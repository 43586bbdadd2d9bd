"""Log records as JSON lines (production): one object per line for the log collector.

Every line has `timestamp` (UTC, ISO 8601), `level`, `logger` and `message`; records about a
request (django.request, django.security) add `method`, `path` and `status`; gunicorn's access
log adds the fields of its line (`remote`, `method`, `path`, `query`, `status`, `bytes`,
`duration_ms`, `user_agent`). Exceptions come as `exc_info` (the formatted traceback).
"""

from __future__ import annotations

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# The fields of gunicorn's access log (its `record.args`) we keep, under our names.
GUNICORN_ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "a": "user_agent",
}


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "{levelname}{name}{message}")
        kwargs.setdefault("style", "{")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", True)
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = log_data.pop("request", None)
        if request is not None and hasattr(request, "path"):
            log_data["method"] = request.method
            log_data["path"] = request.path
        if "status_code" in log_data:
            log_data["status"] = log_data.pop("status_code")
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, name in GUNICORN_ACCESS_FIELDS.items():
                if atom in record.args and record.args[atom] != "-":
                    log_data[name] = record.args[atom]
            if "status" in log_data:
                log_data["status"] = int(log_data["status"])
            if isinstance(record.args.get("D"), int):  # microseconds
                log_data["duration_ms"] = round(record.args["D"] / 1000, 1)
