/** Loads what every screen needs (kind definitions, settings, the years holding records) before showing the shell. */
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { asApiError, call, type KindDef, type Settings } from '../lib/api';
import { LedgerProvider } from '../state/ledger';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; kinds: KindDef[]; settings: Settings; years: number[] };

export function Boot({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(() => {
    setState({ status: 'loading' });
    Promise.all([call('kinds.list', {}), call('settings.get', {}), call('ledger.years', {})]).then(
      ([kinds, settings, years]) => setState({ status: 'ready', kinds: [...kinds], settings, years: [...years] }),
      (err) => setState({ status: 'error', message: asApiError(err).message }),
    );
  }, []);
  useEffect(load, [load]);

  if (state.status === 'ready') {
    return (
      <LedgerProvider kinds={state.kinds} settings={state.settings} years={state.years}>
        {children}
      </LedgerProvider>
    );
  }
  return (
    <Center h="100vh">
      {state.status === 'loading' ? (
        <Loader size="sm" />
      ) : (
        <Stack align="center" w={420}>
          <Alert color="red" title="无法打开台账" w="100%">
            {state.message}
          </Alert>
          <Button variant="default" onClick={load}>
            重试
          </Button>
        </Stack>
      )}
    </Center>
  );
}
