/**
 * A DateInput (YYYY-MM-DD, zh-cn calendar) that keeps what the clerk typed even when it is not a
 * real date (2023-02-30), so the form can say why instead of silently dropping it.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { isRealDate, normalizeDateText, parseDateText } from './date-text';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void };

export function DateField({ value, onChange, popoverProps, ...rest }: Props) {
  // While the calendar is open, Esc closes only the calendar, not the dialog around it.
  const [open, setOpen] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="年-月-日"
      clearable
      fixOnBlur={false}
      dateParser={parseDateText}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      value={isRealDate(value) ? value : null}
      onChange={(v) => onChange(v ?? '')}
      // DateInput reports only parseable dates; anything else is passed on as typed (padded).
      onInput={(e) => {
        const text = e.currentTarget.value;
        if (!parseDateText(text)) onChange(normalizeDateText(text));
      }}
      popoverProps={{ withinPortal: true, ...popoverProps, onOpen: () => setOpen(true), onClose: () => setOpen(false) }}
      data-mantine-stop-propagation={open ? 'true' : undefined}
      {...rest}
    />
  );
}
