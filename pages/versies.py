"""Versies van het besluit: every decision with its date, status and source, and what changed between any two.

The comparison comes from `views.versies` (built on `policy diff`): per changed cell the old and the new
answer in words with the quotes of both, then the conditions, FAQ and glossary entries that changed. The
two decisions compared live in the URL (`?van=alv-2026-03-26&naar=alv-2026-11-20`); without them every
decision is shown against the adopted one before it. What the URL holds is only looked up, never shown.
"""

from __future__ import annotations

import streamlit as st

from policy import Beleid, laad_versies
from policy.models import Begrip, FaqVraag, Voorwaarde
from policy.wijzigingen import TekstWijziging
from views import wizard
from views.beslissing import citaten
from views.layout import versie_en_disclaimer
from views.paginas import pagina
from views.teksten import bron_link, hoofdletter, markdown_veilig, versieregel
from views.versies import (
    NIETS_ANDERS,
    NIETS_TE_VERGELIJKEN,
    NIEUWSTE,
    VERSIES_UITLEG,
    WAT_LABEL,
    Antwoord,
    Vergelijking,
    naam,
    situaties_anders,
    vergelijking,
    vergelijkingen,
    versie_query,
)

VAN, NAAR = "van", "naar"
VAN_KEUZE, NAAR_KEUZE = "versies_van", "versies_naar"
# How a reader names a condition, FAQ entry or glossary entry, and the words of each that a reader sees.
SOORT_WOORD = {"voorwaarde": "Voorwaarde", "faq": "Veelgestelde vraag", "begrip": "Begrip"}

versies = laad_versies()
huidig = versies.huidig


def _tekst(item: Voorwaarde | FaqVraag | Begrip) -> str:
    """The words of an entry a reader sees under its title."""
    return item.antwoord if isinstance(item, FaqVraag) else item.uitleg


def _naar_url() -> None:
    """Keep the URL in step with the two select boxes, so a comparison can be shared."""
    params = {k: st.session_state[s] for k, s in ((VAN, VAN_KEUZE), (NAAR, NAAR_KEUZE)) if st.session_state.get(s)}
    st.query_params.from_dict(params)


def _antwoord(
    kolom: st.delta_generator.DeltaGenerator, kant: str, beleid: Beleid, antwoord: Antwoord, cel: object
) -> None:
    """One side of a changed cell: the decision, the answer and its quotes, and the cell in the keuzehulp."""
    with kolom:
        st.markdown(
            f"**{kant}** ({markdown_veilig(naam(beleid))}): **{markdown_veilig(antwoord.label)}**  \n"
            f"{markdown_veilig(antwoord.samenvatting)}"
        )
        citaten(beleid, antwoord.bronnen, versie_query(beleid))
        st.page_link(
            pagina("keuzehulp"),
            label=f"Bekijk dit antwoord volgens {naam(beleid)}",
            icon=":material/help:",
            query_params=wizard.cel_query(cel, beleid),
        )


def _tekstwijziging(t: TekstWijziging, v: Vergelijking) -> None:
    """A condition, FAQ or glossary entry that is new, gone or reworded: its words before and after."""
    with st.container(border=True):
        st.markdown(
            f"**{WAT_LABEL[t.wat]}** · {SOORT_WOORD[t.soort]}: **{markdown_veilig(' '.join(t.titel.split()))}**"
        )
        for item, beleid in ((t.oud, v.oud), (t.nieuw, v.nieuw)):
            if item is not None:
                wie = markdown_veilig(hoofdletter(naam(beleid)))
                st.markdown(f"*{wie}:* {markdown_veilig(' '.join(_tekst(item).split()))}")


def toon_vergelijking(v: Vergelijking) -> None:
    st.header(markdown_veilig(v.kop), anchor=False)
    if v.leeg:
        st.markdown(NIETS_ANDERS)
        return
    st.subheader(situaties_anders(len(v.cellen)).rstrip("."), anchor=False)
    for c in v.cellen:
        with st.container(border=True):
            st.markdown(f"**{markdown_veilig(hoofdletter(c.situatie))}**  \nAnders: {markdown_veilig(c.wat)}.")
            oud, nieuw = st.columns(2, gap="medium")
            was, wordt = v.kanten
            _antwoord(oud, was, v.oud, c.oud, c.cel)
            _antwoord(nieuw, wordt, v.nieuw, c.nieuw, c.cel)
    if v.teksten:
        st.subheader("Voorwaarden, veelgestelde vragen en begrippen", anchor=False)
        for t in v.teksten:
            _tekstwijziging(t, v)


st.title("Versies van het besluit", anchor=False)
st.markdown(" ".join(VERSIES_UITLEG))

st.header("Alle versies", anchor=False)
for beleid in reversed(versies.besluiten):
    b = beleid.besluit
    with st.container(border=True):
        regels = [
            f"**{markdown_veilig(hoofdletter(naam(beleid)))}**",
            markdown_veilig(versieregel(beleid)) + (f". {NIEUWSTE}" if beleid is huidig else "."),
            f"Bron: {markdown_veilig(b.bron.titel)}, {markdown_veilig(b.bron.uitgever)}.",
        ]
        st.markdown("  \n".join(regels))
        st.page_link(
            pagina("start"),
            label=f"Bekijk de app volgens {naam(beleid)}",
            icon=":material/arrow_forward:",
            query_params=versie_query(beleid),
        )
        st.page_link(
            pagina("besluit"),
            label=bron_link(beleid, dit=True),
            icon=":material/description:",
            query_params=versie_query(beleid),
        )

st.header("Wat is er veranderd?", anchor=False)
if len(versies.besluiten) < 2:
    st.markdown(
        f"Er is één besluit: {markdown_veilig(naam(huidig))}. {NIETS_TE_VERGELIJKEN} "
        "Komt er een nieuw besluit of een voorstel, dan ziet u hier wat er verandert."
    )
else:
    # First run of this page in a session: start from the URL (a shared comparison); unknown ids are dropped.
    for sleutel, keuze in ((VAN, VAN_KEUZE), (NAAR, NAAR_KEUZE)):
        if keuze not in st.session_state:
            gelezen = versies.lees(st.query_params.get(sleutel, ""))
            st.session_state[keuze] = gelezen.besluit.id if gelezen else None
    ids = versies.ids()[::-1]

    def _label(id_: str) -> str:
        return hoofdletter(naam(versies.kies(id_)))

    links, rechts = st.columns(2)
    links.selectbox(
        "Vergelijk van",
        ids,
        format_func=_label,
        key=VAN_KEUZE,
        placeholder="Kies een versie",
        on_change=_naar_url,
    )
    rechts.selectbox(
        "naar",
        ids,
        format_func=_label,
        key=NAAR_KEUZE,
        placeholder="Kies een versie",
        on_change=_naar_url,
    )
    van, naar = st.session_state[VAN_KEUZE], st.session_state[NAAR_KEUZE]
    if van and naar and van != naar:
        toon_vergelijking(vergelijking(versies.kies(van), versies.kies(naar)))
    else:
        st.caption(
            "Kies twee verschillende versies om ze te vergelijken. Hieronder staat elke versie naast het "
            "besluit ervoor."
        )
        for v in vergelijkingen(versies):
            toon_vergelijking(v)

versie_en_disclaimer(huidig)
