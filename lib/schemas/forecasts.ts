import { z } from "zod";
import { LIKELIHOOD_BANDS } from "../standards/icd203";

export const FORECAST_OUTCOMES = ["happened", "did_not_happen", "annulled"] as const;
export const FORECAST_STATES = ["due", "open", "resolved"] as const;
export type ForecastState = (typeof FORECAST_STATES)[number];

/** A calendar date that exists, YYYY-MM-DD. */
const isoDate = z
  .string({ error: "Give the date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.")
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "This date does not exist.");

/** Body of `PUT /api/v1/assessments/{assessmentId}/judgements/{judgementId}/forecast`. */
export const setForecastInput = z
  .object(
    {
      resolveBy: isoDate.describe("The day by which the outcome should be known (UTC)."),
      criterion: z
        .string({ error: "Say how the forecast resolves." })
        .trim()
        .min(1, "Say how the forecast resolves.")
        .max(2000, "Use at most 2000 characters for the criterion."),
      pointEstimate: z
        .number({ error: "The point estimate must be a number from 0 to 1." })
        .min(0, "The point estimate must be a number from 0 to 1.")
        .max(1, "The point estimate must be a number from 0 to 1.")
        .nullable()
        .optional()
        .describe("An explicit probability inside the judgement's band; omitted or null → the band's midpoint."),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "SetForecastInput" });
export type SetForecastInput = z.infer<typeof setForecastInput>;

/** Body of `POST …/forecast/outcome`. */
export const recordForecastOutcomeInput = z
  .object(
    {
      outcome: z.enum(FORECAST_OUTCOMES, { error: "Choose an outcome: happened, did_not_happen or annulled." }),
      note: z
        .string({ error: "The note must be text." })
        .trim()
        .max(2000, "Use at most 2000 characters for the note.")
        .optional(),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "RecordForecastOutcomeInput" });
export type RecordForecastOutcomeInput = z.infer<typeof recordForecastOutcomeInput>;

const band = z.enum(LIKELIHOOD_BANDS);

/** A judgement's forecast. */
export const forecastDto = z
  .object({
    assessmentId: z.uuid(),
    judgementId: z.string(),
    workspaceId: z.uuid(),
    resolveBy: z.iso.date(),
    criterion: z.string(),
    pointEstimate: z.number().nullable(),
    likelihood: band
      .nullable()
      .describe("The judgement's band now; null when it has none or is no longer in the text."),
    closingLikelihood: band
      .nullable()
      .describe(
        "Once due: the judgement's band at the end of the resolve-by day (UTC), which is what gets scored; null before, or when it had none then.",
      ),
    probability: z
      .number()
      .nullable()
      .describe(
        "What would be scored now: the point estimate, else the midpoint of `likelihood` (once due, of `closingLikelihood`; an estimate that band does not hold gives way to its midpoint).",
      ),
    isDue: z.boolean().describe("Unresolved and its resolve-by day has passed (UTC)."),
    setBy: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
    outcome: z.enum(FORECAST_OUTCOMES).nullable(),
    scoredLikelihood: band.nullable().describe("The band when it was resolved."),
    scoredProbability: z.number().nullable(),
    brierScore: z.number().nullable().describe("(p − o)²; null until resolved and for annulled forecasts."),
    analystIds: z.array(z.uuid()),
    reviewerIds: z.array(z.uuid()),
    resolvedBy: z.uuid().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    outcomeNote: z.string(),
  })
  .meta({ id: "Forecast" });
export type ForecastDto = z.infer<typeof forecastDto>;

/** Query of `GET /api/v1/workspaces/{workspaceId}/forecasts`. */
export const listForecastsQuery = z.object({
  state: z.enum(FORECAST_STATES, { error: "Choose a state: due, open or resolved." }).default("open"),
});

/** One row of the workspace's forecast list. */
export const forecastListItemDto = forecastDto
  .extend({
    statement: z.string().nullable().describe("The judgement's statement; null once it left the text."),
    assessmentTitle: z.string(),
    link: z.string().describe("The assessment page, at the judgement."),
  })
  .meta({ id: "ForecastListItem" });
export type ForecastListItemDto = z.infer<typeof forecastListItemDto>;

export const forecastListDto = z
  .object({ state: z.enum(FORECAST_STATES), forecasts: z.array(forecastListItemDto) })
  .meta({ id: "ForecastList" });
export type ForecastListDto = z.infer<typeof forecastListDto>;

const calibrationBinDto = z
  .object({
    band,
    midpoint: z.number(),
    count: z.number().int(),
    meanPredicted: z.number(),
    observedFrequency: z.number(),
    meanBrier: z.number(),
  })
  .meta({ id: "CalibrationBin" });

const calibrationFields = {
  resolvedCount: z.number().int().describe("Scored forecasts (annulled ones are not)."),
  annulledCount: z.number().int(),
  meanBrier: z.number().nullable(),
  bins: z.array(calibrationBinDto).describe("One per band with scored forecasts, in ICD 203 order."),
};

const personCalibrationDto = z
  .object({ userId: z.uuid(), name: z.string().nullable(), ...calibrationFields })
  .meta({ id: "PersonCalibration" });
export type PersonCalibrationDto = z.infer<typeof personCalibrationDto>;

export const calibrationDto = z
  .object({
    workspace: z.object(calibrationFields),
    analysts: z.array(personCalibrationDto).describe("Per author of the judgements, as frozen at resolution."),
    reviewers: z.array(personCalibrationDto).describe("Per reviewer whose approval was current at resolution."),
  })
  .meta({ id: "Calibration" });
export type CalibrationDto = z.infer<typeof calibrationDto>;
