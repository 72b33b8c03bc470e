// Why a portal applicant contacts support, and through which channels. A fixed vocabulary, so each
// cause and channel has its own counter and metric (declared once in portalMetricSpecs.ts).

/**
 * - `refusedUpload`: a submission the portal refused (wrong file type, file too big, bad field);
 * - `statusQuestion`: a status check that leaves the applicant with a question;
 * - `decisionLate`: the type's deadline passed without a decision (at the end of its last working day);
 * - `decision`: a decision the applicant asks about.
 */
export const SUPPORT_CAUSES = ['refusedUpload', 'statusQuestion', 'decisionLate', 'decision'] as const;
export type SupportCause = (typeof SUPPORT_CAUSES)[number];

/** The channels a portal applicant reaches support through (they take caused contacts). */
export const SUPPORT_CHANNELS = ['phone', 'chat'] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

/** Why the portal refuses a submission: the first problem its validation finds. */
export const REFUSAL_REASONS = ['wrongType', 'tooBig', 'badField'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
