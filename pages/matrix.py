"""Matrix: every answer at a glance; a chosen cell gets the same explanation as the keuzehulp result.

A cell is chosen by clicking the figure or with the select box (keyboard, screen reader); both write
the same session key, the domain's cell key, and the URL keeps it (`?cel=isk-entree-formatief-nee`).
Its enrolment decides which half of the matrix the toggle shows; without a chosen cell the URL keeps
the toggle alone (`?ingeschreven=ja`). A click in the figure also brings the explanation into view: it
stands below the figure, often off screen.
"""

from __future__ import annotations

import streamlit as st

from policy import Basis, Cel, Vorm
from policy.domain import INGESCHREVEN, alle_cellen, bestaat, cel_sleutel, ja_nee, lees_cel_sleutel, lees_ja_nee
from views import export, figuren
from views.beslissing import toon_beslissing
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.paginas import pagina
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, basis_label, markdown_veilig, soort_tekst
from views.wizard import cel_query

TOGGLE = "matrix_ingeschreven"
KEUZE = "matrix_cel"
FIGUUR = "matrix_figuur"
URL_CEL = "cel"
# The h2s order the page for a screen reader; on screen they stay between the title and the h3s below.
# On a phone the table (with its "(afgeleid)" marks) only fits with narrower cell padding; a table that
# scrolls sideways cannot be reached by keyboard (axe scrollable-region-focusable).
_CSS = """<style>
[data-testid='stMain'] h2 { font-size: 1.75rem !important; }
@media (max-width: 480px) {
  [data-testid='stMain'] [data-testid='stTable'] th, [data-testid='stMain'] [data-testid='stTable'] td {
    padding: 4px 3px !important; }
}
</style>"""
NAAR_UITLEG = "matrix_naar_uitleg"  # clicks so far; a new number makes a new script, so each click scrolls

# Static script, no visitor text: scroll the explanation into view and put focus on its heading, so a
# screen reader reads on from there. `{n}` only makes each click's script differ from the last one.
_NAAR_UITLEG_JS = """<script>/* {n} */
requestAnimationFrame(() => {{
  const doel = document.querySelector('.st-key-matrix-uitleg');
  if (!doel) return;
  doel.style.scrollMarginTop = '4.5rem';  // clear of Streamlit's fixed header
  doel.scrollIntoView({{block: 'start'}});
  const kop = doel.querySelector('h2');
  if (kop) {{ kop.setAttribute('tabindex', '-1'); kop.style.outline = 'none'; kop.focus({{preventScroll: true}}); }}
}});
</script>"""

versie = kies_besluit()  # the decision shown (`gekozen` below is the chosen cell)
beleid = versie.beleid


def _lees_url(url: dict[str, str]) -> tuple[Cel | None, bool, bool]:
    """A shared link as (chosen cell, enrolled, something ignored); unknown parts are skipped, never echoed.

    A link from before enrolment was part of the cell key (`?cel=isk-entree-formatief&ingeschreven=ja`)
    still opens its cell: it is the domain's key with the enrolment of `ingeschreven` appended.
    """
    genegeerd = False
    try:
        ingeschreven = lees_ja_nee(url.get(INGESCHREVEN.url_sleutel, ja_nee(False)))
    except ValueError:
        ingeschreven, genegeerd = False, True
    if URL_CEL not in url:
        return None, ingeschreven, genegeerd
    cel = lees_cel_sleutel(url[URL_CEL]) or lees_cel_sleutel("-".join((url[URL_CEL], ja_nee(ingeschreven))))
    if cel is None:  # unknown, or a cell that does not exist (mbo, not enrolled)
        return None, ingeschreven, True
    # The cell's own enrolment wins; an `ingeschreven` that says otherwise was not used.
    tegen = INGESCHREVEN.url_sleutel in url and ingeschreven != cel.ingeschreven_in_mbo
    return cel, cel.ingeschreven_in_mbo, genegeerd or tegen


def _naar_url() -> None:
    """Keep the URL in step with what is shown, so the link can be shared (once, at the end of a run)."""
    params: dict[str, str] = dict(versie.query)
    if st.session_state.get(KEUZE):
        params[URL_CEL] = st.session_state[KEUZE]  # the cell key holds its enrolment
    elif st.session_state.get(TOGGLE):
        params[INGESCHREVEN.url_sleutel] = ja_nee(True)  # "nee" is the default: a plain /matrix stays plain
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def _bij_wissel() -> None:
    """The toggle shows the other half of the matrix: a chosen cell moves along, if it exists there."""
    cel = lees_cel_sleutel(st.session_state.get(KEUZE) or "")
    if cel is not None:
        ander = cel._replace(ingeschreven_in_mbo=st.session_state[TOGGLE])
        st.session_state[KEUZE] = cel_sleutel(ander) if bestaat(ander) else None


def _bij_klik() -> None:
    """A click on the figure chooses that cell; the select box follows (widgets may be set in a callback)."""
    punten = st.session_state[FIGUUR].selection.points
    cel = figuren.punt_naar_cel(punten[0]) if punten else None
    if cel is not None:
        st.session_state[KEUZE] = cel_sleutel(cel)
        st.session_state[NAAR_UITLEG] = st.session_state.get(NAAR_UITLEG, 0) + 1
        st.session_state["matrix_scroll"] = True


