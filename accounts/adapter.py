"""django-allauth, the platform's way: Dutch messages, e-mail through a background task."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _

from accounts.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("Het e-mailadres of het wachtwoord klopt niet."),
        "too_many_login_attempts": _(
            "U heeft te vaak een verkeerd wachtwoord ingevuld. Inloggen met dit account is "
            "een kwartier geblokkeerd, ook met het goede wachtwoord. Probeer het daarna opnieuw "
            "of vraag een nieuw wachtwoord aan."
        ),
        "rate_limited": _(
            "U heeft dit in korte tijd te vaak geprobeerd. Wacht een paar minuten en probeer "
            "het dan opnieuw."
        ),
        "account_inactive": _("Dit account is uitgeschakeld."),
        "email_taken": _("Er is al een account met dit e-mailadres."),
        "duplicate_email": _("Dit e-mailadres hoort al bij uw account."),
        "enter_current_password": _("Vul uw huidige wachtwoord in."),
        "incorrect_password": _("Dit wachtwoord klopt niet."),
        "incorrect_code": _(
            "Deze code klopt niet. Kijk of u de nieuwste code uit de app gebruikt."
        ),
        "invalid_password_reset": _(
            "Deze link werkt niet meer. Vraag hieronder een nieuwe link aan."
        ),
        "cannot_remove_primary_email": _("U kunt uw hoofdadres niet verwijderen."),
        "unverified_primary_email": _("Uw hoofdadres moet eerst bevestigd zijn."),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render now (in the request, for its links); send in a background task."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = None
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html=html,
            headers=dict(message.extra_headers) or None,
        )
