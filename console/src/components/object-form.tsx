// One form for any object of the API: fields named by their dotted path in the object
// (call_handler.request_url), so the API's validation details ({field, message}) land on the
// field they name. On save it sends a JSON merge patch of what changed (a create sends what is
// filled in); secrets are write-only: blank keeps the stored one.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { SwitchboardError } from '@switchboard/sdk';
import { ErrorNotice } from './errors.tsx';

export type FieldKind = 'text' | 'url' | 'textarea' | 'number' | 'checkbox' | 'select' | 'secret' | 'map' | 'list';

export interface FieldSpec {
  /** The dotted path in the object and in the patch. */
  name: string;
  label: string;
  kind?: FieldKind;
  options?: { value: string; label: string }[];
  help?: string;
  placeholder?: string;
  required?: boolean;
  /** secret: the path of the "is it set" flag the API shows instead. */
  setFlag?: string;
}

type Json = Record<string, unknown>;
type Value = string | boolean;

const CLEAR = '#clear';

export function getPath(obj: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Json)[key] : undefined), obj);
}

function setPath(obj: Json, name: string, value: unknown): void {
  const keys = name.split('.');
  let o = obj;
  for (const key of keys.slice(0, -1)) o = (o[key] ??= {}) as Json;
  o[keys[keys.length - 1]!] = value;
}

