import { useEffect, useState } from 'react';
import type { Endpoint, OpeningPort } from '../../engine';
import { runOnDocument } from '../../store/useAnalysisStore';

/** The choice that stands for "an external address" in the Source and Destination fields. */
export const EXTERNAL = '__external__';

function endpoint(choice: string, ip: string | null): Endpoint | null {
  if (choice !== EXTERNAL) return { workload: choice };
  return ip === null ? null : { ip };
}

/**
 * The protocol and port the analysis worker suggests for explaining `src` → `dst` (workload ids or {@link EXTERNAL} at
 * `ip`): undefined until it answers, null when the pair allows nothing. Asked again for every document `version`; the
 * last answer for the same pair stays meanwhile.
 */
export function useOpeningPort(src: string, dst: string, ip: string | null, version: number): OpeningPort | null | undefined {
  const key = `${src}\n${dst}\n${ip ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; port: OpeningPort | null } | null>(null);
  const from = endpoint(src, ip);
  const to = endpoint(dst, ip);
  const isAskable = from !== null && to !== null && !('ip' in from && 'ip' in to);
  useEffect(() => {
    if (!isAskable) return;
    let isCurrent = true;
    void runOnDocument('openingPort', { src: from, dst: to }).then((outcome) => {
      if (isCurrent && outcome.status === 'done') setAnswer({ key, port: outcome.result });
    });
    return () => {
      isCurrent = false;
    };
    // `from` and `to` are rebuilt every render; `key` names them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, isAskable]);
  if (!isAskable) return null;
  return answer !== null && answer.key === key ? answer.port : undefined;
}
