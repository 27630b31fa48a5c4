import {
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { ANONYMOUS_QUERY_MAX_LENGTH } from '../../src/http-rate-limit';
import { Dice } from './dice';
import {
  BAD_BOOLEANS,
  BAD_DATE_TIMES,
  BAD_DATES,
  BAD_FLOATS,
  BAD_ID_TYPES,
  BAD_INTS,
  BAD_STRINGS,
  badEnumValues,
  REFUSED_CHARACTER_STRINGS,
  REFUSED_CHARACTERS,
  deeplyNested,
  deeplyNestedList,
  FORMAT_POISONS,
  MALFORMED_IDS,
  MULTIBYTE_OVERLONG_MAX,
  NOISE_DATE_TIMES,
  NOISE_DATES,
  NOISE_FLOATS,
  NOISE_INTS,
  NOISE_STRINGS,
  OVERLONG_LENGTHS,
  OVERLONG_UNITS,
  overlongString,
  POISON_FLOATS,
  POISON_INTS,
  RawJson,
  UNKNOWN_FIELDS,
} from './values';

/** configureHttp's JSON body limit ('100kb'); a larger body must be answered 413 before GraphQL sees it. */
const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * What a case must get back. GRAPHQL: refused before any resolver runs (HTTP 400: coercion,
 * parse or validation). SERVICE: type-valid, so a resolver runs and must refuse it (HTTP 200 with
 * a coded error). UNPARSABLE: not JSON, refused by the body parser (HTTP 400). OVERSIZE: a body
 * over the limit, refused by the body parser (HTTP 413).
 */
export type Expectation = 'GRAPHQL' | 'SERVICE' | 'UNPARSABLE' | 'OVERSIZE';

/** Who sends a case; the spec holds a token for each (none for anonymous). */
export type Caller =
  'admin' | 'coordinator' | 'host' | 'schoolContact' | 'organiser' | 'volunteer' | 'ownAccount' | 'anonymous' | 'malformedToken' | 'forgedToken';

const OTHER_CALLERS: readonly Caller[] = ['coordinator', 'host', 'schoolContact', 'organiser', 'volunteer', 'anonymous', 'malformedToken', 'forgedToken'];
const UNAUTHENTICATED_CALLERS: readonly Caller[] = ['anonymous', 'malformedToken', 'forgedToken'];

/**
 * Mutations on the caller's own account (logout, changePassword): a valid admin token sent there
 * could be revoked, so they get a token of their own whose password the generator never knows.
 */
const OWN_ACCOUNT_MUTATION = /logout|password/i;

export interface FuzzCase {
  index: number;
  mutation: string;
  expect: Expectation;
  /** What was broken on purpose, e.g. "input.title ← control character" */
  broken: string;
  /** For a type-valid break: the field and the value a service should name when it refuses. */
  target?: Target;
  caller: Caller;
  body: string;
}

export interface Target {
  field: string;
  value: unknown;
}

export interface GeneratorOptions {
  schema: GraphQLSchema;
  seed: number;
  casesPerMutation: number;
  /** Ids of existing rows by table, so inputs reach past the id checks to the field that is broken. */
  ids: Readonly<Record<string, readonly string[]>>;
}

type Path = (string | number)[];
type Mutation = GraphQLField<unknown, unknown>;

/** A place in a mutation's arguments that can be broken: an argument, an input field, a list element. */
interface Slot {
  path: Path;
  type: GraphQLInputType;
  /** The argument or field name (list elements keep their list's name). */
  name: string;
  /** Arguments and input fields may be left out; list elements may not. */
  omittable: boolean;
}

interface Breakage {
  apply(variables: Record<string, unknown>): void;
  broken: string;
  target?: Target;
}

/** Users, volunteers, buddies and hosts are all rows of app_user. */
const TABLE_ALIASES: Readonly<Record<string, string>> = { volunteer: 'app_user', buddy: 'app_user', host: 'app_user', user: 'app_user' };

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Generates `casesPerMutation` malformed requests for every mutation of the schema, plus one
 * oversize body each. Every case is refused by construction: it breaks exactly one thing in a way
 * the API must refuse (a type GraphQL rejects, an id that belongs to nothing, a control character,
 * a text longer than any rule allows, a number outside every range, a broken document, or no valid
 * token for an operation that needs one); every other field is plausible or odd-but-type-valid.
 */
export function generateCases(options: GeneratorOptions): FuzzCase[] {
  return new CaseGenerator(options).generate();
}

/** Every mutation of the schema, sorted by name. */
export function mutationsOf(schema: GraphQLSchema): Mutation[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));
}

