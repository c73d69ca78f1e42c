import { z } from 'zod';

import { fieldLabel } from './field-labels';

type Issue = z.core.$ZodRawIssue;

/** A bound as people write it: 604,800 rather than 604800. */
const amount = (n: number | bigint): string => n.toLocaleString('en');

const plural = (n: number | bigint, one: string, many: string) =>
  `${amount(n)} ${Number(n) === 1 ? one : many}`;

/** A literal the field accepts, written so an empty string is visible. */
function literal(value: unknown): string {
  if (value === '') return '(empty)';
  return typeof value === 'string' ? value : String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  date: 'a date',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'an ID',
  guid: 'an ID',
  datetime: 'a date and time',
  date: 'a date',
  time: 'a time',
  base64: 'base64 text',
  base64url: 'base64url text',
  jwt: 'a token',
};

/**
 * What is wrong with the value, after its field's label: "must be 0 or more", "is required".
 * Undefined when zod's own wording has to do.
 */
function predicate(issue: Issue | z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return TYPE_WORDS[issue.expected] ? `must be ${TYPE_WORDS[issue.expected]}` : 'is not valid';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'is required'
          : `must be at least ${plural(issue.minimum, 'character', 'characters')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `must have at least ${plural(issue.minimum, 'entry', 'entries')}`;
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false
          ? `must be more than ${amount(issue.minimum)}`
          : `must be ${amount(issue.minimum)} or more`;
      }
      return 'is too small';
    case 'too_big':
      if (issue.origin === 'string') {
        return `must be at most ${plural(issue.maximum, 'character', 'characters')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `can have at most ${plural(issue.maximum, 'entry', 'entries')}`;
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false
          ? `must be less than ${amount(issue.maximum)}`
          : `must be ${amount(issue.maximum)} or less`;
      }
      return 'is too large';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${literal(issue.values[0])}`
        : `must be one of: ${issue.values.map(literal).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'starts_with' && 'prefix' in issue)
        return `must start with ${issue.prefix}`;
      if (issue.format === 'ends_with' && 'suffix' in issue) return `must end with ${issue.suffix}`;
      if (issue.format === 'includes' && 'includes' in issue)
        return `must contain ${issue.includes}`;
      return FORMAT_WORDS[issue.format]
        ? `must be ${FORMAT_WORDS[issue.format]}`
        : 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${amount(issue.divisor)}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not valid';
    case 'invalid_union':
      return unionPredicate(issue);
    case 'custom':
      return 'is not valid';
    default:
      return undefined;
  }
}

/**
 * A value that matched no alternative. Alternatives that are each a set of allowed values (an enum,
 * or '' for "blank means absent") read as one list; otherwise the first alternative speaks.
 */
function unionPredicate(issue: { errors: readonly z.core.$ZodIssue[][] }): string {
  const firsts = issue.errors.map((branch) => branch[0]);
  if (firsts.length > 0 && firsts.every((first) => first?.code === 'invalid_value')) {
    const values = firsts
      .flatMap((first) => (first?.code === 'invalid_value' ? first.values : []))
      .filter((value) => value !== '');
    if (values.length > 0) return `must be one of: ${values.map(literal).join(', ')}`;
  }
  const first = firsts.find((branch) => branch !== undefined);
  return (first && predicate(first)) ?? 'is not valid';
}

/**
 * Zod's error map for every schema: plain words naming the field ("Max participants must be 0 or
 * more", "Identity is required") instead of "Too small: expected number to be >=0". Messages a
 * schema spells out itself still win (zod asks a check's own message first). Forms get it through
 * the global config below; `parseInput` passes it explicitly, so REST and server-action answers
 * never depend on which modules a bundle happened to load.
 */
export function plainIssueMessage(issue: Issue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.join(', ');
    const where = fieldLabel(issue.path);
    const noun = issue.keys.length === 1 ? 'Unknown field' : 'Unknown fields';
    return where ? `${where}: ${noun.toLowerCase()} ${fields}` : `${noun}: ${fields}`;
  }
  const what = predicate(issue);
  if (!what) return undefined;

  return `${fieldLabel(issue.path) ?? 'The input'} ${what}`;
}

z.config({ customError: plainIssueMessage });
