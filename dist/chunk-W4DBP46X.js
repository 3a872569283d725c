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

// src/github/summary.ts
var SUMMARY_BYTE_LIMIT = 1024 * 1024 - 16 * 1024;
var DETAIL_LIMIT = 600;
function escapeText(s) {
  return cleanText(s).replace(/[&<>"'`[\]*_|\\!@#~$(){}]/g, (c) => `&#${c.charCodeAt(0)};`);
}
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
  return `${head}

${table(["check", "status", "detail"], rows)}`;
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
  SUMMARY_BYTE_LIMIT,
  escapeText,
  chainDiagram,
  renderSummary,
  rekorSearchURL
};