function toForm(field: FieldSpec, raw: unknown): Value {
  switch (field.kind ?? 'text') {
    case 'checkbox':
      return raw === true;
    case 'secret':
      return '';
    case 'map':
      return raw && typeof raw === 'object' ? Object.entries(raw as Json).map(([k, v]) => `${k}=${String(v)}`).join('\n') : '';
    case 'list':
      return Array.isArray(raw) ? raw.join(', ') : '';
    default:
      return raw === null || raw === undefined ? '' : String(raw);
  }
}

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (line.trim() && at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

function fromForm(field: FieldSpec, value: Value, before: unknown): unknown {
  const text = typeof value === 'string' ? value.trim() : value;
  switch (field.kind ?? 'text') {
    case 'checkbox':
      return value;
    case 'number':
      return text === '' ? null : Number(text);
    case 'list':
      return String(text).split(/[\s,]+/).filter(Boolean);
    case 'map': {
      // A merge patch: keys that are gone are sent as null.
      const next: Record<string, string | null> = parseMap(String(value));
      for (const key of Object.keys((before as Json) ?? {})) if (!(key in next)) next[key] = null;
      return next;
    }
    default:
      return text === '' ? null : text;
  }
}

export function ObjectForm({ fields, value = {}, create = false, disabled = false, submitLabel = 'Save', onSubmit, children, legend, wholeObjects = [] }: {
  fields: FieldSpec[];
  /** Objects the API replaces whole (an agent's endpoint): all their fields are sent when one changes, null when all are empty. */
  wholeObjects?: string[];
  value?: Json;
  /** Send what is filled in, not what changed. */
  create?: boolean;
  disabled?: boolean;
  submitLabel?: string;
  onSubmit: (patch: Json) => Promise<unknown>;
  children?: ReactNode;
  legend?: string;
}) {
  const initial = () => Object.fromEntries(fields.flatMap((f) => [[f.name, toForm(f, getPath(value, f.name))], ...(f.kind === 'secret' ? [[f.name + CLEAR, false]] : [])]));
  const [values, setValues] = useState<Record<string, Value>>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const formId = useId();
  const idOf = (name: string) => `${formId}-${name.replace(/\W/g, '_')}`;

  const patch = (): Json => {
    const out: Json = {};
    const start = initial();
    for (const f of fields) {
      const v = values[f.name]!;
      if (f.kind === 'secret') {
        if (values[f.name + CLEAR]) setPath(out, f.name, null);
        else if (v !== '') setPath(out, f.name, v);
        continue;
      }
      if (wholeObjects.some((w) => f.name.startsWith(`${w}.`))) continue;
      const changed = v !== start[f.name];
      if (create ? v !== '' && v !== false : changed) setPath(out, f.name, fromForm(f, v, getPath(value, f.name)));
    }
    for (const whole of wholeObjects) {
      const members = fields.filter((f) => f.name.startsWith(`${whole}.`));
      const changed = members.some((f) => values[f.name] !== start[f.name]);
      const filled = members.filter((f) => values[f.name] !== '' && values[f.name] !== false);
      if (!changed || (create && !filled.length)) continue;
      if (!filled.length) setPath(out, whole, null);
      else for (const f of filled) setPath(out, f.name, fromForm(f, values[f.name]!, getPath(value, f.name)));
    }
    return out;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSubmit(patch());
      setSaved(true);
      // Secrets typed in are sent once; the field goes back to "set, leave blank to keep".
      setValues((s) => ({ ...s, ...Object.fromEntries(fields.filter((f) => f.kind === 'secret').flatMap((f) => [[f.name, ''], [f.name + CLEAR, false]])) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const details = error instanceof SwitchboardError ? error.details : [];
  const names = new Set(fields.map((f) => f.name));
  const fieldError = (name: string) => details.find((d) => d.field === name || d.field.startsWith(`${name}.`) || d.field.startsWith(`${name}[`))?.message;
  const elsewhere = details.filter((d) => ![...names].some((n) => d.field === n || d.field.startsWith(`${n}.`) || d.field.startsWith(`${n}[`)));

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={disabled || busy}>
        {legend ? <legend>{legend}</legend> : null}
        {error ? <ErrorNotice error={error} /> : null}
        {elsewhere.length ? (
          <ul className="error-list">{elsewhere.map((d) => <li key={d.field}><code>{d.field}</code>: {d.message}</li>)}</ul>
        ) : null}
        <div className="fields">
          {fields.map((f) => {
            const id = idOf(f.name);
            const problem = fieldError(f.name);
            const describedBy = [problem ? `${id}-error` : '', f.help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
            const common = { id, name: f.name, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, required: f.required };
            const set = (v: Value) => setValues((s) => ({ ...s, [f.name]: v }));
            const v = values[f.name]!;
            let control: ReactNode;
            switch (f.kind ?? 'text') {
              case 'checkbox':
                control = <input type="checkbox" {...common} checked={v === true} onChange={(e) => set(e.target.checked)} />;
                break;
              case 'select':
                control = (
                  <select {...common} value={String(v)} onChange={(e) => set(e.target.value)}>
                    {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                );
                break;
              case 'textarea':
              case 'map':
                control = <textarea {...common} rows={f.kind === 'map' ? 3 : 5} value={String(v)} placeholder={f.placeholder} onChange={(e) => set(e.target.value)} />;
                break;
              case 'secret': {
                const isSet = f.setFlag ? getPath(value, f.setFlag) === true : false;
                control = (
                  <>
                    <input type="password" autoComplete="new-password" {...common} value={String(v)} placeholder={isSet ? 'Set: leave blank to keep it' : 'Not set'} onChange={(e) => set(e.target.value)} />
                    {isSet ? (
                      <label className="inline">
                        <input type="checkbox" checked={values[f.name + CLEAR] === true} onChange={(e) => setValues((s) => ({ ...s, [f.name + CLEAR]: e.target.checked }))} /> Remove it
                      </label>
                    ) : null}
                  </>
                );
                break;
              }
              default:
                control = <input type={f.kind === 'number' ? 'number' : f.kind === 'url' ? 'url' : 'text'} {...common} value={String(v)} placeholder={f.placeholder} onChange={(e) => set(e.target.value)} />;
            }
            return (
              <div className={`field field-${f.kind ?? 'text'}`} key={f.name}>
                <label htmlFor={id}>{f.label}{f.required ? ' (required)' : ''}</label>
                {control}
                {f.help ? <small id={`${id}-help`} className="muted">{f.help}</small> : null}
                {problem ? <small id={`${id}-error`} className="field-error">{problem}</small> : null}
              </div>
            );
          })}
        </div>
        {children}
        <div className="form-actions">
          <button type="submit" className="primary">{busy ? 'Saving…' : submitLabel}</button>
          {saved && !error ? <span role="status" className="ok">Saved.</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
