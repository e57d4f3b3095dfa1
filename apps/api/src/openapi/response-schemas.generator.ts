// Builds the success-response schemas of the OpenAPI document from the controllers' declared
// return types (which are the contract interfaces of libs/contracts): the TypeScript checker
// resolves each handler's `Promise<...>` and writes it as JSON Schema (OpenAPI 3.0 dialect) to
// openapi-responses.json, which openapi/document.ts merges into the document at start-up.
//
//   npm run openapi:generate      (= ts-node … response-schemas.generator.ts [out-file])
//
// The file is derived, never committed (.gitignore): `npm run build:api` writes it beside the bundle
// (dist/apps/api), the test global setup writes it into this folder before the app starts, so the
// document always follows the code. Not loaded by the running app.
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

export type JsonSchema = { [key: string]: unknown };

export interface GeneratedResponses {
  /** Named contract shapes, referenced as `#/components/schemas/<name>`. */
  schemas: Record<string, JsonSchema>;
  /** By operationId (`<Controller>_<method>`): the success status and body (null: no JSON body). */
  operations: Record<string, { status: number; schema: JsonSchema | null }>;
}

const ROOT = resolve(__dirname, '../../../..');
export const GENERATED_NAME = 'openapi-responses.json';
export const GENERATED_FILE = join(__dirname, GENERATED_NAME);
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);

const decorators = (node: ts.Node): readonly ts.Decorator[] => (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []);
const decoratorName = (d: ts.Decorator): string =>
  ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText();
const decoratorNames = (node: ts.Node): string[] => decorators(node).map(decoratorName);

/** `@HttpCode(204)` / `@HttpCode(HttpStatus.NO_CONTENT)`, else Nest's default: 201 for POST, 200 otherwise. */
function successStatus(m: ts.MethodDeclaration, checker: ts.TypeChecker): number {
  for (const d of decorators(m)) {
    if (decoratorName(d) !== 'HttpCode' || !ts.isCallExpression(d.expression)) continue;
    const arg = d.expression.arguments[0];
    if (arg && ts.isNumericLiteral(arg)) return Number(arg.text);
    if (arg && ts.isPropertyAccessExpression(arg)) {
      const v = checker.getConstantValue(arg);
      if (typeof v === 'number') return v;
    }
    throw new Error(`${m.getSourceFile().fileName}: cannot read @HttpCode(${arg?.getText() ?? ''})`);
  }
  return decoratorNames(m).includes('Post') ? 201 : 200;
}

class SchemaWriter {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly named = new Map<ts.Symbol, string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** null: no body (void / undefined). */
  body(type: ts.Type): JsonSchema | null {
    if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return null;
    return this.schema(type, 0);
  }

