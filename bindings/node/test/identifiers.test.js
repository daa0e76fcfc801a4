'use strict'
// parseSiret, parseSiren, parseEmail, parsePhoneNumber, retentionPeriod: the crate's vectors,
// the canonical forms, and each refusal's code and messages.

const test = require('node:test')
const assert = require('node:assert/strict')
const psc = require('..')

/** Asserts that `f` throws a DatapassPscError with this code, its messages and an issue's shape. */
function refused(f, code, params) {
  assert.throws(f, (error) => {
    assert.ok(error instanceof psc.DatapassPscError, String(error))
    assert.equal(error.code, code)
    assert.equal(error.path, '')
    assert.equal(typeof error.messageFr, 'string')
    assert.equal(error.message, error.messageEn)
    assert.ok(['datapass', 'psc_form', 'strict', 'format'].includes(error.origin))
    if (params) assert.deepEqual(error.params, params)
    return true
  })
}

test('SIRET: canonical form and SIREN (the README, the crate\'s vectors)', () => {
  assert.deepEqual(psc.parseSiret('732 829 320 00074'), { siret: '73282932000074', siren: '732829320' })
  for (const [input, siret] of [
    ['13002526500013', '13002526500013'],
    ['73282932000074', '73282932000074'],
    ['35600000000048', '35600000000048'], // La Poste, passes Luhn
    ['35600000009075', '35600000009075'], // La Poste, digit sum 35
    ['329.338.88300153', '32933888300153'],
    ['380 321 430\u00a000023', '38032143000023'],
  ]) {
    assert.deepEqual(psc.parseSiret(input), { siret, siren: siret.slice(0, 9) }, input)
  }
})

test('SIRET: every refusal has its code, messages and params', () => {
  refused(() => psc.parseSiret('732 829 320 00075'), 'siret.checksum', { key: 'siret' })
  refused(() => psc.parseSiret('11122233344455'), 'siret.checksum', { key: 'siren' })
  refused(() => psc.parseSiret('35600000049838'), 'siret.checksum')
  refused(() => psc.parseSiret('1234567891234A'), 'siret.invalid_character')
  refused(() => psc.parseSiret('1234'), 'siret.length', { expected: 14, found: 4 })
  refused(() => psc.parseSiret('  '), 'siret.empty')
  assert.throws(() => psc.parseSiret('732 829 320 00075'), {
    messageEn:
      'The SIRET number is not valid: the SIRET check digit fails the Luhn formula and it is not a La Poste SIRET',
  })
})

test('SIREN', () => {
  assert.equal(psc.parseSiren('732 829 320'), '732829320')
  refused(() => psc.parseSiren('732829321'), 'siren.checksum')
  refused(() => psc.parseSiren('73282932'), 'siren.length')
  refused(() => psc.parseSiren(''), 'siren.empty')
})

test('email: lowercase, strict', () => {
  assert.equal(psc.parseEmail(' Jean.Dupont@Exemple.FR '), 'jean.dupont@exemple.fr')
  assert.equal(psc.parseEmail('josé@exemple.fr'), 'josé@exemple.fr')
  for (const input of ['Jean <jean@exemple.fr>', 'a@b', 'jean@[127.0.0.1]', 'jean..dupont@exemple.fr']) {
    refused(() => psc.parseEmail(input), 'email.invalid')
  }
  refused(() => psc.parseEmail('\u00a0'), 'email.empty')
})

test('phone: E.164, region by prefix, mobile', () => {
  for (const input of ['06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78']) {
    assert.deepEqual(psc.parsePhoneNumber(input), { e164: '+33612345678', region: 'FR', isMobile: true }, input)
  }
  assert.deepEqual(psc.parsePhoneNumber('01 42 68 53 00'), { e164: '+33142685300', region: 'FR', isMobile: false })
  assert.equal(psc.parsePhoneNumber('0692 12 34 56').e164, '+262692123456') // the README
  assert.equal(psc.parsePhoneNumber('06 90 62 90 42').region, 'GP')
  assert.equal(psc.parsePhoneNumber('0596 30 12 34').region, 'MQ')
  assert.equal(psc.parsePhoneNumber('+44 20 7946 0958').region, 'GB')
  assert.equal(psc.parsePhoneNumber('+1 650 253 0000').e164, '+16502530000')
  refused(() => psc.parsePhoneNumber('07 00 12 34 56'), 'phone.invalid')
  refused(() => psc.parsePhoneNumber('+33 6 90 62 90 42'), 'phone.invalid')
  refused(() => psc.parsePhoneNumber('06 12 34 56 78 ext. 12'), 'phone.extension')
  refused(() => psc.parsePhoneNumber(''), 'phone.empty')
})

test('retention period: 0–1200 months, justification above 36', () => {
  assert.deepEqual(psc.retentionPeriod(0), { months: 0, requiresJustification: false })
  assert.deepEqual(psc.retentionPeriod(36), { months: 36, requiresJustification: false })
  assert.deepEqual(psc.retentionPeriod(37), { months: 37, requiresJustification: true })
  assert.deepEqual(psc.retentionPeriod(1200), { months: 1200, requiresJustification: true })
  refused(() => psc.retentionPeriod(1201), 'retention.out_of_range', { min: 0, max: 1200, found: 1201 })
  refused(() => psc.retentionPeriod(-1), 'retention.out_of_range', { min: 0, max: 1200, found: -1 })
  refused(() => psc.retentionPeriod(Number.MAX_SAFE_INTEGER), 'retention.out_of_range')
  for (const wrong of [12.5, NaN, Infinity, '12', 12n, undefined, null]) {
    assert.throws(() => psc.retentionPeriod(wrong), TypeError, String(wrong))
  }
})

test('a raw value that is not a string is a TypeError', () => {
  for (const f of [psc.parseSiret, psc.parseSiren, psc.parseEmail, psc.parsePhoneNumber]) {
    for (const wrong of [undefined, null, 73282932000074, {}, ['x'], Buffer.from('73282932000074')]) {
      assert.throws(() => f(wrong), TypeError)
    }
  }
})
