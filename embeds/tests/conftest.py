"""The browser tests here use the same headless Chromium as kennisplatform's."""

from kennisplatform.tests.conftest import chromium  # noqa: F401
