// The portal replay's applications, drawn in Node (k6 draws nothing): each one's type, documents
// (count from the scenario's distribution, kind and size from its replay block), a deliberately bad
// upload when the scenario asks for them, the applicant's birth date, and its status checks. Free of
// k6 imports; unit-tested in Node.
import type { PortalModel } from '../../../sim/channels/portal/PortalModel.js';
import { REFUSAL_REASONS, type RefusalReason } from '../../../sim/channels/portal/supportCauses.js';
import { createStream, type Rng } from '../../../sim/rng/createStream.js';

/** The largest document the portal takes (FACTS: portal-support, at most 5 MB per file): 5 MiB. */
export const PORTAL_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** How far past the limit a deliberately too big document goes, bytes. */
const TOO_BIG_BY = 64 * 1024;

/** One document of an upload: PDF or JPEG, or (a deliberately bad upload) text. */
export interface PlannedDocument {
  kind: 'pdf' | 'jpeg' | 'text';
  bytes: number;
}

/** One planned application: what its one submission carries and when its applicant checks the status. */
export interface PlannedApplication {
  /** Its application type (one of the scenario's names). */
  type: string;
  documents: PlannedDocument[];
  /** Why the portal should refuse it (a deliberately bad upload), or null for a valid one. */
  refusal: RefusalReason | null;
  /** yyyy-mm-dd; a bad field sends it as mm/dd/yyyy instead. */
  birthDate: string;
  /** Wall ms after the upload at which the applicant checks the status (before the window's end). */
  checksAfterMs: number[];
}

/** What the draws need besides the model: the seed, the window and each application's arrival. */
export interface ApplicationDraw {
  seed: number | string;
  timeScale: number;
  /** Model seconds at which the window ends: no status check is planned after it. */
  endS: number;
  /** Model seconds of each application's arrival (its submission). */
  arrivalsS: readonly number[];
}

/**
 * The applications of a replay, one per arrival, each a first submission (the replay does not
 * resubmit). From the simulator's streams (replication 0) where the simulator draws the same thing:
 * `portal.type`, `portal.documents`, `portal.validation` (the refusal, with validation.refused's
 * shares, only when replay.badUploads), `portal.statusChecks` (exponential gaps at statusChecks.perDay
 * from the submission, as the simulator checks a pending application, cut at the window's end: the
 * decision is working days away). The replay's own streams draw what the simulator does not model:
 * `portal.documentKind`, `portal.documentBytes`, `portal.applicant`.
 */
export function drawPortalApplications(portal: PortalModel, draw: ApplicationDraw): PlannedApplication[] {
  const rng = (source: `portal.${string}`) => createStream(draw.seed, source, 0);
  const typeRng = rng('portal.type');
  const documentsRng = rng('portal.documents');
  const validationRng = rng('portal.validation');
  const checksRng = rng('portal.statusChecks');
  const kindRng = rng('portal.documentKind');
  const bytesRng = rng('portal.documentBytes');
  const applicantRng = rng('portal.applicant');
  return draw.arrivalsS.map((atS) => {
    const type = portal.types[typeOf(portal.typeCumulative, typeRng())]!.name;
    const count = portal.documents.sample(documentsRng);
    const refusal = portal.replay.badUploads ? refusalOf(portal.refused, validationRng()) : null;
    const documents = Array.from({ length: count }, () => documentOf(portal, kindRng, bytesRng));
    if (refusal === 'wrongType') documents[0] = { kind: 'text', bytes: documents[0]!.bytes };
    if (refusal === 'tooBig') documents[0] = { kind: 'pdf', bytes: PORTAL_MAX_DOCUMENT_BYTES + TOO_BIG_BY };
    const checks =
      refusal === null ? statusChecksAfter(portal.statusCheckRatePerS, draw.endS - atS, checksRng) : [];
    return {
      type,
      documents,
      refusal,
      birthDate: birthDateOf(applicantRng()),
      checksAfterMs: checks.map((s) => Math.round((s / draw.timeScale) * 1000 * 10) / 10),
    };
  });
}

/** The type of one uniform draw over the cumulative shares (as PortalProcess.arrive). */
function typeOf(cumulative: Float64Array, u: number): number {
  let type = 0;
  while (type < cumulative.length - 1 && u >= cumulative[type]!) type++;
  return type;
}

/** The refusal of one uniform draw (as PortalProcess.refusal): the reasons' shares in their order. */
export function refusalOf(refused: PortalModel['refused'], u: number): RefusalReason | null {
  let acc = 0;
  for (const reason of REFUSAL_REASONS) {
    acc += refused[reason];
    if (u < acc) return reason;
  }
  return null;
}

function documentOf(portal: PortalModel, kindRng: Rng, bytesRng: Rng): PlannedDocument {
  const { pdfShare, documentBytes } = portal.replay;
  const kind = kindRng() < pdfShare ? 'pdf' : 'jpeg';
  const bytes = Math.floor(documentBytes.min + bytesRng() * (documentBytes.max - documentBytes.min + 1));
  return { kind, bytes: Math.min(bytes, documentBytes.max) };
}

/** Model seconds after the submission of each status check (a Poisson process) within `forS`. */
function statusChecksAfter(ratePerS: number, forS: number, rng: Rng): number[] {
  const out: number[] = [];
  if (ratePerS <= 0) return out;
  for (let t = -Math.log(1 - rng()) / ratePerS; t < forS; t += -Math.log(1 - rng()) / ratePerS) out.push(t);
  return out;
}

const DAY_MS = 86_400_000;
/** Applicants born 1940-01-01 to 2005-12-31. */
const BORN_FROM = Date.UTC(1940, 0, 1);
const BORN_TO = Date.UTC(2005, 11, 31);

function birthDateOf(u: number): string {
  const days = Math.floor(u * ((BORN_TO - BORN_FROM) / DAY_MS + 1));
  return new Date(BORN_FROM + days * DAY_MS).toISOString().slice(0, 10);
}