  private schema(type: ts.Type, depth: number): JsonSchema {
    if (depth > 25) return {};
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [(type as { intrinsicName?: string }).intrinsicName === 'true'] };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.union(type.types, depth);
    return this.object(type, depth);
  }

  private union(types: readonly ts.Type[], depth: number): JsonSchema {
    const nullable = types.some((t) => t.flags & ts.TypeFlags.Null);
    let rest = types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const bools = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const withNull = (s: JsonSchema): JsonSchema => (nullable ? { ...s, nullable: true } : s);
    let parts: JsonSchema[] = [];
    if (bools.length === 2) {
      parts.push({ type: 'boolean' });
      rest = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    }
    const strings = rest.filter((t) => t.flags & ts.TypeFlags.StringLiteral);
    if (strings.length === rest.length && strings.length > 0 && parts.length === 0) {
      return withNull({ type: 'string', enum: strings.map((t) => (t as ts.StringLiteralType).value) });
    }
    const numbers = rest.filter((t) => t.flags & ts.TypeFlags.NumberLiteral);
    if (numbers.length === rest.length && numbers.length > 0 && parts.length === 0) {
      return withNull({ type: 'number', enum: numbers.map((t) => (t as ts.NumberLiteralType).value) });
    }
    parts = [...parts, ...rest.map((t) => this.schema(t, depth + 1))];
    // a literal next to its widened type (`'a' | string`) adds nothing
    const unique = parts.filter((p, i) => parts.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
    if (unique.length === 0) return { nullable: true };
    if (unique.length === 1) return withNull(unique[0]!);
    return withNull({ anyOf: unique });
  }

  private nameOf(type: ts.Type): ts.Symbol | null {
    if (type.aliasSymbol) return type.aliasTypeArguments?.length ? null : type.aliasSymbol;
    const sym = type.getSymbol();
    if (!sym || !(sym.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return null;
    if ((type as ts.TypeReference).typeArguments?.length) return null;
    const decl = sym.declarations?.[0];
    if (!decl || decl.getSourceFile().fileName.includes('node_modules')) return null;
    return sym;
  }

  private object(type: ts.Type, depth: number): JsonSchema {
    const c = this.checker;
    if (c.isArrayType(type)) return { type: 'array', items: this.schema(c.getTypeArguments(type as ts.TypeReference)[0]!, depth + 1) };
    if (c.isTupleType(type)) {
      const items = c.getTypeArguments(type as ts.TypeReference).map((t) => this.schema(t, depth + 1));
      return { type: 'array', items: items.length === 1 ? items[0] : { anyOf: items } };
    }
    const symName = type.getSymbol()?.getName();
    if (symName === 'Date') return { type: 'string', format: 'date-time' };
    if (symName === 'ObjectId') return { type: 'string' };
    const named = this.nameOf(type);
    if (named) {
      let name = this.named.get(named);
      if (!name) {
        name = named.getName();
        for (let i = 2; this.schemas[name]; i++) name = `${named.getName()}${i}`;
        this.named.set(named, name);
        this.schemas[name] = {};
        this.schemas[name] = this.shape(type, depth);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return this.shape(type, depth);
  }

  private shape(type: ts.Type, depth: number): JsonSchema {
    const c = this.checker;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of c.getPropertiesOfType(type)) {
      const propType = c.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length > 0) continue;
      const optional =
        (prop.flags & ts.SymbolFlags.Optional) !== 0 ||
        (propType.isUnion() && propType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (propType.flags & ts.TypeFlags.Undefined) continue;
      properties[prop.getName()] = this.schema(propType, depth + 1);
      if (!optional) required.push(prop.getName());
    }
    const out: JsonSchema = { type: 'object', properties };
    if (required.length) out['required'] = required;
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index) out['additionalProperties'] = this.schema(index.type, depth + 1);
    return out;
  }
}

export function generateResponseSchemas(): GeneratedResponses {
  const configPath = join(ROOT, 'apps/api/tsconfig.app.json');
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
  const controllers = parsed.fileNames.filter((f) => f.endsWith('.controller.ts'));
  const program = ts.createProgram(controllers, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const operations: GeneratedResponses['operations'] = {};
  const files = program
    .getSourceFiles()
    .filter((sf) => controllers.includes(sf.fileName))
    .sort((a, b) => relative(ROOT, a.fileName).localeCompare(relative(ROOT, b.fileName)));
  for (const sf of files) {
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name || !decoratorNames(cls).includes('Controller')) continue;
      for (const m of cls.members) {
        if (!ts.isMethodDeclaration(m) || !decoratorNames(m).some((d) => HTTP_DECORATORS.has(d))) continue;
        const sig = checker.getSignatureFromDeclaration(m);
        if (!sig) continue;
        const ret = checker.getReturnTypeOfSignature(sig);
        const body = checker.getAwaitedType(ret) ?? ret;
        // StreamableFile and @Res() handlers write their own bodies; their decorators document them
        const streamed = body.getSymbol()?.getName() === 'StreamableFile';
        operations[`${cls.name.text}_${m.name.getText()}`] = {
          status: successStatus(m, checker),
          schema: streamed ? null : writer.body(body),
        };
      }
    }
  }
  const schemas = Object.fromEntries(Object.entries(writer.schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { schemas, operations };
}

/** Generates and writes the file; returns a one-line summary. */
export function writeResponseSchemas(file = GENERATED_FILE): string {
  const g = generateResponseSchemas();
  writeFileSync(file, `${JSON.stringify(g)}\n`);
  return `${Object.keys(g.operations).length} operations, ${Object.keys(g.schemas).length} schemas → ${relative(ROOT, resolve(file))}`;
}

if (require.main === module) {
  process.stdout.write(`openapi: ${writeResponseSchemas(process.argv[2] ? resolve(process.argv[2]) : GENERATED_FILE)}\n`);
}
