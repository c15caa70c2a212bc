"""Presentatie: the decision screen by screen, for a projector at the ledenvergadering.

The screen is in the URL (`?scherm=3`), so a presenter can reload or share a link to one screen.
Every sentence of policy comes from `views.presentatie.schermen(beleid)`. A clicker works: the
arrow keys, PageDown/PageUp, Home/End (first/last screen) and B (blank screen).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from policy import Basis
from policy.domain import VERSIE_SLEUTEL
from policy.models import Bron
from views.figuren import AFGELEID, cel_naam, raster_figuur, tijdlijn_figuur
from views.layout import kies_besluit
from views.paginas import pagina
from views.presentatie import Scherm, positie, scherm_nummer, schermen
from views.qr import GEEN_ADRES, WAARSCHUWING, Bereik, qr_adres, qr_svg
from views.teksten import (
    TOEGANG_LABEL,
    basis_kort,
    bronverwijzing,
    disclaimer,
    markdown_veilig,
    versieregel,
)
from views.versies import melding, versie_query

# Our own static CSS, scoped to this page (it goes away with the page). No visitor text in it.
_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], .st-key-pres-toetsen { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 1760px !important; padding: 1.6rem 3rem 7rem 3rem !important; }
/* A projector at the back of a hall: nothing under 30 px. */
.st-key-pres-scherm p, .st-key-pres-scherm li { font-size: 34px !important; line-height: 1.35 !important; }
.st-key-pres-scherm h1 { font-size: 68px !important; line-height: 1.1 !important; padding: 0 0 0.4rem 0 !important; }
.st-key-pres-scherm h2 { font-size: 40px !important; padding: 0.4rem 0 0.2rem 0 !important; }
.st-key-pres-scherm blockquote { border-left: 8px solid #1F5F8B !important; padding-left: 1.2rem !important;
  opacity: 1 !important; }
.st-key-pres-scherm blockquote p { font-size: 34px !important; font-style: italic; color: #1A1A1A !important; }
[class*="st-key-pres-groot"] blockquote p { font-size: 46px !important; line-height: 1.3 !important; }
[class*="st-key-pres-ruim"] h2 { font-size: 54px !important; padding: 0.9rem 0 !important; }
[class*="st-key-pres-adres"] a { color: #1A1A1A !important; }
[class*="st-key-pres-klein"] p, [class*="st-key-pres-klein"] blockquote p { font-size: 32px !important; }
.st-key-pres-scherm [data-testid="stMarkdownContainer"] blockquote { margin-bottom: 0.2rem !important; }
[class*="st-key-pres-kicker"] p { font-size: 30px !important; color: #4A4A4A !important; margin: 0; }
[class*="st-key-pres-adres"] p { font-size: 40px !important; font-weight: 700; text-align: center; }
.st-key-pres-scherm [data-testid="stCaptionContainer"] p { font-size: 30px !important; color: #4A4A4A !important; }
.st-key-pres-scherm [data-testid="stAlert"] p, .st-key-pres-scherm [data-testid="stAlert"] span,
.st-key-pres-scherm [data-testid="stAlert"] [data-testid="stIconMaterial"] {
  font-size: 30px !important; }
.st-key-pres-nav { position: fixed; left: 0; right: 0; bottom: 0; z-index: 100; background: #F1F4F7;
  padding: 0.6rem 3rem; border-top: 2px solid #D5DCE3; }
.st-key-pres-nav p, .st-key-pres-nav button p, .st-key-pres-nav kbd, .st-key-pres-nav button span {
  font-size: 30px !important; margin: 0; }
.st-key-pres-nav button p { font-weight: 600; }
/* Streamlit greys captions out by opacity: too faint on the grey bar and on a projector (axe 3.1:1). */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #4A4A4A !important; opacity: 1 !important; }
/* The banner of a proposal or an older decision is in the screen (its alert is 30 px above); its link too. */
.st-key-pres-versie [data-testid="stPageLink"] p { font-size: 30px !important; }
[class*="st-key-pres-wijziging"] h2 { font-size: 46px !important; padding: 0.5rem 0 !important; }
/* A presenter rehearsing on a phone: the hall sizes would split words and the bar would cover half the screen. */
@media (max-width: 700px) {
  [data-testid="stMainBlockContainer"] { padding: 1rem 1rem 2rem 1rem !important; }
  .st-key-pres-scherm h1 { font-size: 36px !important; hyphens: auto; }
  .st-key-pres-scherm h2, [class*="st-key-pres-ruim"] h2, [class*="st-key-pres-wijziging"] h2 {
    font-size: 26px !important; hyphens: auto; }
  .st-key-pres-scherm p, .st-key-pres-scherm li, .st-key-pres-scherm blockquote p,
  [class*="st-key-pres-groot"] blockquote p, [class*="st-key-pres-klein"] p, [class*="st-key-pres-adres"] p,
  [class*="st-key-pres-kicker"] p, .st-key-pres-scherm [data-testid="stCaptionContainer"] p,
  .st-key-pres-scherm [data-testid="stAlert"] p, .st-key-pres-versie [data-testid="stPageLink"] p {
    font-size: 20px !important; }
  /* The charts keep their layout; their hall-sized labels would overlap. */
  .st-key-pres-scherm .main-svg text { font-size: 11px !important; }
  .st-key-pres-nav { position: static; padding: 0.5rem 0; border-top: 0; }
  .st-key-pres-nav p, .st-key-pres-nav button p, .st-key-pres-nav button span { font-size: 18px !important; }
}
</style>
"""
# B blanks the screen (as in any presentation program) until B, or a move, brings it back.
_ZWART = '<div class="pres-zwart" style="position:fixed;inset:0;background:#000;z-index:1000"></div>'

