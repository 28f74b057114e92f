// The HTML report's style sheet and script, inlined in every page: the page loads nothing from
// the network and no external script or font (system font stacks only).
//
// The script copies each scenario's code <template> beside its witnesses, then makes each
// witness steppable: clicking a step, the previous/next buttons, or ↑/↓
// (also k/j) while the witness has focus selects a step; its row and its line in the code beside
// it get the class "cur" ("step 4 of 12, line 16" is shown). A URL fragment naming a step
// (#s1-f1-step-4) selects it on load; one naming an outcome's interleaving (#s1-o2) opens it.
// When done it sets data-ready="1" on <body> (the browser test looks for it).
#pragma once

namespace rc {

inline constexpr const char* kHtmlStyle = R"css(
:root{--fg:#1b1f23;--dim:#6a737d;--line:#d0d7de;--bad:#cf222e;--ok:#1a7f37;--pre:#bc4c00;--cur:#fff3b0;--loc:#eef4ff}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;padding:1em 2em;max-width:100em}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin:1.6em 0 .2em;border-bottom:1px solid var(--line)}h3{font-size:1.05em;margin:1.2em 0 .3em}
code,.code,.lanes td,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.dim,.file,.ln,.n{color:var(--dim)}.bad{color:var(--bad)}.good{color:var(--ok)}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:2px 6px;vertical-align:top;text-align:left}
.toc td{border:none;padding:1px 8px}
.legend span{display:inline-block;margin-right:1em;padding:0 .4em}
.witness{border:1px solid var(--line);border-radius:6px;padding:.5em;margin:.4em 0 .8em;outline:none}
.witness:focus{border-color:#0969da}
.ctl{margin-bottom:.4em}.ctl button{margin-right:.3em}.pos{color:var(--dim);margin-left:.5em}
.split{display:grid;grid-template-columns:minmax(0,3fr) minmax(18em,2fr);gap:.8em;align-items:start}
.lanes-box{overflow-x:auto}.lanes th{background:#f6f8fa;white-space:nowrap}
.lanes tr.st{cursor:pointer}.lanes td.op{white-space:pre-wrap}
.lanes tr.pre th{border-left:4px solid var(--pre)}.pre .note,.legend .pre{color:var(--pre)}
.lanes tr.conflict td.op,.legend .conflict{background:#ffebe9}.lanes tr.hl td.op,.legend .hl{background:#ddf4ff}
.note{font-size:11.5px}.lanes td.blocked,.legend .blocked{background:#eaeef2;color:#57606a}
.lanes td.next{color:var(--dim);font-style:italic}
.lanes tr.fold td{color:var(--dim);text-align:center;font-style:italic}
.lanes tr.cur td,.lanes tr.cur th{outline:2px solid #d4a72c;background:var(--cur)}
.code{list-style:none;margin:0;padding:.3em 0;max-height:30em;overflow:auto;border:1px solid var(--line);border-radius:4px;background:#fafbfc;position:sticky;top:.5em}
.code li{white-space:pre;padding:0 .5em}.code li.loc{background:var(--loc)}.code li.cur{background:var(--cur);outline:1px solid #d4a72c}
.code .n{display:inline-block;width:3em;text-align:right;margin-right:1em;user-select:none}
.outcomes td{font-family:ui-monospace,monospace;font-size:12.5px}.outcomes .mixed{font-family:system-ui,sans-serif;color:#9a6700;white-space:nowrap}
details>summary{cursor:pointer}.fix{background:#f6f8fa;border-left:3px solid var(--ok);padding:.3em .6em}
)css";

inline constexpr const char* kHtmlScript = R"js(
(function () {
  function select(w, row) {
    w.querySelectorAll('.cur').forEach(function (e) { e.classList.remove('cur'); });
    if (!row) return;
    row.classList.add('cur');
    var line = row.getAttribute('data-line'), pos = w.querySelector('.pos');
    var li = w.querySelector('.code li[data-line="' + line + '"]');
    if (li) {
      li.classList.add('cur');
      var code = li.parentNode;
      code.scrollTop += li.getBoundingClientRect().top - code.getBoundingClientRect().top -
        code.clientHeight / 2;
    }
    pos.textContent = 'step ' + row.getAttribute('data-step') + ' of ' +
      w.getAttribute('data-steps') + (line !== '0' ? ', line ' + line : '');
  }
  function move(w, by) {
    var rows = Array.prototype.slice.call(w.querySelectorAll('tr.st'));
    var i = rows.indexOf(w.querySelector('tr.st.cur'));
    i = i < 0 ? (by > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, i + by));
    select(w, rows[i]);
  }
  document.querySelectorAll('ol.code[data-code]').forEach(function (ol) {
    var t = document.getElementById(ol.getAttribute('data-code'));
    if (t) ol.appendChild(t.content.cloneNode(true));
    ol.getAttribute('data-loc').split(' ').forEach(function (line) {
      var li = line && ol.querySelector('li[data-line="' + line + '"]');
      if (li) li.classList.add('loc');
    });
  });
  document.querySelectorAll('.witness').forEach(function (w) {
    w.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (b) { move(w, +b.getAttribute('data-d')); return; }
      var row = e.target.closest('tr.st');
      if (row) select(w, row);
    });
    w.addEventListener('keydown', function (e) {
      var by = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[e.key];
      if (by) { e.preventDefault(); move(w, by); }
    });
  });
  function target(id) { // an element, or a step: "<witness id>-step-<n>"
    var el = document.getElementById(id), m = /^(.*)-step-(\d+)$/.exec(id);
    if (el || !m) return el;
    var w = document.getElementById(m[1]);
    return w && w.querySelector('tr.st[data-step="' + m[2] + '"]');
  }
  function follow() {
    var el = location.hash && target(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    for (var d = el; d; d = d.parentElement) if (d.tagName === 'DETAILS') d.open = true;
    if (el.classList.contains('st')) select(el.closest('.witness'), el);
    el.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', follow);
  follow();
  document.body.setAttribute('data-ready', '1');
})();
)js";

} // namespace rc
