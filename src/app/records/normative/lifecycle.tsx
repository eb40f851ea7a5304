/** How a document's place in the lifecycle is shown: a badge in the table, a stepper in the form. */
import { Badge, Group, Stepper, Text } from '@mantine/core';
import type { RecordData } from '../../lib/api';
import { NORMATIVE_STEPS, stageIndex, stageOf, stepDate } from './steps';

const STAGE_COLORS = ['gray', 'yellow', 'orange', 'blue', 'teal'] as const;

export function StageBadge({ data }: { data: RecordData }) {
  const i = stageIndex(data);
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STAGE_COLORS[i]} size="md" fw={500} data-testid="stage-badge">
        {stageOf(data)}
      </Badge>
      <Text size="xs" c="dimmed">
        {i + 1}/{NORMATIVE_STEPS.length}
      </Text>
    </Group>
  );
}

export function LifecycleStepper({ data }: { data: RecordData }) {
  const i = stageIndex(data);
  return (
    <Stepper active={i + 1} size="xs" iconSize={22} allowNextStepsSelect={false} color={data.withdrawn ? 'gray' : 'teal'}>
      {NORMATIVE_STEPS.map((s) => (
        <Stepper.Step key={s} label={s} description={stepDate(data, s) ?? ''} allowStepSelect={false} />
      ))}
    </Stepper>
  );
}
