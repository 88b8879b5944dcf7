import type { AppConfig } from './config.js';
import { loadCorpus, type Corpus } from './corpus/index.js';
import { openPolicyRetrieval, type PolicyRetrieval } from './retrieval/index.js';

/** What every entry point (server, CLI scripts, evals, tests) needs: the corpus and its retrieval. */
export interface PolicyCore {
  config: AppConfig;
  corpus: Corpus;
  retrieval: PolicyRetrieval;
}

/** Loads the corpus and opens retrieval; logs one line saying whether retrieval is hybrid or lexical only. */
export async function openPolicyCore(config: AppConfig, log: (line: string) => void = console.error): Promise<PolicyCore> {
  const corpus = loadCorpus(config.corpusDir);
  const retrieval = await openPolicyRetrieval(corpus, {
    modelDir: config.modelDir,
    requireModel: config.requireModel,
    indexDir: config.indexDir,
  });
  log(retrieval.status);
  return { config, corpus, retrieval };
}
