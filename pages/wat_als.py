"""Wat als: change cells of the matrix and compare the scenario with the adopted decision.

The difference comes first, then how to change a cell, then both matrices side by side. The changes
live in this session (st.session_state) and in the URL (`?scenario=isk-entree-summatief-nee:ja`), so a
reload keeps them and the link can be shared. The shared policy object is never changed:
`policy.scenario` builds a new one and compares.

A scenario starts from the decision in force, or from any other decision the select box names (`?versie=`):
a proposal stays named a proposal, with its banner, everywhere on the page.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from policy import Cel, Niveau, Toegang, Vorm
from policy.domain import VERSIE_SLEUTEL
from policy.scenario import (
    URL_SLEUTEL,
    cel_in_woorden,
    lees_wijzigingen_url,
    maak_scenario,
    regels_zonder_bron,
    scenario_beleid,
    scenario_yaml,
    vergelijk,
    wijzigingen_als_url,
)
from views.figuren import raster_figuur
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, hoofdletter, versieregel
from views.versies import naam

# Our own static CSS, scoped to this page: room for two matrices side by side, and text that reads
# from across a meeting room at 1920x1080 (nothing at Streamlit's 14-16 px). No visitor text.
_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1600px !important; }
[data-testid="stMain"] .stMarkdown p, [data-testid="stMain"] .stMarkdown li,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p,
[data-testid="stMain"] .stSelectbox input, [role="listbox"] [role="option"],
[data-testid="stMain"] .stButton button p, [data-testid="stMain"] [data-testid="stDownloadButton"] button p,
[data-testid="stMain"] [data-testid="stExpander"] summary p,
[data-testid="stMain"] [data-testid="stCaptionContainer"] p,
[data-testid="stMain"] [data-testid="stCode"] code,
[data-testid="stMain"] [data-testid="stAlert"] p { font-size: 1.25rem !important; line-height: 1.5; }
[data-testid="stMain"] .stMarkdown code { font-size: 1.15rem !important; }
[data-testid="stMain"] h1 { font-size: 2.6rem !important; }
[data-testid="stMain"] h2 { font-size: 2rem !important; }
[data-testid="stMain"] h3 { font-size: 1.6rem !important; }
[class*="st-key-wat-als-label"] { background: #FFF4CE; border-left: 8px solid #8A6100;
  padding: 0.6rem 1rem 0.7rem 1rem; }
/* Side by side only where two matrices fit (a 1920 px projector); narrower, the scenario goes below. */
@media (max-width: 1799px) {
  [class*="st-key-wat-als-paar-"] [data-testid="stHorizontalBlock"] { flex-direction: column; }
  [class*="st-key-wat-als-paar-"] [data-testid="stColumn"] { width: 100% !important; flex: 1 1 100% !important; }
}
/* Plotly keeps the width it had on screen (up to 1000 px here); paper is about 680 px wide. */
@media print { .stPlotlyChart { zoom: 0.66; } }
[class*="st-key-wat-als-verschil-"] { border-bottom: 1px solid #BBBBBB; padding-bottom: 0.4rem; }
</style>
"""
SLEUTEL = "wat_als_wijzigingen"
LABEL = "Scenario — geen vastgesteld beleid"

VERSIE_KEUZE = "wat_als_versie"

versie = kies_besluit()
beleid = versie.beleid
# What the scenario starts from, in words: 'het besluit van 26 maart 2026' or 'het voorstel voor ...'.
basis = naam(beleid)
basis_zin = hoofdletter(basis)  # at the start of a sentence
st.html(_CSS)


def _wijzigingen() -> dict[Cel, Toegang]:
    return dict(st.session_state.get(SLEUTEL, {}))


def _zet(wijzigingen: dict[Cel, Toegang]) -> None:
    st.session_state[SLEUTEL] = dict(wijzigingen)


def _verwijder(cel: Cel) -> None:
    _zet({k: v for k, v in _wijzigingen().items() if k != cel})


def _naar_url() -> None:
    """Keep the URL in step with the scenario (once, at the end of a run): reload and share keep it."""
    waarde = wijzigingen_als_url(_wijzigingen())
    params = {**({URL_SLEUTEL: waarde} if waarde else {}), **versie.query}
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def _voeg_toe() -> None:
    """Add the chosen cell's new answer before the page is drawn, so the difference on top is current."""
    s = st.session_state
    cel = Cel(s["wat_als_doelgroep"], s["wat_als_niveau"], s["wat_als_vorm"], s["wat_als_ingeschreven"])
    bijgewerkt = _wijzigingen()
    if s["wat_als_toegang"] == beleid.decide(*cel).toegang:
        bijgewerkt.pop(cel, None)
        s["wat_als_zelfde"] = True
    else:
        bijgewerkt[cel] = s["wat_als_toegang"]
    _zet(bijgewerkt)


