import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body that is not the JSON the route wants (HTTP 400). */
export class BadRequest extends Error {
  override readonly name = 'BadRequest';
}

/** A JSON object body. */
export type Body = Record<string, unknown>;

const LIMIT = 1_000_000;

/** The request's JSON object body ({} when empty). */
export async function readJson(req: IncomingMessage): Promise<Body> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > LIMIT) throw new BadRequest('the body is too large');
  }
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest('the body must be a JSON object');
  }
  return body as Body;
}

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Answers with `text` of content type `type`, never cached. */
export function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(text);
}

/** An optional string field (null counts as absent). */
export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadRequest(`${key} must be a string`);
  return value;
}

/** A required non-empty string field. */
export function requiredString(body: Body, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === '') throw new BadRequest(`${key} is required`);
  return value;
}

/** An optional number field. */
export function optionalNumber(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new BadRequest(`${key} must be a number`);
  return value;
}

/** A required boolean field. */
export function requiredBoolean(body: Body, key: string): boolean {
  const value = body[key];
  if (typeof value !== 'boolean') throw new BadRequest(`${key} must be true or false`);
  return value;
}

/** An optional array of strings. */
export function optionalStrings(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new BadRequest(`${key} must be an array of strings`);
  }
  return value as string[];
}

/** An optional object of string values. */
export function optionalStringRecord(body: Body, key: string): Record<string, string> | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequest(`${key} must be an object`);
  }
  if (Object.values(value).some((item) => typeof item !== 'string')) {
    throw new BadRequest(`${key} values must be strings`);
  }
  return value as Record<string, string>;
}
