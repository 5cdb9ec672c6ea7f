import { Switch } from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Kept per device (localStorage), not in the shared DB: one office PC may need large text, another not. */
export const LARGE_TEXT_KEY = 'ocop.largeText'
/** Mantine sizes are in rem: scaling the root font scales text, inputs and spacing together. */
const LARGE_ROOT = '118.75%'

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useLocalStorage<boolean>({ key: LARGE_TEXT_KEY, defaultValue: false, getInitialValueInEffect: false })
  useEffect(() => {
    document.documentElement.style.fontSize = on ? LARGE_ROOT : ''
    document.documentElement.dataset.largeText = on ? 'true' : 'false'
  }, [on])
  return [on, setOn]
}

/** "Chữ lớn" in the header, for older members and offices. */
export function LargeTextSwitch() {
  const { t } = useTranslation('office')
  const [on, setOn] = useLargeText()
  return <Switch label={t('largeText')} checked={on} onChange={(e) => setOn(e.currentTarget.checked)} data-testid="large-text" />
}
