#!/usr/bin/env node
// Offline verifier for a dossier record exported from GET /api/dossiers/:id/export (format tdkt-dossier-record/1).
// Standalone on purpose: Node's built-in crypto only, so an auditor can read all of it and run it anywhere.
// Usage: node verify-record.js dossier-<id>.json [expected-head-hash]
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

function verify(record, expectedHead) {
  if (record.format !== 'tdkt-dossier-record/1') return { ok: false, reason: `unknown format ${record.format}` };
  let prev = record.chain.genesis;
  for (const [i, e] of record.events.entries()) {
    if (e.dossierId !== record.dossierId) return { ok: false, seq: e.seq, reason: 'event of another dossier' };
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, reason: `expected seq ${i + 1}` };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, reason: 'prev_hash does not link to the previous event' };
    const content = canonical({
      dossierId: e.dossierId, seq: e.seq, type: e.type, data: e.data, actorId: e.actorId, actorRole: e.actorRole,
      onBehalfOf: e.onBehalfOf ?? null, occurredAt: new Date(e.occurredAt).toISOString(), ruleSetVersion: e.ruleSetVersion, requestId: e.requestId,
    });
    const hash = createHash('sha256').update(prev).update(content).digest('hex');
    if (hash !== e.hash) return { ok: false, seq: e.seq, reason: 'content does not match its hash' };
    prev = hash;
  }
  if (record.chain.head !== (record.events.length ? prev : null)) return { ok: false, reason: 'chain.head is not the last event hash' };
  const decision = record.events.find((e) => e.type === 'DossierAwarded');
  const signedHead = decision && decision.data.decision.chainHeadAtSigning;
  if (signedHead && !record.events.some((e) => e.seq === decision.seq - 1 && e.hash === signedHead))
    return { ok: false, seq: decision.seq, reason: 'the decision was signed on a different chain head' };
  if (expectedHead && expectedHead !== prev) return { ok: false, reason: `head ${prev} differs from the expected ${expectedHead}` };
  return { ok: true, events: record.events.length, head: prev };
}

module.exports = { canonical, verify };

if (require.main === module) {
  const [file, expectedHead] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node verify-record.js <export.json> [expected-head-hash]');
    process.exit(2);
  }
  const result = verify(JSON.parse(readFileSync(file, 'utf8')), expectedHead);
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.ok ? 0 : 1);
}
