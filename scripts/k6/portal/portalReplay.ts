// The portal channel's part of the k6 script (scenario `portal`, exec 'portal' of the bundle's entry):
// one iteration per planned application, at its planned instant: a multipart POST /v1/applications
// (the form's fields and its generated PDF/JPEG documents), then, if received, GET
// /v1/applications/:id at its planned status checks until the window ends or a check sees the
// decision. Logic lives in the k6-free applicationUpload.ts and portalResponses.ts; k6 draws nothing.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import { intervalOfIteration } from '../intervalOfIteration.js';
import type { K6ChannelScript } from '../K6ChannelScript.js';
import type { ReplayConfig } from '../replayConfig.js';
import { applicationUpload } from './applicationUpload.js';
import {
  PORTAL_APPLICATIONS_FILE_ENV,
  PORTAL_REQUEST_TIMEOUT_MS,
  type PortalApplicationEntry,
  type PortalReplayConfig,
  portalK6Scenario,
  windowIntervalAt,
} from './portalReplayConfig.js';
import { checkedStage, plannedOutcome, receiptId, submissionOutcome } from './portalResponses.js';

export const k6Script: K6ChannelScript<PortalReplayConfig> = {
  channel: 'portal',
  k6Scenario: portalK6Scenario,
  scenario: portalScenario,
};

/** Builds the portal scenario's function over the replay's config (called in the init context). */
function portalScenario(
  portal: PortalReplayConfig | undefined,
  config: ReplayConfig,
  token: string | undefined,
): () => void {
  if (portal === undefined) return () => {};
  const applications = new SharedArray('portal applications', () => {
    const file = __ENV[PORTAL_APPLICATIONS_FILE_ENV];
    if (!file)
      throw new Error(`set ${PORTAL_APPLICATIONS_FILE_ENV} with -e (the portal applications of the replay)`);
    return JSON.parse(open(file)) as PortalApplicationEntry[];
  });
  /** One sample per submission, tags outcome (received, refused<Reason>, error), planned (the intended outcome), interval. */
  const submissions = new Counter('portal_submissions');
  /** One sample per submission: the upload's wall ms (request sent to answer), tags as portal_submissions plus documents. */
  const uploadMs = new Trend('portal_upload_ms', true);
  /** One sample per status check, tags stage (received, documentsChecked, decided, error) and the check's interval. */
  const statusChecks = new Counter('portal_status_checks');
  const statusMs = new Trend('portal_status_ms', true);
  const arrivalLagMs = new Trend('arrival_lag_ms', true);
  const submitUrl = `${config.target}/v1/applications`;
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const timeout = `${PORTAL_REQUEST_TIMEOUT_MS}ms`;
  const total = portal.cumulative[portal.cumulative.length - 1]!;

  /** The scenario interval of the wall instant now; null once the window is over. */
  const intervalNow = (): string | null => {
    const k = windowIntervalAt(
      config.intervalWallStartMs,
      config.windowEndWallMs,
      Date.now() - exec.scenario.startTime,
    );
    return k < 0 ? null : String(portal.intervalIndex[k]);
  };

  return function portalApplication(): void {
    const n = exec.scenario.iterationInTest;
    // The tail stage may start a few iterations past the plan; they send nothing.
    if (n >= total) return;
    const plan = applications[n] as PortalApplicationEntry;
    const interval = String(portal.intervalIndex[intervalOfIteration(portal.cumulative, n)] ?? -1);
    const tags = { channel: 'portal', interval };
    if (plan.atMs !== null) {
      const dueAt = exec.scenario.startTime + plan.atMs;
      const waitMs = dueAt - Date.now();
      if (waitMs > 0) sleep(waitMs / 1000);
      arrivalLagMs.add(Date.now() - dueAt, tags);
    }
    const upload = applicationUpload(
      plan,
      `${config.runId}-applicant-${n}`,
      `hotline-portal-${config.runId}-${n}`,
    );
    const sentAt = Date.now();
    const response = http.post(submitUrl, upload.body.buffer as ArrayBuffer, {
      headers: { ...auth, 'Content-Type': upload.contentType },
      tags: { ...tags, name: 'POST /v1/applications' },
      timeout,
    });
    const outcome = submissionOutcome(response.status);
    const submissionTags = { ...tags, outcome, planned: plannedOutcome(plan.refusal) };
    submissions.add(1, submissionTags);
    uploadMs.add(response.timings.duration, { ...submissionTags, documents: String(plan.documents.length) });
    const id =
      outcome === 'received' ? receiptId(typeof response.body === 'string' ? response.body : '') : null;
    if (id === null) return;
    for (const afterMs of plan.checksAfterMs) {
      const waitMs = sentAt + afterMs - Date.now();
      if (waitMs > 0) sleep(waitMs / 1000);
      const checkInterval = intervalNow();
      if (checkInterval === null) return;
      const checkTags = { channel: 'portal', interval: checkInterval };
      const check = http.get(`${config.target}/v1/applications/${encodeURIComponent(id)}`, {
        headers: auth,
        tags: { ...checkTags, name: 'GET /v1/applications/:id' },
        timeout,
      });
      const stage = checkedStage(check.status, typeof check.body === 'string' ? check.body : '');
      statusChecks.add(1, { ...checkTags, stage });
      statusMs.add(check.timings.duration, { ...checkTags, stage });
      // The simulator's applicant stops checking once decided.
      if (stage === 'decided') return;
    }
  };
}
