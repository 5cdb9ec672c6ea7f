import { VnDateInput } from '../../ui/VnDateInput'

/** The date fields of the inspection screens, in one place so they follow the office's date input. */
export function DateField({ label, value, onChange, error, testId }: { label: string; value: string; onChange: (day: string) => void; error?: string | undefined; testId?: string }) {
  return <VnDateInput label={label} value={value} onChange={onChange} error={error} data-testid={testId} />
}
