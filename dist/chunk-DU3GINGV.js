import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  escapeHtml,
  reportCsp
} from "./chunk-7YEPZPNP.js";
import {
  QPROV_VERSION
} from "./chunk-JHKQVXEF.js";

// src/verify/chain-diagram.ts
var CHAIN_NODES = [
  { id: "workload", label: "Workload", checks: ["workload-files", "workload-closure"] },
  {
    id: "receipt",
    label: "AIIR receipt",
    checks: ["receipt-integrity", "commit-consistency", "ai-policy"]
  },
  {
    id: "statement",
    label: "Statement",
    checks: ["statement-signature", "signer-identity", "statement-content"]
  },
  { id: "rekor", label: "Rekor entry", checks: ["transparency-entry"] },
  { id: "job", label: "Runtime job", checks: ["runtime-record", "online-runtime"] },
  { id: "binding", label: "Binding", checks: ["binding-signature", "binding-consistency"] },
  {
    id: "results",
    label: "Results",
    checks: ["results-signature", "results-content", "results-online"]
  }
];
function nodeStatus(checks, covering) {
  const mine = checks.filter((c) => covering.includes(c.name));
  if (mine.some((c) => c.status === "fail")) return "fail";
  if (mine.some((c) => c.status === "pass")) return "pass";
  return "skip";
}
var COLOURS = {
  pass: { fill: "#dcfce7", stroke: "#15803d", word: "pass" },
  fail: { fill: "#fee2e2", stroke: "#b91c1c", word: "FAIL" },
  skip: { fill: "#f3f4f6", stroke: "#6b7280", word: "skipped" }
};
var BOX_W = 132;
var BOX_H = 64;
var GAP = 28;
function chainSvg(checks, idPrefix) {
  const width = CHAIN_NODES.length * (BOX_W + GAP) - GAP + 16;
  const parts = [];
  CHAIN_NODES.forEach((node, i) => {
    const x = 8 + i * (BOX_W + GAP);
    const status = nodeStatus(checks, node.checks);
    const c = COLOURS[status];
    const title = `${node.label}: ${c.word} (${node.checks.join(", ")})`;
    parts.push(
      `<g class="node node-${status}" data-node="${node.id}" data-status="${status}"><title>${escapeHtml(title)}</title><rect x="${x}" y="8" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/><text x="${x + BOX_W / 2}" y="36" text-anchor="middle" font-size="14" font-weight="600" fill="#111827">${escapeHtml(node.label)}</text><text x="${x + BOX_W / 2}" y="56" text-anchor="middle" font-size="12" fill="${c.stroke}">${c.word}</text></g>`
    );
    if (i < CHAIN_NODES.length - 1) {
      const ax = x + BOX_W + 3;
      parts.push(
        `<path d="M${ax} 40 H${ax + GAP - 8}" stroke="#374151" stroke-width="2" marker-end="url(#${idPrefix}-arrow)"/>`
      );
    }
  });
  return [
    `<svg class="chain" role="img" aria-label="proof chain" viewBox="0 0 ${width} 80" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    `<defs><marker id="${idPrefix}-arrow" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">`,
    '<path d="M0 0 L8 4 L0 8 z" fill="#374151"/></marker></defs>',
    ...parts,
    "</svg>"
  ].join("");
}

