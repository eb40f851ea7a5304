import { TextInput } from '@mantine/core';

/**
 * The words printed around a placeholder (its template, “{值}” standing for the number): kept with
 * the number so that its zero wording replaces them too. Shown so that no printed word is hidden.
 */
export function TemplateInput({ value, onChange }: { value: string | undefined; onChange(v: string | undefined): void }) {
  return (
    <TextInput
      size="xs"
      label="前后文字"
      description="“{值}”处写数值，如：制定行政规范性文件{值}"
      placeholder="{值}"
      maxLength={200}
      value={value ?? ''}
      error={value && !value.includes('{值}') ? '缺少“{值}”，数值不会印出' : undefined}
      onChange={(e) => onChange(e.currentTarget.value && e.currentTarget.value !== '{值}' ? e.currentTarget.value : undefined)}
    />
  );
}
