CREATE TYPE "public"."confidence_level" AS ENUM('low', 'moderate', 'high');--> statement-breakpoint
CREATE TYPE "public"."likelihood_band" AS ENUM('almost_no_chance', 'very_unlikely', 'unlikely', 'roughly_even_chance', 'likely', 'very_likely', 'almost_certain');--> statement-breakpoint
CREATE TABLE "observation_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "judgements" (
	"assessment_id" uuid NOT NULL,
	"id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"statement" text NOT NULL,
	"likelihood" "likelihood_band",
	"confidence" "confidence_level",
	"is_key" boolean DEFAULT false NOT NULL,
	"cited_observation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unresolved_citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"author_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judgements_assessment_id_id_pk" PRIMARY KEY("assessment_id","id")
);
--> statement-breakpoint
ALTER TABLE "observation_sources" ADD COLUMN "attributed_to" text;--> statement-breakpoint
ALTER TABLE "observation_attachments" ADD CONSTRAINT "observation_attachments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_attachments" ADD CONSTRAINT "observation_attachments_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_attachments" ADD CONSTRAINT "observation_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgements" ADD CONSTRAINT "judgements_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgements" ADD CONSTRAINT "judgements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observation_attachments_observation_sha_idx" ON "observation_attachments" USING btree ("observation_id","sha256");--> statement-breakpoint
CREATE INDEX "judgements_workspace_idx" ON "judgements" USING btree ("workspace_id");