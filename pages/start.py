"""Start: what was decided, by whom and when; the three groups at a glance, each answer with its kind and the
exception for candidates in the mbo; the way in."""

import streamlit as st

from policy import Basis, Beslissing, Doelgroep
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.paginas import pagina
from views.teksten import (
    TOEGANG_LABEL,
    TOEGANG_SYMBOOL,
    basis_kort,
    bron_link,
    bron_naam,
    bron_zin,
    markdown_veilig,
    producten,
    soort_tekst,
)

versie = kies_besluit()
beleid = versie.beleid
besluit = beleid.besluit


def regels(rij: list[Beslissing], met_samenvatting: bool) -> list[str]:
    """One line per rule in a row of the matrix: the answer, which products, and whether the bericht says it."""
    uit = []
    for regel_id in dict.fromkeys(b.regel.id for b in rij):
        beslissingen = [b for b in rij if b.regel.id == regel_id]
        regel = beslissingen[0].regel
        cellen = [b.cel for b in beslissingen]
        samenvatting = f"  \n:small[{markdown_veilig(regel.samenvatting)}]" if met_samenvatting else ""
        uit.append(
            f"{TOEGANG_SYMBOOL[regel.toegang]} **{TOEGANG_LABEL[regel.toegang]}**: {producten(beleid, cellen)}  \n"
            f"*{basis_kort(beleid, beslissingen[0].basis)}*{samenvatting}"
        )
    return uit


st.title("Toegangswijzer examenproducten", anchor=False)
toon_versiemelding(versie, "start")
st.markdown(
    f"{markdown_veilig(' '.join(besluit.samenvatting))}\n\n"
    f":small[{markdown_veilig(soort_tekst(besluit.samenvatting_herkomst, beleid))} {markdown_veilig(bron_zin(beleid))}]"
)
st.page_link(
    pagina("besluit"),
    label=bron_link(beleid),
    icon=":material/description:",
    query_params=versie.query,
)

st.header("De drie groepen in het kort", anchor=False)
kolommen = st.columns(3, border=True)  # a bordered column, not a bordered container in it
for kolom, doelgroep in zip(kolommen, (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute), strict=True):
    rij = [b for b in beleid.matrix(ingeschreven_in_mbo=False) if b.cel.doelgroep is doelgroep]
    in_mbo = [b for b in beleid.matrix(ingeschreven_in_mbo=True) if b.cel.doelgroep is doelgroep]
    with kolom:
        st.markdown(f"**{beleid.label('doelgroep', doelgroep)}**")
        # One block per group (each element costs server time for every visitor). The exception for
        # candidates enrolled in the mbo belongs to the core of the decision (alinea 1).
        st.markdown(
            "\n\n".join(
                [
                    *regels(rij, met_samenvatting=True),
                    "**Als de kandidaat in het mbo staat ingeschreven** (als student of extraneus):",
                    *regels(in_mbo, met_samenvatting=False),
                ]
            )
        )

st.caption(
    f"{basis_kort(beleid, Basis.expliciet)}: {bron_naam(beleid)} zegt dit zelf. "
    f"{basis_kort(beleid, Basis.afgeleid)}: het staat er niet letterlijk, maar volgt eruit. "
    "De keuzehulp legt bij elk antwoord uit waarom."
)

st.header("Wat wilt u doen?", anchor=False)
for kolom, (doel, tekst, icoon) in zip(
    st.columns(3, border=True),
    [
        (pagina("keuzehulp"), "Beantwoord mijn vraag", ":material/help:"),
        (pagina("matrix"), "Bekijk het overzicht", ":material/table_chart:"),
        (pagina("faq"), "Lees de veelgestelde vragen", ":material/forum:"),
    ],
    strict=True,
):
    kolom.page_link(doel, label=tekst, icon=icoon, query_params=versie.query)

versie_en_disclaimer(beleid)