def _kies_versie() -> None:
    """Start from another decision: the URL names it (the next run reads it); changes equal to it drop out."""
    gekozen = versie.versies.kies(st.session_state[VERSIE_KEUZE])
    st.query_params[VERSIE_SLEUTEL] = gekozen.besluit.id
    _zet({c: t for c, t in _wijzigingen().items() if gekozen.decide(*c).toegang != t})


def _antwoord(toegang: Toegang) -> str:
    return f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}"


# First run of this page in a session: start from the URL (a shared link). What is not exactly ours is
# left out and never shown back; only changes that differ from the decision count.
if SLEUTEL not in st.session_state:
    gelezen, genegeerd = lees_wijzigingen_url(st.query_params.get(URL_SLEUTEL, ""))
    _zet({c: t for c, t in gelezen.items() if beleid.decide(*c).toegang != t})
    st.session_state["wat_als_genegeerd"] = genegeerd

st.title("Wat als: een scenario", anchor=False)
toon_versiemelding(versie, "wat_als", met_link=False)  # "Begin bij" below chooses the decision
with st.container(key="wat-als-label-boven"):
    st.markdown(f"**{LABEL}.** Dit is een oefening. Dit scenario verandert {basis} niet.")
# The select box follows the URL (a banner link may have moved it); it offers every decision, proposals too.
st.session_state[VERSIE_KEUZE] = beleid.besluit.id
st.selectbox(
    "Begin bij",
    versie.versies.ids()[::-1],
    format_func=lambda i: versieregel(versie.versies.kies(i)),
    key=VERSIE_KEUZE,
    on_change=_kies_versie,
    help="Het scenario begint bij dit besluit of voorstel. Over een voorstel heeft de ALV nog niet besloten.",
)
if st.session_state.pop("wat_als_genegeerd", False):
    st.info("Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen.")

wijzigingen = _wijzigingen()
scenario = scenario_beleid(beleid, wijzigingen)
verschillen = vergelijk(beleid, scenario)
aantal = len(wijzigingen)

# --- 1. what is different, first ---------------------------------------------------------------------
st.header(
    f"Wat is anders: {aantal} {'cel' if aantal == 1 else 'cellen'}" if aantal else "Wat is anders: nog niets",
    anchor=False,
)
if wijzigingen:
    kop1, kop2, kop3, _ = st.columns([5, 2, 2, 1.2])
    kop1.markdown("**Groep, inschrijving, product**")
    kop2.markdown(f"**{basis_zin}**")
    kop3.markdown("**Scenario**")
    for i, v in enumerate(verschillen):
        with st.container(key=f"wat-als-verschil-{i}"):
            cel_k, oud_k, nieuw_k, knop_k = st.columns([5, 2, 2, 1.2], vertical_alignment="center")
            cel_k.markdown(f"◆ {cel_in_woorden(beleid, v.cel)}")
            oud_k.markdown(_antwoord(v.oud.toegang))
            nieuw_k.markdown(f"**{_antwoord(v.nieuw.toegang)}**")
            knop_k.button("Verwijder", key=f"wat_als_verwijder_{i}", on_click=_verwijder, args=(v.cel,))
    st.button("Alles terugzetten", key="wat_als_reset", on_click=_zet, args=({},))
    with st.container(key="geen-print-deel"):
        st.markdown(
            "Uw scenario staat in de link in de adresbalk. Bewaar of deel die link: wie hem opent, "
            "ziet hetzelfde scenario."
        )
    with st.container(key="alleen-print-link"):
        # On paper the address bar is gone: print the link itself (our own encoding, as plain text).
        st.markdown("Dit scenario staat in deze link:")
        st.text(f"{(st.context.url or '').split('?')[0]}?{URL_SLEUTEL}={wijzigingen_als_url(wijzigingen)}")
else:
    st.markdown(f"Het scenario is nu gelijk aan {basis}. Hieronder geeft u een cel een ander antwoord.")

