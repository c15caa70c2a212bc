"""Wat als: change cells of the matrix and compare the scenario with the adopted decision.

The changes live in this session only (st.session_state). The shared policy object is never
changed: `policy.scenario` builds a new one. Comparing is done by `policy.scenario.vergelijk`.
"""

from __future__ import annotations

import streamlit as st

from policy import Cel, Doelgroep, Niveau, Toegang, Vorm, load_policy
from policy.domain import bestaat
from policy.scenario import als_yaml, maak_scenario, regels_zonder_bron, scenario_beleid, vergelijk
from views.layout import versie_en_disclaimer
from views.presentatie import matrix_figuur
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, datum

# Our own static CSS, scoped to this page: room for two matrices side by side. No visitor text.
_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1500px !important; }
[class*="st-key-wat-als-label"] { background: #FFF4CE; border-left: 8px solid #8A6100;
  padding: 0.7rem 1rem 0.9rem 1rem; }
[class*="st-key-wat-als-label"] p { font-size: 1.15rem !important; margin: 0; }
</style>
"""
SLEUTEL = "wat_als_wijzigingen"
_VELD = {"toegang": "antwoord", "voorwaarden": "voorwaarden", "basis": "basis (staat het in het besluit?)"}
LABEL = "Scenario — geen vastgesteld beleid"

beleid = load_policy()
st.html(_CSS)


def _wijzigingen() -> dict[Cel, Toegang]:
    return dict(st.session_state.get(SLEUTEL, {}))


def _zet(wijzigingen: dict[Cel, Toegang]) -> None:
    st.session_state[SLEUTEL] = dict(wijzigingen)


def _label(plek: str) -> None:
    with st.container(key=f"wat-als-label-{plek}"):
        st.markdown(f"**{LABEL}.** Dit is een oefening. Het besluit van de ALV blijft zoals het is.")


def _verwijder(cel: Cel) -> None:
    _zet({k: v for k, v in _wijzigingen().items() if k != cel})


def _beschrijf(cel: Cel) -> str:
    inschrijving = "wel" if cel.ingeschreven_in_mbo else "niet"
    return (
        f"{beleid.label('doelgroep', cel.doelgroep)}, {inschrijving} ingeschreven in het mbo, "
        f"{beleid.label('niveau', cel.niveau)}, {beleid.label('vorm', cel.vorm).lower()}"
    )


def _antwoord(toegang: Toegang) -> str:
    return f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}"


st.title("Wat als: een scenario")
_label("boven")
st.markdown(
    "Kies een cel van de tabel en geef een ander antwoord. U ziet het scenario naast het besluit. "
    "Elke wijziging is gemarkeerd met ◆ en een kader. Uw wijzigingen blijven alleen in dit venster."
)

st.subheader("Een cel wijzigen")
k1, k2, k3, k4, k5 = st.columns(5)
doelgroep = k1.selectbox(
    "Groep", list(Doelgroep), format_func=lambda d: beleid.label("doelgroep", d), key="wat_als_doelgroep"
)
ingeschreven = k2.selectbox(
    "Ingeschreven in het mbo",
    [False, True],
    format_func=lambda i: beleid.label("ingeschreven_in_mbo", i),
    key="wat_als_ingeschreven",
)
niveau = k3.selectbox("Product", list(Niveau), format_func=lambda n: beleid.label("niveau", n), key="wat_als_niveau")
vorm = k4.selectbox("Soort toets", list(Vorm), format_func=lambda v: beleid.label("vorm", v), key="wat_als_vorm")
nieuw = k5.selectbox("Nieuw antwoord", list(Toegang), format_func=_antwoord, key="wat_als_toegang")
cel = Cel(doelgroep, niveau, vorm, ingeschreven)
huidig = beleid.decide(*cel).toegang if bestaat(cel) else None
if huidig is None:
    st.info("Deze combinatie bestaat niet: eigen studenten van een mbo-instelling staan altijd ingeschreven.")
else:
    st.markdown(f"In het besluit: **{_antwoord(huidig)}**")
if huidig is not None and st.button("Wijziging toevoegen", type="primary", key="wat_als_toevoegen"):
    wijzigingen = _wijzigingen()
    if nieuw == huidig:
        wijzigingen.pop(cel, None)
        st.info("Dit antwoord is hetzelfde als in het besluit. Er is niets gewijzigd.")
    else:
        wijzigingen[cel] = nieuw
    _zet(wijzigingen)

wijzigingen = _wijzigingen()
scenario = scenario_beleid(beleid, wijzigingen)
verschillen = vergelijk(beleid, scenario)
aantal = len(verschillen)

st.subheader(f"{aantal} {'verschil' if aantal == 1 else 'verschillen'} met het besluit")
if wijzigingen:
    for i, (c, t) in enumerate(wijzigingen.items()):
        regel, knop = st.columns([6, 1], vertical_alignment="center")
        regel.markdown(f"◆ {_beschrijf(c)}: {_antwoord(beleid.decide(*c).toegang)} → **{_antwoord(t)}**")
        knop.button("Verwijder", key=f"wat_als_verwijder_{i}", on_click=_verwijder, args=(c,))
    st.button("Alles terugzetten", key="wat_als_reset", on_click=_zet, args=({},))
else:
    st.markdown("Nog geen wijzigingen. Het scenario is gelijk aan het besluit.")

gemarkeerd = {v.cel for v in verschillen}
titel_besluit = f"Vastgesteld besluit ({beleid.besluit.orgaan_kort} van {datum(beleid.besluit.datum)})"
for ingeschreven_in_mbo in (False, True):
    kop = "Kandidaat wel ingeschreven in het mbo" if ingeschreven_in_mbo else "Kandidaat niet ingeschreven in het mbo"
    st.subheader(kop)
    # One above the other, row for row: two 5 x 8 tables side by side do not fit next to the menu.
    for bron, titel in ((beleid, titel_besluit), (scenario, LABEL)):
        st.markdown(f"**{titel}**")
        st.plotly_chart(
            matrix_figuur(
                bron,
                doelgroepen=tuple(
                    d for d in Doelgroep if bestaat(Cel(d, Niveau.entree, Vorm.formatief, ingeschreven_in_mbo))
                ),
                ingeschreven_in_mbo=ingeschreven_in_mbo,
                gemarkeerd=gemarkeerd,
                lettergrootte=15,
                kort=True,
            ),
            config={"displayModeBar": False, "staticPlot": True},
            theme=None,
            alt=f"{titel}: {kop.lower()}. {aantal} gemarkeerde cellen.",
            key=f"wat_als_fig_{int(ingeschreven_in_mbo)}_{'s' if bron is scenario else 'b'}",
        )
st.caption("✓ Ja · ✗ Nee · ? Buiten = valt buiten dit besluit · ◆ met kader = anders dan in het besluit")

if verschillen:
    st.subheader("Wat is anders")
    st.table(
        [
            {
                "Cel": _beschrijf(v.cel),
                "Besluit": _antwoord(v.oud.toegang),
                "Scenario": _antwoord(v.nieuw.toegang),
                "Verschilt in": ", ".join(_VELD[veld] for veld in v.velden),
            }
            for v in verschillen
        ]
    )

st.subheader("Scenario bewaren")
bestand = maak_scenario(beleid, wijzigingen)
zonder_bron = regels_zonder_bron(bestand)
st.download_button(
    "Download het scenario (YAML)",
    data=als_yaml(bestand),
    file_name="scenario.yaml",
    mime="application/x-yaml",
    disabled=not wijzigingen,
    key="wat_als_download",
)
st.markdown(
    "Het bestand heeft hetzelfde formaat als het besluit. Controleer het met "
    "`python -m policy --pad scenario.yaml check`."
)
if zonder_bron:
    st.markdown("Deze regels hebben nog geen bron in de besluittekst:\n" + "\n".join(f"- `{r}`" for r in zonder_bron))
_label("onder")
versie_en_disclaimer(beleid)
