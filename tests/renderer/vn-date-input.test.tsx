// @vitest-environment jsdom
import { useState } from 'react'
import { VnDateInput } from '../../src-renderer/ui/VnDateInput'
import { render, screen } from '../utils/render'

function Field({ initial = null, seen }: { initial?: string | null; seen: Array<string | null> }) {
  const [v, setV] = useState<string | null>(initial)
  return (
    <>
      <VnDateInput label="Ngày quyết định" value={v} onChange={(d) => { seen.push(d); setV(d) }} />
      <output data-testid="stored">{v ?? ''}</output>
      <button type="button">khác</button>
    </>
  )
}

describe('VnDateInput', () => {
  it('takes eight digits typed day first and shows them as dd/mm/yyyy', async () => {
    const seen: Array<string | null> = []
    const { user } = render(<Field seen={seen} />)
    const input = screen.getByLabelText('Ngày quyết định')
    expect(input).toHaveAttribute('placeholder', 'dd/mm/yyyy')
    await user.type(input, '15032026')
    await user.click(screen.getByRole('button', { name: 'khác' }))
    expect(screen.getByTestId('stored')).toHaveTextContent('2026-03-15')
    expect(input).toHaveValue('15/03/2026')
  })

  it('accepts 31/12/2026 typed with slashes', async () => {
    const { user } = render(<Field seen={[]} />)
    const input = screen.getByLabelText('Ngày quyết định')
    await user.type(input, '31/12/2026')
    await user.click(screen.getByRole('button', { name: 'khác' }))
    expect(screen.getByTestId('stored')).toHaveTextContent('2026-12-31')
    expect(input).toHaveValue('31/12/2026')
  })

  it('shows a stored day the Vietnamese way', () => {
    render(<Field initial="2026-06-20" seen={[]} />)
    expect(screen.getByLabelText('Ngày quyết định')).toHaveValue('20/06/2026')
  })

  it('refuses a day that does not exist, says so, and empties the value instead of keeping the old one', async () => {
    const seen: Array<string | null> = []
    const { user } = render(<Field initial="2026-06-20" seen={seen} />)
    const input = screen.getByLabelText('Ngày quyết định')
    await user.clear(input)
    await user.type(input, '31022026')
    await user.click(screen.getByRole('button', { name: 'khác' }))
    expect(screen.getByText(/«31022026» không phải là ngày hợp lệ/)).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveValue('31022026')
    expect(screen.getByTestId('stored')).toHaveTextContent('')
    expect(seen.at(-1)).toBe('')
    // Month first (US order) is not guessed either.
    await user.clear(input)
    await user.type(input, '03/15/2026')
    expect(screen.getByText(/«03\/15\/2026» không phải là ngày hợp lệ/)).toBeInTheDocument()
  })
})
