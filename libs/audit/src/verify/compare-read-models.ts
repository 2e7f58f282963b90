import type { ReadModelDocuments } from '../replay/read-model-documents';
import { READ_MODEL_NAMES } from '../replay/read-model-documents';
import { type DocumentDifference, diffCollection } from './diff-documents';

/** Every document and field in which the store differs from the replay, collection by collection. */
export const compareReadModels = (current: ReadModelDocuments, replayed: ReadModelDocuments, collections = READ_MODEL_NAMES): DocumentDifference[] =>
  collections.flatMap((name) => diffCollection(name, current[name], replayed[name]));
