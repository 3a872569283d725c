import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeResults,
  decodeResultsValue,
  MAX_PUBS,
  MAX_RESULTS_CHARS,
  type DecodedPub,
  type DecodedResults
} from '../../src/verify/results-decode.js'
import { MAX_LISTED_VALUES } from '../../src/verify/estimator-values.js'
import { TOP_OUTCOMES } from '../../src/verify/register-counts.js'
import { runs } from '../helpers/property.js'

const hex = (n: number) => `0x${n.toString(16)}`
const sampler = (data: Record<string, unknown>) => ({
  results: [{ data, metadata: { circuit_metadata: {} } }],
  metadata: { execution: { execution_spans: [] }, version: 2 }
})

function pubs(r: DecodedResults): DecodedPub[] {
  if (r.kind !== 'decoded') throw new Error(`not decoded: ${r.detail}`)
  return r.pubs
}

function only(r: DecodedResults): DecodedPub {
  const [p] = pubs(r)
  return p as DecodedPub
}

describe('decoding sampler results', () => {
  it('counts a Bell state register as bitstrings of num_bits width, most frequent first', () => {
    const samples = [...Array(510).fill('0x0'), ...Array(490).fill('0x3'), '0x1', '0x2', '0x2']
    const pub = only(decodeResults(JSON.stringify(sampler({ c: { samples, num_bits: 2 } }))))
    expect(pub).toEqual({
      kind: 'sampler',
      index: 0,
      registers: [
        {
          name: 'c',
          numBits: 2,
          shots: 1003,
          distinct: 4,
          top: [
            { bitstring: '00', count: 510 },
            { bitstring: '11', count: 490 },
            { bitstring: '10', count: 2 },
            { bitstring: '01', count: 1 }
          ]
        }
      ]
    })
  })

  it('merges spellings of one value and keeps each register of a PUB apart', () => {
    const pub = only(
      decodeResultsValue(
        sampler({
          meas: { samples: ['0x5', '0X5', '0x005', '0xA', '0xa'], num_bits: 5 },
          flag: { samples: ['0x1', '0x0'], num_bits: 1 }
        })
      )
    )
    if (pub.kind !== 'sampler') throw new Error(pub.kind)
    expect(pub.registers.map(r => r.name)).toEqual(['meas', 'flag'])
    expect(pub.registers[0]?.top).toEqual([
      { bitstring: '00101', count: 3 },
      { bitstring: '01010', count: 2 }
    ])
    expect(pub.registers[1]?.top).toEqual([
      { bitstring: '0', count: 1 },
      { bitstring: '1', count: 1 }
    ])
  })

  it('orders ties by value and keeps only the most frequent outcomes of a wide register', () => {
    const samples = Array.from({ length: 3000 }, (_, i) => hex(i % 1000)).concat(['0x3e7', '0x2a'])
    const pub = only(decodeResultsValue(sampler({ c: { samples, num_bits: 10 } })))
    if (pub.kind !== 'sampler') throw new Error(pub.kind)
    const reg = pub.registers[0]
    expect(reg?.distinct).toBe(1000)
    expect(reg?.shots).toBe(3002)
    expect(reg?.top).toHaveLength(TOP_OUTCOMES)
    expect(reg?.top[0]).toEqual({ bitstring: (42).toString(2).padStart(10, '0'), count: 4 })
    expect(reg?.top[1]).toEqual({ bitstring: '1111100111', count: 4 })
    expect(reg?.top[2]).toEqual({ bitstring: '0000000000', count: 3 })
    expect(reg?.top[3]).toEqual({ bitstring: '0000000001', count: 3 })
  })

  it('reads registers wider than a double holds exactly', () => {
    const big = `0x${'f'.repeat(40)}`
    const pub = only(decodeResultsValue(sampler({ c: { samples: [big, '0x1'], num_bits: 161 } })))
    if (pub.kind !== 'sampler') throw new Error(pub.kind)
    expect(pub.registers[0]?.top.map(o => o.bitstring)).toEqual([
      `${'0'.repeat(160)}1`,
      `0${'1'.repeat(160)}`
    ])
  })

  it('shows a zero-width register as the empty bitstring, and refuses a set bit in it', () => {
    const pub = only(decodeResultsValue(sampler({ c: { samples: ['0x0', '0x0'], num_bits: 0 } })))
    if (pub.kind !== 'sampler') throw new Error(pub.kind)
    expect(pub.registers[0]?.top).toEqual([{ bitstring: '', count: 2 }])
    const wide = only(decodeResultsValue(sampler({ c: { samples: ['0x1'], num_bits: 0 } })))
    expect(wide).toMatchObject({ kind: 'not-decoded', reason: 'invalid-value' })
  })

  it('treats a PUB without classical registers as a sampler PUB with none', () => {
    expect(only(decodeResultsValue(sampler({})))).toEqual({
      kind: 'sampler',
      index: 0,
      registers: []
    })
  })

  it('decodes a register named evs as a register, not as estimator data', () => {
    const pub = only(decodeResultsValue(sampler({ evs: { samples: ['0x1'], num_bits: 1 } })))
    expect(pub.kind).toBe('sampler')
  })
})

