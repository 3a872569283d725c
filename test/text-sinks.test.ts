import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coreReporter } from '../src/action/reporter.js'
import { printErr, printJson, printLines, printOut } from '../src/cli/io.js'
import { main } from '../src/cli/main.js'
import { annotationText } from '../src/github/check-runs.js'
import { escapeText, renderSummary } from '../src/github/summary.js'
import { logJson, logLine, logLines } from '../src/log-text.js'
import { cleanText, hasUnsafeText } from '../src/untrusted-text.js'
import { escapeHtml } from '../src/verify/html-escape.js'
import { renderHtmlReport } from '../src/verify/html-report.js'
import { renderText } from '../src/verify/render.js'
import { CHECK_NAMES, type BundleVerdict } from '../src/verify/verdict.js'
import { captureOutput } from './helpers/capture.js'
import { hostileString } from './untrusted-text.test.js'
import { runs } from './helpers/property.js'

const F = '\ufffd'

type Sink =
  | 'cleaner'
  | 'terminal'
  | 'terminal JSON'
  | 'action log'
  | 'workflow command'
  | 'HTML'
  | 'Markdown'
  | 'check run'

/** Each sink's escaper applied to one untrusted string, as that sink receives it. */
const SINKS: Record<Sink, (s: string) => Promise<string> | string> = {
  cleaner: cleanText,
  terminal: async s => (await captureOutput(() => printOut(s))).stdout,
  'terminal JSON': s => logJson(JSON.stringify(s)),
  'action log': async s => (await captureOutput(() => coreReporter().info(s))).stdout,
  'workflow command': async s => (await captureOutput(() => coreReporter().warning(s))).stdout,
  HTML: escapeHtml,
  Markdown: escapeText,
  'check run': s => annotationText(s, 255)
}

