// The routing configuration's native shape: targets, the `routing` policy of numbers and blocks,
// the pre-answer hook, a block's extent, and a hook's answer. Faces reuse these for OpenAPI;
// the rules a schema cannot express are in validate-*.ts.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id, Nullable, Strict, StringEnum, Url } from '../shared/schema-kit.ts';

/** Every list and string is bounded: a policy is read on every call. */
export const LIMITS = {
  hours: 32,
  holidays: 366,
  holidayRangeDays: 366,
  callerRules: 256,
  agents: 64,
  fallback: 8,
  sayText: 1024,
  sipUri: 2048,
  sipHeaders: 32,
  sipHeaderName: 255,
  sipHeaderValue: 1024,
  parameters: 32,
  parameterKey: 128,
  parameterValue: 1024,
  timeZone: 64,
  weight: 1000,
  maxConcurrentCalls: 100_000,
  hookTimeoutMin: 100,
  hookTimeoutMax: 5000,
  hookTimeoutDefault: 1500,
} as const;

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const TARGET_REJECT_REASONS = ['busy', 'rejected', 'unavailable'] as const;
export type TargetRejectReason = (typeof TARGET_REJECT_REASONS)[number];
export const TARGET_TYPES = ['agent', 'workflow', 'sip', 'phone_number', 'handler', 'reject', 'say'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const SipHeaderSchema = Strict({
  name: Type.String({ minLength: 1, maxLength: LIMITS.sipHeaderName, description: 'An RFC 7230 token.' }),
  value: Type.String({ maxLength: LIMITS.sipHeaderValue, description: 'No CR or LF.' }),
});
export type SipHeader = Static<typeof SipHeaderSchema>;

const literal = <T extends string>(value: T) => Type.Literal(value);

export const AgentTargetSchema = Strict({ type: literal('agent'), agent_id: Id('An agent of this workspace; the call goes to its endpoint (wss:// stream or sip: URI).') });
export const WorkflowTargetSchema = Strict({ type: literal('workflow'), workflow_id: Id('A workflow of this workspace.') });
export const SipTargetSchema = Strict({
  type: literal('sip'),
  uri: Type.String({ minLength: 5, maxLength: LIMITS.sipUri, description: 'A sip: or sips: URI.' }),
  headers: Type.Optional(Type.Array(SipHeaderSchema, { maxItems: LIMITS.sipHeaders, description: 'SIP headers added to the INVITE, over the number\'s own custom headers.' })),
});
export const PhoneNumberTargetSchema = Strict({
  type: literal('phone_number'),
  number: Type.String({ minLength: 3, maxLength: 32, description: 'Forward to the PSTN: a number in E.164.' }),
});
export const HandlerTargetSchema = Strict({ type: literal('handler') }, "The number's call handler (its request_url / fallback_url).");
export const RejectTargetSchema = Strict({
  type: literal('reject'),
  reason: Type.Optional(StringEnum(TARGET_REJECT_REASONS, 'How the call is refused; rejected when absent.')),
});

/** What a `say` target may go on to: any target but another `say` (keeps the chain finite). */
const thenVariants = [AgentTargetSchema, WorkflowTargetSchema, SipTargetSchema, PhoneNumberTargetSchema, HandlerTargetSchema, RejectTargetSchema] as const;
export const ThenTargetSchema = Type.Union([...thenVariants], { description: 'Where the call goes after the text is spoken; the call ends when absent.' });
export const SayTargetSchema = Strict({
  type: literal('say'),
  text: Type.String({ minLength: 1, maxLength: LIMITS.sayText, description: 'Spoken to the caller.' }),
  then: Type.Optional(ThenTargetSchema),
});

export const TargetSchema = Type.Union([...thenVariants, SayTargetSchema], { description: 'Where a call goes.' });
export type Target = Static<typeof TargetSchema>;
export type ThenTarget = Static<typeof ThenTargetSchema>;

/** Each target type's schema, for checks that dispatch on `type` (clearer errors than a union's). */
export const TARGET_SCHEMAS: Record<TargetType, TSchema> = {
  agent: AgentTargetSchema,
  workflow: WorkflowTargetSchema,
  sip: SipTargetSchema,
  phone_number: PhoneNumberTargetSchema,
  handler: HandlerTargetSchema,
  reject: RejectTargetSchema,
  say: SayTargetSchema,
};

const Clock = (description: string) => Type.String({ pattern: '^\\d{2}:\\d{2}$', description });
export const HoursRangeSchema = Strict({
  days: Type.Array(StringEnum(DAYS), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'The days the range starts on.' }),
  start: Clock('Local time HH:MM (00:00–23:59) the range opens.'),
  end: Clock('Local time HH:MM (00:01–24:00) it closes, exclusive. Earlier than start: the range crosses midnight into the next day.'),
});
export type HoursRange = Static<typeof HoursRangeSchema>;

