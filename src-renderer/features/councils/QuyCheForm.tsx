import { Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { MARKER_POLICIES } from '../../../src-main/shared/quy-che'
import type { CouncilForm } from './councilForm'

/** The council's Quy chế settings, each with what it means and its default, as the rating engine reads them. */
export function QuyCheForm({ form }: { form: CouncilForm }) {
  const { t } = useTranslation('councils')
  return (
    <Paper withBorder p="md" data-testid="quy-che">
      <Stack gap="sm">
        <Title order={4}>{t('quyChe.title')}</Title>
        <Text size="sm" c="dimmed">{t('quyChe.intro')}</Text>
        <div>
          <Text size="sm" fw={500}>{t('quyChe.quorum')}</Text>
          <Group gap="xs" align="flex-start">
            <NumberInput w={110} min={1} allowDecimal={false} label={t('quyChe.quorumNumerator')} {...form.getInputProps('quyChe.quorum.numerator')} />
            <Text pt={28}>/</Text>
            <NumberInput w={110} min={1} allowDecimal={false} label={t('quyChe.quorumDenominator')} {...form.getInputProps('quyChe.quorum.denominator')} />
          </Group>
          {form.errors['quyChe.quorum'] ? <Text size="xs" c="red">{form.errors['quyChe.quorum']}</Text> : null}
          <Text size="xs" c="dimmed">{t('quyChe.quorumHelp')}</Text>
        </div>
        <Switch
          label={t('quyChe.chairMustAttend')}
          description={t('quyChe.chairMustAttendHelp')}
          {...form.getInputProps('quyChe.chairMustAttend', { type: 'checkbox' })}
        />
        <Switch
          label={t('quyChe.secretaryScores')}
          description={t('quyChe.secretaryScoresHelp')}
          {...form.getInputProps('quyChe.secretaryScores', { type: 'checkbox' })}
        />
        <NumberInput
          w={360}
          min={0}
          max={100}
          decimalScale={1}
          decimalSeparator=","
          label={t('quyChe.spreadLimit')}
          description={t('quyChe.spreadLimitHelp')}
          {...form.getInputProps('quyChe.spreadLimit')}
        />
        <NativeSelect
          w={520}
          label={t('quyChe.markerPolicy')}
          description={t('quyChe.markerPolicyHelp')}
          data={MARKER_POLICIES.map((p) => ({ value: p, label: t(`quyChe.markerPolicies.${p}`) }))}
          {...form.getInputProps('quyChe.markerPolicy')}
        />
        <NumberInput
          w={360}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          label={t('quyChe.boundaryMargin')}
          description={t('quyChe.boundaryMarginHelp')}
          {...form.getInputProps('quyChe.boundaryMargin')}
        />
      </Stack>
    </Paper>
  )
}
