"""The explanation of one answer, identical in the keuzehulp and the matrix."""

from __future__ import annotations

import streamlit as st

from policy import Beleid, Beslissing, Toegang
from policy.models import Bron
from views.paginas import pagina
from views.teksten import BASIS_LABEL, TOEGANG_LABEL, TOEGANG_SYMBOOL, bronverwijzing, markdown_veilig, versieregel

_KADER = {Toegang.ja: st.success, Toegang.nee: st.error, Toegang.buiten_kader: st.info}


def citaten(beleid: Beleid, bronnen: tuple[Bron, ...]) -> None:
    """Quotes as quotes, with where they stand: the reader can check every word."""
    for bron in bronnen:
        st.markdown(f"> {markdown_veilig(bron.citaat)}")
        st.page_link(
            pagina("besluit"),
            label=bronverwijzing(beleid, bron.alinea),
            query_params={"alinea": str(bron.alinea)},
            icon=":material/format_quote:",
        )


def toon_beslissing(beleid: Beleid, beslissing: Beslissing, geldt_voor: str) -> None:
    """Answer, conditions, why, the quotes, stated or derived, what would change it, what to do next."""
    regel = beslissing.regel
    toegang = beslissing.toegang
    st.subheader(f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}", anchor="antwoord")
    _KADER[toegang](regel.samenvatting)
    st.caption(f"Dit antwoord geldt voor: {geldt_voor}. {versieregel(beleid)}.")

    if beslissing.voorwaarden:
        st.markdown("#### Voorwaarden")
        for voorwaarde in beslissing.voorwaarden:
            st.markdown(f"☐ **{voorwaarde.titel}**  \n{voorwaarde.uitleg}")

    st.markdown("#### Waarom")
    st.markdown(regel.reden)

    st.markdown("#### Waar staat dit?")
    st.markdown(f"**{BASIS_LABEL[beslissing.basis]}**")
    if regel.afleiding:
        st.markdown(regel.afleiding)
    citaten(beleid, beslissing.bronnen)

    st.markdown("#### Wat zou het antwoord veranderen?")
    # Neighbours with the same outcome are named together: "niveau 2, niveau 3 of niveau 4: Nee".
    groepen: dict[tuple[str, Toegang, str], list[object]] = {}
    for buur in beleid.buren(beslissing.cel):
        if buur.verandert:
            sleutel = (buur.dimensie, buur.beslissing.toegang, _verschil(beslissing, buur.beslissing))
            groepen.setdefault(sleutel, []).append(getattr(buur.cel, buur.dimensie))
    regels = [
        f"- {_als(beleid, dimensie, waarden)}: **{TOEGANG_LABEL[uitkomst]}**{verschil}"
        for (dimensie, uitkomst, verschil), waarden in groepen.items()
    ]
    if regels:
        st.markdown("\n".join(regels))
    else:
        st.markdown("Een ander product, een andere vorm of een inschrijving in het mbo verandert dit antwoord niet.")

    st.markdown("#### Wat kunt u nu doen?")
    st.markdown("\n".join(f"- {stap}" for stap in regel.vervolg))


def _verschil(eigen: Beslissing, ander: Beslissing) -> str:
    """Same yes or no, but another rule: say what differs."""
    if ander.toegang != eigen.toegang:
        return ""
    if ander.voorwaarden != eigen.voorwaarden:
        return " (met andere voorwaarden)"
    return " (om een andere reden)"


def _als(beleid: Beleid, dimensie: str, waarden: list[object]) -> str:
    if dimensie == "ingeschreven_in_mbo":
        return f"Als de kandidaat {'wel' if waarden[0] else 'niet'} in het mbo staat ingeschreven"
    namen = [beleid.label(dimensie, w).lower() for w in waarden]
    return "Als het gaat om " + (namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} of {namen[-1]}")