describe('decoding estimator results', () => {
  it('pairs each expectation value with its standard errors by position', () => {
    const doc = {
      results: [
        {
          data: { evs: [0.98, -0.02], stds: [0.011, 0.012], ensemble_standard_error: [0.02, 0.03] },
          metadata: { shots: 4096, target_precision: 0.015 }
        },
        { data: { evs: 0.5, stds: 0.1 }, metadata: {} },
        {
          data: {
            evs: [
              [1, 2, 3],
              [4, 5, 6]
            ],
            stds: [
              [0, 0, 0],
              [0, 0, 0.5]
            ]
          },
          metadata: {}
        }
      ],
      metadata: { dynamical_decoupling: { enable: true }, version: 2 }
    }
    const [a, b, c] = pubs(decodeResultsValue(doc))
    expect(a).toEqual({
      kind: 'estimator',
      index: 0,
      shape: [2],
      omitted: 0,
      values: [
        { index: [0], ev: 0.98, std: 0.011, ensembleError: 0.02 },
        { index: [1], ev: -0.02, std: 0.012, ensembleError: 0.03 }
      ]
    })
    expect(b).toEqual({
      kind: 'estimator',
      index: 1,
      shape: [],
      omitted: 0,
      values: [{ index: [], ev: 0.5, std: 0.1 }]
    })
    if (c?.kind !== 'estimator') throw new Error(String(c?.kind))
    expect(c.shape).toEqual([2, 3])
    expect(c.values[5]).toEqual({ index: [1, 2], ev: 6, std: 0.5 })
  })

  it("accepts the schema's spelling ensamble_standard_error", () => {
    const pub = only(
      decodeResultsValue({
        results: [{ data: { evs: [1], stds: [0], ensamble_standard_error: [0.2] } }]
      })
    )
    if (pub.kind !== 'estimator') throw new Error(pub.kind)
    expect(pub.values[0]?.ensembleError).toBe(0.2)
  })

  it('lists a bounded number of values and counts the rest', () => {
    const n = MAX_LISTED_VALUES + 5
    const pub = only(
      decodeResultsValue({ results: [{ data: { evs: Array(n).fill(1), stds: Array(n).fill(0) } }] })
    )
    if (pub.kind !== 'estimator') throw new Error(pub.kind)
    expect(pub.values).toHaveLength(MAX_LISTED_VALUES)
    expect(pub.omitted).toBe(5)
  })

  it.each([
    [{ evs: [1, 2], stds: [1] }, 'unexpected-shape', 'stds and evs differ in shape'],
    [{ evs: [1, 2] }, 'unexpected-shape', 'stds is missing'],
    [{ evs: [[1, 2], [3]], stds: [[1, 2], [3]] }, 'invalid-value', 'evs is not a rectangular'],
    [{ evs: [1, '2'], stds: [1, 2] }, 'invalid-value', 'evs is not'],
    [{ evs: [1], stds: [null] }, 'invalid-value', 'stds is not'],
    [{ evs: [1], stds: [1], ensemble_standard_error: [1, 2] }, 'unexpected-shape', 'ensemble'],
    [
      { evs: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], stds: 0 },
      'too-large',
      'deeper'
    ],
    [{ evs: Array(1001).fill(Array(1000).fill(0)), stds: 0 }, 'too-large', 'more than']
  ])('does not decode malformed estimator data %#', (data, reason, detail) => {
    const pub = only(decodeResultsValue({ results: [{ data }] }))
    expect(pub.kind).toBe('not-decoded')
    if (pub.kind !== 'not-decoded') return
    expect(pub.reason).toBe(reason)
    expect(pub.detail).toContain(detail)
  })
})

