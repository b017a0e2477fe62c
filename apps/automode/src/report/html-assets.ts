/**
 * The page's only style and script, inline; the page's Content-Security-Policy allows exactly
 * these (by SHA-256) and nothing else: no network, no other script, no inline handlers.
 */
export const css = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--approve:#1a7f37;--escalate:#bf8700;--deny:#cf222e;--bar:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--approve:#3fb950;--escalate:#d29922;--deny:#f85149;--bar:#4493f8}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:16px 24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
code,.mono,td.t,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.muted{color:var(--muted)}
.chain{padding:10px 14px;border-radius:6px;border:1px solid var(--line);margin:8px 0 16px}
.chain.ok{border-color:var(--approve)}.chain.bad{border-color:var(--deny);background:color-mix(in srgb,var(--deny) 12%,transparent)}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.card.deny b{color:var(--deny)}.card.escalate b{color:var(--escalate)}.card.approve b{color:var(--approve)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
svg text{fill:var(--fg);font-size:11px}
.v-approve{fill:var(--approve)}.v-escalate{fill:var(--escalate)}.v-deny{fill:var(--deny)}.bar{fill:var(--bar)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{position:sticky;top:0;background:var(--bg)}
td.t{max-width:420px;overflow-wrap:anywhere}
td.r{max-width:420px}
tr.deny td.v{color:var(--deny);font-weight:600}tr.escalate td.v{color:var(--escalate);font-weight:600}tr.approve td.v{color:var(--approve)}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}
.filters input{min-width:260px}
input,select,button{font:inherit;padding:3px 6px;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}
pre{border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
`;

export const js = `
"use strict";
(function(){
var data=JSON.parse(document.getElementById("automode-data").textContent);
var rows=data.records;
var hay=rows.map(function(r){return (r[3]+" "+r[4]+" "+(r[5]||"")+" "+r[6]+" "+r[7]).toLowerCase();});
var pageSize=100,page=0,matched=[];
var fVerdict=document.getElementById("f-verdict"),fTool=document.getElementById("f-tool"),fText=document.getElementById("f-text");
var body=document.getElementById("rows"),count=document.getElementById("count"),pageLabel=document.getElementById("page");
data.tools.forEach(function(t){var o=document.createElement("option");o.value=t;o.textContent=t;fTool.appendChild(o);});
function cell(tr,text,cls){var td=document.createElement("td");td.textContent=text;if(cls)td.className=cls;tr.appendChild(td);}
function filter(){
  var v=fVerdict.value,t=fTool.value,q=fText.value.trim().toLowerCase();matched=[];
  for(var i=0;i<rows.length;i++){var r=rows[i];
    if(v&&r[2]!==v)continue;if(t&&r[3]!==t)continue;if(q&&hay[i].indexOf(q)<0)continue;matched.push(i);}
  page=0;render();
}
function render(){
  var pages=Math.max(1,Math.ceil(matched.length/pageSize));if(page>=pages)page=pages-1;
  var frag=document.createDocumentFragment();
  for(var k=page*pageSize;k<Math.min(matched.length,(page+1)*pageSize);k++){
    var r=rows[matched[k]],tr=document.createElement("tr");tr.className=r[2];
    cell(tr,String(r[0]));cell(tr,r[1].slice(0,19).replace("T"," "),"mono");cell(tr,r[2],"v");cell(tr,r[3]);
    cell(tr,r[6],"t");cell(tr,r[4],"mono");cell(tr,r[5]||"","mono");cell(tr,r[7],"r");frag.appendChild(tr);
  }
  body.replaceChildren(frag);
  count.textContent=matched.length+" of "+rows.length+" decisions";
  pageLabel.textContent="page "+(page+1)+" of "+pages;
}
document.getElementById("prev").addEventListener("click",function(){if(page>0){page--;render();}});
document.getElementById("next").addEventListener("click",function(){if((page+1)*pageSize<matched.length){page++;render();}});
fVerdict.addEventListener("change",filter);fTool.addEventListener("change",filter);fText.addEventListener("input",filter);
filter();
})();
`;