// src/verify/results-html.ts
var RESULTS_STYLE = `
section.results h4{font-size:15px;margin:16px 0 4px}
figure.register{margin:6px 0 14px}
figure.register figcaption{font-size:14px;color:#374151;margin-bottom:4px}
svg.histogram{display:block;max-width:100%;height:auto}
td.num{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;text-align:right}
`;
var TOP_BARS = 16;
var MAX_HTML_PUBS = 64;
var MAX_HTML_REGISTERS = 32;
var MAX_HTML_CHARTS = 128;
var MAX_HTML_ROWS = 256;
var ROW_H = 22;
var BAR_H = 16;
var LABEL_W = 190;
var BAR_W = 420;
var CHART_W = LABEL_W + BAR_W + 150;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var shortBits = (bits) => bits.length <= 22 ? bits : `${bits.slice(0, 10)}\u2026${bits.slice(-10)}`;
var percent = (count, shots) => shots === 0 ? "0%" : `${(100 * count / shots).toFixed(1)}%`;
function bars(reg) {
  const shown = reg.top.slice(0, TOP_BARS);
  const list = shown.map((o) => ({
    label: shortBits(o.bitstring),
    title: o.bitstring,
    count: o.count,
    other: false
  }));
  const rest = reg.shots - shown.reduce((sum, o) => sum + o.count, 0);
  const restOutcomes = reg.distinct - shown.length;
  if (rest > 0 && restOutcomes > 0) {
    const label = `other (${plural(restOutcomes, "outcome")})`;
    list.push({ label, title: label, count: rest, other: true });
  }
  return list;
}
function histogram(reg) {
  const list = bars(reg);
  const max = Math.max(1, ...list.map((b) => b.count));
  const height = list.length * ROW_H + 4;
  const rows = list.map((b, i) => {
    const y = 2 + i * ROW_H;
    const w = Math.max(b.count > 0 ? 1 : 0, Math.round(BAR_W * b.count / max));
    const text = `${b.count} (${percent(b.count, reg.shots)})`;
    return `<g class="bar${b.other ? " other" : ""}" data-count="${b.count}"><title>${escapeHtml(`${b.title}: ${text}`)}</title><text x="${LABEL_W - 8}" y="${y + 13}" text-anchor="end" font-family="ui-monospace,Menlo,Consolas,monospace" font-size="13" fill="#111827">${escapeHtml(b.label)}</text><rect x="${LABEL_W}" y="${y + (ROW_H - BAR_H) / 2 - 1}" width="${w}" height="${BAR_H}" fill="${b.other ? "#9ca3af" : "#2563eb"}"/><text x="${LABEL_W + w + 6}" y="${y + 13}" font-size="12" fill="#374151">${escapeHtml(text)}</text></g>`;
  });
  return `<svg class="histogram" role="img" aria-label="${escapeHtml(`outcomes of register ${reg.name}`)}" viewBox="0 0 ${CHART_W} ${height}" width="${CHART_W}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join("")}</svg>`;
}
function registerFigure(reg) {
  const shown = reg.distinct > TOP_BARS ? `; the ${TOP_BARS} most frequent shown` : "";
  const caption = `Register <code>${escapeHtml(reg.name)}</code>: ${plural(reg.numBits, "bit")}, ${plural(reg.shots, "shot")}, ${plural(reg.distinct, "distinct outcome")}${shown}`;
  return `<figure class="register" data-register="${escapeHtml(reg.name)}"><figcaption>${caption}</figcaption>${reg.shots > 0 ? histogram(reg) : '<p class="note">No samples.</p>'}</figure>`;
}
var num = (x) => String(Number(x.toPrecision(6)));
function estimatorTable(pub) {
  const ensemble = pub.values.some((v) => v.ensembleError !== void 0);
  const ensembleCell = (e) => ensemble ? `<td class="num">${e === void 0 ? "" : escapeHtml(num(e))}</td>` : "";
  const rows = pub.values.slice(0, MAX_HTML_ROWS).map(
    (v) => `<tr><td><code>${v.index.length === 0 ? "\u2014" : `[${v.index.join(", ")}]`}</code></td><td class="num">${escapeHtml(num(v.ev))}</td><td class="num">\xB1 ${escapeHtml(num(v.std))}</td>${ensembleCell(v.ensembleError)}</tr>`
  );
  const notShown = pub.values.length - rows.length + pub.omitted;
  const head = `<tr><th>Observable (index in evs)</th><th>Expectation value</th><th>Standard error</th>${ensemble ? "<th>Ensemble standard error</th>" : ""}</tr>`;
  const more = notShown > 0 ? `<p class="note">${plural(notShown, "more value")} not shown.</p>` : "";
  return `<table class="estimator"><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>${more}`;
}
var notDecodedNote = (n) => `<p class="note not-decoded" data-reason="${escapeHtml(n.reason)}">Not decoded: ${escapeHtml(n.detail)}. Digests and verification do not depend on decoding.</p>`;
function registerFigures(registers, budget) {
  const drawn = registers.slice(0, Math.min(MAX_HTML_REGISTERS, budget.charts));
  budget.charts -= drawn.length;
  const more = registers.length - drawn.length;
  return drawn.map(registerFigure).join("") + (more > 0 ? `<p class="note">${plural(more, "more register")} not shown.</p>` : "");
}
function pubBlock(pub, budget) {
  const body = pub.kind === "sampler" ? pub.registers.length === 0 ? '<p class="note">No classical registers.</p>' : registerFigures(pub.registers, budget) : pub.kind === "estimator" ? estimatorTable(pub) : notDecodedNote(pub);
  const word = pub.kind === "not-decoded" ? "not decoded" : pub.kind;
  return `<div class="pub" data-pub="${pub.index}" data-kind="${pub.kind}"><h4>PUB ${pub.index}: ${word}</h4>${body}</div>`;
}
function resultsSection(results, verified2) {
  const note = verified2 ? "Decoded from this verified bundle's results.json: the values IBM served for this job. They do not show that IBM computed them correctly." : "This bundle did NOT verify: these values are shown for inspection only and are not evidence.";
  let body;
  if (results.kind === "not-decoded") body = notDecodedNote(results);
  else {
    const shown = results.pubs.slice(0, MAX_HTML_PUBS);
    const budget = { charts: MAX_HTML_CHARTS };
    const more = results.pubs.length - shown.length + results.omittedPubs;
    body = (shown.length === 0 ? '<p class="note">The results list no PUB.</p>' : "") + shown.map((pub) => pubBlock(pub, budget)).join("") + (more > 0 ? `<p class="note">${plural(more, "more PUB")} not shown.</p>` : "");
  }
  return `<section class="results" data-decoded="${results.kind === "decoded"}"><h3>Results</h3><p class="note">${escapeHtml(note)}</p>${body}</section>`;
}