const CalendarDate = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const HolidaySchema = Type.Union([
  CalendarDate('A local calendar date, YYYY-MM-DD: closed all day.'),
  Strict({
    start: CalendarDate('First closed date.'),
    end: CalendarDate('Last closed date (inclusive).'),
    name: Type.Optional(Type.String({ maxLength: 128 })),
  }),
]);
export type Holiday = Static<typeof HolidaySchema>;

const CallerRule = Type.String({ minLength: 1, maxLength: 16, description: 'An E.164 prefix (+44, +1415), an ISO 3166-1 alpha-2 country (GB), or "anonymous" (no usable caller number).' });

export const HookConfigSchema = Strict({
  url: Url('https URL POSTed the call and its proposed decision before it is answered; the webhook address rules apply.'),
  timeout_ms: Type.Optional(Type.Integer({ minimum: LIMITS.hookTimeoutMin, maximum: LIMITS.hookTimeoutMax, description: 'How long the answer is awaited (1500 when absent); the static decision stands after it.' })),
});
export type HookConfig = Static<typeof HookConfigSchema>;

export const WeightedAgentSchema = Strict({
  agent_id: Id(),
  weight: Type.Integer({ minimum: 0, maximum: LIMITS.weight, description: 'Relative share of callers; 0 drains the agent (reached only when the others fail).' }),
});

/** The policy shape with the given schema for its targets (the full union for docs, anything for a structure-only check). */
export function routingPolicyShape<T extends TSchema>(target: T) {
  return Strict(
    {
      time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.timeZone, description: 'IANA time zone the hours and holidays are in; UTC when absent.' })),
      hours: Type.Optional(Type.Array(HoursRangeSchema, { maxItems: LIMITS.hours, description: 'When calls are taken; absent = always.' })),
      holidays: Type.Optional(Type.Array(HolidaySchema, { maxItems: LIMITS.holidays, description: 'Dates (or ranges) closed all day.' })),
      after_hours: Type.Optional(target),
      callers: Type.Optional(
        Strict({
          allow: Type.Optional(Type.Array(CallerRule, { maxItems: LIMITS.callerRules, description: 'Only these callers; everyone when absent.' })),
          deny: Type.Optional(Type.Array(CallerRule, { maxItems: LIMITS.callerRules, description: 'Refused callers; wins over allow.' })),
          denied: Type.Optional(target),
        }),
      ),
      agents: Type.Optional(Type.Array(WeightedAgentSchema, { minItems: 1, maxItems: LIMITS.agents, description: 'Callers are spread over these agents by weight, the same caller always to the same agent.' })),
      max_concurrent_calls: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.maxConcurrentCalls })),
      overflow: Type.Optional(target),
      fallback: Type.Optional(Type.Array(target, { maxItems: LIMITS.fallback, description: 'Tried in order when the chosen target fails.' })),
      hook: Type.Optional(HookConfigSchema),
    },
    'How calls to a number or block are routed. Every field is optional; a number inherits from its blocks what it leaves unset.',
  );
}

export const RoutingPolicySchema = routingPolicyShape(TargetSchema);
export type RoutingPolicy = Static<typeof RoutingPolicySchema>;

/** A block's extent: an E.164 prefix, or a start/end range of equal length. */
export const BlockExtentSchema = Strict({
  prefix: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 16, description: 'E.164 prefix such as +1415555: every number starting with it.' }))),
  start: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 16, description: 'First number of the range, E.164.' }))),
  end: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 16, description: 'Last number of the range (inclusive), E.164, as long as start.' }))),
});
export type BlockExtent = Static<typeof BlockExtentSchema>;

/** What a pre-answer hook may answer. `{}` keeps the decision. */
export const HookAnswerSchema = Strict({
  target: Type.Optional(TargetSchema),
  headers: Type.Optional(
    Type.Record(Type.String({ minLength: 1, maxLength: LIMITS.sipHeaderName }), Type.String({ maxLength: LIMITS.sipHeaderValue }), { maxProperties: LIMITS.sipHeaders, description: 'SIP headers added to SIP destinations.' }),
  ),
  parameters: Type.Optional(
    Type.Record(Type.String({ minLength: 1, maxLength: LIMITS.parameterKey }), Type.String({ maxLength: LIMITS.parameterValue }), { maxProperties: LIMITS.parameters, description: 'Parameters passed to stream (wss://) destinations.' }),
  ),
});
export type HookAnswer = Static<typeof HookAnswerSchema>;
