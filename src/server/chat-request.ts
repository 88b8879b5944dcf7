import { z } from 'zod';
import { ChatRequestSchema } from '../assistant/response.js';

/** A lone UTF-16 surrogate: JSON can carry one, but it cannot be stored or sent back as it was received. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Something a person can read: not whitespace, not a format character (zero-width space, joiner, BOM, …). */
const VISIBLE = /[^\s\p{Cf}\p{Z}]/u;

/** Whether any string in a parsed JSON value holds a lone surrogate. */
export function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
  }
  return false;
}

export const LONE_SURROGATE_MESSAGE = 'text must be well-formed Unicode: a lone surrogate (\\uD800–\\uDFFF) cannot be stored as sent';

/** A chat request as both doors (HTTP and WebSocket) accept it: the assistant's schema, and text a person could have typed. */
export const ChatBodySchema = ChatRequestSchema.superRefine((request, context) => {
  if (!VISIBLE.test(request.message)) {
    context.addIssue({ code: 'custom', path: ['message'], message: 'message must contain visible characters, not only spaces or zero-width characters' });
  }
  if (hasLoneSurrogate(request)) context.addIssue({ code: 'custom', path: ['message'], message: LONE_SURROGATE_MESSAGE });
});