class CaseGenerator {
  private readonly dice: Dice;
  private readonly tables: string[];
  private readonly allIds: string[];
  private readonly cases: FuzzCase[] = [];
  /** How many of a case's unbroken fields get sensible rather than odd values. */
  private sensibleShare = 0.7;

  constructor(private readonly options: GeneratorOptions) {
    this.dice = new Dice(options.seed);
    this.tables = Object.keys(options.ids).filter((table) => options.ids[table].length > 0);
    this.allIds = this.tables.flatMap((table) => options.ids[table]);
  }

  generate(): FuzzCase[] {
    for (const mutation of mutationsOf(this.options.schema)) {
      for (let i = 0; i < this.options.casesPerMutation; i++) this.cases.push(this.generateCase(mutation));
      this.cases.push(this.oversizeCase(mutation));
    }
    return this.cases;
  }

  private generateCase(mutation: Mutation): FuzzCase {
    // Some cases are sensible but for the one broken field, so they get as deep as a real request.
    this.sensibleShare = this.dice.pick([1, 0.8, 0.5]);
    const roll = this.dice.below(100);
    if (roll < 6) return this.requestCase(mutation);
    const variables = this.plausibleArguments(mutation);
    if (mutation.args.length === 0) {
      // Nothing to break but the caller: no valid token for an operation that needs one.
      return this.finish(mutation, 'SERVICE', { broken: 'no valid token', apply: () => undefined }, this.dice.pick(UNAUTHENTICATED_CALLERS), variables, false);
    }
    const slots = this.slotsOf(mutation, variables);
    const serviceSlots = slots.filter((slot) => this.servicePoisonable(slot));
    const typeSlots = slots.filter((slot) => this.typeBreakages(slot).length > 0);
    const { expect, breakage } =
      (roll < 66 && serviceSlots.length > 0) || typeSlots.length === 0
        ? this.serviceBreakage(this.dice.pick(serviceSlots))
        : { expect: 'GRAPHQL' as const, breakage: this.dice.pick(this.typeBreakages(this.dice.pick(typeSlots)))() };
    breakage.apply(variables);
    // 1e400 is Infinity in JSON but a Float literal GraphQL passes on as Infinity: such cases stay in variables.
    const inline = this.dice.chance(0.15) && !containsRaw(variables);
    return this.finish(mutation, expect, breakage, this.callerFor(mutation), variables, inline);
  }

  private callerFor(mutation: Mutation): Caller {
    if (OWN_ACCOUNT_MUTATION.test(mutation.name)) return this.dice.chance(0.8) ? 'ownAccount' : this.dice.pick(UNAUTHENTICATED_CALLERS);
    return this.dice.chance(0.75) ? 'admin' : this.dice.pick(OTHER_CALLERS);
  }

