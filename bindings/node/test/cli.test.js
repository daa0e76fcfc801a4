'use strict'
// The package gives what the command line prints with `--format json`, for the same input:
// every sample request under both rule sets, every lifecycle example, every eligibility
// answer, every DataPass fixture with and without check, the exported bodies, the signature's
// refusal. Skipped when no command-line tool is built (see support.js).

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const psc = require('..')
const { ROOT, CLI, read, jsonFiles, cli, skipWithoutCli } = require('./support')

/** The JSON the command line prints for a refusal, from a DatapassPscError. */
function refusalJson(error) {
  const json = {}
  for (const [key, wire] of [
    ['code', 'code'],
    ['path', 'path'],
    ['index', 'index'],
    ['state', 'state'],
    ['event', 'event'],
    ['messageFr', 'message_fr'],
    ['messageEn', 'message_en'],
    ['params', 'params'],
    ['origin', 'origin'],
  ]) {
    if (error[key] !== undefined) json[wire] = error[key]
  }
  return json
}

test('validate: every file of examples/requests/, under both rule sets', { skip: skipWithoutCli }, () => {
  const files = jsonFiles('examples', 'requests')
  assert.ok(files.length >= 9)
  for (const file of files) {
    for (const rules of ['strict', 'datapass']) {
      const expected = cli(['validate', path.join('examples', 'requests', file), '--rules', rules])
      const report = psc.validate(read('examples', 'requests', file), { rules })
      assert.deepEqual(report, expected.json, `${file} --rules ${rules}`)
      assert.equal(expected.exit, report.valid ? 0 : 1, file)
    }
  }
})

test('lifecycle: every example log, replayed or refused', { skip: skipWithoutCli }, () => {
  for (const file of jsonFiles('examples', 'lifecycle')) {
    const expected = cli(['lifecycle', path.join('examples', 'lifecycle', file)])
    const bytes = read('examples', 'lifecycle', file)
    if (expected.exit === 0) {
      assert.deepEqual(psc.replay(bytes), expected.json, file)
    } else {
      assert.throws(() => psc.replay(bytes), (error) => {
        assert.deepEqual({ error: refusalJson(error) }, expected.json, file)
        return true
      })
    }
  }
  // A log that cannot be read: the command line prints its first problem.
  const unreadable = '{"request_number": "D1", "events": [{"at": "x"}]}'
  const expected = cli(['lifecycle', '-'], unreadable)
  assert.equal(expected.exit, 1)
  assert.throws(() => psc.replay(unreadable), (error) => {
    assert.deepEqual({ error: refusalJson(error) }, expected.json)
    return true
  })
})

test('eligibility: every requester, every combination of answers', { skip: skipWithoutCli }, () => {
  const answers = [undefined, true, false]
  for (const requester of ['individual', 'company', 'public_administration', 'software_editor']) {
    for (const french of answers) {
      for (const webSolution of answers) {
        for (const healthProfessionals of answers) {
          const args = ['eligibility', '--requester', requester.replace('_', '-')]
          if (french !== undefined) args.push('--french', String(french))
          if (webSolution !== undefined) args.push('--web-solution', String(webSolution))
          if (healthProfessionals !== undefined) args.push('--health-professionals', String(healthProfessionals))
          const expected = cli(args)
          assert.deepEqual(
            psc.eligibility({ requester, french, webSolution, healthProfessionals }),
            expected.json,
            args.join(' '),
          )
        }
      }
    }
  }
})

test('import: every DataPass fixture, without and with check', { skip: skipWithoutCli }, () => {
  const files = [
    ...jsonFiles('tests', 'fixtures', 'datapass').map((f) => ['tests', 'fixtures', 'datapass', f]),
    ...jsonFiles('tests', 'fixtures', 'datapass', 'emitted')
      .filter((f) => f !== 'manifest.json')
      .map((f) => ['tests', 'fixtures', 'datapass', 'emitted', f]),
    // Documents that are not DataPass's: the command line prints the reader's report.
    ['examples', 'requests', 'hospiconnect.json'],
    ['examples', 'lifecycle', 'd60501.json'],
  ]
  assert.ok(files.length >= 50)
  for (const parts of files) {
    const file = path.join(...parts)
    for (const check of [undefined, 'strict', 'datapass']) {
      const args = ['import', file]
      if (check) args.push('--check', check)
      const expected = cli(args)
      let imported
      try {
        imported = psc.importDatapass(read(...parts), { check })
      } catch (error) {
        assert.ok(error instanceof psc.DatapassPscError, `${file}: ${error}`)
        assert.equal(expected.exit, 1, file)
        assert.deepEqual(error.report, expected.json, `${file} --check ${check}`)
        continue
      }
      assert.deepEqual(imported, expected.json, `${file} --check ${check}`)
    }
  }
})

test('export: the POST and PATCH bodies of the valid sample', { skip: skipWithoutCli }, () => {
  const file = path.join('examples', 'requests', 'hospiconnect.json')
  for (const patch of [false, true]) {
    const args = ['export', file, ...(patch ? ['--patch'] : [])]
    const stdout = execFileSync(CLI, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
    assert.deepEqual(psc.exportDatapass(read(file), { patch }), JSON.parse(stdout.toString()), args.join(' '))
  }
})

test("webhook verify: a refused signature is the command line's error", { skip: skipWithoutCli }, (t) => {
  const fs = require('node:fs')
  const os = require('node:os')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datapass-psc-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const secret = path.join(dir, 'secret')
  fs.writeFileSync(secret, 'whsec_test\n')
  const body = path.join('tests', 'fixtures', 'datapass', 'webhook-approve-60501.json')
  for (const header of ['', 'sha1=00', 'sha256=zz', 'sha256=00', `sha256=${'0'.repeat(64)}`]) {
    const expected = cli(['webhook', 'verify', '--secret-file', secret, '--signature', header, body])
    assert.equal(expected.exit, 1)
    assert.throws(() => psc.verifySignature('whsec_test', read(body), header), (error) => {
      assert.deepEqual({ valid: false, error: refusalJson(error) }, expected.json, header)
      return true
    })
  }
})