/** One row per hostile input: the exact output of every sink. */
const TABLE: [string, string, Record<Sink, string>][] = [
  [
    'a line break that starts a workflow command',
    'a\n::warning ::x',
    {
      cleaner: `a${F}::warning ::x`,
      terminal: `a${F}::warning ::x\n`,
      'terminal JSON': '"a\\n::warning ::x"',
      'action log': `a${F}::warning ::x\n`,
      'workflow command': `::warning::a${F}::warning ::x\n`,
      HTML: `a${F}::warning ::x`,
      Markdown: `a${F}::warning ::x`,
      'check run': `a${F}::warning ::x`
    }
  ],
  [
    'CRLF then stop-commands',
    'job\r\n::stop-commands::tok',
    {
      cleaner: `job${F}${F}::stop-commands::tok`,
      terminal: `job${F}${F}::stop-commands::tok\n`,
      'terminal JSON': '"job\\r\\n::stop-commands::tok"',
      'action log': `job${F}${F}::stop-commands::tok\n`,
      'workflow command': `::warning::job${F}${F}::stop-commands::tok\n`,
      HTML: `job${F}${F}::stop-commands::tok`,
      Markdown: `job${F}${F}::stop-commands::tok`,
      'check run': `job${F}${F}::stop-commands::tok`
    }
  ],
  [
    'a command at the start of the text',
    '::set-output name=a::b',
    {
      cleaner: '::set-output name=a::b',
      terminal: `${F}:set-output name=a::b\n`,
      'terminal JSON': '"::set-output name=a::b"',
      'action log': `${F}:set-output name=a::b\n`,
      'workflow command': `::warning::${F}:set-output name=a::b\n`,
      HTML: '::set-output name=a::b',
      Markdown: '::set-output name=a::b',
      'check run': '::set-output name=a::b'
    }
  ],
  [
    'the older ##[ command form, which the runner finds anywhere in a line',
    'x##[add-mask]y',
    {
      cleaner: 'x##[add-mask]y',
      terminal: `x${F}#[add-mask]y\n`,
      'terminal JSON': '"x##\\u005badd-mask]y"',
      'action log': `x${F}#[add-mask]y\n`,
      'workflow command': `::warning::x${F}#[add-mask]y\n`,
      HTML: 'x##[add-mask]y',
      Markdown: 'x&#35;&#35;&#91;add-mask&#93;y',
      'check run': 'x##[add-mask]y'
    }
  ],
  [
    'percent-encoded line breaks',
    '%0A::error::50%',
    {
      cleaner: '%0A::error::50%',
      terminal: '%0A::error::50%\n',
      'terminal JSON': '"%0A::error::50%"',
      'action log': '%0A::error::50%\n',
      'workflow command': '::warning::%250A::error::50%25\n',
      HTML: '%0A::error::50%',
      Markdown: '%0A::error::50%',
      'check run': '%0A::error::50%'
    }
  ],
  [
    'ANSI colour, an OSC 8 hyperlink and BEL',
    '\u001b[31mred\u001b]8;;http://e\u0007',
    {
      cleaner: `${F}[31mred${F}]8;;http://e${F}`,
      terminal: `${F}[31mred${F}]8;;http://e${F}\n`,
      'terminal JSON': '"\\u001b[31mred\\u001b]8;;http://e\\u0007"',
      'action log': `${F}[31mred${F}]8;;http://e${F}\n`,
      'workflow command': `::warning::${F}[31mred${F}]8;;http://e${F}\n`,
      HTML: `${F}[31mred${F}]8;;http://e${F}`,
      Markdown: `${F}&#91;31mred${F}&#93;8;;http://e${F}`,
      'check run': `${F}[31mred${F}]8;;http://e${F}`
    }
  ],
  [
    'a bidi override, an isolate and a zero-width space',
    'abc\u202e\u2066gpj.exe\u2069\u200b',
    {
      cleaner: `abc${F}${F}gpj.exe${F}${F}`,
      terminal: `abc${F}${F}gpj.exe${F}${F}\n`,
      'terminal JSON': '"abc\\u202e\\u2066gpj.exe\\u2069\\u200b"',
      'action log': `abc${F}${F}gpj.exe${F}${F}\n`,
      'workflow command': `::warning::abc${F}${F}gpj.exe${F}${F}\n`,
      HTML: `abc${F}${F}gpj.exe${F}${F}`,
      Markdown: `abc${F}${F}gpj.exe${F}${F}`,
      'check run': `abc${F}${F}gpj.exe${F}${F}`
    }
  ],
  [
    'HTML, a table pipe, a line separator and a Markdown link',
    '<b>|*a*|</b>\u2028[l](javascript:x)',
    {
      cleaner: `<b>|*a*|</b>${F}[l](javascript:x)`,
      terminal: `<b>|*a*|</b>${F}[l](javascript:x)\n`,
      'terminal JSON': '"<b>|*a*|</b>\\u2028[l](javascript:x)"',
      'action log': `<b>|*a*|</b>${F}[l](javascript:x)\n`,
      'workflow command': `::warning::<b>|*a*|</b>${F}[l](javascript:x)\n`,
      HTML: `&lt;b&gt;|*a*|&lt;/b&gt;${F}[l](javascript:x)`,
      Markdown: `&#60;b&#62;&#124;&#42;a&#42;&#124;&#60;/b&#62;${F}&#91;l&#93;&#40;javascript:x&#41;`,
      'check run': `<b>|*a*|</b>${F}[l](javascript:x)`
    }
  ]
]

describe('every sink escapes hostile text exactly', () => {
  for (const [name, input, expected] of TABLE)
    for (const sink of Object.keys(SINKS) as Sink[])
      it(`${sink} × ${name}`, async () => {
        expect(await SINKS[sink](input)).toBe(expected[sink])
      })
})

