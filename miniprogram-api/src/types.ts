import type { components, paths } from './generated/api';

/** Every schema the backend documents, e.g. `Schemas['NoticeView']`. */
export type Schemas = components['schemas'];
export type { paths, components };

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** The API paths that have an operation for a method, e.g. `PathsWith<'post'>`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer O } ? ([O] extends [never] ? never : P) : never;
}[keyof paths];

export type Operation<P extends keyof paths, M extends HttpMethod> = paths[P] extends { [K in M]: infer O } ? O : never;

type ParamsOf<Op, Where extends 'path' | 'query'> = Op extends { parameters: { [K in Where]?: infer X } }
  ? ([X] extends [never] ? never : [X] extends [undefined] ? never : Exclude<X, undefined>)
  : never;

type BodyOf<Op> = Op extends { requestBody?: infer RB }
  ? [NonNullable<RB>] extends [never] ? never
    : NonNullable<RB> extends { content: { 'application/json': infer B } } ? B : never
  : never;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : void;

/** What a successful call returns (the 200 or 201 JSON body; `void` for 204). */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer A } ? JsonOf<A> : void
  : never;

/** Path parameters, query, body and extra headers of one call, each present only when the operation has it. */
export type RequestInit<Op> = ([ParamsOf<Op, 'path'>] extends [never] ? { path?: undefined } : { path: ParamsOf<Op, 'path'> })
  & ([ParamsOf<Op, 'query'>] extends [never] ? { query?: undefined } : { query?: ParamsOf<Op, 'query'> })
  & ([BodyOf<Op>] extends [never] ? { body?: undefined } : { body: BodyOf<Op> })
  & { headers?: Record<string, string> };

/** True when every field of the init is optional, so the caller may leave it out. */
export type InitArgs<Op> = {} extends RequestInit<Op> ? [init?: RequestInit<Op>] : [init: RequestInit<Op>];
