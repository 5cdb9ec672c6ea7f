import { Alert, Badge, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'

export interface CriteriaSearchProps {
  /** Called with the set and criterion of a chosen hit. */
  onOpen: (setId: string, criterionCode: string) => void
}

/** Search across every set's criteria, options and notes; diacritics are ignored by the server. */
export function CriteriaSearch({ onOpen }: CriteriaSearchProps) {
  const { t } = useTranslation('criteria')
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 250)
  const active = query.length >= 2
  const hits = useQuery('criteria.search', { query, limit: 300 }, { skip: !active })
  return (
    <Stack gap="xs">
      <TextInput
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        aria-label={t('search.label')}
      />
      {active && hits.error ? <Alert color="red">{hits.error.message}</Alert> : null}
      {active && hits.data ? (
        <Stack gap={4} data-testid="search-results" aria-live="polite">
          <Text size="sm" c="dimmed">
            {t('search.count', { count: hits.data.length })}
          </Text>
          {hits.data.map((h, i) => (
            <UnstyledButton
              key={`${h.setId}-${h.criterionCode}-${h.optionId ?? ''}-${i}`}
              onClick={() => onOpen(h.setId, h.criterionCode)}
              data-hit={`${h.setId}:${h.criterionCode}`}
              p={6}
              style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Badge size="xs" variant="light" mr={6}>
                {t('search.setNo', { no: h.setNo })}
              </Badge>
              <Text span size="sm" fw={600}>
                {h.criterionCode}. {h.criterionText}
              </Text>
              {h.matchedText !== h.criterionText ? (
                <Text size="xs" c="dimmed">
                  {h.matchedText}
                </Text>
              ) : null}
            </UnstyledButton>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}
