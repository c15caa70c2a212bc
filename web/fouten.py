"""Never an English "Internal Server Error" or "Not Found": the server fails and misses in Dutch.

`Foutopvang` is the outermost of our middleware. Starlette puts its own ServerErrorMiddleware outside all
user middleware (`Starlette.build_middleware_stack`; st.App only adds Streamlit's middleware *inside*
ours), so without this layer an exception anywhere below (a route, a light page, Streamlit's file server,
our compression) reaches the visitor as Starlette's plain English text. Here it becomes a Dutch page (HTML
in the light pages' frame, no script) or Dutch JSON under /api/, with a foutcode that is written to the
log with the traceback (web/startup.py `meld_fout`, the same code and wording as a crash in a Streamlit
page).

Only the start of a response is watched: bodies stream through untouched, and websockets and lifespan
pass by. An exception after the response has started cannot become an error page any more (the status is
sent); it is logged with its code and raised again, so the server breaks off the connection instead of
presenting half a response as whole.
"""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policy import load_policy
from views.licht import pagina
from views.licht.links import Links
from web.api_modellen import Fout, Probleem, Serverfout
from web.headers import BeveiligingsHeaders
from web.startup import FOUTMELDING, meld_fout

API = "/api"
LICHT = "/licht"
# From any path, the error page links to the light pages by absolute address.
LINKS = Links(basis="/licht/")
GEEN_CACHE = {"Cache-Control": "no-store"}

FOUT_TITEL = "Er ging iets mis"
NIET_GEVONDEN_TITEL = "Deze pagina bestaat niet"
NIET_GEVONDEN = (
    "Op dit adres staat geen pagina. Misschien is de link niet compleet, of is de pagina verplaatst.",
    "Begin bij de startpagina of de keuzehulp.",
)
API_FOUT = "De API kon deze vraag niet beantwoorden."
# Not FOUTMELDING: an API client has no page to load again.
API_MELDING = "Er ging iets mis op de server. Probeer het later opnieuw. Blijft het misgaan? Meld dan foutcode {code}."


def is_api(scope: Scope) -> bool:
    pad: str = scope.get("path", "")
    return pad == API or pad.startswith(f"{API}/")


def html_pagina(titel: str, alineas: tuple[str, ...]) -> str:
    """The light pages' frame around a short message; without the policy, a bare page that says the same."""
    try:
        return pagina.fout(load_policy(), LINKS, titel, alineas)
    except Exception as fout:  # the frame needs the policy and the templates: the message must not
        meld_fout(fout, "foutpagina zonder kader")
        titel, tekst = escape(titel), "".join(f"<p>{escape(a)}</p>" for a in alineas)
        return (
            '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8">'
            f"<title>{titel} – Toegangswijzer examenproducten</title></head>\n"
            f'<body><main><h1>{titel}</h1>{tekst}<p><a href="{LINKS.pagina("start")}">Naar de startpagina</a></p>'
            "</main></body>\n</html>\n"
        )


def niet_gevonden() -> Response:
    """A light path that does not exist: 404 in Dutch (Streamlit would answer its own page, with 200)."""
    return HTMLResponse(html_pagina(NIET_GEVONDEN_TITEL, NIET_GEVONDEN), 404, headers=GEEN_CACHE)


def serverfout(scope: Scope, code: str) -> Response:
    """The answer to an unexpected exception: Dutch JSON under /api/, a Dutch HTML page elsewhere."""
    melding = FOUTMELDING.format(code=code)
    if is_api(scope):
        body = Serverfout(fout=f"{API_FOUT} {API_MELDING.format(code=code)}", foutcode=code).model_dump(mode="json")
        return JSONResponse(body, 500, headers=GEEN_CACHE)
    return HTMLResponse(html_pagina(FOUT_TITEL, (melding,)), 500, headers=GEEN_CACHE)


ALLEEN_LEZEN = ("GET", "HEAD")
ANDERE_METHODEN = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
ALLEEN_LEZEN_TITEL = "Hier kunt u alleen lezen"
ALLEEN_LEZEN_TEKST = "Op deze adressen kunt u alleen lezen (GET of HEAD). U kunt hier niets versturen."


async def alleen_lezen(request: Request) -> Response:
    """Any other method on our paths: 405 in Dutch (Starlette would answer 'Method Not Allowed' in English)."""
    headers = {**GEEN_CACHE, "Allow": ", ".join(ALLEEN_LEZEN)}
    if is_api(request.scope):
        probleem = Probleem(veld=None, melding=ALLEEN_LEZEN_TEKST, geldig=list(ALLEEN_LEZEN))
        body = Fout(fout=ALLEEN_LEZEN_TITEL + ".", problemen=[probleem]).model_dump(mode="json")
        return JSONResponse(body, 405, headers=headers)
    return HTMLResponse(html_pagina(ALLEEN_LEZEN_TITEL, (ALLEEN_LEZEN_TEKST,)), 405, headers=headers)


# Last in web.routes(): a path of ours with another method than GET/HEAD lands here, whichever route it is.
ROUTES: list[BaseRoute] = [
    Route(pad, alleen_lezen, methods=ANDERE_METHODEN)
    for pad in (API, f"{API}/{{rest:path}}", LICHT, f"{LICHT}/{{rest:path}}")
]


class Foutopvang:
    """Answers every unexpected exception below it in Dutch with a foutcode; see the module's docstring."""

    def __init__(self, app: ASGIApp, frame_bronnen: str) -> None:
        self.app = app
        self.frame_bronnen = frame_bronnen  # the error answer gets the same security headers as any other

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        begonnen = False

        async def volgen(bericht: Message) -> None:
            nonlocal begonnen
            if bericht["type"] == "http.response.start":
                begonnen = True
            await send(bericht)

        try:
            await self.app(scope, receive, volgen)
        except Exception as fout:
            # The path as repr and cut short: it is the visitor's text, and a log line stays one line.
            code = meld_fout(fout, f"{scope.get('method', '')} {scope.get('path', '')[:200]!r}")
            if begonnen:
                raise
            antwoord = serverfout(scope, code)
            await BeveiligingsHeaders(antwoord, self.frame_bronnen)(scope, receive, send)
