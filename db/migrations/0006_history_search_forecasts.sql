CREATE TYPE "public"."forecast_outcome" AS ENUM('happened', 'did_not_happen', 'annulled');--> statement-breakpoint
CREATE TABLE "judgement_forecasts" (
	"assessment_id" uuid NOT NULL,
	"judgement_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"resolve_by" date NOT NULL,
	"criterion" text NOT NULL,
	"point_estimate" double precision,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" "forecast_outcome",
	"scored_likelihood" "likelihood_band",
	"scored_probability" double precision,
	"brier_score" double precision,
	"analyst_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"outcome_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "judgement_forecasts_assessment_id_judgement_id_pk" PRIMARY KEY("assessment_id","judgement_id")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("key_question", '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "document_content" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("text", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("kind", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("notes", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("publisher", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("descriptor", '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce("type_detail", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "judgements" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("statement", '')), 'A')) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "judgement_forecasts" ADD CONSTRAINT "judgement_forecasts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgement_forecasts" ADD CONSTRAINT "judgement_forecasts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgement_forecasts" ADD CONSTRAINT "judgement_forecasts_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgement_forecasts" ADD CONSTRAINT "judgement_forecasts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "judgement_forecasts_workspace_due_idx" ON "judgement_forecasts" USING btree ("workspace_id","resolve_by");--> statement-breakpoint
CREATE INDEX "assessments_search_idx" ON "assessments" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "document_content_search_idx" ON "document_content" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "observations_search_idx" ON "observations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "judgements_search_idx" ON "judgements" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("search_vector");