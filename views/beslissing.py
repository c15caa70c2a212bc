"""The explanation of one answer in Streamlit, identical in the keuzehulp and the matrix.

It only draws a `views.uitleg.Uitleg`; what it says is decided there. Few, large elements: one markdown
block per section (a Streamlit element costs server time for every visitor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlencode

import streamlit as st

from policy import Beleid, Beslissing, Cel, Toegang
from policy.models import Bron
from views.teksten import markdown_veilig
from views.uitleg import Citaat, Uitleg, citaat, uitleg

_KADER: dict[Toegang, Callable[..., object]] = {
    Toegang.ja: st.success,
    Toegang.nee: st.error,
    Toegang.buiten_kader: st.info,
}


def citaten_markdown(citaten: Iterable[Citaat], query: Mapping[str, str] | None = None) -> str:
    """Each quote as a quote, with a link to the paragraph it stands in: the reader can check every word.

    `query`: what the link carries besides the paragraph (a pinned decision: its own bericht, not the current one's).
    """
    extra = f"&{urlencode(query)}" if query else ""
    return "\n\n".join(
        f"> {markdown_veilig(c.tekst)}\n>\n> — [{markdown_veilig(c.verwijzing)}](besluit?alinea={c.alinea}{extra})"
        for c in citaten
    )


def citaten(beleid: Beleid, bronnen: Iterable[Bron], query: Mapping[str, str] | None = None) -> None:
    """Quotes from the policy (FAQ, the decision's steps) the same way an answer shows them."""
    st.markdown(citaten_markdown((citaat(beleid, b) for b in bronnen), query))


def toon_uitleg(u: Uitleg, query: Mapping[str, str] | None = None) -> None:
    """Answer, conditions, why, the quotes, stated or derived, what would change it, what to do next."""
    st.header(u.kop, anchor=False)
    _KADER[u.toegang](
        f"{markdown_veilig(u.samenvatting)}\n\n"
        f":small[Dit antwoord geldt voor: {markdown_veilig(u.geldt_voor)}. {markdown_veilig(u.versie)}.]"
        + (f"\n\n**{markdown_veilig(u.eerder)}**" if u.eerder else "")
    )

    if u.voorwaarden:
        st.subheader("Voorwaarden", anchor=False)
        st.markdown(
            "\n".join(
                f"- **{markdown_veilig(v.titel)}**  \n  {markdown_veilig(v.uitleg)}  \n  *{markdown_veilig(v.soort)}*"
                for v in u.voorwaarden
            )
        )

    st.subheader("Waarom", anchor=False)
    st.markdown(markdown_veilig(u.reden))

    st.subheader("Waar staat dit?", anchor=False)
    afleiding = f"\n\n{markdown_veilig(u.afleiding)}" if u.afleiding else ""
    st.markdown(f"**{markdown_veilig(u.basis_label)}**{afleiding}\n\n{citaten_markdown(u.citaten, query)}")

    st.subheader("Wat zou het antwoord veranderen?", anchor=False)
    if u.veranderingen:
        st.markdown("\n".join(f"- {markdown_veilig(v.tekst)}" for v in u.veranderingen))
    else:
        st.markdown(markdown_veilig(u.niets_verandert or ""))

    st.subheader("Wat kunt u nu doen?", anchor=False)
    soort = f"\n\n:small[{markdown_veilig(u.vervolg_soort)}]" if u.vervolg_soort else ""
    st.markdown("\n".join(f"- {markdown_veilig(stap)}" for stap in u.vervolg) + soort)


def toon_beslissing(
    beleid: Beleid,
    beslissing: Beslissing,
    cellen: tuple[Cel, ...] | list[Cel] | None = None,
    query: Mapping[str, str] | None = None,
) -> None:
    """The explanation of an answer that covers `cellen` (default: only its own cell); `query` as in citaten."""
    toon_uitleg(uitleg(beleid, beslissing, cellen), query)
