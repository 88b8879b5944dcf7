export { LlmAnswerer, type LlmTurn, type LlmVerdict, type LlmAnswererOptions } from './llm-answerer.js';
export { createChatModel, loadPrompt } from './chat-model.js';
export { checkFigures, statedFigures, type StatedFigure, type FigureCheck } from './numeric-guard.js';
export { createPolicyTools, ToolLedger } from './policy-tools.js';
