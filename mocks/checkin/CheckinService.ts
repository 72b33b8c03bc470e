import type { FailureMode } from '../../sim/channels/checkin/CheckinModel.js';
import type {
  CheckinDecision,
  CheckinObserver,
  CheckinProcess,
} from '../../sim/channels/checkin/CheckinProcess.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../sim/engine/externalContacts.js';
import type { ModelService } from '../ModelService.js';

/** Where an uploaded check-in is, as a client polling GET /v1/checkins/:id reads it. */
export type CheckinStatus = 'pending' | CheckinDecision;
export const CHECKIN_STATUSES = ['pending', 'underReview', 'verified', 'failed'] as const;

export interface CheckinState {
  readonly id: string;
  readonly personId: string;
  readonly promptId: string;
  readonly status: CheckinStatus;
  /** Why it failed (status failed only). */
  readonly mode?: FailureMode;
  /** Model time of the upload and of the last change of status. */
  readonly submittedAtS: number;
  readonly updatedAtS: number;
}

export interface CheckinSnapshot {
  /** Check-ins waiting for or in the automatic verification (the model's, uploads and its own). */
  readonly inVerification: number;
  /** Check-ins waiting for a reviewer. */
  readonly awaitingReview: number;
  /** Uploads accepted, by their status now. */
  readonly uploads: Record<CheckinStatus, number>;
}

/**
 * The check-in channel's transport service: an upload is a check-in submitted to the model's
 * verification (CheckinProcess.submit) at the model time now; the model decides what happens to it
 * (verified, failed with a mode, sent to review), and a failure may call the hotline in the same run.
 * The service keeps the status of the last `keep` uploads for polling (oldest forgotten first), so
 * its memory is bounded however long the mocks run.
 */
export class CheckinService {
  private readonly checkin: CheckinProcess;
  private readonly states = new Map<number, CheckinState>();
  private readonly counts: Record<CheckinStatus, number> = {
    pending: 0,
    underReview: 0,
    verified: 0,
    failed: 0,
  };
  private submitted = 0;

  constructor(
    private readonly model: ModelService,
    private readonly keep = 100_000,
  ) {
    const process = model.run.processes.checkin;
    if (process === undefined) throw new Error('the scenario has no checkin channel');
    this.checkin = process;
    model.listen<CheckinObserver>('checkin', {
      decided: (id, decision, mode, atS) => this.decided(id, decision, mode, atS),
    });
  }

  get isShutDown(): boolean {
    return this.model.isShutDown;
  }

  /** Submits a check-in now; its id for polling. */
  submit(personId: string, promptId: string): CheckinState {
    const n = this.submitted++;
    const contactId = FIRST_EXTERNAL_CONTACT_ID + n;
    return this.model.driver.act((now) => {
      const state: CheckinState = {
        id: idOf(n),
        personId,
        promptId,
        status: 'pending',
        submittedAtS: now,
        updatedAtS: now,
      };
      this.remember(contactId, state);
      this.checkin.submit(now, contactId);
      return this.states.get(contactId) ?? state;
    });
  }

  /** The check-in's status now; null when the id is unknown (or forgotten). */
  status(id: string): CheckinState | null {
    const n = numberOf(id);
    if (n === null) return null;
    this.model.now();
    return this.states.get(FIRST_EXTERNAL_CONTACT_ID + n) ?? null;
  }

  snapshot(): CheckinSnapshot {
    this.model.now();
    return {
      inVerification: this.checkin.inVerification,
      awaitingReview: this.checkin.awaitingReview,
      uploads: { ...this.counts },
    };
  }

  private remember(contactId: number, state: CheckinState): void {
    if (this.states.size >= this.keep) {
      const [oldest, old] = this.states.entries().next().value as [number, CheckinState];
      this.counts[old.status]--;
      this.states.delete(oldest);
    }
    this.states.set(contactId, state);
    this.counts[state.status]++;
  }

  private decided(contactId: number, decision: CheckinDecision, mode: FailureMode | null, atS: number): void {
    const state = this.states.get(contactId);
    // Not an upload this service holds: the model's own check-in (warm start), or forgotten.
    if (state === undefined) return;
    this.counts[state.status]--;
    this.counts[decision]++;
    const next: CheckinState = { ...state, status: decision, updatedAtS: atS };
    this.states.set(contactId, mode === null ? next : { ...next, mode });
  }
}

function idOf(n: number): string {
  return `c-${n}`;
}

function numberOf(id: string): number | null {
  const match = /^c-(\d{1,15})$/.exec(id);
  return match === null ? null : Number(match[1]);
}
