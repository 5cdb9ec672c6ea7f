import { Alert, Loader } from '@mantine/core'
import { useQuery } from '../../api/context'
import { ProducerForm } from './ProducerForm'

/** The edit form at its own address (`#/producers/42/edit`): loads the producer, so a reload keeps the form open. */
export function ProducerEdit({ id, defaultProvince, onDone }: { id: number; defaultProvince: string | null; onDone: (id: number) => void }) {
  const q = useQuery('producers.get', { id })
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data || q.data.id !== id) return <Loader />
  return <ProducerForm initial={q.data} defaultProvince={defaultProvince} onSaved={(p) => onDone(p.id)} onCancel={() => onDone(id)} />
}
