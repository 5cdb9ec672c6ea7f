import { useEffect } from 'react'

/**
 * Puts the first field in error (document order) in view and gives it the keyboard focus, once React has drawn the
 * errors: a message only at the top of a long form, with the focus left on the button at the bottom, is missed.
 */
export function focusFirstError(root: ParentNode = document): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      const el = root.querySelector<HTMLElement>('[aria-invalid="true"]')
      if (!el) return
      el.scrollIntoView?.({ block: 'center' }) // absent in jsdom
      el.focus({ preventScroll: true })
    }, 0)
  )
}

/** Every form of the window: after a submit that left errors on fields, the first of them is focused. */
export function useFocusFirstErrorOnSubmit(): void {
  useEffect(() => {
    const onSubmit = (e: Event) => {
      if (e.target instanceof HTMLFormElement) focusFirstError(e.target)
    }
    document.addEventListener('submit', onSubmit, true)
    return () => document.removeEventListener('submit', onSubmit, true)
  }, [])
}
