/**
 * A DateInput (YYYY-MM-DD, zh-cn calendar) that keeps what the clerk typed even when it is not a
 * real date (2023-02-30), so the form can say why instead of silently dropping it.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { isRealDate, normalizeDateText, parseDateText } from './date-text';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void };

export function DateField({ value, onChange, onBlur, onClick, onKeyDown, popoverProps, ...rest }: Props) {
  // The calendar is ours to open: DateInput pops it on focus, which covers the form when the cursor
  // starts here or Tab passes through. It opens on click or Alt+↓ (as a native select) instead.
  // While it is open, Esc closes only the calendar, not the dialog around it.
  const [open, setOpen] = useState(false);
  // DateInput keeps the text as typed (2023.12.5); once accepted, a fresh input shows it back as
  // 2023-12-05, so the clerk sees what was understood.
  const [generation, setGeneration] = useState(0);
  return (
    <DateInput
      key={generation}
      onBlur={(e) => {
        const text = e.currentTarget.value;
        if (text && parseDateText(text) && text !== parseDateText(text)) setGeneration((g) => g + 1);
        setOpen(false);
        onBlur?.(e);
      }}
      onClick={(e) => {
        setOpen(true);
        onClick?.(e);
      }}
      onKeyDown={(e) => {
        if (e.altKey && e.key === 'ArrowDown') {
          e.preventDefault();
          setOpen(true);
        } else if (e.key === 'Escape' || (e.altKey && e.key === 'ArrowUp')) setOpen(false);
        onKeyDown?.(e);
      }}
      valueFormat="YYYY-MM-DD"
      placeholder="年-月-日"
      clearable
      // The ✕ is for the mouse; from the keyboard the text is deleted. Otherwise Tab stops on it
      // between the date and the next field.
      clearButtonProps={{ tabIndex: -1, 'aria-label': '清除日期' }}
      fixOnBlur={false}
      dateParser={parseDateText}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      value={isRealDate(value) ? value : null}
      onChange={(v) => {
        // A day picked (or the field cleared) closes the calendar, as DateInput would.
        setOpen(false);
        onChange(v ?? '');
      }}
      // DateInput reports only parseable dates; anything else is passed on as typed (padded).
      onInput={(e) => {
        const text = e.currentTarget.value;
        if (!parseDateText(text)) onChange(normalizeDateText(text));
      }}
      popoverProps={{ withinPortal: true, ...popoverProps, opened: open, onClose: () => setOpen(false) }}
      data-mantine-stop-propagation={open ? 'true' : undefined}
      {...rest}
    />
  );
}
