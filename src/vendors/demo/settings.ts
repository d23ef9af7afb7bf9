import * as v from 'valibot';

/** Settings of the built-in demo PBX; every field has a default so `{}` is a working profile. */
export const demoSettingsSchema = v.object({
  /** Name the demo shows for the agent. */
  agentName: v.optional(v.pipe(v.string(), v.minLength(1, 'give a non-empty name')), 'Demo Agent'),
  /** How long the far end takes to answer an outbound call, in ms. */
  answerDelayMs: v.optional(
    v.pipe(
      v.number('use a number of milliseconds, e.g. 2500'),
      v.integer(),
      v.minValue(0),
      v.maxValue(60_000),
    ),
    2500,
  ),
  /** How long a consulted transfer target takes to pick up, in ms. */
  consultAnswerDelayMs: v.optional(
    v.pipe(
      v.number('use a number of milliseconds, e.g. 1500'),
      v.integer(),
      v.minValue(0),
      v.maxValue(60_000),
    ),
    1500,
  ),
  /** Seconds of after-call work after each call; 0 goes straight back to the previous state. */
  afterCallWorkSeconds: v.optional(
    v.pipe(v.number('use a number of seconds, e.g. 30'), v.integer(), v.minValue(0), v.maxValue(3600)),
    0,
  ),
  /** Reasons offered with "Not ready". */
  notReadyReasons: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'list at least one reason')),
    ['Break', 'Lunch', 'Training', 'Meeting'],
  ),
  /** Ring a random inbound call every N seconds while ready (0: only on demand). */
  autoIncomingSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)), 0),
});

export type DemoSettings = v.InferOutput<typeof demoSettingsSchema>;
