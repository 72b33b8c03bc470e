import { checkNumberOption } from '../checkNumberOption.js';
import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { CHECKIN_STATUSES, CheckinService } from './CheckinService.js';
import { registerCheckinRoutes } from './checkinRoute.js';

/** The check-in transport's fields of the mocks' options. */
export interface CheckinTransportOptions {
  /** Largest photo of an upload, bytes (default 5 MB); a larger one gets 413. */
  maxCheckinPhotoBytes?: number;
}

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The HTTP statuses an upload is answered with, as /metrics labels them (others count as "other"). */
const UPLOAD_STATUSES = ['202', '400', '413', '415', '503', 'other'] as const;

/** Check-ins as multipart uploads with status polling; its part of /v1/state is under `checkin`. */
export const checkinTransport: TransportPlugin<'checkin', CheckinTransportOptions, CheckinService> = {
  channel: 'checkin',
  stateProperties: {
    checkin: {
      type: 'object',
      description: 'The check-in channel (absent when the scenario has none).',
      properties: {
        inVerification: {
          type: 'integer',
          description: 'Check-ins waiting for or in automatic verification.',
        },
        awaitingReview: { type: 'integer', description: 'Check-ins waiting for a reviewer.' },
        uploads: {
          type: 'object',
          description: 'Uploads accepted and still remembered, by status now.',
          properties: Object.fromEntries(CHECKIN_STATUSES.map((s) => [s, { type: 'integer' }])),
        },
        responses: {
          type: 'object',
          description: 'Answers to POST /v1/checkins, by HTTP status.',
          properties: Object.fromEntries(UPLOAD_STATUSES.map((s) => [s, { type: 'integer' }])),
        },
      },
    },
  },
  checkOptions(options, issues) {
    checkNumberOption('maxCheckinPhotoBytes', options.maxCheckinPhotoBytes, 1, true, issues);
  },
  build({ app, model, options, firstContact }) {
    const checkin = new CheckinService(model);
    const responses = Object.fromEntries(UPLOAD_STATUSES.map((s) => [s, 0])) as Record<
      (typeof UPLOAD_STATUSES)[number],
      number
    >;
    const countUpload = (statusCode: number) => {
      const key = String(statusCode) as (typeof UPLOAD_STATUSES)[number];
      responses[key in responses ? key : 'other']++;
    };
    const maxPhotoBytes = options.maxCheckinPhotoBytes ?? MAX_PHOTO_BYTES;
    registerCheckinRoutes(app, { checkin, maxPhotoBytes, countUpload, onFirstContact: firstContact });
    const state = () => ({ ...checkin.snapshot(), responses: { ...responses } });
    return {
      service: checkin,
      routes: [
        'POST /v1/checkins      multipart: photo (JPEG), lat, lon, personId, promptId; 202 + status',
        'GET  /v1/checkins/:id  status: pending, underReview, verified, failed (with mode)',
      ],
      state: () => ({ checkin: state() }),
      metricLines: () => {
        const s = state();
        return [
          ...prometheusGauge(
            'hotline_checkin_in_verification',
            'Check-ins waiting for or in automatic verification.',
            s.inVerification,
          ),
          ...prometheusGauge(
            'hotline_checkin_awaiting_review',
            'Check-ins waiting for a reviewer.',
            s.awaitingReview,
          ),
          ...prometheusCounters(
            'hotline_checkin_uploads_total',
            'Answers to check-in uploads, by HTTP status.',
            s.responses,
            UPLOAD_STATUSES,
          ),
          '# HELP hotline_checkin_uploads_by_status Uploads remembered for polling, by their status now.',
          '# TYPE hotline_checkin_uploads_by_status gauge',
          ...CHECKIN_STATUSES.map(
            (status) => `hotline_checkin_uploads_by_status{status="${status}"} ${s.uploads[status]}`,
          ),
        ];
      },
    };
  },
};
