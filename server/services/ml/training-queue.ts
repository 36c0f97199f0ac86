// Where training jobs run: their own graphile-worker queue, so runs go one at
// a time, at a priority below every notification (lower numbers run first),
// and once: a run that dies is marked failed rather than retried.
export const TRAINING_QUEUE = "ml";
export const TRAINING_JOB_PRIORITY = 10;
/** Scoring a new alert waits behind its notifications. */
export const SCORING_JOB_PRIORITY = 5;
