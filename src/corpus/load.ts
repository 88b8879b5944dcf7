import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClauses, type Clause } from './clauses.js';
import { compileGazetteer, PlacesNotCoveredSchema, type RegionGazetteer } from './gazetteer.js';
import { CorpusManifestSchema, type PolicyDocumentManifest } from './manifest.js';

export interface PolicyDocument extends PolicyDocumentManifest {
  /** The cleaned UTF-8 text every clause's offsets point into. */
  text: string;
}

/** The loaded corpus: documents, their clauses in document order, and a hash that changes with any of them. */
export interface Corpus {
  documents: PolicyDocument[];
  clauses: Clause[];
  documentById: ReadonlyMap<string, PolicyDocument>;
  clauseById: ReadonlyMap<string, Clause>;
  /** The regions' aliases (manifest) and the places no document covers, compiled once for `findRegions`. */
  gazetteer: RegionGazetteer;
  /** sha256 over the documents' manifest entries and texts: the vector index is rebuilt when it changes. */
  contentHash: string;
}

/** Builds a corpus from already-read manifest and places-not-covered JSON and texts (pure; the caller does the I/O). */
/**
 * Whether some document's title or short title contains these words (三年行动计划, 技改提升行动, 技术改造): said in a
 * question they name the documents, not a provision or topic inside one.
 */
export function inDocumentTitle(corpus: Pick<Corpus, 'documents'>, words: string): boolean {
  return corpus.documents.some((d) => d.title.includes(words) || d.shortTitle.includes(words) || Boolean(d.docNumber?.includes(words)));
}

export function buildCorpus(manifestJson: unknown, placesNotCoveredJson: unknown, readText: (file: string) => string): Corpus {
  const manifest = CorpusManifestSchema.parse(manifestJson);
  // Aliases are not hashed: naming a district does not change what the index embeds.
  const hash = createHash('sha256').update(JSON.stringify({ documents: manifest.documents }));
  const documents: PolicyDocument[] = manifest.documents.map((doc) => {
    const text = readText(doc.file).normalize('NFC');
    hash.update(doc.id).update('\0').update(text);
    return { ...doc, text };
  });
  const clauses = documents.flatMap((doc) => parseClauses(doc.id, doc.text));
  return {
    documents,
    clauses,
    documentById: new Map(documents.map((d) => [d.id, d])),
    clauseById: new Map(clauses.map((c) => [c.id, c])),
    gazetteer: compileGazetteer(manifest, PlacesNotCoveredSchema.parse(placesNotCoveredJson),
      // (Catalogues only, 《…指导目录》: a plan or a measure the documents cite is still a document not here.)
      documents.flatMap((d) => [...d.text.matchAll(/《([^》]{4,60}(?:目录|名录))》/g)].map((m) => m[1] ?? ''))),
    contentHash: hash.digest('hex'),
  };
}

/** Reads `manifest.json`, `places-not-covered.json` and the texts the manifest names from a corpus folder. */
export function loadCorpus(corpusDir: string): Corpus {
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(corpusDir, file), 'utf8'));
  return buildCorpus(readJson('manifest.json'), readJson('places-not-covered.json'), (file) => readFileSync(join(corpusDir, file), 'utf8'));
}