versie = kies_besluit()
beleid = versie.beleid
# A proposal or a new decision: what changes from the adopted one before it gets its own screen.
lijst = schermen(beleid, versie.versies.vorige(beleid))
versiemelding = melding(versie.versies, versie.keuze)
aantal = len(lijst)
nummer = scherm_nummer(st.query_params.get("scherm"), aantal)
if st.query_params.get("scherm") != str(nummer):
    st.query_params["scherm"] = str(nummer)
ZWART = "pres_zwart"


def _ga_naar(doel: int) -> None:
    st.session_state[ZWART] = False
    st.query_params["scherm"] = str(min(max(doel, 1), aantal))


def _zwart() -> None:
    st.session_state[ZWART] = not st.session_state.get(ZWART, False)


def citaten(bronnen: tuple[Bron, ...]) -> None:
    """Quotes as quotes, with where they stand; quotes from one paragraph share one reference."""
    for i, bron in enumerate(bronnen):
        st.markdown(f"> {markdown_veilig(bron.citaat)}")
        if i + 1 == len(bronnen) or bronnen[i + 1].alinea != bron.alinea:
            st.caption(bronverwijzing(beleid, bron.alinea))


def _kop(scherm: Scherm, kicker: bool = False) -> None:
    if kicker:
        with st.container(key="pres-kicker"):
            st.markdown(markdown_veilig(beleid.besluit.titel))
    st.title(markdown_veilig(scherm.titel), anchor=False)


def _aanleiding(scherm: Scherm) -> None:
    _kop(scherm, kicker=True)
    with st.container(key="pres-ruim-aanleiding"):
        for regel in scherm.tekst:
            st.header(markdown_veilig(regel), anchor=False)
    with st.container(key="pres-groot"):
        citaten(scherm.citaten)


def _proces(scherm: Scherm) -> None:
    _kop(scherm)
    st.plotly_chart(
        tijdlijn_figuur(scherm.stappen),
        config={"displayModeBar": False, "staticPlot": True},
        theme=None,
        alt=" Daarna: ".join(markdown_veilig(f"{stap.wanneer}: {stap.titel}") for stap in scherm.stappen),
    )
    with st.container(key="pres-klein"):
        kolommen = st.columns(len(scherm.stappen), gap="large")
        for kolom, stap in zip(kolommen, scherm.stappen, strict=True):
            with kolom:
                citaten(stap.bronnen)


def _kern(scherm: Scherm) -> None:
    _kop(scherm)
    with st.container(key="pres-groot"):
        citaten(scherm.citaten)
    # Where a group's own paragraph is narrower than this summary, say so next to it.
    with st.container(key="pres-klein-preciezer"):
        for punt in scherm.punten:
            st.header(markdown_veilig(punt.titel), anchor=False)
            citaten(punt.bronnen)


def _groep(scherm: Scherm) -> None:
    _kop(scherm)
    st.caption("Kandidaat niet ingeschreven in het mbo:")
    st.plotly_chart(
        raster_figuur(beleid, doelgroepen=(scherm.rij[0].cel.doelgroep,), lettergrootte=36, rijnamen=False),
        config={"displayModeBar": False, "staticPlot": True},
        theme=None,
        alt=markdown_veilig(
            "; ".join(f"{cel_naam(beleid, b.cel)}: {TOEGANG_LABEL[b.toegang]}" for b in scherm.rij) + "."
        ),
    )
    if scherm.heeft_afgeleid:
        st.caption(f"{AFGELEID}: {basis_kort(beleid, Basis.afgeleid)}.")
    links, rechts = st.columns([5, 6], gap="large")
    with links:
        st.header("Waarom", anchor=False)
        for reden in scherm.redenen:
            st.markdown(markdown_veilig(reden))
    with rechts, st.container(key="pres-klein-groep"):
        st.header("Uit het bericht", anchor=False)
        citaten(scherm.citaten)
    if scherm.ingeschreven:
        afgeleid = " (afgeleid)" if scherm.ingeschreven_afgeleid else ""
        st.markdown(f"**Wel ingeschreven in het mbo?** {markdown_veilig(scherm.ingeschreven)}{afgeleid}")


