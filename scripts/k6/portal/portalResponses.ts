// What the portal's answers mean to the replay's client: a submission's outcome by HTTP status, the
// receipt's application id, a status check's stage. Free of k6 and Node imports: bundled into the k6
// script, unit-tested in Node.

/**
 * A submission's outcome, named as the simulator's counters: received (201), refused by reason (415
 * wrong type, 413 over 5 MB, 400 a bad or missing field), or error (anything else: not the portal's
 * answer to the upload).
 */
export type SubmissionOutcome =
  | 'received'
  | 'refusedWrongType'
  | 'refusedTooBig'
  | 'refusedBadField'
  | 'error';

export const SUBMISSION_OUTCOMES: readonly SubmissionOutcome[] = [
  'received',
  'refusedWrongType',
  'refusedTooBig',
  'refusedBadField',
  'error',
];

const BY_STATUS: Readonly<Record<number, SubmissionOutcome>> = {
  201: 'received',
  415: 'refusedWrongType',
  413: 'refusedTooBig',
  400: 'refusedBadField',
};

export function submissionOutcome(httpStatus: number): SubmissionOutcome {
  return BY_STATUS[httpStatus] ?? 'error';
}

/** The planned refusal's outcome (what the answer should be), for the `planned` tag. */
export function plannedOutcome(refusal: 'wrongType' | 'tooBig' | 'badField' | null): SubmissionOutcome {
  return refusal === null
    ? 'received'
    : (`refused${refusal[0]!.toUpperCase()}${refusal.slice(1)}` as SubmissionOutcome);
}

/** The id in a 201's receipt; null when the body has none. */
export function receiptId(body: string): string | null {
  const value = parse(body);
  return typeof value?.applicationId === 'string' ? value.applicationId : null;
}

/** What a status check saw: a stage of GET /v1/applications/:id, or error (not 200, or no stage). */
export type CheckedStage = 'received' | 'documentsChecked' | 'decided' | 'error';

export function checkedStage(httpStatus: number, body: string): CheckedStage {
  if (httpStatus !== 200) return 'error';
  const status = parse(body)?.status;
  return status === 'received' || status === 'documentsChecked' || status === 'decided' ? status : 'error';
}

function parse(body: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
