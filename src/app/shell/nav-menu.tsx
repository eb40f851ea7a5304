/** The left menu: 首页, 年度报告 and 自定义指标, every ledger kind by group with the year's count, then 回收站, 导入导出, 备份与恢复, 设置, 帮助 (F1) and 关于与诊断. */
import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { IconBackup, IconFigures, IconHelp, IconHome, IconInfo, IconReport, IconSettings, IconSheet, IconTrash } from '../icons';
import { hrefFor, type Route } from '../router';
import { useLedger } from '../state/ledger';
import { groupKinds } from '../lib/nav-groups';

export function NavMenu({ route }: { route: Route }) {
  const { kinds, stats } = useLedger();
  const link = { py: 4, px: 12 } as const;
  return (
    <>
      <AppShell.Section>
        <NavLink {...link} href={hrefFor({ name: 'home' })} label="首页" leftSection={<IconHome />} active={route.name === 'home'} />
        <NavLink
          {...link}
          href={hrefFor({ name: 'report' })}
          label="年度报告"
          leftSection={<IconReport />}
          active={route.name === 'report'}
        />
        <NavLink
          {...link}
          href={hrefFor({ name: 'figures' })}
          label="自定义指标"
          leftSection={<IconFigures />}
          active={route.name === 'figures'}
        />
      </AppShell.Section>
      {/* type="auto": when a small screen cannot hold every entry, the scrollbar stays in sight. */}
      <AppShell.Section grow component={ScrollArea} scrollbarSize={6} type="auto">
        <nav aria-label="台账">
          {groupKinds(kinds).map((g) => (
            <div key={g.label}>
              <div className="nav-group-label">{g.label}</div>
              {g.kinds.map((k) => (
                <NavLink
                  className="nav-kind"
                  py={1}
                  pl={26}
                  key={k.id}
                  href={hrefFor({ name: 'kind', kind: k.id })}
                  label={k.label}
                  active={route.name === 'kind' && route.kind === k.id}
                  rightSection={
                    stats && stats[k.id] ? (
                      <Text size="xs" c="dimmed" className="nav-count">
                        {stats[k.id]}
                      </Text>
                    ) : null
                  }
                />
              ))}
            </div>
          ))}
        </nav>
      </AppShell.Section>
      <AppShell.Section style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} py={4}>
        <NavLink {...link} href={hrefFor({ name: 'trash' })} label="回收站" leftSection={<IconTrash />} active={route.name === 'trash'} />
        <NavLink {...link} href={hrefFor({ name: 'data' })} label="导入导出" leftSection={<IconSheet />} active={route.name === 'data'} />
        <NavLink
          {...link}
          href={hrefFor({ name: 'backup' })}
          label="备份与恢复"
          leftSection={<IconBackup />}
          active={route.name === 'backup'}
        />
        <NavLink
          {...link}
          href={hrefFor({ name: 'settings' })}
          label="设置"
          leftSection={<IconSettings />}
          active={route.name === 'settings'}
        />
        <NavLink {...link} href={hrefFor({ name: 'help' })} label="帮助（F1）" leftSection={<IconHelp />} active={route.name === 'help'} />
        <NavLink
          {...link}
          href={hrefFor({ name: 'about' })}
          label="关于与诊断"
          leftSection={<IconInfo />}
          active={route.name === 'about'}
        />
      </AppShell.Section>
    </>
  );
}
