import { describe, expect, it } from 'vitest';
import { measureK6Portal, portalK6Results } from './k6PortalResults.js';
import type { MeasuredPortal } from './measuredPortal.js';

// A hand-made replay: interval 18 has 4 answered submissions (2 received with 3 and 2 documents, one
// 415 with 2, one 400 with 4) and one transport error; interval 19 one received (2 documents) and one
// 413 (1 document). Status checks: 2 in 18, one in 19, one error in 19.
const facts: MeasuredPortal = {
  submissions: [
    { interval: 18, outcome: 'received', planned: 'received', documents: 3, uploadMs: 40 },
    { interval: 18, outcome: 'received', planned: 'received', documents: 2, uploadMs: 30 },
    { interval: 18, outcome: 'refusedWrongType', planned: 'refusedWrongType', documents: 2, uploadMs: 5 },
    { interval: 18, outcome: 'refusedBadField', planned: 'refusedBadField', documents: 4, uploadMs: 9 },
    { interval: 18, outcome: 'error', planned: 'received', documents: 3, uploadMs: 60_000 },
    { interval: 19, outcome: 'received', planned: 'received', documents: 2, uploadMs: 20 },
    { interval: 19, outcome: 'refusedTooBig', planned: 'refusedTooBig', documents: 1, uploadMs: 300 },
  ],
  statusChecks: [
    { interval: 18, stage: 'received' },
    { interval: 18, stage: 'received' },
    { interval: 19, stage: 'documentsChecked' },
    { interval: 19, stage: 'error' },
  ],
};

const means = (summary: ReturnType<typeof measureK6Portal>) =>
  Object.fromEntries(Object.entries(summary).map(([k, f]) => [k, f.mean]));

describe('measureK6Portal: the replay as the simulator counts it', () => {
  it('counts answered submissions as first submissions, refusals by reason, received, documents and checks', () => {
    expect(means(measureK6Portal(facts))).toMatchObject({
      applications: 6,
      submissions: 6,
      documents: 3 + 2 + 2 + 4 + 2 + 1,
      refusedWrongType: 1,
      refusedTooBig: 1,
      refusedBadField: 1,
      refusedShare: 3 / 6,
      received: 3,
      statusChecks: 3,
    });
  });

  it('per interval, only the facts of that interval; what a client cannot see is null', () => {
    const first = means(measureK6Portal(facts, (k) => k === 18));
    expect(first).toMatchObject({ applications: 4, received: 2, refusedShare: 0.5, statusChecks: 2 });
    const second = measureK6Portal(facts, (k) => k === 19);
    expect(second.refusedShare!.ci95).not.toBeNull();
    expect(means(second)).toMatchObject({ applications: 2, received: 1, refusedTooBig: 1, statusChecks: 1 });
    for (const metric of [
      'decided',
      'decidedOnTimeShare',
      'supportContacts',
      'neverSubmitted',
      'pendingAtEnd',
    ])
      expect(first[metric], metric).toBeNull();
  });

  it('reads its facts from the k6 samples portal_upload_ms and portal_status_ms', () => {
    const into = portalK6Results.emptyFacts();
    const tags = { interval: '18', outcome: 'refusedTooBig', planned: 'refusedTooBig', documents: '2' };
    portalK6Results.samples.portal_upload_ms!({ value: 12.5, tags, metadata: undefined }, into);
    portalK6Results.samples.portal_status_ms!(
      { value: 3, tags: { interval: '19', stage: 'decided' }, metadata: undefined },
      into,
    );
    expect(into).toEqual({
      submissions: [
        { interval: 18, outcome: 'refusedTooBig', planned: 'refusedTooBig', documents: 2, uploadMs: 12.5 },
      ],
      statusChecks: [{ interval: 19, stage: 'decided' }],
    });
  });
});
