'use strict'
// verifySignature and webhook: RFC 4231's HMAC-SHA256 test cases, the README's signed
// webhook, and every refusal of a signature.

const test = require('node:test')
const assert = require('node:assert/strict')
const psc = require('..')
const { read } = require('./support')

const hex = (s) => Buffer.from(s, 'hex')

/** RFC 4231, section 4: the HMAC-SHA-256 test cases (key, data, HMAC). */
const RFC4231 = [
  [Buffer.alloc(20, 0x0b), Buffer.from('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ['Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  [Buffer.alloc(20, 0xaa), Buffer.alloc(50, 0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
  [
    hex('0102030405060708090a0b0c0d0e0f10111213141516171819'),
    Buffer.alloc(50, 0xcd),
    '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  ],
  [
    Buffer.alloc(131, 0xaa),
    Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    Buffer.alloc(131, 0xaa),
    Buffer.from(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
]

test('RFC 4231: each test case verifies, in either case of hex, and fails with one bit changed', () => {
  for (const [key, data, mac] of RFC4231) {
    assert.equal(psc.verifySignature(key, data, `sha256=${mac}`), undefined)
    assert.equal(psc.verifySignature(key, data, `sha256=${mac.toUpperCase()}`), undefined)
    const flipped = (parseInt(mac[0], 16) ^ 1).toString(16) + mac.slice(1)
    assert.throws(() => psc.verifySignature(key, data, `sha256=${flipped}`), { code: 'webhook.signature_mismatch' })
  }
  // Test case 5 gives a truncated HMAC (128 bits): not a whole signature.
  assert.throws(
    () => psc.verifySignature(Buffer.alloc(20, 0x0c), 'Test With Truncation', 'sha256=a3b6167473100ee06e0c796c2955552b'),
    { code: 'webhook.signature_length', params: { expected: 64, found: 32 } },
  )
})

test('the README: the signed webhook verifies, then imports', () => {
  const body = read('tests', 'fixtures', 'datapass', 'webhook-approve-60501.json')
  const header = 'sha256=40114195ba323266359957f9c56e86e35b732b3fba84a1dddacc7adb88fe4ba7'
  psc.verifySignature('whsec_test', body, header)
  psc.verifySignature(Buffer.from('whsec_test'), body.toString('utf8'), header)
  const imported = psc.webhook('whsec_test', body, header)
  assert.deepEqual(imported, psc.importDatapass(body))
  assert.equal(imported.source, 'v2_webhook')
  assert.equal(imported.datapass.event, 'approve')
  assert.equal(imported.datapass.request_number, 'D60501')
  assert.equal(psc.webhook('whsec_test', body, header, { check: 'datapass' }).report.valid, false)
  // Another secret, or one byte of the body changed: refused before anything is read.
  assert.throws(() => psc.webhook('whsec_other', body, header), { code: 'webhook.signature_mismatch' })
  const changed = Buffer.from(body)
  changed[changed.length - 2] ^= 1
  assert.throws(() => psc.webhook('whsec_test', changed, header), (error) => {
    assert.ok(error instanceof psc.DatapassPscError)
    assert.equal(error.code, 'webhook.signature_mismatch')
    assert.equal(error.path, '')
    assert.equal(error.messageEn, "The webhook signature does not match the body received and the webhook's secret")
    assert.equal(error.messageFr, 'La signature du webhook ne correspond pas au contenu reçu et au secret du webhook')
    return true
  })
})

test('a signed body that is not a DataPass document is refused after the signature', () => {
  const crypto = require('node:crypto')
  const body = '{"hello": "world"}'
  const header = `sha256=${crypto.createHmac('sha256', 'k').update(body).digest('hex')}`
  psc.verifySignature('k', body, header)
  assert.throws(() => psc.webhook('k', body, header), { code: 'datapass.unknown_document' })
  const ping = '{"test": true, "timestamp": "2024-06-19T11:00:00+02:00"}'
  const pinged = psc.webhook('k', ping, `sha256=${crypto.createHmac('sha256', 'k').update(ping).digest('hex')}`)
  assert.deepEqual(pinged.datapass, { ping: true, timestamp: '2024-06-19T09:00:00Z' })
})

test('every refusal of a header has its code; an absent header is missing', () => {
  const body = 'x'
  for (const header of [undefined, null, '', '   ']) {
    assert.throws(() => psc.verifySignature('k', body, header), { code: 'webhook.signature_missing' })
  }
  assert.throws(() => psc.verifySignature('k', body, 'sha1=abc'), { code: 'webhook.signature_algorithm' })
  assert.throws(() => psc.verifySignature('k', body, `sha256=zz${'0'.repeat(62)}`), {
    code: 'webhook.signature_hex',
    params: { index: 0 },
  })
  assert.throws(() => psc.verifySignature('k', body, 'sha256=00'), { code: 'webhook.signature_length' })
})

test('secret and body are bytes or strings; a parsed body is a TypeError (the signature covers bytes)', () => {
  for (const wrong of [undefined, null, 1, {}, [1, 2]]) {
    assert.throws(() => psc.verifySignature(wrong, 'x', 'sha256=00'), TypeError)
    assert.throws(() => psc.verifySignature('k', wrong, 'sha256=00'), TypeError)
    assert.throws(() => psc.webhook('k', wrong, 'sha256=00'), TypeError)
  }
  assert.throws(() => psc.verifySignature('k', 'x', ['sha256=00']), TypeError)
  assert.throws(() => psc.verifySignature('k', 'x', 42), TypeError)
})
