"""Het bericht over het besluit: the full text of our source, paragraph by paragraph, quotes findable.

The source is the bericht (news item) in which the Coöperatie announced the decision, not the decision
document: the page says so. `?alinea=N` lands on that paragraph.
"""

import streamlit as st

from policy.domain import VERSIE_SLEUTEL
from views import zoeken
from views.beslissing import citaten
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.paginas import pagina
from views.teksten import (
    ALINEA_UITLEG,
    bron_gegevens,
    bron_titel,
    bron_uitleg,
    markdown_veilig,
    proces_kop,
    soort_tekst,
)
from views.versies import bron_link_naar, melding

versie = kies_besluit()
beleid = versie.beleid
besluit = beleid.besluit
alineas = beleid.alineas
per_alinea = zoeken.citaten_per_alinea(beleid)
gevraagd = zoeken.lees_alinea(st.query_params.get("alinea"), len(alineas))


def alinea_tekst(nummer: int, markeren: bool) -> str:
    """The paragraph as safe Markdown; quoted parts in bold on a coloured background when asked."""
    if not markeren:
        return markdown_veilig(alineas[nummer])
    return "".join(
        f":orange-background[**{markdown_veilig(deel)}**]" if geciteerd else markdown_veilig(deel)
        for deel, geciteerd in zoeken.gemarkeerde_delen(alineas[nummer], per_alinea.get(nummer, []))
    )


def naar_alinea(nummer: int) -> None:
    """Scroll the requested paragraph into view and give it focus, once its heading is on the page.

    `nummer` is a validated paragraph number (zoeken.lees_alinea), never visitor text.
    """
    st.html(
        "<style>[id^='alinea-'] { scroll-margin-top: 4rem; }</style>"
        "<script>(function () {"
        f"  const id = 'alinea-{int(nummer)}'; let pogingen = 0;"
        "  function ga() {"
        "    const doel = document.getElementById(id);"
        "    if (!doel) { if (pogingen++ < 100) { requestAnimationFrame(ga); } return; }"
        "    doel.setAttribute('tabindex', '-1'); doel.scrollIntoView({block: 'start'});"
        "    doel.focus({preventScroll: true});"
        "  }"
        "  ga();"
        "})();</script>",
        unsafe_allow_javascript=True,
    )


st.title(bron_titel(beleid))
# The banner's own link would say "this page"; another version's source is another text, so the link
# names it and drops the paragraph (its paragraph N need not say the same).
toon_versiemelding(versie, "besluit", met_link=False)
if (uitleg := melding(versie.versies, versie.keuze)) is not None and uitleg.link_versie:
    st.page_link(
        pagina("besluit"),
        label=bron_link_naar(versie.versies.kies(uitleg.link_versie)),
        icon=":material/arrow_forward:",
        query_params={VERSIE_SLEUTEL: uitleg.link_versie},
    )
st.markdown(
    "  \n".join(
        [
            f"**{markdown_veilig(besluit.bron.titel)}**",
            *(f"{wat}: {markdown_veilig(waarde)}" for wat, waarde in bron_gegevens(beleid)),
        ]
    )
)
st.caption(f"Herkomst van de tekst: {markdown_veilig(besluit.bron.herkomst)}")
st.markdown(f"{markdown_veilig(bron_uitleg(beleid))} {ALINEA_UITLEG}")

markeren = st.toggle(
    "Markeer de zinnen die de app citeert",
    value=gevraagd is not None,
    help="Geciteerde zinnen worden vet gedrukt op een gekleurde achtergrond.",
)
if gevraagd is not None:
    plaats = "de kop" if gevraagd == 0 else f"alinea {gevraagd}"
    st.info(f"U kwam hier via een verwijzing naar {plaats}. [Ga naar {plaats}](#alinea-{gevraagd})")

st.header("De tekst", anchor="tekst", divider="gray")
for nummer in range(len(alineas)):
    titel = "Kop" if nummer == 0 else f"Alinea {nummer}"
    delen = zoeken.gemarkeerde_delen(alineas[nummer], per_alinea.get(nummer, []))
    geciteerd = sum(1 for _, g in delen if g)
    with st.container(border=nummer == gevraagd):
        st.subheader(titel, anchor=f"alinea-{nummer}")
        st.markdown(alinea_tekst(nummer, markeren))
        if markeren:
            st.caption(
                "De app citeert niets uit deze alinea."
                if not geciteerd
                else f"Gemarkeerd: {geciteerd} {'stuk' if geciteerd == 1 else 'stukken'} tekst die de app citeert."
            )

st.header(proces_kop(beleid), anchor="hoe-besloten", divider="gray")
for stap in (besluit.aanleiding, *besluit.proces):
    with st.container(border=True):
        st.markdown(f"**{markdown_veilig(stap.wanneer)}: {markdown_veilig(stap.titel)}**")
        st.markdown(markdown_veilig(stap.tekst))
        st.caption(soort_tekst(stap, beleid))
        citaten(beleid, stap.bronnen, versie.query)

st.header("Wat wil de Coöperatie bereiken?", anchor="doelen", divider="gray")
st.markdown("\n".join(f"- {markdown_veilig(doel.titel)}" for doel in besluit.doelen))
for soort in dict.fromkeys(soort_tekst(doel, beleid) for doel in besluit.doelen):
    st.caption(soort)
gezien: set[tuple[int, str]] = set()
doel_bronnen = []
for doel in besluit.doelen:
    for bron in doel.bronnen:
        if (bron.alinea, bron.citaat) not in gezien:
            gezien.add((bron.alinea, bron.citaat))
            doel_bronnen.append(bron)
citaten(beleid, tuple(doel_bronnen), versie.query)

if gevraagd is not None:
    naar_alinea(gevraagd)

versie_en_disclaimer(beleid)
