import { describe, expect, it } from 'vitest'
import { fieldDifferences } from '../../src/verify/field-differences.js'

describe('fieldDifferences', () => {
  it('names every differing leaf by dotted path, with both values', () => {
    const expected = { a: { b: 'x', c: 1, d: [1, 2] }, e: null, g: 'same' }
    const actual = { a: { b: 'y', c: 1, d: [1, 3] }, f: true, g: 'same' }
    expect(fieldDifferences(expected, actual)).toEqual([
      { field: 'a.b', expected: 'x', actual: 'y' },
      { field: 'a.d', expected: '[1,2]', actual: '[1,3]' },
      { field: 'e', expected: 'null', actual: null },
      { field: 'f', expected: null, actual: 'true' }
    ])
  })

  it('compares values, not their representation, and names the whole document last', () => {
    expect(fieldDifferences({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([])
    expect(fieldDifferences('a', 'b')).toEqual([
      { field: '(document)', expected: 'a', actual: 'b' }
    ])
    expect(fieldDifferences({ a: 1 }, [1])).toEqual([
      { field: '(document)', expected: '{"a":1}', actual: '[1]' }
    ])
    expect(fieldDifferences({ a: 1 }, { a: '1' })).toEqual([
      { field: 'a', expected: '1', actual: '1' }
    ])
    expect(fieldDifferences(undefined, undefined)).toEqual([])
    expect(fieldDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([])
    expect(fieldDifferences({ z: 1, a: 1 }, { z: 2, a: 2 }).map(m => m.field)).toEqual(['a', 'z'])
    expect(fieldDifferences({ a: 1 }, { a: 1, b: 1, c: undefined }).map(m => m.field)).toEqual([
      'b'
    ])
    expect(fieldDifferences({ a: null }, { a: undefined })).toEqual([
      { field: 'a', expected: 'null', actual: null }
    ])
  })
})
