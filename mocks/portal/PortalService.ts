import type {
  ApplicationTimes,
  PortalObserver,
  PortalProcess,
} from '../../sim/channels/portal/PortalProcess.js';
import type { RefusalReason } from '../../sim/channels/portal/supportCauses.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../sim/engine/externalContacts.js';
import type { ModelService } from '../ModelService.js';

/** The stages an applicant sees (FACTS: portal-support, status notifications at each stage). */
export type ApplicationStage = 'received' | 'documentsChecked' | 'decided';

/** What POST /v1/applications answers once the model received the application. */
export interface ApplicationReceipt {
  applicationId: string;
  applicationType: string;
  status: 'received';
  receivedAtS: number;
  documents: number;
  /** The decision is on time within this many working days. */
  deadlineWorkingDays: number;
}

/** What GET /v1/applications/:id answers: the stage at model time now, and when each was reached. */
export interface ApplicationStatus {
  applicationId: string;
  applicationType: string;
  status: ApplicationStage;
  nowS: number;
  receivedAtS: number;
  documentsCheckedAtS: number | null;
  decidedAtS: number | null;
  decisionWorkingDays: number | null;
  onTime: boolean | null;
  deadlineWorkingDays: number;
}

export interface PortalSnapshot {
  received: number;
  pending: number;
  decided: number;
  refused: Record<RefusalReason, number>;
  statusChecks: number;
}

interface Tracked {
  readonly type: string;
  readonly documents: number;
  readonly times: ApplicationTimes;
  decidedAtS: number | null;
  onTime: boolean | null;
}

/**
 * The portal channel's transport: the simulator's portal process in the mocks' one model run. The
 * applicant is the client: the route validates the upload and the form (transport work, as the real
 * portal's), and hands what passes to the model, which receives it, draws its decision day in working
 * days and decides it then; refusals go to the model too (counted by reason; they may cause support
 * contacts). The service remembers each application it received so its status can be read after the
 * decision (at most `maxTracked`, oldest forgotten first).
 */
export class PortalService {
  private readonly portal: PortalProcess;
  private readonly types: readonly string[];
  private readonly tracked = new Map<number, Tracked>();
  private readonly refusedCounts: Record<RefusalReason, number> = { wrongType: 0, tooBig: 0, badField: 0 };
  private submitted = 0;
  private decidedCount = 0;
  private statusChecks = 0;

  constructor(
    private readonly model: ModelService,
    private readonly maxTracked = 200_000,
  ) {
    const process = model.run.processes.portal;
    const portalModel = model.scenario.channels.portal;
    if (process === undefined || portalModel === undefined)
      throw new Error('the scenario has no portal channel');
    this.portal = process;
    this.types = portalModel.types.map((t) => t.name);
    model.listen<PortalObserver>('portal', {
      decided: (id, atS, onTime) => {
        const app = this.tracked.get(id);
        if (app === undefined) return; // the model's own applicants (warm start), or forgotten
        app.decidedAtS = atS;
        app.onTime = onTime;
        this.decidedCount++;
      },
    });
  }

  /** The application types a form may name. */
  get applicationTypes(): readonly string[] {
    return this.types;
  }

  /** A valid application with `documents` files: received by the model now. */
  submit(applicationType: string, documents: number): ApplicationReceipt {
    const now = this.model.now();
    const id = FIRST_EXTERNAL_CONTACT_ID + this.submitted++;
    const type = this.types.indexOf(applicationType);
    const times = this.portal.submitFromOutside(now, id, type, documents);
    this.track(id, { type: applicationType, documents, times, decidedAtS: null, onTime: null });
    return {
      applicationId: applicationIdOf(id),
      applicationType,
      status: 'received',
      receivedAtS: times.receivedAtS,
      documents,
      deadlineWorkingDays: times.deadlineDays,
    };
  }

  /** A submission the route refused, for `reason`: the model counts it (and may cause support). */
  refuse(reason: RefusalReason): void {
    this.refusedCounts[reason]++;
    this.portal.refusedFromOutside(this.model.now(), reason);
  }

  /** The status at model time now; null for an id never issued or forgotten. */
  status(applicationId: string): ApplicationStatus | null {
    const id = contactIdOf(applicationId);
    const app = id === null ? undefined : this.tracked.get(id);
    if (id === null || app === undefined) return null;
    const now = this.model.now();
    this.statusChecks++;
    this.portal.statusCheckFromOutside(now, id);
    const { times } = app;
    const checked = now >= times.documentsCheckedAtS ? times.documentsCheckedAtS : null;
    const status: ApplicationStage =
      app.decidedAtS !== null ? 'decided' : checked !== null ? 'documentsChecked' : 'received';
    return {
      applicationId,
      applicationType: app.type,
      status,
      nowS: now,
      receivedAtS: times.receivedAtS,
      documentsCheckedAtS: checked,
      decidedAtS: app.decidedAtS,
      decisionWorkingDays: app.decidedAtS === null ? null : times.decisionDays,
      onTime: app.onTime,
      deadlineWorkingDays: times.deadlineDays,
    };
  }

  snapshot(): PortalSnapshot {
    return {
      received: this.submitted,
      pending: this.submitted - this.decidedCount,
      decided: this.decidedCount,
      refused: { ...this.refusedCounts },
      statusChecks: this.statusChecks,
    };
  }

  private track(id: number, app: Tracked): void {
    if (this.tracked.size >= this.maxTracked) {
      const oldest = this.tracked.keys().next().value;
      if (oldest !== undefined) this.tracked.delete(oldest);
    }
    this.tracked.set(id, app);
  }
}

const PREFIX = 'A-';

function applicationIdOf(contactId: number): string {
  return `${PREFIX}${contactId - FIRST_EXTERNAL_CONTACT_ID + 1}`;
}

function contactIdOf(applicationId: string): number | null {
  const match = /^A-([1-9][0-9]{0,12})$/.exec(applicationId);
  return match ? FIRST_EXTERNAL_CONTACT_ID + Number(match[1]) - 1 : null;
}
