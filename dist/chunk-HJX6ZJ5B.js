import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/receipt/json-literal.ts
var NumberLiteral = class {
  constructor(literal) {
    this.literal = literal;
  }
  literal;
};
var JsonSyntaxError = class extends Error {
};
var MAX_PARSE_DEPTH = 1e3;
function parseJsonLiteral(text) {
  const p = new Parser(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i !== text.length) p.fail("extra data");
  return v;
}
var WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var SAFE_INT = /^-?(?:0|[1-9]\d*)$/;
var Parser = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  fail(what) {
    throw new JsonSyntaxError(`${what} at offset ${this.i}`);
  }
  ws() {
    while (this.i < this.s.length && WS.has(this.s[this.i])) this.i++;
  }
  value(depth) {
    if (depth > MAX_PARSE_DEPTH) this.fail("nesting too deep");
    const c = this.s[this.i];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, v] of WORDS) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.number();
  }
  object(depth) {
    const o = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return o;
    }
    for (; ; ) {
      if (this.s[this.i] !== '"') this.fail("expected property name");
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ":") this.fail("expected ':'");
      this.i++;
      this.ws();
      const v = this.value(depth + 1);
      Object.defineProperty(o, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true
      });
      this.ws();
      const c = this.s[this.i++];
      if (c === "}") return o;
      if (c !== ",") this.fail("expected ',' or '}'");
      this.ws();
    }
  }
  array(depth) {
    const a = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return a;
    }
    for (; ; ) {
      a.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === "]") return a;
      if (c !== ",") this.fail("expected ',' or ']'");
      this.ws();
    }
  }
  string() {
    const start = this.i;
    this.i++;
    for (; ; ) {
      const c = this.s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail("unterminated string");
      if (c === 34) break;
      if (c < 32) this.fail("control character in string");
      this.i += c === 92 ? 2 : 1;
    }
    this.i++;
    try {
      return JSON.parse(this.s.slice(start, this.i));
    } catch {
      this.i = start;
      return this.fail("invalid string escape");
    }
  }
  number() {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail("unexpected character");
    this.i += m[0].length;
    const n = Number(m[0]);
    return SAFE_INT.test(m[0]) && Number.isSafeInteger(n) ? n : new NumberLiteral(m[0]);
  }
};
var WORDS = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", new NumberLiteral("NaN")],
  ["Infinity", new NumberLiteral("Infinity")],
  ["-Infinity", new NumberLiteral("-Infinity")]
];

export {
  NumberLiteral,
  JsonSyntaxError,
  parseJsonLiteral
};