describe('the sinks, end to end', () => {
  const hostile = 'proof/a\n\n::stop-commands::tok\n| x | y |\n##[add-mask]z'
  const verdict = (): BundleVerdict => ({
    ok: false,
    bundle: hostile,
    jobId: hostile,
    checks: CHECK_NAMES.map(name => ({
      name,
      status: 'fail',
      finding: 'record-mismatch',
      detail: `bad: ${hostile}`
    })),
    facts: {}
  })

  it('the text table keeps one line per check whatever a detail holds', () => {
    const lines = renderText([verdict()]).split('\n')
    expect(lines).toHaveLength(1 + CHECK_NAMES.length + 1)
    expect(lines[0]).toBe(
      `proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}##[add-mask]z (job proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}##[add-mask]z)`
    )
    expect(lines[1]).toBe(
      `  FAIL  statement-signature  bad: proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}##[add-mask]z`
    )
  })

  it('printOut and printErr print one line, printLines keeps the lines qprov joined, printJson the value', async () => {
    const out = await captureOutput(() => {
      printOut(`line ${hostile}`)
      printLines(`table\n${hostile}`)
      printJson({ bundle: `${hostile}\u202e\u009b` })
      printErr(`qprov: ${hostile}`)
    })
    expect(out.stdout).toBe(
      [
        `line proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}${F}#[add-mask]z`,
        'table',
        'proof/a',
        '',
        `${F}:stop-commands::tok`,
        '| x | y |',
        `${F}#[add-mask]z`,
        '{',
        '  "bundle": "proof/a\\n\\n::stop-commands::tok\\n| x | y |\\n##\\u005badd-mask]z\\u202e\\u009b"',
        '}',
        ''
      ].join('\n')
    )
    expect(out.stderr).toBe(
      `qprov: proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}${F}#[add-mask]z\n`
    )
    expect(JSON.parse(out.stdout.split('\n').slice(7).join('\n'))).toEqual({
      bundle: `${hostile}\u202e\u009b`
    })
  })

  it("commander's usage errors, which quote the argument, pass the terminal's escaper", async () => {
    const out = await captureOutput(() => main(['verify', '--bogus\n::warning ::x\u001b[2J']))
    expect(out.result).toBe(2)
    expect(out.stderr).toBe(
      `qprov: error [USAGE]: unknown option '--bogus${F}::warning ::x${F}[2J'; see --help\n`
    )
  })

  it('the job summary keeps a hostile bundle path inside its table cell and heading', () => {
    const md = renderSummary({ title: 'qprov verify', verdicts: [{ ...verdict(), checks: [] }] })
    const cell = `proof/a${F}${F}::stop-commands::tok${F}&#124; x &#124; y &#124;${F}&#35;&#35;&#91;add-mask&#93;z`
    expect(md).toBe(
      [
        '### qprov verify',
        '',
        '**0 of 1 proof bundles verified.**',
        '',
        `#### ❌ not verified: <code>${cell}</code> (job <code>${cell}</code>)`,
        '',
        '<table>',
        '<tr><th>check</th><th>status</th><th>detail</th></tr>',
        '',
        '</table>',
        ''
      ].join('\n')
    )
  })

  it('the HTML report shows no raw line break, control or bidi character from the bundle', () => {
    const html = renderHtmlReport([{ ...verdict(), bundle: `${hostile}\u202e<i>` }], {
      generatedAt: 'now'
    })
    expect(html).toContain(
      `<code>proof/a${F}${F}::stop-commands::tok${F}| x | y |${F}##[add-mask]z${F}&lt;i&gt;</code>`
    )
    expect(html).not.toContain('\u202e')
    expect(html).not.toContain('<i>')
  })
})

describe('sink properties over arbitrary hostile text', () => {
  const trimmed = (l: string) => l.replace(/^\s+/, '')

  it('a log line or terminal text never holds a workflow command', () => {
    fc.assert(
      fc.property(hostileString, s => {
        expect(logLine(s)).not.toContain('\n')
        for (const line of [logLine(s), ...logLines(s).split('\n')]) {
          expect(trimmed(line).startsWith('::')).toBe(false)
          expect(line).not.toContain('##[')
          expect(hasUnsafeText(line)).toBe(false)
        }
      }),
      runs()
    )
  })

  it('terminal JSON parses back to the same value and holds nothing a terminal acts on', () => {
    fc.assert(
      fc.property(hostileString, s => {
        const json = logJson(JSON.stringify({ s }, null, 2))
        expect(JSON.parse(json)).toEqual({ s })
        expect(json).not.toContain('##[')
        expect(hasUnsafeText(json.replace(/\n/g, ''))).toBe(false)
      }),
      runs()
    )
  })

  it('Markdown and HTML text hold no line break and none of their specials', () => {
    fc.assert(
      fc.property(hostileString, s => {
        const md = escapeText(s)
        const html = escapeHtml(s)
        expect(hasUnsafeText(md) || hasUnsafeText(html)).toBe(false)
        expect(md.replace(/&#\d+;/g, '')).not.toMatch(/[<>"'`[\]*_|\\!@#~$(){}&]/)
        expect(html.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toMatch(/[<>"'&]/)
      }),
      runs()
    )
  })
})
