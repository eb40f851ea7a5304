/**
 * Form state shared by every form of the app: values, the fields the clerk has changed and then
 * left (only those get quick hints, so a fresh form shows no red), and the core's per-field errors
 * from the last save (each cleared as its field is edited).
 */
import { useCallback, useRef, useState } from 'react';
import { fieldErrors, type ApiErrorLike } from './api';

export type Values = Record<string, unknown>;

export function useFieldForm<V extends Values>(initial: V | (() => V), hint: (key: string, value: unknown) => string = () => '') {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiErrorLike | null>(null);
  const edited = useRef(new Set<string>());

  const set = useCallback((key: string, v: unknown) => {
    edited.current.add(key);
    setValues((old) => ({ ...old, [key]: v }));
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _drop, ...rest } = e;
      return rest;
    });
  }, []);
  const blur = useCallback((key: string) => {
    if (edited.current.has(key)) setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }, []);
  const error = (key: string): string | undefined => serverErrors[key] || (touched.has(key) ? hint(key, values[key]) : '') || undefined;
  const fail = useCallback((err: ApiErrorLike) => {
    setFailure(err);
    setServerErrors(fieldErrors(err));
  }, []);
  const clearFailure = useCallback(() => setFailure(null), []);
  return { values, setValues, set, blur, error, fail, failure, clearFailure };
}

export type FieldForm<V extends Values> = ReturnType<typeof useFieldForm<V>>;
