/**
 * How the mock's device verification page (`<baseUrl>mock/device/`, another tab) reaches the mock,
 * which lives in the memory of the tryout's page: a BroadcastChannel of this origin. The page sends
 * the reader's decision; every page running the mock answers, and the one that holds the device code
 * says so. Only the user code, a test user's id and the decision cross it — never a token.
 */
import type { DeviceDecisionResult } from './polling';

export const deviceChannelName = 'telenorid-portal:mock-device';

export type DeviceDecisionMessage = {
  kind: 'device-decision';
  id: string;
  userCode: string;
  userId: string;
  decision: 'approve' | 'deny';
};
export type DeviceDecisionReply = {
  kind: 'device-decision-result';
  id: string;
  result: DeviceDecisionResult;
};

function isDecision(value: unknown): value is DeviceDecisionMessage {
  const v = value as Partial<DeviceDecisionMessage> | null;
  return (
    !!v &&
    v.kind === 'device-decision' &&
    typeof v.id === 'string' &&
    typeof v.userCode === 'string' &&
    typeof v.userId === 'string' &&
    (v.decision === 'approve' || v.decision === 'deny')
  );
}

/** In a page running the mock: answer every decision the verification page sends. */
export function listenForDeviceDecisions(
  decide: (m: DeviceDecisionMessage) => Promise<DeviceDecisionResult>,
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(deviceChannelName);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isDecision(message)) return;
    void decide(message).then((result) => {
      const reply: DeviceDecisionReply = { kind: 'device-decision-result', id: message.id, result };
      channel.postMessage(reply);
    });
  };
  return () => channel.close();
}

/**
 * On the verification page: send the decision and wait for the page that holds the code (the first
 * `ok` answer), or else the first refusal; undefined when no page running the mock answered.
 */
export function sendDeviceDecision(
  message: Omit<DeviceDecisionMessage, 'kind' | 'id'>,
  timeoutMs = 1500,
): Promise<DeviceDecisionResult | undefined> {
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(deviceChannelName);
    const id = globalThis.crypto.randomUUID();
    let refusal: DeviceDecisionResult | undefined;
    const done = (result: DeviceDecisionResult | undefined) => {
      clearTimeout(timer);
      channel.close();
      resolve(result);
    };
    const timer = setTimeout(() => done(refusal), timeoutMs);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data as Partial<DeviceDecisionReply> | null;
      if (!reply || reply.kind !== 'device-decision-result' || reply.id !== id || !reply.result) return;
      if (reply.result.ok) done(reply.result);
      else refusal ??= reply.result;
    };
    channel.postMessage({ kind: 'device-decision', id, ...message } satisfies DeviceDecisionMessage);
  });
}
