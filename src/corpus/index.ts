export { ClauseSchema, clauseBody, parseClauses, sentencesOf, type Clause } from './clauses.js';
export {
  CorpusManifestSchema,
  PolicyDocumentManifestSchema,
  RegionManifestSchema,
  DocumentStatusSchema,
  documentStatus,
  describeValidity,
  type CorpusManifest,
  type PolicyDocumentManifest,
  type RegionManifest,
  type DocumentStatus,
} from './manifest.js';
export { PlacesNotCoveredSchema, compileGazetteer, documentNameText, type PlacesNotCovered, type RegionGazetteer } from './gazetteer.js';
export { buildCorpus, inDocumentTitle, loadCorpus, type Corpus, type PolicyDocument } from './load.js';
