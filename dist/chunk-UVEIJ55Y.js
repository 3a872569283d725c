import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  cleanText,
  cutText
} from "./chunk-4DXEKH5E.js";

// src/github/markdown-text.ts
function escapeText(s) {
  return cleanText(s).replace(/[&<>"'`[\]*_|\\!@#~$(){}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/github/results-summary.ts
var SUMMARY_OUTCOMES = 8;
var SUMMARY_PUBS = 8;
var SUMMARY_REGISTERS = 4;
var SUMMARY_VALUES = 16;
var BAR_CHARS = 20;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var share = (count, shots) => shots === 0 ? "0%" : `${(100 * count / shots).toFixed(1)}%`;
var bar = (count, max) => "\u2588".repeat(max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round(BAR_CHARS * count / max)));
function registerTable(reg) {
  const shown = reg.top.slice(0, SUMMARY_OUTCOMES);
  const max = shown[0]?.count ?? 0;
  const rows = shown.map(
    (o) => `| <code>${escapeText(o.bitstring)}</code> | ${o.count} | ${share(o.count, reg.shots)} | ${bar(o.count, max)} |`
  );
  const rest = reg.shots - shown.reduce((sum, o) => sum + o.count, 0);
  if (rest > 0)
    rows.push(
      `| other (${plural(reg.distinct - shown.length, "outcome")}) | ${rest} | ${share(rest, reg.shots)} | |`
    );
  const head = `Register <code>${escapeText(reg.name)}</code>: ${plural(reg.numBits, "bit")}, ${plural(reg.shots, "shot")}`;
  return [head, "", "| outcome | count | share | |", "|---|--:|--:|---|", ...rows].join("\n");
}
var num = (x) => String(Number(x.toPrecision(6)));
function estimatorTable(pub) {
  const shown = pub.values.slice(0, SUMMARY_VALUES);
  const rows = shown.map(
    (v) => `| ${v.index.length === 0 ? "\u2014" : `[${v.index.join(", ")}]`} | ${num(v.ev)} | \xB1 ${num(v.std)} |`
  );
  const more = pub.values.length - shown.length + pub.omitted;
  const table2 = ["| observable | expectation value | standard error |", "|---|--:|--:|", ...rows];
  if (more > 0) table2.push("", `_${plural(more, "more value")} not shown._`);
  return table2.join("\n");
}
function pubPart(pub) {
  const head = `**PUB ${pub.index}**`;
  if (pub.kind === "not-decoded") return `${head}: not decoded (${escapeText(pub.detail)}).`;
  if (pub.kind === "estimator") return `${head}: estimator

${estimatorTable(pub)}`;
  if (pub.registers.length === 0) return `${head}: sampler, no classical registers.`;
  const regs = pub.registers.slice(0, SUMMARY_REGISTERS).map(registerTable);
  const more = pub.registers.length - regs.length;
  if (more > 0) regs.push(`_${plural(more, "more register")} not shown._`);
  return `${head}: sampler

${regs.join("\n\n")}`;
}
function resultsSummary(results) {
  const parts = ["#### Results"];
  if (results.kind === "not-decoded") {
    parts.push(
      `Not decoded: ${escapeText(results.detail)}. Digests and verification do not depend on decoding.`
    );
    return parts.join("\n\n");
  }
  parts.push(
    "The values IBM served for the job; they do not show that IBM computed them correctly."
  );
  const shown = results.pubs.slice(0, SUMMARY_PUBS);
  parts.push(...shown.map(pubPart));
  const more = results.pubs.length - shown.length + results.omittedPubs;
  if (more > 0) parts.push(`_${plural(more, "more PUB")} not shown; the HTML report lists more._`);
  if (results.pubs.length === 0) parts.push("The results list no PUB.");
  return parts.join("\n\n");
}

// src/github/summary.ts
var SUMMARY_BYTE_LIMIT = 1024 * 1024 - 16 * 1024;
var DETAIL_LIMIT = 600;
function cut(s, n = DETAIL_LIMIT) {
  return cutText(s, n + 1);
}
var STATUS = { pass: "\u2705 pass", fail: "\u274C fail", skip: "\u2796 skip" };
function statusCell(s) {
  return STATUS[s] ?? `\u274C ${escapeText(s)}`;
}
function mermaidLabel(s, keep = 19) {
  if (!s) return "\u2014";
  const clean = s.replace(/[^A-Za-z0-9:._ -]/g, "_");
  return clean.length > keep ? `${clean.slice(0, keep)}\u2026` : clean;
}
function chainDiagram(c) {
  const nodes = [
    ["W", "workload", c.packageDigest],
    ["R", "AIIR receipt", c.commit],
    ["S", "statement", c.statementDigest],
    [
      "K",
      "Rekor",
      c.rekorLogIndex === null ? "none: TSA only" : c.rekorLogIndex === void 0 ? void 0 : `#${c.rekorLogIndex}`
    ],
    ["J", "Runtime job", c.jobId],
    ["B", "binding", c.bindingDigest]
  ];
  const lines = nodes.map(([id, name, v]) => `  ${id}["${name}<br/>${mermaidLabel(v)}"]`);
  return ["```mermaid", "flowchart LR", ...lines, "  W --> R --> S --> K --> J --> B", "```"].join(
    "\n"
  );
}
function table(head, rows) {
  const th = head.map((h) => `<th>${h}</th>`).join("");
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table>
<tr>${th}</tr>
${trs}
</table>`;
}
function verdictSection(v) {
  const head = `#### ${v.ok ? "\u2705 verified" : "\u274C not verified"}: <code>${escapeText(cut(v.bundle, 200))}</code>${v.jobId ? ` (job <code>${escapeText(cut(v.jobId, 100))}</code>)` : ""}`;
  const rows = v.checks.map((c) => [
    `<code>${escapeText(c.name)}</code>`,
    statusCell(c.status),
    escapeText(cut(c.detail))
  ]);
  const chain = v.ok ? `${chainDiagram(chainOfVerdict(v))}

` : "";
  return `${head}

${chain}${table(["check", "status", "detail"], rows)}`;
}
function chainOfVerdict(v) {
  const f = v.facts;
  return {
    packageDigest: f.packageDigest,
    commit: f.commit,
    statementDigest: f.statementDigest,
    rekorLogIndex: f.rekor === null ? null : f.rekor?.logIndex,
    jobId: f.jobId ?? v.jobId ?? void 0,
    bindingDigest: f.bindingDigest
  };
}
function linkList(links) {
  const safe = links.filter((l) => /^https?:\/\//.test(l.url));
  if (safe.length === 0) return "";
  return safe.map((l) => `- <a href="${escapeText(l.url)}">${escapeText(l.label)}</a>`).join("\n");
}
function renderSummary(doc) {
  const parts = [`### ${escapeText(doc.title)}`];
  if (doc.verdicts) {
    const ok = doc.verdicts.filter((v) => v.ok).length;
    parts.push(`**${ok} of ${doc.verdicts.length} proof bundles verified.**`);
  }
  if (doc.rows && doc.rows.length > 0)
    parts.push(
      table(
        ["item", "value"],
        doc.rows.map(([k, v]) => [escapeText(k), `<code>${escapeText(cut(v, 2e3))}</code>`])
      )
    );
  if (doc.results) parts.push(resultsSummary(doc.results));
  if (doc.chain) parts.push(chainDiagram(doc.chain));
  if (doc.links) {
    const l = linkList(doc.links);
    if (l) parts.push(l);
  }
  const sections = (doc.verdicts ?? []).map(verdictSection);
  let out = `${parts.join("\n\n")}
`;
  let bytes = Buffer.byteLength(out);
  for (let i = 0; i < sections.length; i++) {
    const s = `
${sections[i]}
`;
    const n = Buffer.byteLength(s);
    if (bytes + n > SUMMARY_BYTE_LIMIT) {
      out += `
_${sections.length - i} more proof bundles are not shown: the job summary is limited to 1 MiB. The report file lists them all._
`;
      break;
    }
    out += s;
    bytes += n;
  }
  return out;
}
function rekorSearchURL(logIndex) {
  return /^(0|[1-9][0-9]{0,18})$/.test(logIndex) ? `https://search.sigstore.dev/?logIndex=${logIndex}` : void 0;
}

export {
  escapeText,
  SUMMARY_BYTE_LIMIT,
  chainDiagram,
  renderSummary,
  rekorSearchURL
};
