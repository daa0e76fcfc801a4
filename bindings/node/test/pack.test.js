'use strict'
// The tarball an editor installs: `npm pack`, then `npm install ./datapass-psc-0.1.0.tgz` in an
// empty project, which requires the package and validates the sample.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { ROOT } = require('./support')

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

test('npm pack gives a tarball that installs and works in an empty project', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datapass-psc-pack-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const quiet = { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { ...quiet, cwd: path.join(__dirname, '..') }),
  )[0]
  assert.equal(packed.filename, 'datapass-psc-0.1.0.tgz')
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [
    'LICENSE-APACHE',
    'LICENSE-MIT',
    'datapass-psc.node',
    'index.d.ts',
    'index.js',
    'package.json',
    'vocabulary.d.ts',
  ])
  const project = path.join(dir, 'editor')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'package.json'), '{"name": "editor", "private": true}\n')
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed.filename)], {
    ...quiet,
    cwd: project,
  })
  const sample = path.join(ROOT, 'examples', 'requests', 'hospiconnect.json')
  const script = `console.log(require('datapass-psc').validate(require('fs').readFileSync(${JSON.stringify(sample)})).valid)`
  assert.equal(execFileSync(process.execPath, ['-e', script], { ...quiet, cwd: project }), 'true\n')
})
