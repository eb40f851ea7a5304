/**
 * What every screen shares: the kind definitions and settings (loaded once), the working year,
 * and a version counter that each write bumps so counts and lists reload.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call, type KindDef, type Settings } from '../lib/api';
import { currentYear, openingYear, saveYear, storedYear, yearOptions } from './year';

interface Ledger {
  kinds: readonly KindDef[];
  kindById: ReadonlyMap<string, KindDef>;
  settings: Settings;
  setSettings: (s: Settings) => void;
  year: number;
  setYear: (y: number) => void;
  years: number[];
  /** Record counts per kind for the working year (null while loading). */
  stats: Record<string, number> | null;
  /** Bumped after every write; effects that read records depend on it. */
  version: number;
  changed: () => void;
  /** After the whole ledger was replaced (恢复): settings read again, and every count and list. */
  reload: () => Promise<void>;
}

const LedgerContext = createContext<Ledger | null>(null);

export function useLedger(): Ledger {
  const l = useContext(LedgerContext);
  if (!l) throw new Error('useLedger outside LedgerProvider');
  return l;
}

export function LedgerProvider(props: { kinds: readonly KindDef[]; settings: Settings; years: readonly number[]; children: ReactNode }) {
  const [settings, setSettings] = useState(props.settings);
  const [year, setYearState] = useState(() => openingYear(storedYear(), props.years, currentYear()));
  const [version, setVersion] = useState(0);
  const [withRecords, setWithRecords] = useState<number[]>([...props.years]);
  const [stats, setStats] = useState<Record<string, number> | null>(null);
  const [kinds, setKinds] = useState(props.kinds);
  const kindsWordedFor = useRef(props.settings.townType);

  const setYear = useCallback((y: number) => {
    saveYear(y);
    setYearState(y);
  }, []);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const reload = useCallback(async () => {
    setSettings(await call('settings.get', {}));
    changed();
  }, [changed]);

  useEffect(() => {
    call('ledger.years', {}).then(setWithRecords, () => {});
  }, [version]);
  useEffect(() => {
    let live = true;
    call('ledger.stats', { year }).then(
      (s) => live && setStats(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [year, version]);

  // The core words level options for the ledger's 乡镇类型 (依法治乡… for a 乡); when 设置 or a
  // restore changes the type, the kinds are asked for again.
  useEffect(() => {
    if (settings.townType === kindsWordedFor.current) return;
    let live = true;
    call('kinds.list', {}).then(
      (k) => {
        if (!live) return;
        kindsWordedFor.current = settings.townType;
        setKinds(k);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [settings.townType]);

  const value = useMemo<Ledger>(
    () => ({
      kinds,
      kindById: new Map(kinds.map((k) => [k.id, k])),
      settings,
      setSettings,
      year,
      setYear,
      years: yearOptions(withRecords, year),
      stats,
      version,
      changed,
      reload,
    }),
    [kinds, settings, year, setYear, withRecords, stats, version, changed, reload],
  );
  return <LedgerContext.Provider value={value}>{props.children}</LedgerContext.Provider>;
}
