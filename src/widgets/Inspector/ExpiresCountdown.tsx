/**
 * A token response's expires_in, counting down once a second from when it was pasted until the access
 * token has expired, then still. Only this line re-renders as it ticks; it is not a live region, so a
 * screen reader is not told every second. Nothing moves but the text.
 */
import { useEffect, useState } from 'react';
import { describeExpiresInCountdown } from '@site/src/oidc/times';

export default function ExpiresCountdown({
  expiresIn,
  receivedAtMs,
}: {
  expiresIn: number;
  receivedAtMs: number;
}): React.JSX.Element | null {
  const [nowMs, setNowMs] = useState(receivedAtMs);
  const line = describeExpiresInCountdown(expiresIn, receivedAtMs, nowMs);
  const done = line?.done ?? true;
  useEffect(() => {
    if (done) return undefined;
    const timer = window.setInterval(() => setNowMs(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [done]);
  return line ? <>{line.text}</> : null;
}
