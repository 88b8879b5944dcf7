export { ClauseSchema, parseClauses, type Clause } from './clauses.js';
export {
  CorpusManifestSchema,
  PolicyDocumentManifestSchema,
  DocumentStatusSchema,
  documentStatus,
  describeValidity,
  type CorpusManifest,
  type PolicyDocumentManifest,
  type DocumentStatus,
} from './manifest.js';
export { buildCorpus, loadCorpus, type Corpus, type PolicyDocument } from './load.js';
