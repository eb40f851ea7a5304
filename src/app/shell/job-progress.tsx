/**
 * A quiet note in the corner while the core works in the background (导入、备份、恢复、检查、生成报告):
 * the window stays usable, and the clerk sees that something is still going on.
 */
import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { subscribeJobs, type Progress } from '../../api/progress';
import { describeJob } from '../lib/job-names';

export function JobProgress() {
  const [jobs, setJobs] = useState<Progress[]>([]);
  useEffect(() => subscribeJobs(setJobs), []);
  if (!jobs.length) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" pos="fixed" right={16} bottom={16} style={{ zIndex: 300 }} data-testid="job-progress">
      <Stack gap={4}>
        {jobs.map((j) => (
          <Group key={j.method} gap="xs" wrap="nowrap">
            <Loader size={14} />
            <Text size="sm">{describeJob(j)}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