// src/verify/html-context.ts
var CONTEXT_STYLE = `
.sandbox{background:#fef3c7;border:3px solid #b45309;color:#78350f;padding:12px 16px;margin:0 0 14px;font-weight:700}
`;
function sandboxBanner(ctx) {
  if (ctx?.trustedRoot.sandbox !== true) return "";
  return '<div class="sandbox" id="sandbox-banner" role="alert">SANDBOX, NOT FOR PRODUCTION: these bundles were verified against a local sandbox&#39;s trusted root. A pass here shows the mechanics only; it proves nothing about real provenance.</div>';
}
function row(label, value) {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td class="value">${escapeHtml(value)}</td></tr>`;
}
function contextSection(ctx) {
  if (ctx === void 0) return "";
  const r = ctx.trustedRoot;
  const p = ctx.policy;
  const t = p.thresholds;
  const rows = [
    row("Trusted root", r.source),
    row("Trusted root sha256", r.sha256),
    row("Sandbox root", r.sandbox ? "yes: NOT FOR PRODUCTION" : "no"),
    p.identity !== void 0 ? row("Signer identity (exact)", p.identity) : "",
    p.identityRegExp !== void 0 ? row("Signer identity (regexp)", p.identityRegExp) : "",
    row("OIDC issuer", p.issuer),
    p.sourceRepository !== void 0 ? row("Source repository", p.sourceRepository) : "",
    row("Profile", `${p.profile} (tlog ${t.tlog}, ctlog ${t.ctlog}, timestamp ${t.timestamp})`),
    row("AI policy", p.aiPolicy),
    row("Required job", p.jobId ?? "(any)"),
    row("Workload re-hashed", p.workload?.join(", ") ?? "(not given)"),
    row("Live job compared", p.online ? "yes" : "no (offline)")
  ].join("");
  return `<section id="context"><h2>Verified against</h2><table class="facts context"><tbody>${rows}</tbody></table></section>`;
}
function rekorRows(whose, e) {
  if (e === void 0) return [];
  if (e === null) return [[`${whose} Rekor entry`, "none: signed with a timestamp only"]];
  const rows = [[`${whose} Rekor log index`, e.logIndex]];
  if (e.uuid) rows.push([`${whose} Rekor entry UUID`, e.uuid]);
  if (e.baseUrl) rows.push([`${whose} Rekor v2 shard`, e.baseUrl]);
  if (e.logId) rows.push([`${whose} Rekor log ID`, e.logId]);
  return rows;
}

// src/verify/html-report.ts
var STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827;background:#fff}
main{max-width:1100px;margin:0 auto;padding:0 20px 40px}
.verdict{padding:22px 20px;margin:0 0 18px;border-bottom:6px solid}
.verdict h1{margin:0;font-size:34px;letter-spacing:.02em}
.verdict p{margin:6px 0 0;font-size:16px}
.ok{background:#dcfce7;border-color:#15803d;color:#14532d}
.bad{background:#fee2e2;border-color:#b91c1c;color:#7f1d1d}
h2{font-size:20px;margin:28px 0 8px}
h3{font-size:16px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d1d5db;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}
.summary td:first-child,.checks td:first-child code{white-space:nowrap}
td.detail,td.value,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere;white-space:pre-wrap}
.status{font-weight:700;white-space:nowrap}
.status-pass{color:#15803d}.status-fail{color:#b91c1c;background:#fee2e2}.status-skip{color:#6b7280}
.badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:700}
.badge.ok{border:0}.badge.bad{border:0}
section.bundle{border-top:2px solid #e5e7eb;margin-top:26px}
.note{color:#374151;font-size:14px}
footer{color:#6b7280;font-size:13px;margin-top:30px}
${RESULTS_STYLE}`;
var STYLES = STYLE + CONTEXT_STYLE;
var CSP = reportCsp(STYLES);
var STATUS_WORD = { pass: "\u2713 pass", fail: "\u2717 FAIL", skip: "\u2013 skip" };
var verified = (v) => v.ok === true && v.checks.every((c) => c.status !== "fail");
var verdictWord = (ok) => ok ? "VERIFIED" : "NOT VERIFIED";
var FACT_LABELS = [
  ["jobId", "Runtime job ID"],
  ["sessionId", "Runtime session ID"],
  ["backend", "Backend"],
  ["program", "Program"],
  ["signerIdentity", "Signer identity (certificate SAN)"],
  ["signerIssuer", "Signer OIDC issuer"],
  ["statementDigest", "Statement digest"],
  ["packageDigest", "Workload package digest"],
  ["bindingDigest", "Binding digest"],
  ["receiptId", "AIIR receipt ID"],
  ["commit", "Commit"]
];
function factsTable(v) {
  const rows = [];
  for (const [key, label] of FACT_LABELS) {
    const value = v.facts[key];
    if (typeof value === "string" && value !== "") rows.push([label, value]);
  }
  rows.push(...rekorRows("Statement", v.facts.rekor), ...rekorRows("Binding", v.facts.bindingRekor));
  if (rows.length === 0)
    return '<p class="note">No facts are shown: none were read from material that verified.</p>';
  const body = rows.map(([k, val]) => `<tr><th scope="row">${escapeHtml(k)}</th><td class="value">${escapeHtml(val)}</td></tr>`).join("");
  return `<table class="facts"><tbody>${body}</tbody></table>`;
}
function checksTable(v) {
  const rows = v.checks.map(
    (c) => `<tr class="check" data-check="${escapeHtml(c.name)}" data-status="${escapeHtml(c.status)}"><td><code>${escapeHtml(c.name)}</code></td><td class="status status-${escapeHtml(c.status)}">${escapeHtml(STATUS_WORD[c.status] ?? c.status)}</td><td class="detail">${escapeHtml(c.detail)}</td></tr>`
  ).join("");
  return `<table class="checks"><thead><tr><th>Check</th><th>Result</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}
function bundleSection(v, i, batch, results) {
  const ok = verified(v);
  const heading = batch ? `Bundle ${i + 1}: ` : "Proof bundle: ";
  const failed = v.checks.filter((c) => c.status === "fail").map((c) => c.name);
  const badge = `<span class="badge ${ok ? "ok" : "bad"}">${verdictWord(ok)}</span>`;
  return [
    `<section class="bundle" id="bundle-${i + 1}" data-ok="${ok}">`,
    `<h2>${escapeHtml(heading)}<code>${escapeHtml(v.bundle)}</code> ${badge}</h2>`,
    failed.length > 0 ? `<p class="note">Rejected by: <strong>${escapeHtml(failed.join(", "))}</strong></p>` : "",
    `<p class="note">Job ID: <code>${escapeHtml(v.jobId ?? "(none)")}</code></p>`,
    chainSvg(v.checks, `b${i + 1}`),
    `<h3>Checks</h3>${checksTable(v)}`,
    ok ? `<h3>What was verified</h3>${factsTable(v)}` : `<h3>Facts from signed parts</h3><p class="note">The bundle as a whole did NOT verify; these values come only from parts whose signatures verified.</p>${factsTable(v)}`,
    results ? resultsSection(results, ok) : "",
    "</section>"
  ].join("");
}
function summaryTable(verdicts) {
  const rows = verdicts.map((v, i) => {
    const ok = verified(v);
    const failed = v.checks.filter((c) => c.status === "fail").map((c) => c.name);
    return `<tr><td><a href="#bundle-${i + 1}">Bundle ${i + 1}</a></td><td><code>${escapeHtml(v.bundle)}</code></td><td><code>${escapeHtml(v.jobId ?? "(none)")}</code></td><td class="status status-${ok ? "pass" : "fail"}">${verdictWord(ok)}</td><td>${escapeHtml(failed.join(", ") || "\u2014")}</td></tr>`;
  }).join("");
  return `<section id="summary"><h2>Summary</h2><table class="summary"><thead><tr><th>#</th><th>Bundle</th><th>Job ID</th><th>Verdict</th><th>Failed checks</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
function renderHtmlReport(verdicts, opts = {}) {
  const allOk = verdicts.length > 0 && verdicts.every(verified);
  const passed = verdicts.filter(verified).length;
  const word = verdictWord(allOk);
  const line = verdicts.length === 0 ? "No proof bundle was verified." : verdicts.length === 1 ? allOk ? "The proof chain verified: every required check passed." : "The proof chain did not verify: at least one check failed." : `${passed} of ${verdicts.length} proof bundles verified.`;
  const batch = verdicts.length > 1;
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>qprov: ${word}</title>`,
    `<style>${STYLES}</style>`,
    "</head><body>",
    `<header class="verdict ${allOk ? "ok" : "bad"}" id="verdict" data-ok="${allOk}">`,
    `<h1>${word}</h1><p>${escapeHtml(line)}</p></header>`,
    "<main>",
    sandboxBanner(opts.context),
    contextSection(opts.context),
    batch ? summaryTable(verdicts) : "",
    ...verdicts.map((v, i) => bundleSection(v, i, batch, opts.results?.[i])),
    `<footer><p>Generated by qprov ${escapeHtml(QPROV_VERSION)} at ${escapeHtml(opts.generatedAt ?? (/* @__PURE__ */ new Date()).toISOString())}.`,
    "A pass proves what each check states and no more: qprov reports the AI involvement the",
    "receipt declares and does not infer undeclared AI use; Runtime tags are pointers, not",
    "evidence; nothing here is an endorsement by IBM.</p></footer>",
    "</main></body></html>",
    ""
  ].join("\n");
}

export {
  renderHtmlReport
};
