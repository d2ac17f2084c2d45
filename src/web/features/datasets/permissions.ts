import { can } from '../../../core/policy/index.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';
import type { Dataset } from './queries.ts';

type DatasetAction = 'dataset.read' | 'dataset.update' | 'dataset.manage_members' | 'dataset.delete';

/** What the dataset's `myRole` lets `me` do (workspace Admins act as its Admin). */
export const mayOnDataset = (me: User, dataset: Pick<Dataset, 'id' | 'myRole'>, action: DatasetAction) =>
  can(actorOf(me), action, { kind: 'dataset', id: dataset.id, role: dataset.myRole });
