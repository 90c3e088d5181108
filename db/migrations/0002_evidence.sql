CREATE TYPE "public"."coordinate_precision" AS ENUM('exact', 'approx_1km', 'approx_10km', 'town');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'range');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('source', 'site', 'observation');--> statement-breakpoint
CREATE TYPE "public"."source_reliability" AS ENUM('A', 'B', 'C', 'D', 'E', 'F');--> statement-breakpoint
CREATE TYPE "public"."source_type" AS ENUM('imagery', 'official_statement', 'media', 'think_tank_analysis', 'trade_data', 'reference', 'other');--> statement-breakpoint
CREATE TABLE "evidence_revisions" (
	"workspace_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"record_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_revisions_kind_record_id_revision_pk" PRIMARY KEY("kind","record_id","revision")
);
--> statement-breakpoint
CREATE TABLE "observation_sources" (
	"observation_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "observation_sources_observation_id_source_id_pk" PRIMARY KEY("observation_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"external_id" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" text NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"site_id" uuid,
	"observed_precision" date_precision NOT NULL,
	"observed_start" date NOT NULL,
	"observed_end" date NOT NULL,
	"quantities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"qualitative" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ships" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"credibility" smallint NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"inferred_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"external_id" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"coordinate_precision" "coordinate_precision",
	"coordinate_note" text DEFAULT '' NOT NULL,
	"country" text,
	"region" text DEFAULT '' NOT NULL,
	"type" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"external_id" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"publisher" text NOT NULL,
	"title" text,
	"title_note" text,
	"url" text,
	"published_on" text,
	"date_note" text,
	"type" "source_type" NOT NULL,
	"type_detail" text,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reliability" "source_reliability" NOT NULL,
	"reliability_rationale" text DEFAULT '' NOT NULL,
	"descriptor" text DEFAULT '' NOT NULL,
	"retrieved_on" date
);
--> statement-breakpoint
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_sources" ADD CONSTRAINT "observation_sources_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_sources" ADD CONSTRAINT "observation_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_retracted_by_users_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_sources_source_idx" ON "observation_sources" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_workspace_external_idx" ON "observations" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "observations_workspace_observed_idx" ON "observations" USING btree ("workspace_id","observed_start");--> statement-breakpoint
CREATE INDEX "observations_site_idx" ON "observations" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_workspace_external_idx" ON "sites" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "sites_workspace_idx" ON "sites" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_workspace_external_idx" ON "sources" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "sources_workspace_idx" ON "sources" USING btree ("workspace_id","publisher");