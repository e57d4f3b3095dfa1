import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_BODY_REF, ERROR_DESCRIPTIONS, PUBLIC_EXTENSION } from '../common/api-docs';

/** What response-schemas.generator.ts writes (openapi-responses.json). */
export interface GeneratedResponses {
  schemas: Record<string, SchemaObject>;
  operations: Record<string, { status: number; schema: SchemaObject | null }>;
}

const FILE = 'openapi-responses.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const WRITES = new Set<string>(['post', 'put', 'patch', 'delete']);
const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

/** The error body of every error answer (libs/contracts ErrorBody). */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Stable machine code (libs/contracts ErrorCode)' },
    message: { type: 'string' },
    details: {
      type: 'object',
      properties: {
        fields: {
          type: 'array',
          items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

/**
 * The generated success schemas: beside the bundle (dist/apps/api, written by `npm run build:api`)
 * or beside this file (written by the test setup / `npm run openapi:generate`). Null when missing.
 */
export function loadGeneratedResponses(
  dirs = [__dirname, join(__dirname, 'openapi'), join(process.cwd(), 'apps/api/src/openapi')],
): GeneratedResponses | null {
  for (const dir of dirs) {
    const file = join(dir, FILE);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as GeneratedResponses;
  }
  return null;
}

const isRef = (r: ResponseObject | ReferenceObject | undefined): r is ReferenceObject => !!r && '$ref' in r;

/**
 * Completes the document Nest derives from the decorators, so that it is true for generated
 * clients: the success status with its body schema, the error statuses each kind of operation can
 * answer with the error body, and `security: []` on public operations.
 */
export function completeDocument(doc: OpenAPIObject, generated: GeneratedResponses | null): OpenAPIObject {
  if (!generated) new Logger('OpenAPI').warn(`${FILE} not found (npm run openapi:generate): the document has no success schemas`);
  const components = (doc.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(generated?.schemas ?? {})) {
    if (schemas[name]) throw new Error(`OpenAPI: the contract schema ${name} collides with a DTO of the same name`);
    schemas[name] = schema;
  }
  schemas['ErrorBody'] = ERROR_BODY_SCHEMA;

  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const ext = op as OperationObject & Record<string, unknown>;
      const isPublic = ext[PUBLIC_EXTENSION] === true;
      delete ext[PUBLIC_EXTENSION];
      if (isPublic) op.security = [];

      const responses = op.responses;
      const gen = op.operationId ? generated?.operations[op.operationId] : undefined;
      if (gen) {
        // A handler that documents its own success answers (a file, a redirect) keeps them; JSON
        // ones without a body schema get the generated one.
        if (!Object.keys(responses).some((s) => /^[23]\d\d$/.test(s))) responses[gen.status] = { description: '' };
        for (const [status, r] of Object.entries(responses)) {
          if (!/^2\d\d$/.test(status) || !r || isRef(r)) continue;
          if (!r.description) r.description = SUCCESS_DESCRIPTIONS[Number(status)] ?? 'Success';
          if (gen.schema && !r.content && status !== '204') r.content = { 'application/json': { schema: gen.schema } };
        }
      }

      const params = (op.parameters ?? []) as ParameterObject[];
      // every `:id`-like path parameter goes through ObjectIdPipe (400 otherwise)
      for (const p of params)
        if (p.in === 'path' && /^(id|[a-z]+Id)$/.test(p.name)) p.schema = { type: 'string', pattern: '^[0-9a-f]{24}$' };
      const errors = new Set<number>([503]);
      if (params.length > 0 || op.requestBody) errors.add(400);
      if (!isPublic) {
        errors.add(401);
        errors.add(403);
      }
      // a path id, or an id in the query or body (of a project, a resource, a user…) that is not there
      if (params.some((p) => p.in === 'path' || /id$/i.test(p.name)) || op.requestBody) errors.add(404);
      // writes: a conflict with the current state; 403 ORIGIN_NOT_ALLOWED from a foreign browser
      // origin and 415 for form-encoded bodies (common/request-guards.middleware.ts)
      if (WRITES.has(method)) for (const s of [403, 409, 415]) errors.add(s);
      if (op.requestBody) {
        errors.add(413);
        errors.add(415);
      }
      for (const s of Object.keys(responses)) if (/^[45]\d\d$/.test(s)) errors.add(Number(s));
      for (const status of errors) {
        const r = responses[status];
        const res: ResponseObject = isRef(r) ? { description: '' } : (r ?? { description: '' });
        if (!res.description) res.description = ERROR_DESCRIPTIONS[status] ?? 'Error';
        res.content ??= { 'application/json': { schema: { $ref: ERROR_BODY_REF } } };
        responses[status] = res;
      }
      op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return doc;
}
