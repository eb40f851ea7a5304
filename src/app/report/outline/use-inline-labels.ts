/** The chip words of one paragraph (or heading): figure values by segment, automatic words by year and town. */
import { useMemo } from 'react';
import { chipLabel, segmentKey } from '../figure-labels';
import { tokenValue } from '@rules/report/tokens';
import type { InlineLabels } from './inline-dom';
import { useOutline } from './outline-context';
import { useLedger } from '../../state/ledger';

export function useInlineLabels(paragraphId: string): InlineLabels {
  const { info, year, town } = useOutline();
  const { townType } = useLedger().settings;
  return useMemo(
    () => ({
      chip: (seg, i) => chipLabel(seg, segmentKey(paragraphId, i), info, year),
      token: (t) => tokenValue(t, year, town, townType),
    }),
    [info, year, town, townType, paragraphId],
  );
}
