/** Shown for a route naming no known page (an old bookmark, a removed kind). */
import { Anchor, Stack, Text } from '@mantine/core';
import { hrefFor } from '../router';

export function NotFound() {
  return (
    <Stack align="center" mt={80} gap="xs">
      <Text c="dimmed">找不到该页面。</Text>
      <Anchor href={hrefFor({ name: 'home' })}>返回首页</Anchor>
    </Stack>
  );
}
