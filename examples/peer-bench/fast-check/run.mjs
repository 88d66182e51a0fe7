// The fast-check side of the peer benchmark: one check of model.mjs against a running shelf
// service, printed as one JSON line (the fields the Tollgate and Hypothesis drivers print too).
// usage: node run.mjs <base-url> <bug> <seed> [tries] [max-steps]
import fc from 'fast-check';
import { commands, emptyModel } from './model.mjs';

const [base, bug, seedText, triesText = '300', stepsText = '50'] = process.argv.slice(2);
// fast-check's own default size ('small') makes at most 10 commands whatever maxCommands says;
// 'max' spreads them over the whole budget of maxCommands, as the other two tools do.
const size = process.env.FC_SIZE || 'max';
const seed = Number(seedText);

async function call(method, path, token, body) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const start = performance.now();
const meter = {
  steps: 0, firstMs: -1, stepsAtFirst: -1, startMs: -1,
  failed() {
    if (this.firstMs < 0) { this.firstMs = performance.now() - start; this.stepsAtFirst = this.steps; }
  },
};
// Counts every step run against the system, and remembers the steps of the last failing run:
// fast-check's shrinking moves to each smaller failing case, so the last is the final one.
const http = {
  call: (...args) => {
    if (meter.startMs < 0) meter.startMs = performance.now() - start;
    meter.steps++;
    return call(...args);
  },
};
let lastFailing = [];

const property = fc.asyncProperty(
  fc.commands(commands(meter), { maxCommands: Number(stepsText), size }),
  async (cmds) => {
    const reset = await call('POST', '/reset');
    if (reset.status !== 204) throw new Error(`POST /reset answered ${reset.status}`);
    const ran = [];
    const traced = [...cmds].map((c) => ({
      check: (m) => c.check(m),
      run: async (m, r) => { ran.push(c); await c.run(m, r); },
      toString: () => c.toString(),
    }));
    try {
      await fc.asyncModelRun(() => ({ model: emptyModel(), real: http }), traced);
    } catch (e) {
      meter.failed();
      lastFailing = ran.map((c) => c.toString());
      throw e;
    }
  },
);

const out = await fc.check(property, { numRuns: Number(triesText), seed });
const total = performance.now() - start;
console.log(JSON.stringify({
  tool: 'fast-check', bug, seed, found: out.failed,
  length: out.failed ? lastFailing.length : 0,
  start_ms: meter.startMs, first_ms: meter.firstMs, total_ms: total,
  tries_to_fail: out.failed ? out.numRuns : null,
  steps_to_fail: meter.stepsAtFirst, system_steps: meter.steps,
  failure: out.failed ? String(out.error?.message ?? out.error).split('\n')[0] : null,
  counterexample: out.failed ? lastFailing : [],
}));
