"""The few things a Streamlit page cannot do without a script of our own: move focus, copy a link.

Each script here is static text; the only values in the markup are escaped (html.escape) and read by
the script from data attributes, so nothing a visitor typed can become code.
"""

from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from views.teksten import datum

# After "Volgende" Streamlit leaves focus on the page body. Move it to the new step's heading (the
# first h2 of the page) and say where we are in a live region, so keyboard and screen-reader users
# land on the question (WCAG 2.4.3). The heading renders a moment later: try for up to 3 seconds.
_FOCUS_SCRIPT = """
<style>.sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}</style>
<div class="sr-only" role="status" aria-live="polite" data-melding="{melding}"></div>
<script>
(function () {{
  var pogingen = 0;
  function probeer() {{
    var kop = document.querySelector('[data-testid="stMainBlockContainer"] h2');
    if (!kop) {{ if (pogingen++ < 60) {{ setTimeout(probeer, 50); }} return; }}
    kop.setAttribute('tabindex', '-1');
    kop.focus({{preventScroll: false}});
    var status = document.querySelectorAll('[role="status"][data-melding]');
    var laatste = status[status.length - 1];
    if (laatste) {{ laatste.textContent = laatste.getAttribute('data-melding'); }}
  }}
  probeer();
}})();
</script>
"""

# A visible, large copy button with a Dutch confirmation; the phone's share sheet where there is one.
# The link stays visible as text (and on paper), so it can always be copied by hand.
_DEEL_SCRIPT = """
<style>
.deel-link {{ overflow-wrap: anywhere; font-family: monospace; background: #F1F4F7; padding: .5rem .75rem; }}
.deel-knop {{ min-height: 48px; padding: .6rem 1.2rem; margin: 0 .5rem .5rem 0; font-size: 1.05rem;
  background: #1F5F8B; color: #FFFFFF; border: 2px solid #1F5F8B; border-radius: 6px; cursor: pointer; }}
.deel-knop:focus-visible {{ outline: 3px solid #1A1A1A; outline-offset: 2px; }}
.deel-status {{ font-weight: 600; }}
.alleen-print {{ display: none; }}
@media print {{ .alleen-print {{ display: block; }} .deel .geen-print {{ display: none; }} }}
</style>
<div class="deel">
  <p class="deel-link" id="deel-link">{url}</p>
  <div class="geen-print">
    <button type="button" class="deel-knop" data-url="{url}" id="kopieer-link">Kopieer link</button>
    <button type="button" class="deel-knop" data-url="{url}" id="deel-link-knop" hidden>Delen…</button>
    <span role="status" aria-live="polite" class="deel-status"></span>
    <p class="deel-hulp">Wie de link opent, ziet dit antwoord. Printen of bewaren als PDF: kies Afdrukken in het
    menu van uw browser. Knoppen en menu worden dan weggelaten.</p>
  </div>
  <p class="alleen-print">Afgedrukt op {vandaag}. Dit antwoord online: {url}</p>
</div>
<script>
(function () {{
  var knop = document.getElementById('kopieer-link');
  var deel = document.getElementById('deel-link-knop');
  if (!knop || knop.dataset.klaar) {{ return; }}
  knop.dataset.klaar = '1';
  var status = knop.parentNode.querySelector('.deel-status');
  function meld(tekst) {{ status.textContent = tekst; }}
  function kopieerOud(url) {{
    var veld = document.createElement('textarea');
    veld.value = url; veld.setAttribute('readonly', ''); veld.style.position = 'fixed'; veld.style.opacity = '0';
    document.body.appendChild(veld); veld.select();
    var gelukt = false;
    try {{ gelukt = document.execCommand('copy'); }} catch (e) {{ gelukt = false; }}
    document.body.removeChild(veld);
    return gelukt;
  }}
  var GELUKT = 'De link is gekopieerd.', MISLUKT = 'Kopiëren lukte niet. Selecteer de link hierboven.';
  function zonderApi(url) {{ meld(kopieerOud(url) ? GELUKT : MISLUKT); }}
  knop.addEventListener('click', function () {{
    var url = knop.getAttribute('data-url');
    if (navigator.clipboard && window.isSecureContext) {{
      navigator.clipboard.writeText(url).then(function () {{ meld(GELUKT); }}, function () {{ zonderApi(url); }});
    }} else {{
      zonderApi(url);
    }}
  }});
  if (navigator.share) {{
    deel.hidden = false;
    deel.addEventListener('click', function () {{
      navigator.share({{title: document.title, url: deel.getAttribute('data-url')}}).catch(function () {{}});
    }});
  }}
}})();
</script>
"""


def focus_op_stap(melding: str) -> None:
    """Put keyboard focus on the new step's heading and announce `melding`."""
    st.html(_FOCUS_SCRIPT.format(melding=html.escape(melding)), unsafe_allow_javascript=True)


def deel_en_print(url: str) -> None:
    """'Delen en printen': the answer's link as text, a copy button, print advice, and a print-only footer."""
    st.header("Delen en printen", anchor=False)
    vandaag = datum(dt.date.today())
    st.html(_DEEL_SCRIPT.format(url=html.escape(url), vandaag=html.escape(vandaag)), unsafe_allow_javascript=True)
