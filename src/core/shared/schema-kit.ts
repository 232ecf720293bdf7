// Small TypeBox helpers shared by the core schemas. The core's schemas describe the
// native shape of its objects; faces reuse them for their OpenAPI and translate the rest.
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Every id the core hands out is a UUID. */
export const Id = (description?: string) => Type.String({ format: 'uuid', maxLength: 36, description });

export const Url = (description?: string) => Type.String({ minLength: 1, maxLength: 2048, description });

export const Timestamp = (description?: string) => Type.String({ format: 'date-time', description });

/** Writable object: unknown fields are rejected rather than silently dropped. */
export const Strict = <T extends TProperties>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, description });

export const StringMap = (maxKeys: number, maxValue: number, description?: string) =>
  Type.Record(Type.String({ maxLength: 128 }), Type.String({ maxLength: maxValue }), { maxProperties: maxKeys, description });

/** A string enum as JSON Schema `enum`: clearer errors and OpenAPI than a union of literals. */
export const StringEnum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
