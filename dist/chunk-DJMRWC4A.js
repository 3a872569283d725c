import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  AUDIT_CLASSES
} from "./chunk-DGDYWWIG.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/binding/audit-text.ts
function scopeLine(r) {
  const s = r.scope;
  const parts = [
    s.since !== null ? `since ${s.since}` : "",
    s.until !== null ? `until ${s.until}` : "",
    s.backend !== null ? `backend ${s.backend}` : "",
    ...s.tags.map((t) => `tag ${t}`)
  ].filter(Boolean);
  return `audit of ${s.instance}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}
function why(row) {
  if (row.class === "failed") return `${row.check ?? ""}${row.finding ? ` (${row.finding})` : ""}`;
  return row.detail ?? "";
}
function renderAuditText(r) {
  const lines = [scopeLine(r)];
  if (r.shard) lines.push(`shard ${r.shard.index}/${r.shard.count}`);
  lines.push(AUDIT_CLASSES.map((c) => `${c} ${r.counts[c]}`).join("  "));
  lines.push(
    r.coverage === null ? "coverage: no job listed" : `coverage ${r.coverage.toFixed(2)} % of ${r.total} ${r.total === 1 ? "job" : "jobs"} verified`
  );
  if (r.rows.length > 0) {
    const table = r.rows.map((x) => [x.jobId, x.created ?? "-", x.class, why(x)]);
    const widths = [0, 1, 2].map(
      (i) => Math.max(...table.map((t) => t[i].length), ["job", "created", "class"][i].length)
    );
    const line = (cells) => cells.map((c, i) => i < 3 ? c.padEnd(widths[i]) : c).join("  ").trimEnd();
    lines.push("", line(["job", "created", "class", "failing check / note"]));
    for (const t of table) lines.push(line(t));
  }
  return lines.join("\n");
}
export {
  renderAuditText
};
