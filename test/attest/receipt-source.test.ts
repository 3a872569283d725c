import { describe, expect, it } from 'vitest'
import { receiptSource } from '../../src/attest/receipt-source.js'

describe('choosing the one receipt source', () => {
  it('is a file, receipts-json or git, in that order', () => {
    expect(receiptSource({ receipt: 'r.json' })).toEqual({
      from: 'file',
      path: 'r.json'
    })
    expect(receiptSource({ receiptsJson: '[]', commit: 'v1', keep: true }, 'action')).toEqual({
      from: 'receipts-json',
      json: '[]',
      commit: 'v1',
      keep: true
    })
    expect(receiptSource({ declareAi: ['X'], generator: 'g' })).toEqual({
      from: 'git',
      commit: 'HEAD',
      declareAi: ['X'],
      generator: 'g'
    })
  })

  it.each([
    [{ receipt: 'r', commit: 'HEAD' }, 'give either --receipt or --commit, not both'],
    [{ receipt: 'r', receiptsJson: '[]' }, 'give either --receipt or --receipts-json, not both'],
    [
      { receipt: 'r', declareAi: ['X'] },
      'AI involvement is declared when a receipt is generated, not with --receipt'
    ]
  ])('refuses %j as a usage error', (choice, message) => {
    expect(() => receiptSource(choice)).toThrow(message)
    try {
      receiptSource(choice)
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(2)
    }
  })

  it('names the options as the action spells them', () => {
    expect(() => receiptSource({ receipt: 'r', commit: 'c' }, 'action')).toThrow(
      'give either input receipt or input commit, not both'
    )
  })
})
