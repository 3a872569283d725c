import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  AUDIT_CLASSES,
  auditPassed
} from "./chunk-DGDYWWIG.js";
import {
  escapeHtml,
  reportCsp
} from "./chunk-7YEPZPNP.js";
import {
  QPROV_VERSION
} from "./chunk-JHKQVXEF.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/binding/audit-html.ts
var STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827}
main{max-width:1100px;margin:0 auto;padding:0 20px 40px}
header{padding:22px 20px;margin:0 0 18px;border-bottom:6px solid}
header h1{margin:0;font-size:30px}
.ok{background:#dcfce7;border-color:#15803d}.bad{background:#fee2e2;border-color:#b91c1c}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d1d5db;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb}
td.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere}
.c-verified{color:#15803d}.c-failed,.c-missing,.c-results-missing{color:#b91c1c;font-weight:700}
.c-untagged{color:#6b7280}
footer{color:#6b7280;font-size:13px;margin-top:30px}
`;
var CSP = reportCsp(STYLE);
function isoWeek(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return void 0;
  const d = new Date(t);
  const day = d.getUTCDay() || 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 864e5 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
function coverageByWeek(rows) {
  const weeks = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const week = (r.created !== null ? isoWeek(r.created) : void 0) ?? "unknown";
    const w = weeks.get(week) ?? { week, total: 0, verified: 0 };
    w.total++;
    if (r.class === "verified") w.verified++;
    weeks.set(week, w);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}
var pct = (w) => w.total === 0 ? 0 : w.verified / w.total * 100;
function chart(weeks) {
  if (weeks.length === 0) return "<p>No job was listed.</p>";
  const bar = 28;
  const gap = 8;
  const h = 160;
  const width = 40 + weeks.length * (bar + gap);
  const bars = weeks.map((w, i) => {
    const x = 40 + i * (bar + gap);
    const y = 10 + h - pct(w) / 100 * h;
    const label = `${w.week}: ${w.verified} of ${w.total} verified (${pct(w).toFixed(2)} %)`;
    return `<g><title>${escapeHtml(label)}</title><rect x="${x}" y="10" width="${bar}" height="${h}" fill="#fee2e2"/><rect x="${x}" y="${y.toFixed(1)}" width="${bar}" height="${(10 + h - y).toFixed(1)}" fill="#15803d"/><text x="${x + bar / 2}" y="${h + 26}" font-size="9" text-anchor="middle">${escapeHtml(w.week.slice(5))}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${h + 40}" viewBox="0 0 ${width} ${h + 40}" aria-label="coverage by ISO week of job creation"><text x="0" y="16" font-size="10">100 %</text><text x="0" y="${h + 10}" font-size="10">0 %</text>${bars.join("")}</svg>`;
}
function rowHtml(r) {
  const note = r.class === "failed" ? `${r.check ?? ""} (${r.finding ?? ""})` : r.detail ?? "";
  return `<tr><td class="mono">${escapeHtml(r.jobId)}</td><td>${escapeHtml(r.created ?? "-")}</td><td>${escapeHtml(r.backend ?? "-")}</td><td class="c-${escapeHtml(r.class)}">${escapeHtml(r.class)}</td><td class="mono">${escapeHtml(note)}</td><td class="mono">${escapeHtml(r.location ?? "")}</td></tr>`;
}
function renderAuditHtml(r, opts = {}) {
  const ok = auditPassed(r);
  const weeks = coverageByWeek(r.rows);
  const scope = `${r.scope.instance}${r.shard ? `, shard ${r.shard.index}/${r.shard.count}` : ""}`;
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>qprov audit: ${r.coverage === null ? "no jobs" : `${r.coverage.toFixed(2)} %`}</title>`,
    `<style>${STYLE}</style>`,
    "</head><body>",
    `<header class="${ok ? "ok" : "bad"}" data-ok="${ok}"><h1>${ok ? "ALL VERIFIED" : "NOT ALL VERIFIED"}</h1>`,
    `<p>${escapeHtml(r.coverage === null ? "No job was listed." : `${r.counts.verified} of ${r.total} jobs verified: coverage ${r.coverage.toFixed(2)} %.`)}</p>`,
    `<p>${escapeHtml(scope)}</p></header><main>`,
    "<h2>Counts</h2><table><tbody>",
    ...AUDIT_CLASSES.map((c) => `<tr><th scope="row">${escapeHtml(c)}</th><td>${r.counts[c]}</td></tr>`),
    "</tbody></table>",
    "<h2>Coverage by ISO week of job creation</h2>",
    chart(weeks),
    "<table><thead><tr><th>week</th><th>jobs</th><th>verified</th><th>coverage</th></tr></thead><tbody>",
    ...weeks.map(
      (w) => `<tr><td>${escapeHtml(w.week)}</td><td>${w.total}</td><td>${w.verified}</td><td>${pct(w).toFixed(2)} %</td></tr>`
    ),
    "</tbody></table>",
    "<h2>Jobs</h2><table><thead><tr><th>job</th><th>created</th><th>backend</th><th>class</th>",
    "<th>failing check / note</th><th>bundle</th></tr></thead><tbody>",
    ...r.rows.map(rowHtml),
    "</tbody></table>",
    `<footer><p>Generated by qprov ${escapeHtml(QPROV_VERSION)} at ${escapeHtml(opts.generatedAt ?? (/* @__PURE__ */ new Date()).toISOString())}.`,
    "Runtime tags are pointers, not evidence: a job counts as verified only when a proof bundle",
    "verified under the stated policy and matched the live job.</p></footer>",
    "</main></body></html>",
    ""
  ].join("\n");
}
export {
  coverageByWeek,
  isoWeek,
  renderAuditHtml
};
