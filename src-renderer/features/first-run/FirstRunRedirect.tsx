import { Redirect } from 'wouter'
import { useQuery } from '../../api/context'

/** On the dashboard: an empty database that was never set up opens Thiết lập ban đầu instead of a page of zeros. */
export function FirstRunRedirect() {
  const status = useQuery('settings.firstRun', {})
  return status.data?.needed ? <Redirect to="~/setup" replace /> : null
}
