import 'server-only';

import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/** Stands for the statement's argument at `index` while it is built. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  query: CompiledQuery<unknown>;
  /** For each parameter of the compiled query: the argument it takes, or null for a constant. */
  sources: (number | null)[];
}

/** Per store handle (a `Kysely` or one transaction), per statement: handles compile per dialect. */
const templates = new WeakMap<object, Map<object, Template>>();

/**
 * A statement Kysely builds and compiles once per store handle, then runs again with new values.
 * Kysely builds and compiles every query anew, and for the history's small indexed statements
 * that cost several times what SQLite took to run them (40–190 µs a statement on the hot path of
 * every webhook, bench:live profile). `build` is called once, with placeholders in place of the
 * arguments: its shape must not depend on their values (a statement that does is two statements),
 * and it must use each argument as a value as it is, never compute with it (checked: a placeholder
 * missing from the compiled parameters throws).
 */
export function reusedStatement<DB, Args extends readonly unknown[], Row>(
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
): (db: Kysely<DB>, ...args: Args) => Promise<QueryResult<Row>> {
  return async (db, ...args) => {
    let statements = templates.get(db);
    if (!statements) {
      statements = new Map();
      templates.set(db, statements);
    }
    let template = statements.get(build);
    if (!template) {
      const slots = args.map((_, index) => new Slot(index)) as unknown as Args;
      const query = build(db, ...slots).compile();
      const sources = query.parameters.map((p) => (p instanceof Slot ? p.index : null));
      if (args.some((_, index) => !sources.includes(index))) {
        throw new Error('reusedStatement: an argument is not used as a parameter');
      }
      template = { query, sources };
      statements.set(build, template);
    }
    const { query, sources } = template;
    const parameters = sources.map((source, i) =>
      source === null ? query.parameters[i] : args[source],
    );
    return db.executeQuery<Row>({ ...query, parameters } as CompiledQuery<Row>);
  };
}
