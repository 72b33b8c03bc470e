import type { EmailObserver, EmailProcess } from '../../sim/channels/email/EmailProcess.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../sim/engine/externalContacts.js';
import type { ModelService } from '../ModelService.js';

/** Where a submitted e-mail is: in the backlog, opened by an agent, or answered. */
export const EMAIL_STATUSES = ['queued', 'inProgress', 'answered'] as const;
export type EmailStatusName = (typeof EMAIL_STATUSES)[number];

/** What GET /v1/emails/:id says about one e-mail; instants are model seconds. */
export interface EmailStatus {
  id: string;
  status: EmailStatusName;
  receivedAtS: number;
  /** When the target's working time runs out (receipt + N working hours on the working-hours clock). */
  dueAtS: number | null;
  openedAtS?: number;
  answeredAtS?: number;
  /** Working seconds from receipt to the answer (the working-hours clock). */
  responseWorkingS?: number;
  /** Agent who answered (1-based, as phone's `agent`). */
  agent?: number;
}

export interface EmailSnapshot {
  /** E-mails waiting in the backlog, the model's own included (warm start). */
  waiting: number;
  /** E-mails an agent is working on. */
  inHand: number;
  /** E-mails submitted over HTTP, and how many of them were answered. */
  submitted: number;
  answered: number;
}

interface Tracked {
  readonly status: EmailStatus;
}

/**
 * The e-mail channel's transport: the simulator's e-mail process in the mocks' one model run
 * (ModelService, the agent pool shared with phone and chat). A client submits an e-mail and polls its
 * status; the model's agents open and answer it in working hours. Records of answered e-mails are
 * forgotten oldest first beyond `maxTracked`, so a long-running mock does not grow without bound.
 */
export class EmailService {
  private readonly email: EmailProcess;
  private readonly tracked = new Map<number, Tracked>();
  private submitted = 0;
  private answeredCount = 0;

  constructor(
    private readonly model: ModelService,
    private readonly maxTracked = 100_000,
  ) {
    const process = model.run.processes.email;
    if (process === undefined) throw new Error('the scenario has no email channel');
    this.email = process;
    model.listen<EmailObserver>('email', {
      started: (id, atS) => this.opened(id, atS),
      answered: (id, atS, agent, workingS) => this.answered(id, atS, agent, workingS),
    });
  }

  get isShutDown(): boolean {
    return this.model.isShutDown;
  }

  /** Submits an e-mail now; its status as received. */
  submit(): EmailStatus {
    const n = this.submitted++;
    const id = FIRST_EXTERNAL_CONTACT_ID + n;
    return this.model.driver.act((now) => {
      const due = this.email.dueAt(now);
      const status: EmailStatus = {
        id: publicId(n),
        status: 'queued',
        receivedAtS: finite(now),
        dueAtS: Number.isFinite(due) ? finite(due) : null,
      };
      this.tracked.set(id, { status });
      this.forgetOldAnswered();
      // Offered after it is tracked: an idle agent in working hours opens it at once.
      this.email.offer(now, id);
      return { ...status };
    });
  }

  /** The status of e-mail `publicId`; undefined when unknown (never submitted, or forgotten). */
  status(id: string): EmailStatus | undefined {
    const n = parsePublicId(id);
    if (n === undefined) return undefined;
    this.model.now();
    const tracked = this.tracked.get(FIRST_EXTERNAL_CONTACT_ID + n);
    return tracked === undefined ? undefined : { ...tracked.status };
  }

  snapshot(): EmailSnapshot {
    this.model.now();
    return {
      waiting: this.email.waiting,
      inHand: this.email.inHand,
      submitted: this.submitted,
      answered: this.answeredCount,
    };
  }

  private opened(id: number, atS: number): void {
    const tracked = this.tracked.get(id);
    // An e-mail this transport does not hold: the model's own (warm start).
    if (tracked === undefined) return;
    tracked.status.status = 'inProgress';
    tracked.status.openedAtS = finite(atS);
  }

  private answered(id: number, atS: number, agent: number, workingS: number): void {
    const tracked = this.tracked.get(id);
    if (tracked === undefined) return;
    this.answeredCount++;
    Object.assign(tracked.status, {
      status: 'answered',
      answeredAtS: finite(atS),
      responseWorkingS: finite(workingS),
      agent: agent + 1,
    });
  }

  private forgetOldAnswered(): void {
    if (this.tracked.size <= this.maxTracked) return;
    for (const [id, { status }] of this.tracked) {
      if (this.tracked.size <= this.maxTracked) return;
      if (status.status === 'answered') this.tracked.delete(id);
    }
  }
}

const publicId = (n: number) => `e-${n}`;

function parsePublicId(id: string): number | undefined {
  const match = /^e-(0|[1-9][0-9]{0,14})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** Replies never carry NaN or Infinity; ms precision. */
function finite(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 1000) / 1000) : 0;
}
