import { TextInput } from '@mantine/core'

/** The date fields of the inspection screens, in one place so they follow the office's date input. */
export function DateField({ label, value, onChange, error, testId }: { label: string; value: string; onChange: (day: string) => void; error?: string | undefined; testId?: string }) {
  return <TextInput label={label} placeholder="YYYY-MM-DD" value={value} onChange={(e) => onChange(e.currentTarget.value.trim())} error={error} data-testid={testId} />
}
