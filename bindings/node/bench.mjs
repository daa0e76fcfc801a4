// Benchmark of datapass-psc for Node.js, side by side in one run: validate(buffer) of the sample
// request against JSON.parse of the same bytes, and against Ajv 8 validating
// schemas/request.schema.json (what a Node user would pick instead: the structure only).
//
//   npm run build && node bench.mjs            # the figures of benches/README.md
//   node bench.mjs --quick                     # a short run (CI: the benchmark still runs)
//   node bench.mjs --check                     # exit 1 when validate / JSON.parse > 2.5
//
// Each candidate runs for a batch of iterations in turn, round after round (interleaved, so a
// slower moment of a shared machine is shared by all), and the median time per call over the
// rounds is reported.

import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import os from 'node:os'

const require = createRequire(import.meta.url)
const psc = require('./index.js')
const Ajv2020 = require('ajv/dist/2020').default

const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const ROUNDS = quick ? 3 : 31
const TARGET_MS = quick ? 20 : 100 // length of one batch

const root = new URL('../../', import.meta.url)
const sample = readFileSync(new URL('examples/requests/hospiconnect.json', root))
const invalid = readFileSync(new URL('examples/requests/invalid-siret-and-contacts.json', root))
const schema = JSON.parse(readFileSync(new URL('schemas/request.schema.json', root), 'utf8'))
const ajvValidate = new Ajv2020({ allErrors: true }).compile(schema)

// The candidates agree on the sample before anything is measured.
if (!psc.validate(sample).valid || !ajvValidate(JSON.parse(sample))) {
  throw new Error('the sample must be valid for the crate and for the schema')
}

let sink = 0
const candidates = [
  ['JSON.parse(buffer)', () => (sink ^= JSON.parse(sample).scopes.length)],
  ['validate(buffer)', () => (sink ^= psc.validate(sample).errors.length)],
  ['Ajv: JSON.parse + validate', () => (sink ^= ajvValidate(JSON.parse(sample)) ? 1 : 0)],
  ['Ajv: validate only (parsed)', (() => {
    const parsed = JSON.parse(sample)
    return () => (sink ^= ajvValidate(parsed) ? 1 : 0)
  })()],
  ['validate(string)', (() => {
    const text = sample.toString('utf8')
    return () => (sink ^= psc.validate(text).errors.length)
  })()],
  ['validate(object)', (() => {
    const parsed = JSON.parse(sample)
    return () => (sink ^= psc.validate(parsed).errors.length)
  })()],
  ['JSON.parse(invalid sample)', () => (sink ^= JSON.parse(invalid).scopes.length)],
  ['validate(invalid sample), 9 errors', () => (sink ^= psc.validate(invalid).errors.length)],
]

/** Iterations of `f` that take about TARGET_MS. */
function calibrate(f) {
  let n = 100
  for (;;) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < n; i++) f()
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (ms > TARGET_MS / 4) return Math.max(1, Math.round((n * TARGET_MS) / ms))
    n *= 4
  }
}

const batches = candidates.map(([, f]) => calibrate(f))
const times = candidates.map(() => [])
for (let round = 0; round < ROUNDS; round++) {
  candidates.forEach(([, f], c) => {
    const n = batches[c]
    const start = process.hrtime.bigint()
    for (let i = 0; i < n; i++) f()
    times[c].push(Number(process.hrtime.bigint() - start) / n)
  })
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const medians = times.map(median)
const base = medians[0]
const width = Math.max(...candidates.map(([name]) => name.length))

console.log(
  `datapass-psc ${require('./package.json').version}, Node ${process.version}, ${os.cpus()[0].model}, ` +
    `${os.cpus().length} cores; sample ${sample.length} bytes; ${ROUNDS} rounds of ~${TARGET_MS} ms, medians`,
)
candidates.forEach(([name], c) => {
  const us = (medians[c] / 1000).toFixed(2).padStart(7)
  const ratio = (medians[c] / base).toFixed(2)
  console.log(`${name.padEnd(width)}  ${us} µs  ${ratio}× JSON.parse(buffer)`)
})
const ratio = medians[1] / base
console.log(`validate(buffer) ÷ JSON.parse(buffer) = ${ratio.toFixed(2)} (target ≤ 2.5)`)
if (sink === 0.5) console.log('') // keeps the results alive
if (args.has('--check') && ratio > 2.5) process.exit(1)