describe('results that are not decoded', () => {
  it('says so for Qiskit-encoded results, at the top or in a PUB', () => {
    const encoded = { __type__: 'PrimitiveResult', __value__: { pub_results: [], metadata: {} } }
    expect(decodeResultsValue(encoded)).toMatchObject({
      kind: 'not-decoded',
      reason: 'qiskit-encoded'
    })
    const mixed = pubs(
      decodeResultsValue({
        results: [
          { __type__: 'SamplerPubResult', __value__: {} },
          { data: { __type__: 'DataBin', __value__: {} } },
          { data: { c: { samples: ['0x1'], num_bits: 1 } } }
        ]
      })
    )
    expect(mixed.map(p => [p.kind, 'reason' in p ? p.reason : ''])).toEqual([
      ['not-decoded', 'qiskit-encoded'],
      ['not-decoded', 'qiskit-encoded'],
      ['sampler', '']
    ])
  })

  it.each([
    ['not JSON', '{"results": [', 'not-json'],
    ["Python's NaN", '{"results":[{"data":{"evs":NaN,"stds":0}}]}', 'not-json'],
    ['no results array', '{"result": []}', 'unexpected-shape'],
    ['a bare array', '[1,2]', 'unexpected-shape'],
    ['null', 'null', 'unexpected-shape'],
    ['a string', '"0x1"', 'unexpected-shape']
  ])('does not decode %s', (_, text, reason) => {
    expect(decodeResults(text)).toMatchObject({ kind: 'not-decoded', reason })
  })

  it('refuses text beyond the size cap before parsing it', () => {
    const text = ' '.repeat(MAX_RESULTS_CHARS + 1)
    expect(decodeResults(text)).toMatchObject({ kind: 'not-decoded', reason: 'too-large' })
  })

  it('reads UTF-8 bytes as stored on disk', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify(sampler({ ψ: { samples: ['0x1'], num_bits: 1 } }))
    )
    const pub = only(decodeResults(bytes))
    if (pub.kind !== 'sampler') throw new Error(pub.kind)
    expect(pub.registers[0]?.name).toBe('ψ')
  })

  it.each([
    [{ c: { samples: ['0x4'], num_bits: 2 } }, 'invalid-value', 'wider than num_bits (2)'],
    [{ c: { samples: ['4'], num_bits: 2 } }, 'invalid-value', 'not a hex string'],
    [{ c: { samples: ['0x'], num_bits: 2 } }, 'invalid-value', 'not a hex string'],
    [{ c: { samples: ['0x1g'], num_bits: 8 } }, 'invalid-value', 'not a hex string'],
    [{ c: { samples: [3], num_bits: 2 } }, 'invalid-value', 'not a hex string'],
    [{ c: { samples: [`0x${'0'.repeat(5000)}1`], num_bits: 2 } }, 'invalid-value', 'not a hex'],
    [{ c: { samples: '0x1', num_bits: 1 } }, 'unexpected-shape', 'no samples array'],
    [{ c: { samples: ['0x1'] } }, 'unexpected-shape', 'no valid num_bits'],
    [{ c: { samples: ['0x1'], num_bits: 1.5 } }, 'unexpected-shape', 'no valid num_bits'],
    [{ c: { samples: ['0x1'], num_bits: -1 } }, 'unexpected-shape', 'no valid num_bits'],
    [{ c: { samples: ['0x1'], num_bits: '2' } }, 'unexpected-shape', 'no valid num_bits'],
    [{ c: { samples: ['0x1'], num_bits: 1e6 } }, 'too-large', 'more than 4096 bits'],
    [{ c: [1, 2] }, 'unexpected-shape', 'no samples array']
  ])('does not decode a PUB with bad samples %#', (data, reason, detail) => {
    const pub = only(decodeResultsValue(sampler(data)))
    expect(pub).toMatchObject({ kind: 'not-decoded', reason, index: 0 })
    if (pub.kind === 'not-decoded') expect(pub.detail).toContain(detail)
  })

  it('cleans and cuts a hostile register name in the words it gives', () => {
    const name = `\u202e<b>${'x'.repeat(500)}`
    const pub = only(decodeResultsValue(sampler({ [name]: { samples: ['0x9'], num_bits: 1 } })))
    if (pub.kind !== 'not-decoded') throw new Error(pub.kind)
    expect(pub.detail).not.toContain('\u202e')
    expect(pub.detail.length).toBeLessThan(200)
  })

  it('leaves a PUB undecoded once the sample budget is spent, and decodes the PUBs before it', () => {
    const big = { data: { c: { samples: Array(1_500_000).fill('0x1'), num_bits: 1 } } }
    const list = pubs(decodeResultsValue({ results: [big, big, big] }))
    expect(list.map(p => p.kind)).toEqual(['sampler', 'sampler', 'not-decoded'])
    expect(list[2]).toMatchObject({ reason: 'too-large' })
  })

  it('decodes at most MAX_PUBS PUBs and counts the rest', () => {
    const r = decodeResultsValue({ results: Array(MAX_PUBS + 3).fill({ data: {} }) })
    expect(r).toMatchObject({ kind: 'decoded', omittedPubs: 3 })
    expect(pubs(r)).toHaveLength(MAX_PUBS)
  })

  it('never throws, and every decoded count adds up, whatever JSON it is given', () => {
    const sample = fc.oneof(
      fc.constantFrom('0x0', '0x1', '0x3', '0xF', '0x'),
      fc.string(),
      fc.integer()
    )
    const register = fc.record({
      samples: fc.array(sample, { maxLength: 20 }),
      num_bits: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.jsonValue())
    })
    const pub = fc.oneof(
      fc.record({ data: fc.dictionary(fc.string(), register, { maxKeys: 3 }) }),
      fc.record({ data: fc.record({ evs: fc.jsonValue(), stds: fc.jsonValue() }) }),
      fc.jsonValue()
    )
    const doc = fc.oneof(fc.record({ results: fc.array(pub, { maxLength: 4 }) }), fc.jsonValue())
    fc.assert(
      fc.property(doc, d => {
        const r = decodeResultsValue(d)
        expect(decodeResults(JSON.stringify(d) ?? 'undefined').kind).toBe(r.kind)
        if (r.kind !== 'decoded') return
        for (const p of r.pubs) {
          if (p.kind !== 'sampler') continue
          for (const reg of p.registers) {
            const shown = reg.top.reduce((a, o) => a + o.count, 0)
            expect(reg.distinct <= TOP_OUTCOMES ? shown : reg.shots).toBe(reg.shots)
            for (const o of reg.top)
              expect(o.bitstring).toMatch(new RegExp(`^[01]{${reg.numBits}}$`))
            for (let i = 1; i < reg.top.length; i++)
              expect((reg.top[i - 1] as { count: number }).count).toBeGreaterThanOrEqual(
                (reg.top[i] as { count: number }).count
              )
          }
        }
      }),
      runs(3)
    )
  })
})
