import { READ_MODELS } from '@ledger/projections';
import type { ReadDocument, ReadStore } from '@ledger/read-store';
import { type ReadModelDocuments, READ_MODEL_NAMES, emptyReadModelDocuments } from '../replay/read-model-documents';
import { byId } from './diff-documents';

/** Every read-model document of one account, as the store holds it. */
export async function loadAccountReadModels(readStore: ReadStore, accountId: string): Promise<ReadModelDocuments> {
  const documents = emptyReadModelDocuments();
  for (const name of READ_MODEL_NAMES) {
    const collection = readStore.collection<ReadDocument>(name);
    if (name === READ_MODELS.plans) {
      const plan = await collection.get(accountId);
      if (plan) documents[name].set(plan._id, plan);
    } else {
      documents[name] = byId(await collection.find({ accountId }));
    }
  }
  return documents;
}

/** Every read-model document in the store (verify and rebuild compare whole collections). */
export async function loadAllReadModels(readStore: ReadStore): Promise<ReadModelDocuments> {
  const documents = emptyReadModelDocuments();
  for (const name of READ_MODEL_NAMES) documents[name] = byId(await readStore.collection<ReadDocument>(name).find({}));
  return documents;
}