# First run of this page in a session: start from the URL (a shared link), ignoring what is unknown.
if TOGGLE not in st.session_state or KEUZE not in st.session_state:
    uit_url, st.session_state[TOGGLE], genegeerd = _lees_url(st.query_params.to_dict())
    st.session_state[KEUZE] = cel_sleutel(uit_url) if uit_url else None
    if genegeerd:
        st.session_state["matrix_genegeerd"] = True

st.html(_CSS)
st.title("Overzicht van alle antwoorden", anchor=False)
_cel = lees_cel_sleutel(st.session_state.get(KEUZE) or "")
# With a chosen cell the banner says whether its answer changed; the link opens the same cell there.
toon_versiemelding(
    versie,
    "matrix",
    {URL_CEL: cel_sleutel(_cel)} if _cel else {INGESCHREVEN.url_sleutel: ja_nee(st.session_state[TOGGLE])},
    [_cel] if _cel else None,
)
if st.session_state.pop("matrix_genegeerd", False):
    st.info("Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen.")
st.markdown(
    "Hieronder ziet u per groep en per product of examenproducten gebruikt mogen worden. "
    "Kies een vakje voor de uitleg: klik erop, of gebruik de keuzelijst onder het overzicht."
)

# What formatief and summatief mean is background, not the decision: say so, with its source.
uitleg_vorm = [o for o in beleid.vraag("vorm").opties if o.uitleg]
st.caption(
    "  \n".join(
        [f"**{markdown_veilig(o.label)}**: {markdown_veilig(o.uitleg or '')}" for o in uitleg_vorm]
        + [f"*{markdown_veilig(s)}*" for s in dict.fromkeys(soort_tekst(o, beleid) for o in uitleg_vorm)]
    )
)

vraag_ingeschreven = beleid.vraag("ingeschreven_in_mbo")
ingeschreven = st.toggle(
    "Kandidaat staat ingeschreven in het mbo",
    key=TOGGLE,
    on_change=_bij_wissel,
    help=" ".join(
        markdown_veilig(t) for t in (vraag_ingeschreven.hulp or "", soort_tekst(vraag_ingeschreven, beleid)) if t
    ),
)
st.caption(
    "U ziet nu de antwoorden voor een kandidaat die "
    + ("**wel** in het mbo staat ingeschreven." if ingeschreven else "**niet** in het mbo staat ingeschreven.")
)

gekozen = lees_cel_sleutel(st.session_state.get(KEUZE) or "")  # of this half: the toggle moves it along

st.plotly_chart(
    figuren.gedeelde_matrix_figuur(beleid, ingeschreven, gekozen),
    key=FIGUUR,
    on_select=_bij_klik,
    selection_mode="points",
    theme=None,
    config={"displayModeBar": False, "displaylogo": False, "scrollZoom": False},
    alt="Overzicht van de antwoorden per groep en product. Dezelfde antwoorden staan in de tabel hieronder.",
)
st.caption(
    " · ".join(f"{TOEGANG_SYMBOOL[t]} {TOEGANG_LABEL[t]}" for t in TOEGANG_LABEL)
    + f". *{figuren.AFGELEID}*: {basis_label(beleid, Basis.afgeleid)}"
    + " Wijs een vakje aan of tik erop: dan ziet u de voorwaarden."
)

per_cel = {b.cel: b for b in beleid.matrix(ingeschreven)}


opties = {cel_sleutel(c): per_cel[c] for c in alle_cellen() if c.ingeschreven_in_mbo == ingeschreven}


def _optie(sleutel: str) -> str:
    b = opties[sleutel]
    return f"{figuren.cel_naam(beleid, b.cel)}: {TOEGANG_LABEL[b.toegang]}"


st.selectbox(
    "Kies een groep, product en soort toets",
    list(opties),
    index=None,
    format_func=_optie,
    placeholder="Kies een vakje uit het overzicht",
    key=KEUZE,
)

if gekozen is not None:
    beslissing = per_cel[gekozen]
    with st.container(border=True, key="matrix-uitleg"):
        st.header(f"Uitleg: {figuren.cel_naam(beleid, gekozen)}", anchor=False)
        toon_beslissing(beleid, beslissing, [gekozen], versie.query)
        st.page_link(
            pagina("keuzehulp"),
            label="Open dit antwoord in de keuzehulp",
            icon="➡",
            query_params=cel_query(gekozen, beleid),
        )
    if st.session_state.pop("matrix_scroll", False):
        st.html(_NAAR_UITLEG_JS.format(n=st.session_state[NAAR_UITLEG]), unsafe_allow_javascript=True)

st.header("Het overzicht als tabel", anchor=False)
st.caption(
    "Dezelfde antwoorden als in het overzicht hierboven, voor een kandidaat die "
    + ("wel" if ingeschreven else "niet")
    + f" in het mbo staat ingeschreven. ({figuren.AFGELEID}): {basis_label(beleid, Basis.afgeleid)}"
)
for vorm in Vorm:
    st.subheader(beleid.label("vorm", vorm), anchor=False)
    st.table(export.matrix_tabel(beleid, ingeschreven, vorm))

st.download_button(
    "Download het hele overzicht (CSV)",
    data=export.matrix_csv(beleid),
    file_name=export.csv_bestandsnaam(beleid),
    mime="text/csv",
    help="Alle antwoorden, wel en niet ingeschreven, met uitleg, voorwaarden en citaten. Opent in Excel.",
    on_click="ignore",
)

_naar_url()
versie_en_disclaimer(beleid)
