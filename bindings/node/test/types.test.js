'use strict'
// index.d.ts, checked by `tsc --strict --noEmit` over a typed use of every function, option
// and result (test/types/usage.ts), whose `@ts-expect-error` lines check that the unions are
// closed.

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

test('tsc --strict --noEmit accepts the typed usage file', () => {
  const tsc = require.resolve('typescript/bin/tsc')
  const result = spawnSync(
    process.execPath,
    [tsc, '--strict', '--noEmit', '-p', path.join(__dirname, 'types')],
    { encoding: 'utf8' },
  )
  assert.equal(result.status, 0, result.stdout + result.stderr)
})
