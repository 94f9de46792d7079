/**
 * The typed shape of the handler table, apart from handlers.ts so that each domain can type
 * its slice without importing the table that assembles them.
 */
import type { CommandName, CommandOutput, CommandParsedInput } from '#shared/contract.js';
import type { Result } from '#shared/result.js';

export type Handler<K extends CommandName> = (input: CommandParsedInput<K>) => Promise<Result<CommandOutput<K>>>;

/** One function per command of the contract. */
export type Handlers = { [K in CommandName]: Handler<K> };

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<CommandName>;

/** Exactly the commands of these domains (`workshops:*`…): one missing, misspelt or extra is a compile error. */
export type HandlerSlice<D extends Domain> = { [K in CommandName as DomainOf<K> extends D ? K : never]: Handler<K> };

/** A domain's slice of the table, checked against the contract. */
export function defineHandlers<D extends Domain>(slice: HandlerSlice<D>): HandlerSlice<D> {
  return slice;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The table, from the domains' slices; a command registered twice stops the core at start-up. */
export function mergeHandlers<S extends readonly object[]>(...slices: S): UnionToIntersection<S[number]> {
  const table: Record<string, unknown> = {};
  for (const slice of slices) {
    for (const [name, handler] of Object.entries(slice)) {
      if (Object.prototype.hasOwnProperty.call(table, name)) throw new Error(`Command ${name} is registered twice`);
      table[name] = handler;
    }
  }
  return table as UnionToIntersection<S[number]>;
}
