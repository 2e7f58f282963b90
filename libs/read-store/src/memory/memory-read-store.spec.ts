import { describeReadStoreContract } from '../contract/read-store.contract';
import { MemoryReadStore } from './memory-read-store';

describeReadStoreContract(
  'in memory',
  async ({ clock }) => new MemoryReadStore({ clock }),
  (store) => store.close(),
);
