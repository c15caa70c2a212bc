"""Matrix: every answer at a glance; a chosen cell gets the same explanation as the keuzehulp result.

A cell is chosen by clicking the figure or with the select box (keyboard, screen reader); both write
the same session key, and the URL keeps it (`?ingeschreven=ja&cel=isk-entree-formatief`). A click in
the figure also brings the explanation into view: it stands below the figure, often off screen.
"""

from __future__ import annotations

import streamlit as st

from policy import Basis, Cel, Doelgroep, Niveau, Vorm, load_policy
from policy.domain import bestaat
from views import export, figuren
from views.beslissing import toon_beslissing
from views.layout import versie_en_disclaimer
from views.paginas import pagina
from views.teksten import BASIS_LABEL, TOEGANG_LABEL, TOEGANG_SYMBOOL, markdown_veilig, soort_tekst
from views.wizard import cel_query

TOGGLE = "matrix_ingeschreven"
KEUZE = "matrix_cel"
FIGUUR = "matrix_figuur"
URL_CEL = "cel"
URL_INGESCHREVEN = "ingeschreven"
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

beleid = load_policy()
ALLE_SLEUTELS = [figuren.cel_sleutel(Cel(d, n, v, False)) for d in Doelgroep for n in Niveau for v in Vorm]


def _naar_url() -> None:
    """Keep the URL in step with what is shown, so the link can be shared (once, at the end of a run)."""
    params: dict[str, str] = {}
    if st.session_state.get(TOGGLE):
        params[URL_INGESCHREVEN] = "ja"  # "nee" is the default: a plain /matrix stays plain
    if st.session_state.get(KEUZE):
        params[URL_CEL] = st.session_state[KEUZE]
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def _bij_klik() -> None:
    """A click on the figure chooses that cell; the select box follows (widgets may be set in a callback)."""
    punten = st.session_state[FIGUUR].selection.points
    cel = figuren.punt_naar_cel(punten[0], bool(st.session_state.get(TOGGLE))) if punten else None
    if cel is not None:
        st.session_state[KEUZE] = figuren.cel_sleutel(cel)
        st.session_state[NAAR_UITLEG] = st.session_state.get(NAAR_UITLEG, 0) + 1
        st.session_state["matrix_scroll"] = True


# First run of this page in a session: start from the URL (a shared link), ignoring what is unknown.
if TOGGLE not in st.session_state or KEUZE not in st.session_state:
    url = st.query_params.to_dict()
    genegeerd = False
    ingeschreven = url.get(URL_INGESCHREVEN, "nee").strip().lower()
    if ingeschreven not in ("ja", "nee"):
        genegeerd, ingeschreven = True, "nee"
    keuze = None
    if URL_CEL in url:
        gevonden = figuren.lees_cel_sleutel(url[URL_CEL])
        if gevonden is None:
            genegeerd = True
        else:
            keuze = figuren.cel_sleutel(Cel(*gevonden, False))
    st.session_state[TOGGLE] = ingeschreven == "ja"
    st.session_state[KEUZE] = keuze
    if genegeerd:
        st.session_state["matrix_genegeerd"] = True

st.html(_CSS)
st.title("Overzicht van alle antwoorden", anchor=False)
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
        + [f"*{markdown_veilig(s)}*" for s in dict.fromkeys(soort_tekst(o) for o in uitleg_vorm)]
    )
)

vraag_ingeschreven = beleid.vraag("ingeschreven_in_mbo")
ingeschreven = st.toggle(
    "Kandidaat staat ingeschreven in het mbo",
    key=TOGGLE,
    help=" ".join(markdown_veilig(t) for t in (vraag_ingeschreven.hulp or "", soort_tekst(vraag_ingeschreven)) if t),
)
st.caption(
    "U ziet nu de antwoorden voor een kandidaat die "
    + ("**wel** in het mbo staat ingeschreven." if ingeschreven else "**niet** in het mbo staat ingeschreven.")
)

gekozen_delen = figuren.lees_cel_sleutel(st.session_state.get(KEUZE) or "")
gekozen = Cel(*gekozen_delen, ingeschreven) if gekozen_delen else None
if gekozen is not None and not bestaat(gekozen):
    gekozen = None

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
    + f". *{figuren.AFGELEID}*: {BASIS_LABEL[Basis.afgeleid]}"
    + " Wijs een vakje aan of tik erop: dan ziet u de voorwaarden."
)

per_cel = {b.cel: b for b in beleid.matrix(ingeschreven)}


def _optie(sleutel: str) -> str:
    delen = figuren.lees_cel_sleutel(sleutel)
    if delen is None:  # cannot happen: the options are our own keys
        return sleutel
    b = per_cel[Cel(*delen, ingeschreven)]
    return f"{figuren.cel_naam(beleid, b.cel)}: {TOEGANG_LABEL[b.toegang]}"


st.selectbox(
    "Kies een groep, product en soort toets",
    [k for k in ALLE_SLEUTELS if bestaat(Cel(*figuren.lees_cel_sleutel(k) or (), ingeschreven))],
    index=None,
    format_func=_optie,
    placeholder="Kies een vakje uit het overzicht",
    key=KEUZE,
)

if gekozen is not None:
    beslissing = per_cel[gekozen]
    with st.container(border=True, key="matrix-uitleg"):
        st.header(f"Uitleg: {figuren.cel_naam(beleid, gekozen)}", anchor=False)
        toon_beslissing(beleid, beslissing, [gekozen])
        st.page_link(
            pagina("keuzehulp"),
            label="Open dit antwoord in de keuzehulp",
            icon="➡",
            query_params=cel_query(gekozen),
        )
    if st.session_state.pop("matrix_scroll", False):
        st.html(_NAAR_UITLEG_JS.format(n=st.session_state[NAAR_UITLEG]), unsafe_allow_javascript=True)

st.header("Het overzicht als tabel", anchor=False)
st.caption(
    "Dezelfde antwoorden als in het overzicht hierboven, voor een kandidaat die "
    + ("wel" if ingeschreven else "niet")
    + f" in het mbo staat ingeschreven. ({figuren.AFGELEID}): {BASIS_LABEL[Basis.afgeleid]}"
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