# --- 2. change a cell --------------------------------------------------------------------------------
# Choosing and adding only works on a screen: left off paper.
with st.container(key="geen-print-wijzigen"):
    st.header("Een cel wijzigen", anchor=False)
    st.markdown("Kies de groep, de inschrijving, het product en de soort toets. Kies dan het nieuwe antwoord.")
    k1, k2, k3, k4, k5 = st.columns(5, vertical_alignment="bottom")
    # Enrolment first: the groups offered are the ones with cells for it (an mbo-instelling's own students
    # are always enrolled), so a combination that does not exist cannot be chosen.
    ingeschreven = k1.selectbox(
        "Ingeschreven in het mbo",
        [False, True],
        format_func=lambda i: beleid.label("ingeschreven_in_mbo", i),
        key="wat_als_ingeschreven",
    )
    doelgroep = k2.selectbox(
        "Groep",
        beleid.doelgroepen(ingeschreven),
        format_func=lambda d: beleid.label("doelgroep", d),
        key="wat_als_doelgroep",
    )
    # Named first: written inline next to format_func, mypy types `list(Niveau)` as selectbox's empty options.
    niveaus, vormen = list(Niveau), list(Vorm)
    niveau = k3.selectbox("Product", niveaus, format_func=lambda n: beleid.label("niveau", n), key="wat_als_niveau")
    vorm = k4.selectbox("Soort toets", vormen, format_func=lambda v: beleid.label("vorm", v), key="wat_als_vorm")
    k5.selectbox("Nieuw antwoord", list(Toegang), format_func=_antwoord, key="wat_als_toegang")
    st.markdown(f"In {basis}: **{_antwoord(beleid.decide(doelgroep, niveau, vorm, ingeschreven).toegang)}**")
    st.button("Wijziging toevoegen", type="primary", key="wat_als_toevoegen", on_click=_voeg_toe)
    if st.session_state.pop("wat_als_zelfde", False):
        st.info(f"Dit antwoord is hetzelfde als in {basis}. Er is niets gewijzigd.")

# --- 3. both matrices side by side -------------------------------------------------------------------
st.header(f"Alle antwoorden: {basis} en het scenario", anchor=False)
st.markdown(f"◆ met een dik kader: dit antwoord is anders dan in {basis}. ✓ Ja · ✗ Nee · ? Buiten het besluit.")
gemarkeerd = {v.cel for v in verschillen}
titel_besluit = versieregel(beleid)
# The view with a change comes first (not enrolled first when both or neither have one).
for ingeschreven_in_mbo in sorted((False, True), key=lambda i: not any(c.ingeschreven_in_mbo == i for c in gemarkeerd)):
    kop = "Kandidaat wel ingeschreven in het mbo" if ingeschreven_in_mbo else "Kandidaat niet ingeschreven in het mbo"
    st.subheader(kop, anchor=False)
    links, rechts = st.container(key=f"wat-als-paar-{int(ingeschreven_in_mbo)}").columns(2, gap="large")
    for kolom, bron, titel in ((links, beleid, titel_besluit), (rechts, scenario, LABEL)):
        # Title and matrix on one sheet of paper (the print CSS keeps `samen-houden` whole).
        blok = kolom.container(key=f"samen-houden-{int(ingeschreven_in_mbo)}-{'s' if bron is scenario else 'b'}")
        blok.markdown(f"**{titel}**")
        blok.plotly_chart(
            raster_figuur(
                bron,
                doelgroepen=tuple(beleid.doelgroepen(ingeschreven_in_mbo)),
                ingeschreven_in_mbo=ingeschreven_in_mbo,
                gemarkeerd=gemarkeerd,
                lettergrootte=19,  # the most that fits two matrices side by side at 1920 px next to the menu
                kort=True,
            ),
            config={"displayModeBar": False, "staticPlot": True},
            theme=None,
            alt=f"{titel}: {kop.lower()}. {len(gemarkeerd)} gemarkeerde cellen.",
            key=f"wat_als_fig_{int(ingeschreven_in_mbo)}_{'s' if bron is scenario else 'b'}",
        )

# --- 4. the technical part, for whoever maintains the policy files -----------------------------------
with st.container(key="geen-print-beheer"), st.expander("Voor beheerders: het scenario als beleidsbestand"):
    bestand = maak_scenario(beleid, wijzigingen)
    st.download_button(
        "Download het scenario (YAML)",
        data=scenario_yaml(beleid, wijzigingen, dt.datetime.now(dt.UTC)),
        file_name="scenario.yaml",
        mime="application/x-yaml",
        disabled=not wijzigingen,
        key="wat_als_download",
        on_click="ignore",
    )
    st.markdown(
        "Het bestand heeft hetzelfde formaat als het besluit. Bovenaan staat in gewone woorden wat anders is. "
        "Veelgestelde vragen die het scenario tegenspreekt, zijn weggelaten of gemarkeerd. Controleer het met "
        "`python -m policy --pad scenario.yaml check`."
    )
    zonder_bron = regels_zonder_bron(bestand)
    if zonder_bron:
        st.markdown(
            "Deze regels hebben nog geen bron in de besluittekst:\n" + "\n".join(f"- `{r}`" for r in zonder_bron)
        )

with st.container(key="wat-als-label-onder"):
    st.markdown(f"**{LABEL}.** Dit is een oefening. Dit scenario verandert {basis} niet.")
_naar_url()
versie_en_disclaimer(beleid)
