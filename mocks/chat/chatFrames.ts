// The frames of the chat WebSocket (GET /v1/chat), one JSON object per text frame. Free of Node and
// k6 imports: the mocks parse with it and the k6 chat replay shares its types.

/** Client -> server. `sessionId` is the client's label for the session (echoed in `opened`). */
export type ChatClientFrame = { type: 'open'; sessionId?: string } | { type: 'message' } | { type: 'close' };

export type ChatFrameOutcome = 'closed' | 'abandoned' | 'left' | 'completed';

export type ChatErrorCode =
  | 'invalid_frame'
  | 'unknown_type'
  | 'already_open'
  | 'not_open'
  | 'not_waiting'
  | 'shutting_down'
  | 'overloaded'
  | 'injected_error'
  | 'outage';

/** The close code of a socket whose open frame met an injected outage (RFC 6455: Try Again Later). */
export const OUTAGE_CLOSE_CODE = 1013;

/** Server -> client. */
export type ChatServerFrame =
  | { type: 'opened'; sessionId: string; atS: number }
  | { type: 'reply'; message: number; atS: number; agent: number; firstResponseS?: number }
  | { type: 'closed'; outcome: ChatFrameOutcome; atS: number; reason?: 'shutdown' }
  | { type: 'error'; error: ChatErrorCode; message: string };

export const MAX_SESSION_ID_LENGTH = 200;

/** Reads one text frame from a client: the frame, or the error frame to send back. */
export function parseClientFrame(
  text: string,
): ChatClientFrame | Extract<ChatServerFrame, { type: 'error' }> {
  const invalid = (message: string) => ({ type: 'error' as const, error: 'invalid_frame' as const, message });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid('frame is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return invalid('frame is not a JSON object');
  const frame = parsed as Record<string, unknown>;
  const extra = (allowed: string[]) => Object.keys(frame).find((key) => !allowed.includes(key));
  switch (frame.type) {
    case 'open': {
      const unknown = extra(['type', 'sessionId']);
      if (unknown !== undefined) return invalid(`unknown field ${JSON.stringify(unknown)} in an open frame`);
      const id = frame.sessionId;
      if (id === undefined) return { type: 'open' };
      if (typeof id !== 'string' || id.length === 0 || id.length > MAX_SESSION_ID_LENGTH)
        return invalid(`sessionId must be a string of 1 to ${MAX_SESSION_ID_LENGTH} characters`);
      return { type: 'open', sessionId: id };
    }
    case 'message':
    case 'close': {
      const unknown = extra(['type']);
      if (unknown !== undefined)
        return invalid(`unknown field ${JSON.stringify(unknown)} in a ${frame.type} frame`);
      return { type: frame.type };
    }
    default:
      return {
        type: 'error',
        error: 'unknown_type',
        message: `unknown frame type ${JSON.stringify(frame.type)}; expected open, message or close`,
      };
  }
}
