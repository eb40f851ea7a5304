/**
 * Root of the clerk's UI: Mantine (zh-CN dates), the loaded kind definitions and settings,
 * the shell (header with the year switcher, left menu) and the hash-routed page.
 */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { AppShell, Group, MantineProvider, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { theme } from './theme';
import { useRoute, type Route } from './router';
import { Boot } from './shell/boot';
import { NavMenu } from './shell/nav-menu';
import { YearSwitcher } from './shell/year-switcher';
import { GlobalSearch } from './shell/global-search';
import { ToastProvider } from './state/toast';
import { useLedger } from './state/ledger';
import { HomePage } from './home/home-page';
import { KindPage } from './records/kind-page';
import { TrashPage } from './trash/trash-page';
import { SettingsPage } from './settings/settings-page';
import { ReportPage } from './report/report-page';
import { DataPage } from './records/excel/data-page';
import { FiguresPage } from './figures/figures-page';
import { BackupPage } from './backup/backup-page';
import { HelpPage } from './help/help-page';
import { AboutPage } from './about/about-page';
import { HeaderBackupReminder } from './lib/backup-reminder';
import { NotFound } from './shell/not-found';
import { UnsavedGuardHost } from './shell/unsaved-guard-host';
import { useShortcuts } from './shell/shortcuts';
import { JobProgress } from './shell/job-progress';

dayjs.locale('zh-cn');

export function App() {
  return (
    <MantineProvider theme={theme} forceColorScheme="light">
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <ToastProvider>
          <Boot>
            <Shell />
          </Boot>
        </ToastProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { settings } = useLedger();
  useShortcuts();
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md" style={{ background: 'var(--mantine-color-gov-9)', borderBottom: 0 }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap={10} wrap="nowrap">
            <div className="brand-mark">法</div>
            <Text fw={600} c="white" size="lg">
              法治台账
            </Text>
            {settings.town && (
              <Text c="gov.1" size="sm">
                {settings.county}
                {settings.town}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <HeaderBackupReminder hidden={route.name === 'backup'} />
            <GlobalSearch />
            <YearSwitcher />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <NavMenu route={route} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Page route={route} />
      </AppShell.Main>
      <UnsavedGuardHost />
      <JobProgress />
    </AppShell>
  );
}

function Page({ route }: { route: Route }) {
  const { kindById } = useLedger();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'trash':
      return <TrashPage />;
    case 'settings':
      return <SettingsPage />;
    case 'report':
      return <ReportPage />;
    case 'figures':
      return <FiguresPage />;
    case 'backup':
      return <BackupPage />;
    case 'data':
      return <DataPage />;
    case 'help':
      return <HelpPage />;
    case 'about':
      return <AboutPage />;
    case 'kind': {
      const kind = kindById.get(route.kind);
      // Keyed by kind so filters, sorting and paging start fresh on every ledger.
      return kind ? (
        <KindPage
          key={kind.id}
          kind={kind}
          openRecord={route.record}
          search={route.search}
          filters={route.filters}
          prefill={route.prefill}
          month={route.month}
        />
      ) : (
        <NotFound />
      );
    }
  }
}