def _punten(scherm: Scherm) -> None:
    _kop(scherm)
    # Points with their own quotes (the conditions) stay compact; bare points (the aims) get room.
    ruim = not any(punt.bronnen for punt in scherm.punten)
    with st.container(key=f"pres-{'ruim' if ruim else 'punten'}-{scherm.id}"):
        for i, punt in enumerate(scherm.punten):
            st.header(f"✓ {markdown_veilig(punt.titel)}", anchor=False)
            if punt.basis == Basis.afgeleid:
                st.caption(f"{basis_kort(beleid, Basis.afgeleid)} ({AFGELEID}).")
            if punt.bronnen:
                with st.container(key=f"pres-klein-{i}"):
                    citaten(punt.bronnen)
    if scherm.citaten:
        with st.container(key=f"pres-{'groot' if ruim else 'klein'}-slot"):
            citaten(scherm.citaten)


def _wijzigingen(scherm: Scherm) -> None:
    with st.container(key="pres-kicker"):
        st.markdown(markdown_veilig(scherm.tekst[0]))
    st.title(markdown_veilig(scherm.titel), anchor=False)
    with st.container(key="pres-wijziging"):
        for punt in scherm.punten:
            st.header(markdown_veilig(punt.titel), anchor=False)
    for regel in scherm.redenen:
        st.markdown(markdown_veilig(regel))


def _versie() -> None:
    """On every screen of a proposal (or an older decision): what it is, in the hall's letter size."""
    if versiemelding is None:
        return
    with st.container(key="pres-versie"):
        # The heading only (the bar below names the decision): at the back of a hall the screen's words count.
        kader = st.warning if versiemelding.soort == "voorstel" else st.info
        kader(f"**{markdown_veilig(versiemelding.kop)}**")
        if versiemelding.soort != "voorstel" and versiemelding.link_tekst and versiemelding.link_versie:
            st.page_link(
                pagina("presentatie"),
                label="Open de presentatie van het nieuwe besluit",
                query_params={VERSIE_SLEUTEL: versiemelding.link_versie},
            )


def _afsluiting(scherm: Scherm) -> None:
    _kop(scherm, kicker=True)
    # The address the presenter's browser is on, so the hall gets the host the projector shows.
    adres = qr_adres(st.context.url, st.context.headers.get("host"))
    if adres is not None:
        # Pinned to the decision shown: a phone that scanned it keeps this decision's answers, and says so
        # once a newer decision exists.
        adres = replace(adres, url=f"{adres.url}{'&' if '?' in adres.url else '?'}{urlencode(versie_query(beleid))}")
    links, rechts = st.columns([3, 2], gap="large", vertical_alignment="center")
    with links:
        for regel in scherm.tekst:
            st.header(markdown_veilig(regel), anchor=False)
        if adres is None:
            st.warning(GEEN_ADRES, icon=":material/warning:")
        elif adres.bereik != Bereik.openbaar:
            st.warning(WAARSCHUWING[adres.bereik], icon=":material/warning:")
        st.markdown(markdown_veilig(disclaimer(beleid)))  # the version is in the bar below
    if adres is not None:
        with rechts, st.container(key="pres-qr", horizontal_alignment="center"):
            st.image(qr_svg(adres.url), width=520, alt=f"QR-code naar {adres.url}")
            with st.container(key="pres-adres"):
                st.markdown(markdown_veilig(adres.url), text_alignment="center")


_TEKEN = {
    "aanleiding": _aanleiding,
    "proces": _proces,
    "kern": _kern,
    "wijzigingen": _wijzigingen,
    "groep": _groep,
    "regie": _punten,
    "doelen": _punten,
    "afsluiting": _afsluiting,
}

st.html(_CSS)
if st.session_state.get(ZWART):
    st.html(_ZWART)
scherm = lijst[nummer - 1]
with st.container(key="pres-scherm"):
    _versie()
    _TEKEN[scherm.soort](scherm)

with st.container(key="pres-nav"):
    vorige, midden, volgende = st.columns([1, 3, 1], vertical_alignment="center")
    with vorige:
        st.button(
            "Vorige",  # the shortcut hint adds the arrow
            key="pres-vorige",
            disabled=nummer == 1,
            on_click=_ga_naar,
            args=(nummer - 1,),
            width="stretch",
            shortcut="Left",
        )
    with midden:
        st.markdown(f"**{positie(nummer, aantal)}** · {markdown_veilig(versieregel(beleid))}", text_alignment="center")
    with volgende:
        st.button(
            "Volgende",
            key="pres-volgende",
            disabled=nummer == aantal,
            on_click=_ga_naar,
            args=(nummer + 1,),
            width="stretch",
            type="primary",
            shortcut="Right",
        )

# The keys a clicker sends besides the arrows; one button per key, since a button has one shortcut.
# Hidden: they repeat Vorige/Volgende for the keyboard and would only add noise for a screen reader.
with st.container(key="pres-toetsen"):
    for toets, doel in (("PageUp", nummer - 1), ("PageDown", nummer + 1), ("Home", 1), ("End", aantal)):
        st.button(toets, key=f"pres-{toets.lower()}", on_click=_ga_naar, args=(doel,), shortcut=toets)
    st.button("Zwart scherm", key="pres-zwart", on_click=_zwart, shortcut="B")
