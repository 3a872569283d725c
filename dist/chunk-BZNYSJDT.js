import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/receipt/ai-markers.ts
var DETECTION_METHOD = "qprov_markers_v1";
var AI_TOOL_MARKERS = [
  "claude",
  "anthropic",
  "copilot",
  "chatgpt",
  "openai",
  "codex",
  "gpt-4",
  "gpt-5",
  "gemini",
  "cursor",
  "devin",
  "aider",
  "amazon q",
  "codewhisperer",
  "codeium",
  "windsurf",
  "tabnine",
  "cody",
  "jules",
  "qwen",
  "deepseek",
  "mistral",
  "llama"
];
var AI_AGENT_IDENTITIES = [
  "copilot-swe-agent",
  "copilot[bot]",
  "claude[bot]",
  "noreply@anthropic.com",
  "devin-ai-integration",
  "cursoragent",
  "openai-codex",
  "codex[bot]",
  "google-labs-jules",
  "aider"
];
var AUTOMATION_BOTS = [
  "dependabot",
  "renovate",
  "github-actions[bot]",
  "snyk-bot",
  "pre-commit-ci",
  "mergify",
  "greenkeeper"
];
var AI_TRAILER_KEYS = ["ai-assisted", "assisted-by", "generated-by", "ai-tool", "ai-model"];
var NEGATIVE = /* @__PURE__ */ new Set(["no", "false", "none", "0", "n/a"]);
var mentionsAiTool = (s) => {
  const low = s.toLowerCase();
  return AI_TOOL_MARKERS.find((m) => low.includes(m));
};
function trailers(message) {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : "";
  const out = [];
  for (const line of last.split("\n")) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*)$/.exec(line.trim());
    if (m) out.push([m[1].toLowerCase(), m[2].trim()]);
  }
  return out;
}
function detectAi(people, declared = []) {
  const ai = /* @__PURE__ */ new Set();
  const bot = /* @__PURE__ */ new Set();
  for (const [key, value] of trailers(people.message)) {
    if (key === "co-authored-by") {
      const tool = mentionsAiTool(value);
      if (tool) ai.add(`trailer:co-authored-by:${tool}`);
    } else if (AI_TRAILER_KEYS.includes(key)) {
      const v = value.toLowerCase();
      if (key === "ai-assisted" ? v !== "" && !NEGATIVE.has(v) : mentionsAiTool(value))
        ai.add(`trailer:${key}`);
    }
  }
  const fields = [
    ["author_name", people.authorName],
    ["author_email", people.authorEmail],
    ["committer_name", people.committerName],
    ["committer_email", people.committerEmail]
  ];
  for (const [field, value] of fields) {
    const low = value.toLowerCase();
    for (const m of AI_AGENT_IDENTITIES) if (low.includes(m)) ai.add(`${field}_bot:${m}`);
    for (const m of AUTOMATION_BOTS) if (low.includes(m)) bot.add(`${field}_bot:${m}`);
  }
  for (const tool of declared) if (tool.trim() !== "") ai.add(`declared:${tool.trim()}`);
  const signals = [...ai];
  const botSignals = [...bot];
  const isAi = signals.length > 0;
  const isBot = botSignals.length > 0;
  return {
    is_ai_authored: isAi,
    signals_detected: signals,
    signal_count: signals.length,
    is_bot_authored: isBot,
    bot_signals_detected: botSignals,
    bot_signal_count: botSignals.length,
    authorship_class: isAi && isBot ? "ai+bot" : isAi ? "ai_assisted" : isBot ? "bot" : "human",
    detection_method: DETECTION_METHOD
  };
}

export {
  AI_AGENT_IDENTITIES,
  AUTOMATION_BOTS,
  AI_TRAILER_KEYS,
  detectAi
};
