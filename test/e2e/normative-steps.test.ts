/**
 * The renderer computes the next lifecycle step itself (the core's ledger module cannot be bundled
 * into the page); this keeps it equal to the core, so the UI never offers a step the core refuses.
 */
import { describe, expect, it } from 'vitest';
import { NORMATIVE_STEPS } from '@rules/kinds/normative-doc';
import { nextStep as coreNextStep } from '@core/ledger/normative-doc';
import { nextStep } from '../../src/app/normative/steps';

describe('normative lifecycle mirror', () => {
  it('offers the same next step as the core from every stage', () => {
    for (const stage of [...NORMATIVE_STEPS, undefined]) {
      expect(nextStep({ stage }), String(stage)).toBe(coreNextStep({ stage }));
    }
  });
});
