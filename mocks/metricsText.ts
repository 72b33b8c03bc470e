import { CHAT_OUTCOMES, type ChatSnapshot } from './chat/ChatService.js';
import { CALL_OUTCOMES } from './phone/callTypes.js';
import type { AcdSnapshot } from './phone/PhoneService.js';
import type { ResponseTimeHistogram } from './ResponseTimeHistogram.js';

/** The ACD's state in Prometheus text exposition format (version 0.0.4). */
export function metricsText(
  clock: { modelTimeS: number; interval: number },
  state: AcdSnapshot | null,
  responseTimes?: ResponseTimeHistogram,
  chat?: ChatSnapshot,
  chatReplyLateness?: ResponseTimeHistogram,
): string {
  const lines: string[] = [];
  const gauge = (name: string, help: string, value: number) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
  };
  if (state) {
    gauge('hotline_queue_length', 'Calls waiting for an agent.', state.queueLength);
    gauge('hotline_agents_busy', 'Agents talking or in after-call work.', state.agentsBusy);
    gauge(
      'hotline_agents_on_duty',
      'Agents on duty (busy agents past their shift included).',
      state.agentsOnDuty,
    );
    gauge('hotline_trunk_lines_busy', 'Trunk lines in use (IVR, queue and talk).', state.trunkLinesBusy);
    gauge(
      'hotline_retrials_pending',
      "Retrials of the model's own callers still to come (warm start).",
      state.retrialsPending,
    );
    gauge('hotline_calls_pending', 'Requests held open (in the IVR or the queue).', state.pendingCalls);
  }
  gauge(
    'hotline_model_time_seconds',
    'Model time, seconds since the start of day 1.',
    round(clock.modelTimeS),
  );
  gauge('hotline_interval', 'Interval index of the model time.', clock.interval);
  if (state) {
    lines.push('# HELP hotline_calls_total Calls ended, by outcome.', '# TYPE hotline_calls_total counter');
    for (const outcome of CALL_OUTCOMES) {
      lines.push(`hotline_calls_total{outcome="${outcome}"} ${state.calls[outcome]}`);
    }
  }
  if (chat) {
    gauge('hotline_chat_queue_length', 'Chat sessions waiting for an agent.', chat.queued);
    gauge('hotline_chat_sessions_in_progress', 'Chat sessions held by an agent.', chat.inProgress);
    gauge('hotline_chat_sessions_open', 'Chat sessions open over WebSockets.', chat.open);
    lines.push(
      '# HELP hotline_chat_sessions_total Chat sessions ended, by outcome.',
      '# TYPE hotline_chat_sessions_total counter',
    );
    for (const outcome of CHAT_OUTCOMES) {
      lines.push(`hotline_chat_sessions_total{outcome="${outcome}"} ${chat.sessions[outcome]}`);
    }
  }
  if (chatReplyLateness) {
    lines.push(
      ...chatReplyLateness.text(
        'hotline_chat_reply_lateness_seconds',
        'Wall time between a chat reply model instant and its frame going out (what the mock adds).',
      ),
    );
  }
  if (responseTimes) {
    lines.push(
      ...responseTimes.text(
        'hotline_call_response_seconds',
        'Wall time from request to response of POST /v1/calls (the wait in queue included).',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
