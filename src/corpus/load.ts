import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClauses, type Clause } from './clauses.js';
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
  /** sha256 over manifest and texts: the vector index is rebuilt when it changes. */
  contentHash: string;
}

/** Builds a corpus from already-read manifest JSON and texts (pure; the caller does the I/O). */
export function buildCorpus(manifestJson: unknown, readText: (file: string) => string): Corpus {
  const manifest = CorpusManifestSchema.parse(manifestJson);
  const hash = createHash('sha256').update(JSON.stringify(manifest));
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
    contentHash: hash.digest('hex'),
  };
}

/** Reads `manifest.json` and the texts it names from a corpus folder. */
export function loadCorpus(corpusDir: string): Corpus {
  const manifestJson: unknown = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8'));
  return buildCorpus(manifestJson, (file) => readFileSync(join(corpusDir, file), 'utf8'));
}