  /** Serialises a case; inline cases write the arguments as GraphQL literals instead of variables. */
  private finish(mutation: Mutation, expect: Expectation, breakage: Breakage, caller: Caller, variables: Record<string, unknown>, inline: boolean): FuzzCase {
    let broken = breakage.broken;
    const selection = isCompositeType(getNamedType(mutation.type)) ? ' { __typename }' : '';
    let query: string;
    let sentVariables: Record<string, unknown> = variables;
    if (inline) {
      const args = mutation.args.filter((arg) => Object.hasOwn(variables, arg.name)).map((arg) => `${arg.name}: ${literal(variables[arg.name], arg.type)}`);
      query = `mutation Fuzz { ${mutation.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
      sentVariables = {};
      // GraphQL string literals cannot carry a lone surrogate (JSON can): the document fails to parse.
      if (expect === 'SERVICE' && hasLoneSurrogate(variables)) expect = 'GRAPHQL';
      // A stranger's document longer than the public pages need is refused before GraphQL parses it.
      if (expect === 'SERVICE' && UNAUTHENTICATED_CALLERS.includes(caller) && query.length > ANONYMOUS_QUERY_MAX_LENGTH) expect = 'GRAPHQL';
      broken += ' (inline)';
    } else {
      const declarations = mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
      const args = mutation.args.map((arg) => `${arg.name}: $${arg.name}`);
      query = `mutation Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${mutation.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
    }
    return this.push(mutation, expect, broken, caller, writeJson({ query, variables: sentVariables }), breakage.target);
  }

  private push(mutation: Mutation, expect: Expectation, broken: string, caller: Caller, body: string, target?: Target): FuzzCase {
    const oversize = Buffer.byteLength(body) > BODY_LIMIT_BYTES;
    return { index: this.cases.length, mutation: mutation.name, expect: oversize ? 'OVERSIZE' : expect, broken, target, caller, body };
  }

  // --- plausible values: type-valid, mostly sensible, sometimes odd ---

  private plausibleArguments(mutation: Mutation): Record<string, unknown> {
    const variables: Record<string, unknown> = {};
    for (const arg of mutation.args) {
      if (isNonNullType(arg.type) || this.dice.chance(0.5))
        variables[arg.name] = this.plausible(arg.type, arg.name === 'id' ? this.idHint(mutation) : [arg.name]);
    }
    return variables;
  }

  /** What an `id` argument points at: the row the mutation returns, or the one its name mentions. */
  private idHint(mutation: Mutation): string[] {
    return [getNamedType(mutation.type).name, mutation.name.replace(/^[a-z]+/, '')];
  }

  private plausible(type: GraphQLInputType, hints: string[]): unknown {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const length = this.dice.weighted([
        [0, 1],
        [1, 4],
        [2, 3],
        [3, 1],
        [60, 0.2],
      ] as const);
      return Array.from({ length }, () => this.plausible(inner.ofType, hints));
    }
    if (isInputObjectType(inner)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) || this.dice.chance(0.5)) value[field.name] = this.plausible(field.type, [field.name]);
      }
      return value;
    }
    if (isEnumType(inner)) return this.dice.pick(inner.getValues()).name;
    const name = hints[0];
    const sensible = this.dice.chance(this.sensibleShare);
    switch (inner.name) {
      case 'ID':
        return this.existingId(hints);
      case 'Int':
        return sensible ? sensibleInt(name) : this.dice.pick(NOISE_INTS);
      case 'Float':
        return sensible ? (/map/i.test(name) ? 40 : 3) : this.dice.pick(NOISE_FLOATS);
      case 'Boolean':
        return this.dice.chance(0.5);
      case 'DateTime':
        return sensible ? sensibleDateTime(name) : this.dice.pick(NOISE_DATE_TIMES);
      case 'Date':
        return sensible ? sensibleDate(name) : this.dice.pick(NOISE_DATES);
      default:
        return sensible ? this.sensibleString(name) : this.dice.pick(NOISE_STRINGS);
    }
  }

  /** An id of a row in the table the field's name points at (sessionId → session), or of any row. */
  private existingId(hints: string[]): string {
    const table = this.dice.chance(this.sensibleShare * 0.95) ? hints.map((hint) => this.tableFor(hint)).find((found) => found !== undefined) : undefined;
    return this.dice.pick(table ? this.options.ids[table] : this.allIds);
  }

  private tableFor(hint: string): string | undefined {
    const words = snake(hint)
      .replace(/_ids?$/, '')
      .split('_');
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join('_');
      const table = TABLE_ALIASES[tail] ?? this.tables.find((t) => t === tail || t.endsWith(`_${tail}`));
      if (table && this.options.ids[table]?.length) return table;
    }
    return undefined;
  }

  private sensibleString(name: string): string {
    if (/email/i.test(name)) return `fuzz-${this.dice.below(1e6)}@test.oefenkansen.be`;
    if (/phone/i.test(name)) return '0470 12 34 56';
    if (/password/i.test(name)) return 'fuzz-password-2026';
    if (/language/i.test(name)) return this.dice.pick(['nl', 'ar', 'fr', 'uk', 'prs']);
    if (/rrule/i.test(name)) return 'FREQ=WEEKLY;BYDAY=TU;COUNT=3';
    if (/country/i.test(name)) return 'SY';
    if (/url/i.test(name)) return 'https://www.kortrijk.be/culturen/plan.pdf';
    if (name === 'from') return '11:00';
    if (name === 'to') return '15:00';
    if (/code/i.test(name)) return `Z${this.dice.below(100)}`;
    return this.dice.pick(['Praattafel Overleie', 'Syrische gemeenschap Kortrijk', 'Amina', 'Opbouw', 'ziek']);
  }

  // --- slots ---

  private slotsOf(mutation: Mutation, variables: Record<string, unknown>): Slot[] {
    const slots: Slot[] = [];
    for (const arg of mutation.args)
      this.collectSlots(
        { path: [arg.name], type: arg.type, name: arg.name, omittable: arg.defaultValue === undefined },
        variables[arg.name],
        Object.hasOwn(variables, arg.name),
        slots,
      );
    return slots;
  }

  private collectSlots(slot: Slot, value: unknown, present: boolean, into: Slot[]): void {
    into.push(slot);
    if (!present || value === null || value === undefined) return;
    const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
    if (isListType(inner) && Array.isArray(value)) {
      value.forEach((item, i) => this.collectSlots({ path: [...slot.path, i], type: inner.ofType, name: slot.name, omittable: false }, item, true, into));
    } else if (isInputObjectType(inner)) {
      const object = value as Record<string, unknown>;
      for (const field of Object.values(inner.getFields())) {
        this.collectSlots(
          { path: [...slot.path, field.name], type: field.type, name: field.name, omittable: field.defaultValue === undefined },
          object[field.name],
          Object.hasOwn(object, field.name),
          into,
        );
      }
    }
  }

  // --- breakages the services must refuse (type-valid) ---

  private servicePoisonable(slot: Slot): boolean {
    const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
    const leaf = isListType(inner) ? (isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType) : inner;
    return isScalarType(leaf) && ['ID', 'String', 'Int', 'Float'].includes(leaf.name);
  }

  private serviceBreakage(slot: Slot): { expect: Expectation; breakage: Breakage } {
    const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
    const inList = isListType(inner);
    const leaf = getNamedType(slot.type);
    const { value, what } = this.servicePoison(leaf.name, slot.name);
    const label = pathLabel(slot.path);
    return {
      expect: 'SERVICE',
      breakage: {
        broken: `${label}${inList ? '[+]' : ''} ← ${what}`,
        target: { field: slot.name, value },
        apply: (variables) => {
          if (!inList) return setAt(variables, slot.path, value);
          // One bad element among plausible ones: the whole list must be refused.
          const list = Array.isArray(getAt(variables, slot.path)) ? [...(getAt(variables, slot.path) as unknown[])] : [];
          list.splice(this.dice.below(list.length + 1), 0, value);
          setAt(variables, slot.path, list);
        },
      },
    };
  }

  private servicePoison(scalar: string, field: string): { value: unknown; what: string } {
    switch (scalar) {
      case 'ID':
        return this.dice.weighted<() => { value: unknown; what: string }>([
          [() => ({ value: this.dice.uuid(), what: 'id of no row' }), 2],
          [() => ({ value: this.nearMissId(), what: 'an id one digit off a real one' }), 1],
          [
            () => ({
              value: withInserted(this.dice.pick(this.allIds), this.dice.pick(REFUSED_CHARACTERS), this.dice),
              what: 'a real id with a refused character',
            }),
            1,
          ],
          [() => ({ value: this.dice.pick(MALFORMED_IDS), what: 'malformed id' }), 2],
        ])();
      case 'Int':
        return { value: this.dice.pick(POISON_INTS), what: 'number out of range' };
      case 'Float':
        return { value: this.dice.pick(POISON_FLOATS), what: 'number out of range' };
      default:
        return this.textPoison(field);
    }
  }

  /** A text the field's rules must refuse. Passwords may hold any character, so they are broken by length only. */
  private textPoison(field: string): { value: string; what: string } {
    const formats = FORMAT_POISONS.find(([name]) => name.test(field))?.[1];
    const password = /password/i.test(field);
    const kind = this.dice.weighted([
      ['overlong', 1],
      ['format', formats ? 2 : 0],
      ['character', password ? 0 : 3],
    ] as const);
    if (kind === 'overlong') {
      const length = this.dice.pick(OVERLONG_LENGTHS);
      const unit = length > MULTIBYTE_OVERLONG_MAX ? 'x' : this.dice.pick(OVERLONG_UNITS);
      return { value: overlongString(length, unit), what: `${length} characters` };
    }
    if (kind === 'format') return { value: this.dice.pick(formats!), what: 'a value its format rule refuses' };
    // Mostly inside a value of the field's own format, so it gets past the format checks (an e-mail
    // address with a NUL or a lone surrogate in it is still shaped like one) to wherever it is stored.
    if (this.dice.chance(0.7))
      return { value: withInserted(this.sensibleString(field), this.dice.pick(REFUSED_CHARACTERS), this.dice), what: 'refused character in a sensible value' };
    return { value: this.dice.pick(REFUSED_CHARACTER_STRINGS), what: 'refused character' };
  }

  /** A real id with its last hex digit changed: well-formed, and (checked) no row's. */
  private nearMissId(): string {
    const known = new Set(this.allIds);
    for (;;) {
      const real = this.dice.pick(this.allIds);
      const changed = `${real.slice(0, -1)}${((parseInt(real.slice(-1), 16) + 1 + this.dice.below(15)) % 16).toString(16)}`;
      if (!known.has(changed)) return changed;
    }
  }

  // --- breakages GraphQL itself must refuse ---

  /** The ways GraphQL's coercion must refuse this slot, built lazily (deep objects are costly). */
  private typeBreakages(slot: Slot): (() => Breakage)[] {
    const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
    const label = pathLabel(slot.path);
    const set = (value: () => unknown, what: string) => (): Breakage => {
      const chosen = value();
      return { broken: `${label} ← ${what}`, apply: (variables) => setAt(variables, slot.path, chosen) };
    };
    const options: (() => Breakage)[] = [];
    if (isNonNullType(slot.type)) {
      options.push(set(() => null, 'null for a non-null type'));
      if (slot.omittable) options.push(() => ({ broken: `${label} left out (required)`, apply: (variables) => deleteAt(variables, slot.path) }));
    }
    if (isListType(inner)) {
      const element = inner.ofType;
      const elementInner = isNonNullType(element) ? element.ofType : element;
      if (isNonNullType(element)) options.push(set(() => [null], 'null element in a non-null list'));
      if (isInputObjectType(elementInner)) {
        options.push(set(() => ['not an object'], 'string element where objects belong'));
        options.push(
          set(() => {
            const [key, value] = this.unknownField();
            const element: Record<string, unknown> = {};
            setAt(element, [key], value);
            return [element];
          }, 'unknown field in an element'),
        );
      } else if (this.badLeafCatalogue(elementInner)) {
        options.push(() => {
          const bad = this.badLeaf(elementInner)!;
          return set(() => [bad.value], `element ${bad.what}`)();
        });
        options.push(set(() => deeplyNestedList(this.dice.pick([3, 50, 500])), 'deeply nested lists'));
      }
    } else if (isInputObjectType(inner)) {
      options.push(set(() => this.dice.pick(['an object was expected', 42, true, false]), 'scalar for an input object'));
      options.push(() => ({
        broken: `${label} + unknown field`,
        apply: (variables) => {
          const current = getAt(variables, slot.path);
          const object = current && typeof current === 'object' ? current : {};
          const [key, value] = this.unknownField();
          setAt(object as Record<string, unknown>, [key], value);
          setAt(variables, slot.path, object);
        },
      }));
    } else if (this.badLeafCatalogue(inner)) {
      options.push(() => {
        const bad = this.badLeaf(inner)!;
        return set(() => bad.value, bad.what)();
      });
    }
    return options;
  }

  /** A field GraphQL must refuse: an unknown name (prototype keys too) holding noise or a deep object. */
  private unknownField(): [string, unknown] {
    return [this.dice.pick(UNKNOWN_FIELDS), this.dice.chance(0.5) ? deeplyNested(this.dice.pick([5, 100, 1_000])) : this.dice.pick(NOISE_STRINGS)];
  }

  /** Values of the type that GraphQL's coercion refuses; null for types this generator cannot break (a custom scalar it does not know). */
  private badLeafCatalogue(type: GraphQLInputType): readonly unknown[] | null {
    if (isEnumType(type)) {
      const names = type.getValues().map((value) => value.name);
      return badEnumValues(names).filter((value) => !names.includes(value as string));
    }
    return isScalarType(type) ? (BAD_VALUES_BY_SCALAR[type.name] ?? null) : null;
  }

  private badLeaf(type: GraphQLInputType): { value: unknown; what: string } | null {
    const catalogue = this.badLeafCatalogue(type);
    if (!catalogue) return null;
    const value = this.dice.pick(catalogue);
    return { value, what: `bad ${getNamedType(type).name} ${preview(value)}` };
  }

  // --- malformed requests and documents ---

  private requestCase(mutation: Mutation): FuzzCase {
    const caller = this.callerFor(mutation);
    const declarations = mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
    const args = mutation.args.map((arg) => `${arg.name}: $${arg.name}`);
    const selection = isCompositeType(getNamedType(mutation.type)) ? ' { __typename }' : '';
    const head = declarations.length ? `(${declarations.join(', ')})` : '';
    const call = (extraArgs: string[] = []) => {
      const all = [...args, ...extraArgs];
      return `${mutation.name}${all.length ? `(${all.join(', ')})` : ''}${selection}`;
    };
    const query = `mutation Fuzz${head} { ${call()} }`;
    const variables = this.plausibleArguments(mutation);
    const json = (body: unknown) => () => writeJson(body);
    const kinds: [string, Expectation, () => string][] = [
      ['variables not an object', 'GRAPHQL', json({ query, variables: this.dice.pick(['x', [], 42, true, JSON.stringify(variables)]) })],
      ['query not a string', 'GRAPHQL', json({ query: this.dice.pick([42, null, [query], { query }]), variables })],
      ['no query', 'GRAPHQL', json({ variables })],
      [
        'a batch of operations',
        'GRAPHQL',
        json([
          { query, variables },
          { query, variables },
        ]),
      ],
      ['truncated document', 'GRAPHQL', json({ query: query.slice(0, 1 + this.dice.below(query.length - 1)), variables })],
      ['unknown argument', 'GRAPHQL', json({ query: `mutation Fuzz${head} { ${call(['fuzz: 1'])} }`, variables })],
      ['unknown variable type', 'GRAPHQL', json({ query: `mutation Fuzz($fuzz: FuzzUnknownType) { ${call()} }`, variables })],
      ['control character in the document', 'GRAPHQL', json({ query: query.replace('{', this.dice.pick(['{\u0000', '{\u0007', '\u0001{'])), variables })],
      ['operation name of no operation', 'GRAPHQL', json({ query, variables, operationName: 'Nothing' })],
      ['two operations without a name', 'GRAPHQL', json({ query: `${query} mutation Other { ${mutation.name} }`, variables })],
      ['mutation field asked of Query', 'GRAPHQL', json({ query: `query Fuzz${head} { ${call()} }`, variables })],
      [
        'malformed JSON',
        'UNPARSABLE',
        () =>
          this.dice.pick([
            writeJson({ query, variables }).slice(0, -1 - this.dice.below(10)),
            `{"query": ${JSON.stringify(query)}, "variables": {"x": NaN}}`,
            `{"query": ${JSON.stringify(query)},}`,
            `{'query': 'mutation'}`,
            '"just a string"',
            'null',
            '42',
          ]),
      ],
    ];
    // JSON nested 20,000 deep where an argument belongs: parsers and coercion must not overflow the stack.
    if (mutation.args.length > 0) {
      const depth = 20_000;
      kinds.push([
        'deeply nested JSON',
        'GRAPHQL',
        json({ query, variables: { ...variables, [mutation.args[0].name]: new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`) } }),
      ]);
    }
    const [what, expect, body] = this.dice.pick(kinds);
    return this.push(mutation, expect, `request: ${what}`, caller, body());
  }

  /**
   * A body over the limit, padded with ASCII or with 2-byte characters (under the limit counted as
   * characters, over it in bytes). The body parser refuses it before GraphQL reads the document.
   */
  private oversizeCase(mutation: Mutation): FuzzCase {
    const variables = this.plausibleArguments(mutation);
    variables.fuzzPadding = this.dice.chance(0.5) ? 'x'.repeat(BODY_LIMIT_BYTES + 1 + this.dice.below(200_000)) : 'é'.repeat(BODY_LIMIT_BYTES / 2 + 1_000);
    const body = writeJson({ query: `mutation Fuzz { ${mutation.name} }`, variables });
    return this.push(mutation, 'OVERSIZE', `body of ${Buffer.byteLength(body)} bytes`, this.callerFor(mutation), body);
  }
}

const BAD_VALUES_BY_SCALAR: Readonly<Record<string, readonly unknown[]>> = {
  ID: BAD_ID_TYPES,
  String: BAD_STRINGS,
  Int: BAD_INTS,
  Float: BAD_FLOATS,
  Boolean: BAD_BOOLEANS,
  DateTime: BAD_DATE_TIMES,
  Date: BAD_DATES,
};

/** The text with one character put in somewhere inside: at either end, trim() would drop vertical tab and form feed. */
function withInserted(text: string, character: string, dice: Dice): string {
  const at = 1 + dice.below(Math.max(1, text.length - 1));
  return `${text.slice(0, at)}${character}${text.slice(at)}`;
}

function sensibleInt(name: string): number {
  if (/weekday/i.test(name)) return 3;
  if (/minutes/i.test(name)) return 90;
  if (/offset/i.test(name)) return 1_440;
  return 4;
}

function sensibleDateTime(name: string): string {
  return /^ends|to$|until/i.test(name) ? '2026-10-01T12:00:00+02:00' : '2026-10-01T10:00:00+02:00';
}

function sensibleDate(name: string): string {
  return /^ends|to$/i.test(name) ? '2026-10-10' : '2026-10-05';
}

// --- JSON and GraphQL writing ---

const RAW_MARK = '\u0000fuzz-raw\u0000';

/** JSON.stringify, but RawJson tokens (1e400) go in unquoted. */
function writeJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      raws.push(item.text);
      return `${RAW_MARK}${raws.length - 1}`;
    }
    return item;
  });
  return text.replace(/"\\u0000fuzz-raw\\u0000(\d+)"/g, (_match, index: string) => raws[Number(index)]);
}

/** A value written as a GraphQL literal; strings naming a value of an enum position go in bare. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value instanceof RawJson) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return inner && isEnumType(inner) && inner.getValue(value) ? value : JSON.stringify(value);
  return String(value);
}

function containsRaw(value: unknown): boolean {
  if (value instanceof RawJson) return true;
  return value !== null && typeof value === 'object' && Object.values(value).some(containsRaw);
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return /\p{Surrogate}/u.test(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasLoneSurrogate);
  return false;
}

function preview(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function pathLabel(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function getAt(root: Record<string, unknown>, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);
}

/** Sets with defineProperty: plain assignment of "__proto__" would set the prototype instead of sending the key. */
function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  Object.defineProperty(parent, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

function deleteAt(root: Record<string, unknown>, path: Path): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path[path.length - 1]];
}
