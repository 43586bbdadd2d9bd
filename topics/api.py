"""How the API refers to a topic inside other resources (the topic resource gathers cases:
pages/api.py)."""

from rest_framework import serializers

from topics.models import Topic


class TopicRefSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")

    class Meta:
        model = Topic
        fields = ["slug", "naam"]
