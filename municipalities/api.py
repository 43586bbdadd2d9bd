"""How the API refers to a municipality inside other resources (the municipality resource
gathers cases: pages/api.py)."""

from rest_framework import serializers

from municipalities.models import Municipality


class MunicipalityRefSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    cbsCode = serializers.CharField(source="cbs_code")  # noqa: N815

    class Meta:
        model = Municipality
        fields = ["slug", "naam", "cbsCode"]
